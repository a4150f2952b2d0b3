import { describe, expect, it } from 'vitest';
import { reviewableIssue } from './reviewable.ts';

const WORDING = { unresolved: 'Not resolved yet', unhandled: 'Nobody handled it' };
const GUEST_CARD = { name: 'Guest QA', audience: 'guest' as const };
const resolved = { status: 'resolved' as const, audience: 'guest' as const, assigneeId: 'ana' };

describe('reviewableIssue', () => {
  it('takes resolved or closed conversations someone handled, of the scorecard audience', () => {
    expect(reviewableIssue(resolved, GUEST_CARD, WORDING)).toBeNull();
    expect(reviewableIssue({ ...resolved, status: 'closed' }, GUEST_CARD, WORDING)).toBeNull();
    expect(
      reviewableIssue(
        { ...resolved, audience: 'driver' },
        { ...GUEST_CARD, audience: null },
        WORDING,
      ),
    ).toBeNull();
  });

  it('names what is wrong, in the caller wording for the conversation', () => {
    expect(reviewableIssue({ ...resolved, status: 'open' }, GUEST_CARD, WORDING)).toEqual({
      on: 'conversation',
      message: 'Not resolved yet',
    });
    expect(reviewableIssue({ ...resolved, assigneeId: null }, GUEST_CARD, WORDING)).toEqual({
      on: 'conversation',
      message: 'Nobody handled it',
    });
    expect(reviewableIssue({ ...resolved, audience: 'driver' }, GUEST_CARD, WORDING)).toEqual({
      on: 'scorecard',
      message: 'Guest QA reviews guest conversations; this one is from a driver',
    });
  });
});
