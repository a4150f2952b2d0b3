import { SLA_TARGET_KINDS, SLA_TARGET_LABELS } from '../sla/policy.ts';
import {
  type FrozenFigures,
  SNAPSHOT_KIND_LABELS,
  type SnapshotContent,
  type SnapshotKind,
} from './snapshot.ts';
import { definitionsUsed, driverChange } from './snapshot-reading.ts';

export interface StoredSnapshot {
  kind: SnapshotKind;
  periodStart: Date;
  periodEnd: Date;
  timeZone: string;
  createdAt: Date;
  definitions: Record<string, number>;
  content: SnapshotContent;
}

/** "45 min", "3.2 h", "1.5 d": durations as a report reads them. */
export function readableDuration(seconds: number | null): string {
  if (seconds === null) return '—';
  const minutes = seconds / 60;
  if (minutes < 90) return `${Math.round(minutes)} min`;
  const hours = minutes / 60;
  if (hours < 36) return `${Math.round(hours * 10) / 10} h`;
  return `${Math.round((hours / 24) * 10) / 10} d`;
}

export const readableShare = (value: number | null) =>
  value === null ? '—' : `${Math.round(value * 1000) / 10}%`;

function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'medium' }).format(at);
}

/** The snapshot's title: "Weekly report, 9 Nov 2026 – 15 Nov 2026". */
export function snapshotTitle(
  snapshot: Pick<StoredSnapshot, 'kind' | 'periodStart' | 'periodEnd' | 'timeZone'>,
) {
  const lastDay = new Date(snapshot.periodEnd.getTime() - 1);
  return `${SNAPSHOT_KIND_LABELS[snapshot.kind]} report, ${localDate(snapshot.periodStart, snapshot.timeZone)} – ${localDate(lastDay, snapshot.timeZone)}`;
}

/** The headline rows of a snapshot: one per KPI, guests, drivers and all, with the period before. */
export function headlineRows(
  content: SnapshotContent,
): Array<{ label: string; guest: string; driver: string; all: string; previousAll: string }> {
  const row = (label: string, value: (figures: FrozenFigures) => string) => ({
    label,
    guest: value(content.figures.guest),
    driver: value(content.figures.driver),
    all: value(content.figures.all),
    previousAll: value(content.previous.all),
  });
  return [
    row('Conversations', (f) => String(f.created)),
    row('First response p50 (business)', (f) =>
      readableDuration(f.firstResponse.p50BusinessSeconds),
    ),
    row('First response p90 (business)', (f) =>
      readableDuration(f.firstResponse.p90BusinessSeconds),
    ),
    row('Resolution p50 (business)', (f) => readableDuration(f.resolution.p50BusinessSeconds)),
    row('Resolution p90 (business)', (f) => readableDuration(f.resolution.p90BusinessSeconds)),
    ...SLA_TARGET_KINDS.map((target) =>
      row(`SLA met: ${SLA_TARGET_LABELS[target].toLowerCase()}`, (f) =>
        readableShare(f.sla[target].attainment),
      ),
    ),
    row('Open now', (f) => String(f.backlog.open)),
    row('Breached open', (f) => String(f.backlog.breachedOpen)),
    row('CSAT', (f) => readableShare(f.csat.score)),
    row('CSAT response rate', (f) => readableShare(f.csat.responseRate)),
    row('First contact resolution', (f) => readableShare(f.fcr.rate)),
    row('Reopen rate', (f) => readableShare(f.reopen.rate)),
    row('Escalation rate', (f) => readableShare(f.escalation.rate)),
    row('Routing accuracy', (f) => readableShare(f.routingAccuracy.rate)),
    row('Contacts per 1,000 trips', (f) =>
      f.contactRate.perThousandTrips === null
        ? '—'
        : String(Math.round(f.contactRate.perThousandTrips * 10) / 10),
    ),
  ];
}

const tableCell = (text: string) => text.replaceAll('|', '\\|');

function table(header: string[], rows: string[][]): string {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(tableCell).join(' | ')} |`),
  ].join('\n');
}

/** The whole snapshot as Markdown, to paste in a doc or a channel. */
export function snapshotMarkdown(snapshot: StoredSnapshot): string {
  const { content } = snapshot;
  const sections = [
    `# ${snapshotTitle(snapshot)}`,
    `Frozen on ${snapshot.createdAt.toISOString().slice(0, 16).replace('T', ' ')} UTC · days in ${snapshot.timeZone}.`,
    '## Recommended actions',
    content.recommendations.length === 0
      ? 'Nothing crossed a threshold this period.'
      : content.recommendations.map((item) => `- **${item.title}** — ${item.because}`).join('\n'),
    '## Headline figures',
    table(
      ['KPI', 'Guests', 'Drivers', 'All', 'All, period before'],
      headlineRows(content).map((row) => [
        row.label,
        row.guest,
        row.driver,
        row.all,
        row.previousAll,
      ]),
    ),
  ];
  for (const audience of ['guest', 'driver'] as const) {
    const name = audience === 'guest' ? 'guests' : 'drivers';
    sections.push(
      `## Top request types — ${name}`,
      table(
        ['Request type', 'Conversations', 'Period before', 'Change'],
        content.drivers.requestTypes[audience].map((d) => [
          d.name,
          String(d.count),
          String(d.previous),
          driverChange(d).label,
        ]),
      ),
      `## Top root causes — ${name}`,
      table(
        ['Root cause', 'Resolved', 'Period before', 'Change'],
        content.drivers.rootCauses[audience].map((d) => [
          d.name,
          String(d.count),
          String(d.previous),
          driverChange(d).label,
        ]),
      ),
    );
  }
  sections.push(
    '## SLA and backlog risks',
    table(
      ['', 'Guests', 'Drivers', 'All'],
      [
        [
          'Open now',
          ...(['guest', 'driver', 'all'] as const).map((a) =>
            String(content.figures[a].backlog.open),
          ),
        ],
        [
          'Breached open',
          ...(['guest', 'driver', 'all'] as const).map((a) =>
            String(content.figures[a].backlog.breachedOpen),
          ),
        ],
        [
          'Older than 3 days',
          ...(['guest', 'driver', 'all'] as const).map((a) =>
            String(content.figures[a].backlog.ages.over3d),
          ),
        ],
      ],
    ),
    '## Escalation turnaround',
    table(
      ['Team', 'Acknowledge p90', 'Resolve p90', 'Breached', 'Returned'],
      content.turnaround.map((t) => [
        t.team,
        readableDuration(t.acknowledgeP90Minutes === null ? null : t.acknowledgeP90Minutes * 60),
        readableDuration(t.resolveP90Minutes === null ? null : t.resolveP90Minutes * 60),
        String(t.breached),
        String(t.returned),
      ]),
    ),
    '## Staffing gaps',
    content.staffingGaps.length === 0
      ? 'Every inbox with a staffing plan is covered.'
      : table(
          ['Inbox', 'Short (agent-hours)', 'Required', 'Scheduled', 'Worst interval'],
          content.staffingGaps.map((g) => [
            g.inboxName,
            String(Math.round(g.shortAgentHours * 10) / 10),
            String(Math.round(g.requiredAgentHours)),
            String(Math.round(g.scheduledAgentHours)),
            g.worstInterval ? `${g.worstInterval} (${g.worstGap} short)` : '—',
          ]),
        ),
    '## Definitions used',
    definitionsUsed(snapshot.definitions)
      .map(
        (used) =>
          `- ${used.label} (v${used.storedVersion})${used.changed ? '' : `: ${used.formula}`}`,
      )
      .join('\n'),
  );
  return `${sections.join('\n\n')}\n`;
}
