import { describe, expect, it } from 'vitest';
import { routingAccuracy } from './accuracy.ts';

describe('routingAccuracy', () => {
  it('counts resolved-without-transfer over routed, per rule and per inbox', () => {
    const { overall, byRule, byInbox } = routingAccuracy([
      { inboxId: 'A', ruleIds: ['r1'], resolved: true, transferred: false },
      { inboxId: 'A', ruleIds: ['r1', 'r2'], resolved: true, transferred: true },
      { inboxId: 'B', ruleIds: [], resolved: false, transferred: false },
      { inboxId: 'B', ruleIds: ['r2', 'r2'], resolved: true, transferred: false },
    ]);
    expect(overall).toEqual({ routed: 4, accurate: 2, transferred: 1, open: 1, accuracy: 0.5 });
    expect(byRule.get('r1')).toMatchObject({ routed: 2, accurate: 1, accuracy: 0.5 });
    expect(byRule.get('r2')).toMatchObject({ routed: 2, accurate: 1, transferred: 1 });
    expect(byInbox.get('B')).toMatchObject({ routed: 2, accurate: 1, open: 1 });
  });

  it('has no figure when nothing was routed', () => {
    expect(routingAccuracy([]).overall.accuracy).toBeNull();
  });
});
