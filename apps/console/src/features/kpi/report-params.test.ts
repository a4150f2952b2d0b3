import { describe, expect, it } from 'vitest';
import { describeChange, formatSeconds } from './kpi-format.ts';
import { toCsv } from './report-csv.ts';
import { drilldownHref, reportViewOf } from './report-params.ts';

const NOW = new Date('2026-03-30T10:00:00Z');

describe('report view in the URL', () => {
  it('reads whole local days, across a daylight-saving change', () => {
    const view = reportViewOf(
      { from: '2026-03-28', to: '2026-03-29', tz: 'Europe/Lisbon' },
      'UTC',
      NOW,
    );
    // Lisbon moves to summer time on 29 March: that day starts at 00:00 WET, ends at 00:00 WEST.
    expect(view.query.from).toEqual(new Date('2026-03-28T00:00:00Z'));
    expect(view.query.to).toEqual(new Date('2026-03-29T23:00:00Z'));
    expect(view.preset).toBeUndefined();
  });

  it('falls back to the last 30 days in the viewer’s zone for a missing or impossible period', () => {
    for (const values of [
      {},
      { from: '2026-02-30', to: '2026-03-01' },
      { from: '2026-03-02', to: '2026-03-01' },
    ]) {
      const view = reportViewOf(values, 'Asia/Dubai', NOW);
      expect(view.period).toEqual({ from: '2026-03-01', to: '2026-03-30', timeZone: 'Asia/Dubai' });
      expect(view.preset).toBe(30);
    }
    expect(reportViewOf({ from: '2025-01-01', to: '2026-03-01' }, 'UTC', NOW).preset).toBe(30);
    expect(reportViewOf({ tz: 'Mars/Olympus' }, 'UTC', NOW).period.timeZone).toBe('UTC');
  });

  it('keeps only valid filters and carries them, resolved, to the drill-down', () => {
    const view = reportViewOf(
      {
        audience: 'driver',
        channel: 'fax',
        city: 'not-a-uuid',
        from: '2026-03-01',
        to: '2026-03-07',
      },
      'UTC',
      NOW,
    );
    expect(view.filter).toEqual({ audience: 'driver' });
    expect(drilldownHref('open', view.params)).toBe(
      '/reports/conversations?drilldown=open&from=2026-03-01&to=2026-03-07&tz=UTC&audience=driver',
    );
  });
});

describe('report figures', () => {
  it('writes durations to their two largest units', () => {
    expect(formatSeconds(null)).toBe('—');
    expect(formatSeconds(42)).toBe('42 s');
    expect(formatSeconds(720)).toBe('12 min');
    expect(formatSeconds(3_600)).toBe('1 h');
    expect(formatSeconds(3_900)).toBe('1 h 5 min');
    expect(formatSeconds(93_700)).toBe('1 d 2 h');
  });

  it('says whether a change is good news for the KPI', () => {
    expect(describeChange(0.9, 0.85, 'rate', 'higher')).toMatchObject({
      text: '+5 pp',
      tone: 'better',
    });
    expect(describeChange(0.1, 0.05, 'rate', 'lower')).toMatchObject({
      text: '+5 pp',
      tone: 'worse',
    });
    expect(describeChange(600, 900, 'seconds', 'lower')).toMatchObject({
      text: '−33.3%',
      tone: 'better',
    });
    expect(describeChange(48, 40, 'count', 'neither')).toMatchObject({
      text: '+20%',
      tone: 'neutral',
    });
    expect(describeChange(5, 0, 'count', 'lower')).toMatchObject({ text: 'new', tone: 'worse' });
    expect(describeChange(null, 0.5, 'rate', 'higher')).toMatchObject({ tone: 'unknown' });
    expect(describeChange(0.5, 0.5, 'rate', 'higher')).toMatchObject({
      text: 'no change',
      tone: 'same',
    });
  });

  it('exports numbers as numbers and text quoted and guarded against formulas', () => {
    const csv = toCsv(
      [
        { header: 'Name', value: (row: { name: string; net: number | null }) => row.name },
        { header: 'Net', value: (row) => row.net },
      ],
      [
        { name: '=HYPERLINK("x")', net: -3 },
        { name: 'Lisbon, drivers', net: null },
      ],
    );
    expect(csv).toBe('Name,Net\r\n"\'=HYPERLINK(""x"")",-3\r\n"Lisbon, drivers",\r\n');
  });
});
