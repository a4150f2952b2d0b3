import { describe, expect, it } from 'vitest';
import { guestPath } from './chat-path.fixture.ts';
import { describeChatPathChange, sameChatPath } from './chat-path-diff.ts';
import type { ChatPath } from './chat-paths.ts';

const saved = { enabled: true, definition: guestPath };

function edited(change: (path: ChatPath) => ChatPath, enabled = true) {
  return { enabled, definition: change(JSON.parse(JSON.stringify(guestPath)) as ChatPath) };
}

describe('describeChatPathChange', () => {
  it('lists everything once for a new path', () => {
    expect(describeChatPathChange(null, saved)).toEqual([
      'Enabled: yes',
      `Greeting: “${guestPath.greeting}”`,
      'Talk to a person: inbox LIS_GUEST, tags chat-bot',
      `Steps: ${guestPath.steps.map((step) => `${step.id} (${step.kind})`).join(', ')}`,
    ]);
  });

  it('reads step edits, added and removed steps, options and the default handover', () => {
    const after = edited((path) => ({
      ...path,
      greeting: 'Hello!',
      defaultHandover: { inboxCode: 'LIS_VIP', tags: [] },
      steps: [
        ...path.steps.map((step) => {
          if (step.id === 'booking-ref' && step.kind === 'question') {
            return { ...step, prompt: 'Your booking reference, please?' };
          }
          if (step.id === 'start' && step.kind === 'menu') {
            return {
              ...step,
              options: [...step.options.slice(0, 3), { label: 'Safety', next: 'safety' }],
            };
          }
          return step;
        }),
        {
          id: 'safety',
          kind: 'handover' as const,
          inboxCode: 'LIS_SAFETY',
          tags: [],
          message: 'Connecting you now.',
        },
      ],
    }));
    expect(describeChatPathChange(saved, after)).toEqual([
      'Greeting: “Hi! I’m the Switchboard assistant.” → “Hello!”',
      'Talk to a person: inbox LIS_GUEST, tags chat-bot → inbox LIS_VIP',
      'Step start: added option “Safety” → safety; removed option “Something else” → describe',
      'Step booking-ref: prompt “What is your booking reference?” → “Your booking reference, please?”',
      'Added step safety (handover)',
    ]);
  });

  it('notices a removed step, a new first step, reordering and switching off', () => {
    const removed = edited((path) => ({
      ...path,
      steps: path.steps.filter((step) => step.id !== 'lost-info'),
    }));
    expect(describeChatPathChange(saved, removed)).toContain('Removed step lost-info (answer)');
    const reordered = edited((path) => ({
      ...path,
      steps: [path.steps[0]!, ...path.steps.slice(1).reverse()],
    }));
    expect(describeChatPathChange(saved, reordered)).toEqual(['Steps reordered']);
    const off = { ...saved, enabled: false };
    expect(describeChatPathChange(saved, off)).toEqual(['Enabled: yes → no']);
  });

  it('says when nothing visible changed, and sameChatPath ignores key order', () => {
    const shuffled = { definition: { ...guestPath }, enabled: true };
    expect(sameChatPath(saved, shuffled)).toBe(true);
    expect(describeChatPathChange(saved, shuffled)).toEqual(['No visible change']);
    expect(sameChatPath(saved, { ...saved, enabled: false })).toBe(false);
  });
});
