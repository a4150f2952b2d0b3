export const snapshotPath = (snapshotId: string) => `/reports/snapshots/${snapshotId}`;

/** A snapshot's days, in the zone it was cut in: "9 – 15 Nov 2026", or "November 2026". */
export function snapshotPeriodText(snapshot: {
  kind: string;
  periodStart: Date;
  periodEnd: Date;
  timeZone: string;
}): string {
  const { timeZone } = snapshot;
  if (snapshot.kind === 'monthly') {
    return new Intl.DateTimeFormat('en-GB', { timeZone, month: 'long', year: 'numeric' }).format(
      snapshot.periodStart,
    );
  }
  // The period ends at the next local midnight; its last day is the one before.
  const lastDay = new Date(snapshot.periodEnd.getTime() - 1);
  const day = (at: Date, options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat('en-GB', { timeZone, ...options }).format(at);
  const sameYear =
    day(snapshot.periodStart, { year: 'numeric' }) === day(lastDay, { year: 'numeric' });
  const first = day(snapshot.periodStart, {
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
  });
  return `${first} – ${day(lastDay, { day: 'numeric', month: 'short', year: 'numeric' })}`;
}

/** The bytes of a base64 string (how the API sends a PDF). */
export function base64Bytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
