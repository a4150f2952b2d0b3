import { kpiDefinitionVersions } from '@switchboard/domain';
import { describe, expect, it } from 'vitest';
import {
  base64Bytes,
  definitionDrift,
  definitionsUsed,
  driverChange,
  snapshotPeriodText,
} from './snapshot-format.ts';

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

describe('driverChange', () => {
  it('reads new, up, down and flat against the period before', () => {
    expect(driverChange({ count: 5, previous: 0 })).toEqual({ label: 'new', trend: 'new' });
    expect(driverChange({ count: 0, previous: 0 })).toEqual({ label: '—', trend: 'none' });
    expect(driverChange({ count: 15, previous: 10 })).toEqual({ label: '+50%', trend: 'up' });
    expect(driverChange({ count: 6, previous: 8 })).toEqual({ label: '−25%', trend: 'down' });
    expect(driverChange({ count: 0, previous: 8 })).toEqual({ label: '−100%', trend: 'down' });
    expect(driverChange({ count: 1000, previous: 1001 })).toEqual({ label: '0%', trend: 'same' });
  });
});

describe('definitionsUsed', () => {
  it('flags a definition whose version moved on, or that is gone', () => {
    const used = definitionsUsed({ ...kpiDefinitionVersions(), csat: 0, handleTime: 1 });
    const firstResponse = used.find((definition) => definition.key === 'firstResponse')!;
    expect(firstResponse).toMatchObject({ label: 'First response time', changed: false });
    expect(definitionDrift(firstResponse)).toBeNull();
    const csat = used.find((definition) => definition.key === 'csat')!;
    expect(definitionDrift(csat)).toBe('computed with v0; the current definition is v1');
    const gone = used.find((definition) => definition.key === 'handleTime')!;
    expect(gone).toMatchObject({ label: 'handleTime', formula: null, changed: true });
    expect(definitionDrift(gone)).toBe('computed with v1; this KPI is no longer defined');
  });
});

describe('base64Bytes', () => {
  it('decodes what the API sends', () => {
    expect([...base64Bytes('JVBERi0xLjcK')]).toEqual([...new TextEncoder().encode('%PDF-1.7\n')]);
  });
});
