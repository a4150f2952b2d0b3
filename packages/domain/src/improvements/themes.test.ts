import { describe, expect, it } from 'vitest';
import { improvementInputSchema, rankThemes, themeTrend } from './themes.ts';

describe('recurring themes', () => {
  it('ranks by volume this period, then by growth, with a trend each', () => {
    const ranked = rankThemes([
      {
        requestTypeCode: 'LATE_PICKUP',
        rootCauseCode: 'supply_shortage',
        current: 40,
        previous: 20,
      },
      { requestTypeCode: 'APP_BUG', rootCauseCode: 'product_bug', current: 40, previous: 42 },
      { requestTypeCode: 'PAYOUT_MISSING', rootCauseCode: 'payout_delay', current: 7, previous: 0 },
      { requestTypeCode: 'LOST_ITEM', rootCauseCode: null, current: 3, previous: 10 },
      { requestTypeCode: 'RECEIPT_INVOICE', rootCauseCode: null, current: 0, previous: 0 },
    ]);
    expect(
      ranked.map((theme) => [theme.rank, theme.requestTypeCode, theme.trend, theme.changePercent]),
    ).toEqual([
      [1, 'LATE_PICKUP', 'rising', 100],
      [2, 'APP_BUG', 'steady', -5],
      [3, 'PAYOUT_MISSING', 'new', null],
      [4, 'LOST_ITEM', 'falling', -70],
    ]);
  });

  it('calls a change within 10% steady, and the edges exactly', () => {
    expect(themeTrend(110, 100).trend).toBe('steady');
    expect(themeTrend(111, 100).trend).toBe('rising');
    expect(themeTrend(90, 100).trend).toBe('steady');
    expect(themeTrend(89, 100).trend).toBe('falling');
    expect(themeTrend(0, 0)).toEqual({ trend: 'steady', changePercent: null });
  });

  it('asks an improvement item to name its theme and its owner', () => {
    const result = improvementInputSchema.safeParse({ title: 'Fix', kind: 'magic', ownerId: '' });
    expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'kind',
      'ownerId',
      'title',
    ]);
    const orphan = improvementInputSchema.safeParse({
      title: 'Explain payout timing in the app',
      kind: 'product',
      ownerId: 'u1',
    });
    expect(orphan.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['requestTypeCode']);
  });
});
