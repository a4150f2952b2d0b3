// Small wording helpers for the sentences routing shows leads (internal to the routing area).

/** "a", "a or b", "a, b or c". */
export function listOf(items: readonly string[], last: 'or' | 'and' = 'or'): string {
  if (items.length <= 1) return items[0] ?? 'nothing';
  return `${items.slice(0, -1).join(', ')} ${last} ${items.at(-1)}`;
}

/** "20 min", "5 h", "1.5 h", "3 days". */
export function formatHours(hours: number): string {
  const abs = Math.abs(hours);
  if (abs < 1) return `${Math.round(abs * 60)} min`;
  if (abs < 48) return `${Number(abs.toFixed(abs < 10 ? 1 : 0))} h`;
  return `${Math.round(abs / 24)} days`;
}
