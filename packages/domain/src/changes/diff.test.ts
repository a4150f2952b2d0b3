import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeChange } from './diff.ts';

describe('describeChange', () => {
  it('reads a field change as before → after, with the labels given', () => {
    expect(
      describeChange(
        { name: 'Airport no-show', priority: 'P3', enabled: true },
        { name: 'Airport no-show', priority: 'P1', enabled: false },
        {
          priority: { label: 'Priority' },
          enabled: { label: 'Enabled', format: (v) => (v ? 'yes' : 'no') },
        },
      ),
    ).toEqual(['Priority: P3 → P1', 'Enabled: yes → no']);
  });

  it('reads list changes as what was added and removed, or a new order', () => {
    expect(describeChange({ tags: ['airport', 'vip'] }, { tags: ['vip', 'refund'] })).toEqual([
      'Tags: added refund; removed airport',
    ]);
    expect(describeChange({ tags: ['a', 'b'] }, { tags: ['b', 'a'] })).toEqual(['Tags: reordered']);
  });

  it('formats list elements with the field format', () => {
    const format = (value: unknown) => `channel is ${(value as { channel: string }).channel}`;
    expect(
      describeChange(
        { conditions: [{ channel: 'chat' }] },
        { conditions: [{ channel: 'chat' }, { channel: 'email' }] },
        { conditions: { label: 'Conditions', format } },
      ),
    ).toEqual(['Conditions: added channel is email']);
  });

  it('lists every field of a creation once and skips ids and timestamps', () => {
    expect(
      describeChange(null, { id: 'x', name: 'New rule', createdAt: 'now', tags: ['a'], note: '' }),
    ).toEqual(['Name: New rule', 'Tags: a']);
  });

  it('ignores key order inside objects', () => {
    expect(describeChange({ actions: { a: 1, b: 2 } }, { actions: { b: 2, a: 1 } })).toEqual([]);
  });

  it('property: no change gives no lines; every changed field gets exactly one', () => {
    const value = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.array(fc.string()));
    const config = fc.dictionary(fc.constantFrom('name', 'priority', 'tags', 'enabled'), value);
    fc.assert(
      fc.property(config, config, (before, after) => {
        expect(describeChange(before, before)).toEqual([]);
        const changed = ['name', 'priority', 'tags', 'enabled'].filter(
          (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
        );
        expect(describeChange(before, after)).toHaveLength(changed.length);
      }),
    );
  });
});
