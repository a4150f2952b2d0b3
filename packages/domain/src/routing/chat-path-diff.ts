import { canonical } from '../changes/diff.ts';
import type { ChatPath, ChatPathStep } from './chat-paths.ts';

/*
 * The change history's reading of a chat path edit: which steps were added, removed or
 * changed and how, in words a lead recognises from the editor.
 */

/** A saved path as the change history stores it: whether it is on, and its definition. */
export interface ChatPathSnapshot {
  enabled: boolean;
  definition: ChatPath;
}

export function chatPathSnapshot(path: ChatPathSnapshot): Record<string, unknown> {
  return { enabled: path.enabled, ...path.definition };
}

export function sameChatPath(a: ChatPathSnapshot, b: ChatPathSnapshot): boolean {
  return canonical(chatPathSnapshot(a)) === canonical(chatPathSnapshot(b));
}

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `“${flat.length > 60 ? `${flat.slice(0, 59)}…` : flat}”`;
}

function handoverSummary(target: { inboxCode?: string | undefined; tags: string[] }) {
  const tagList = target.tags.length > 0 ? `, tags ${target.tags.join(', ')}` : '';
  return `${target.inboxCode ? `inbox ${target.inboxCode}` : 'the routing rules’ inbox'}${tagList}`;
}

const STEP_FIELD_LABELS: Record<string, string> = {
  prompt: 'prompt',
  text: 'answer',
  message: 'message',
  field: 'asks for',
  fieldKey: 'field key',
  next: 'next step',
  inboxCode: 'inbox',
  tags: 'tags',
};

function showStepValue(key: string, value: unknown): string {
  if (key === 'inboxCode' && !value) return 'routing rules';
  if (value === undefined || value === null) return '—';
  if (Array.isArray(value)) return value.length > 0 ? value.join(', ') : '—';
  if (key === 'prompt' || key === 'text' || key === 'message') return quote(String(value));
  return String(value);
}

function describeStepChange(before: ChatPathStep, after: ChatPathStep): string[] {
  if (before.kind !== after.kind) {
    return [`Step ${after.id}: ${before.kind} → ${after.kind}`];
  }
  const lines: string[] = [];
  const beforeFields = before as unknown as Record<string, unknown>;
  const afterFields = after as unknown as Record<string, unknown>;
  for (const key of Object.keys(STEP_FIELD_LABELS)) {
    if (canonical(beforeFields[key]) === canonical(afterFields[key])) continue;
    lines.push(
      `Step ${after.id}: ${STEP_FIELD_LABELS[key]} ${showStepValue(key, beforeFields[key])} → ${showStepValue(key, afterFields[key])}`,
    );
  }
  if (before.kind === 'menu' && after.kind === 'menu') {
    const show = (option: { label: string; next: string }) =>
      `${quote(option.label)} → ${option.next}`;
    const was = before.options.map(show);
    const now = after.options.map(show);
    const added = now.filter((option) => !was.includes(option));
    const removed = was.filter((option) => !now.includes(option));
    const parts = [
      added.length > 0 ? `added option ${added.join(', ')}` : null,
      removed.length > 0 ? `removed option ${removed.join(', ')}` : null,
    ].filter((part): part is string => part !== null);
    if (parts.length > 0) lines.push(`Step ${after.id}: ${parts.join('; ')}`);
    else if (canonical(was) !== canonical(now)) lines.push(`Step ${after.id}: options reordered`);
  }
  return lines;
}

/**
 * The change history's lines for a path: "Greeting: … → …", "Added step refund-info
 * (answer)", "Step booking-ref: prompt “…” → “…”", "Talk to a person: inbox A → inbox B".
 */
export function describeChatPathChange(
  before: ChatPathSnapshot | null,
  after: ChatPathSnapshot,
): string[] {
  const next = after.definition;
  if (!before) {
    return [
      `Enabled: ${yesNo(after.enabled)}`,
      `Greeting: ${quote(next.greeting)}`,
      `Talk to a person: ${handoverSummary(next.defaultHandover)}`,
      `Steps: ${next.steps.map((step) => `${step.id} (${step.kind})`).join(', ')}`,
    ];
  }
  const previous = before.definition;
  const lines: string[] = [];
  if (before.enabled !== after.enabled) {
    lines.push(`Enabled: ${yesNo(before.enabled)} → ${yesNo(after.enabled)}`);
  }
  if (previous.greeting !== next.greeting) {
    lines.push(`Greeting: ${quote(previous.greeting)} → ${quote(next.greeting)}`);
  }
  const wasHandover = handoverSummary(previous.defaultHandover);
  const isHandover = handoverSummary(next.defaultHandover);
  if (wasHandover !== isHandover) lines.push(`Talk to a person: ${wasHandover} → ${isHandover}`);
  if ((previous.defaultHandover.message ?? '') !== (next.defaultHandover.message ?? '')) {
    lines.push(
      `Talk to a person: message ${showStepValue('message', previous.defaultHandover.message)} → ${showStepValue('message', next.defaultHandover.message)}`,
    );
  }
  const wasIds = previous.steps.map((step) => step.id);
  const isIds = next.steps.map((step) => step.id);
  for (const step of next.steps) {
    const old = previous.steps.find((candidate) => candidate.id === step.id);
    if (!old) lines.push(`Added step ${step.id} (${step.kind})`);
    else lines.push(...describeStepChange(old, step));
  }
  for (const step of previous.steps) {
    if (!isIds.includes(step.id)) lines.push(`Removed step ${step.id} (${step.kind})`);
  }
  if (wasIds[0] !== isIds[0]) lines.push(`First step: ${wasIds[0]} → ${isIds[0]}`);
  const kept = wasIds.filter((id) => isIds.includes(id));
  const keptNow = isIds.filter((id) => wasIds.includes(id));
  if (wasIds[0] === isIds[0] && canonical(kept) !== canonical(keptNow)) {
    lines.push('Steps reordered');
  }
  return lines.length > 0 ? lines : ['No visible change'];
}
