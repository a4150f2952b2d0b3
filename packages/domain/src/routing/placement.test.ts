import { describe, expect, it } from 'vitest';
import { totalCapacity } from './placement.ts';

describe('totalCapacity', () => {
  it('adds the channels an agent takes, counting a channel left out as none', () => {
    expect(totalCapacity({ chat: 2, whatsapp: 2, email: 3 })).toBe(7);
    expect(totalCapacity({ chat: 4 })).toBe(4);
    expect(totalCapacity({})).toBe(0);
  });
});
