import { describe, expect, it } from 'vitest';
import { base64Bytes, snapshotPeriodText } from './snapshot-format.ts';

describe('snapshotPeriodText', () => {
  it('names a week by its first and last local day, and a month by its name', () => {
    const week = {
      kind: 'weekly',
      timeZone: 'Europe/Lisbon',
      // Summer time: Lisbon midnight is 23:00 UTC the day before.
      periodStart: new Date('2026-06-28T23:00:00Z'),
      periodEnd: new Date('2026-07-05T23:00:00Z'),
    };
    expect(snapshotPeriodText(week)).toBe('29 Jun – 5 Jul 2026');
    expect(
      snapshotPeriodText({
        ...week,
        periodStart: new Date('2026-12-28T00:00:00Z'),
        periodEnd: new Date('2027-01-04T00:00:00Z'),
      }),
    ).toBe('28 Dec 2026 – 3 Jan 2027');
    expect(
      snapshotPeriodText({
        ...week,
        kind: 'monthly',
        periodStart: new Date('2026-05-31T23:00:00Z'),
        periodEnd: new Date('2026-06-30T23:00:00Z'),
      }),
    ).toBe('June 2026');
  });
});

describe('base64Bytes', () => {
  it('decodes what the API sends', () => {
    expect([...base64Bytes('JVBERi0xLjcK')]).toEqual([...new TextEncoder().encode('%PDF-1.7\n')]);
  });
});
