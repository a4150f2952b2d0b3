/** "16–22 Nov 2026": a local week from its Monday (YYYY-MM-DD). */
export function weekText(weekStart: string): string {
  const [year, month, day] = weekStart.split('-').map(Number) as [number, number, number];
  const monday = new Date(Date.UTC(year, month - 1, day));
  const sunday = new Date(Date.UTC(year, month - 1, day + 6));
  const format = (date: Date, options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', ...options }).format(date);
  const sameMonth = monday.getUTCMonth() === sunday.getUTCMonth();
  return `${format(monday, sameMonth ? { day: 'numeric' } : { day: 'numeric', month: 'short' })}–${format(sunday, { day: 'numeric', month: 'short', year: 'numeric' })}`;
}

/** The Monday `weeks` weeks after (or before, when negative) this one. */
export function shiftWeek(weekStart: string, weeks: number): string {
  const [year, month, day] = weekStart.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + weeks * 7)).toISOString().slice(0, 10);
}
