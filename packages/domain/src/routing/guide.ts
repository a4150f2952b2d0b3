import { PRIORITY_LABELS, type Priority } from '../conversations/priority.ts';
import type { Audience } from '../shared/enums.ts';
import { DEFAULT_SLA_TARGETS } from '../sla/targets.ts';
import type { RoutingRule } from './rules.ts';
import { formatHours } from './wording.ts';

/*
 * The inbound routing guide (DOMAIN.md): the table a new agent reads to know where things
 * go — request type → tags → inbox → playbook → priority → SLA. It is derived from the live
 * rules and taxonomy every time, so it is never stale.
 */

export interface GuideRequestType {
  code: string;
  name: string;
  audience: Audience;
  defaultPriority: Priority;
  sopTitle?: string | null;
  macroNames: readonly string[];
}

export interface GuideInbox {
  code: string;
  name: string;
}

export interface RoutingGuideInput {
  rules: readonly RoutingRule[];
  requestTypes: readonly GuideRequestType[];
  inboxes: readonly GuideInbox[];
  /** The SLA in words for a priority; defaults to the 24/7 default targets. */
  slaTargets?: (priority: Priority) => string;
}

/** One request type, every column already in words. */
export interface RoutingGuideRow {
  requestTypeCode: string;
  requestType: string;
  audience: string;
  /** The enabled rules that set this request type, or "Set by the agent". */
  setBy: string;
  tags: string;
  inbox: string;
  playbook: string;
  priority: string;
  sla: string;
}

export const SET_BY_AGENT = 'Set by the agent';
const NONE = '—';

const AUDIENCE_NAMES: Record<Audience, string> = { guest: 'Guest', driver: 'Driver' };

/** "First reply 15 min · resolved in 4 h", from the default 24/7 targets. */
export function defaultSlaText(priority: Priority): string {
  const target = DEFAULT_SLA_TARGETS[priority];
  return `First reply ${formatHours(target.firstResponseMs / 3_600_000)} · resolved in ${formatHours(target.resolutionMs / 3_600_000)}`;
}

const priorityText = (priority: Priority) => `${priority} ${PRIORITY_LABELS[priority].label}`;
const distinct = <T>(values: readonly T[]) => [...new Set(values)];

/**
 * One row per request type, in the order given. A request type set by enabled rules shows
 * those rules, the tags they add and the inboxes they route to, and their priority when
 * they set one (the request type's default otherwise). One no rule sets is chosen by the
 * agent while handling the conversation.
 */
export function buildRoutingGuide(input: RoutingGuideInput): RoutingGuideRow[] {
  const inboxNames = new Map(input.inboxes.map((inbox) => [inbox.code, inbox.name]));
  const slaText = input.slaTargets ?? defaultSlaText;
  const enabled = input.rules.filter((rule) => rule.enabled);

  return input.requestTypes.map((requestType): RoutingGuideRow => {
    const setting = enabled.filter((rule) => rule.actions.requestTypeCode === requestType.code);
    const macros =
      requestType.macroNames.length > 0 ? `Macros: ${requestType.macroNames.join(', ')}` : null;
    const sop = requestType.sopTitle ? `SOP “${requestType.sopTitle}”` : 'No SOP yet';
    const rulePriorities = distinct(
      setting.flatMap((rule) => (rule.actions.priority ? [rule.actions.priority] : [])),
    );
    // A rule that sets the request type but not the priority leaves the default in place.
    const priorities =
      rulePriorities.length > 0 && setting.every((rule) => rule.actions.priority)
        ? rulePriorities
        : distinct([...rulePriorities, requestType.defaultPriority]);
    const inboxes = distinct(
      setting.map((rule) =>
        rule.actions.inboxCode
          ? (inboxNames.get(rule.actions.inboxCode) ?? rule.actions.inboxCode)
          : 'the inbox another rule picks',
      ),
    );
    const tags = distinct(setting.flatMap((rule) => rule.actions.addTags ?? []));

    return {
      requestTypeCode: requestType.code,
      requestType: requestType.name,
      audience: AUDIENCE_NAMES[requestType.audience],
      setBy: setting.length > 0 ? setting.map((rule) => `“${rule.name}”`).join(', ') : SET_BY_AGENT,
      tags: tags.length > 0 ? tags.join(', ') : NONE,
      inbox: inboxes.length > 0 ? inboxes.join('; ') : NONE,
      playbook: macros ? `${sop} · ${macros}` : sop,
      priority: priorities
        .map((priority) =>
          priority === requestType.defaultPriority && !rulePriorities.includes(priority)
            ? `${priorityText(priority)} (default)`
            : priorityText(priority),
        )
        .join('; '),
      sla:
        priorities.length === 1
          ? slaText(priorities[0]!)
          : priorities.map((priority) => `${priority}: ${slaText(priority)}`).join('; '),
    };
  });
}

const COLUMNS = [
  ['requestType', 'Request type'],
  ['requestTypeCode', 'Code'],
  ['audience', 'Audience'],
  ['setBy', 'Set by'],
  ['tags', 'Tags'],
  ['inbox', 'Inbox'],
  ['playbook', 'Playbook'],
  ['priority', 'Priority'],
  ['sla', 'SLA'],
] as const satisfies readonly (readonly [keyof RoutingGuideRow, string])[];

/**
 * One CSV field per RFC 4180: quoted when it holds a comma, quote, CR or LF, quotes doubled.
 * A field a spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe:
 * rule names are typed by leads and the guide is opened in spreadsheets.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The guide as CSV with a header row, CRLF line ends (RFC 4180). */
export function guideToCsv(rows: readonly RoutingGuideRow[]): string {
  const lines = [COLUMNS.map(([, header]) => csvField(header)).join(',')];
  for (const row of rows) lines.push(COLUMNS.map(([key]) => csvField(row[key])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** A Markdown table cell: pipes escaped, line breaks flattened, so a value stays in its cell. */
function markdownCell(value: string): string {
  return value
    .replaceAll('\\', '\\\\')
    .replaceAll('|', '\\|')
    .replace(/\s*[\r\n]+\s*/g, ' ');
}

/** The guide as a GitHub-flavoured Markdown table. */
export function guideToMarkdown(rows: readonly RoutingGuideRow[]): string {
  const lines = [
    `| ${COLUMNS.map(([, header]) => header).join(' | ')} |`,
    `| ${COLUMNS.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${COLUMNS.map(([key]) => markdownCell(row[key])).join(' | ')} |`),
  ];
  return `${lines.join('\n')}\n`;
}
