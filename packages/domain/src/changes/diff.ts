import { z } from 'zod';

/** How one field of a configuration reads in a change history. */
export interface FieldLabel {
  label: string;
  /** Renders one value (or one element of a list) for people; JSON by default. */
  format?: (value: unknown) => string;
}

export type FieldLabels = Record<string, FieldLabel>;

function humanise(key: string): string {
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
}

function defaultFormat(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** JSON in which key order never makes two equal values look different. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}

function listChange(
  label: string,
  before: unknown[],
  after: unknown[],
  show: (v: unknown) => string,
) {
  const beforeKeys = new Set(before.map(canonical));
  const afterKeys = new Set(after.map(canonical));
  const added = after.filter((item) => !beforeKeys.has(canonical(item))).map(show);
  const removed = before.filter((item) => !afterKeys.has(canonical(item))).map(show);
  const parts = [
    added.length > 0 ? `added ${added.join(', ')}` : null,
    removed.length > 0 ? `removed ${removed.join(', ')}` : null,
  ].filter((part): part is string => part !== null);
  // Same elements in another order: the order itself is what changed.
  return parts.length > 0 ? `${label}: ${parts.join('; ')}` : `${label}: reordered`;
}

/**
 * The readable lines of a configuration change — "Priority: P3 → P2", "Tags: added
 * airport" — for the change history. Creation and deletion list every field once.
 */
export function describeChange(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  labels: FieldLabels = {},
): string[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter(
    (key) => key in labels || !['id', 'createdAt', 'updatedAt', 'position'].includes(key),
  );
  const ordered = [
    ...Object.keys(labels).filter((key) => keys.includes(key)),
    ...keys.filter((key) => !(key in labels)),
  ];
  const lines: string[] = [];
  for (const key of ordered) {
    const label = labels[key]?.label ?? humanise(key);
    const show = labels[key]?.format ?? defaultFormat;
    const old = before?.[key];
    const next = after?.[key];
    if (canonical(old) === canonical(next)) continue;
    if (Array.isArray(old) && Array.isArray(next)) {
      lines.push(listChange(label, old, next, show));
    } else if (before === null) {
      if (next === undefined || next === null || next === '') continue;
      lines.push(
        `${label}: ${Array.isArray(next) ? next.map(show).join(', ') || '—' : show(next)}`,
      );
    } else if (after === null) {
    } else {
      const render = (value: unknown) =>
        Array.isArray(value) ? value.map(show).join(', ') || '—' : show(value);
      lines.push(`${label}: ${render(old)} → ${render(next)}`);
    }
  }
  return lines;
}

export const rolloutNoteSchema = z
  .string()
  .trim()
  .max(2000, 'A rollout note is at most 2,000 characters')
  .optional()
  .transform((note) => (note ? note : undefined));
