import { describe, expect, it } from 'vitest';
import type { SlaSchedule } from '../sla/policy.ts';
import { DEFAULT_SLA_SCHEDULE } from '../sla/policy.ts';
import { conversationKpiFacts, type KpiConversation, type KpiEvent } from './facts.ts';
import { percentile } from './figures.ts';
import { localDays, referenceKpis } from './reference.ts';

const MINUTE = 60_000;
const created = new Date('2026-11-06T17:30:00Z'); // a Friday, Lisbon winter time (UTC+0)

const conversation: KpiConversation = {
  id: 'c1',
  audience: 'driver',
  channel: 'whatsapp',
  cityId: 'lisbon',
  inboxId: 'payouts',
  assigneeId: 'ana',
  requestTypeId: 'payout_missing',
  priority: 'P2',
  status: 'resolved',
  createdAt: created,
};

const at = (minutes: number) => new Date(created.getTime() + minutes * MINUTE);
const event = (
  type: KpiEvent['type'],
  minutes: number,
  actorType: KpiEvent['actorType'] = 'agent',
  payload: Record<string, unknown> = {},
): KpiEvent => ({ type, actorType, payload, occurredAt: at(minutes) });

const weekdays: SlaSchedule = {
  ...DEFAULT_SLA_SCHEDULE,
  calendar: {
    timeZone: 'Europe/Lisbon',
    weekly: Object.fromEntries(
      (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => [day, [['09:00', '18:00']]]),
    ),
    holidays: [],
  },
};

describe('conversationKpiFacts', () => {
  const history: KpiEvent[] = [
    event('created', 0, 'contact'),
    event('message_received', 0, 'contact'),
    event('routed', 0, 'system', { inboxId: 'payouts' }),
    event('reply_sent', 1, 'bot'), // a bot never counts as a response
    event('note_added', 5),
    event('reply_sent', 3 * 24 * 60), // Monday 17:30
    event('escalation_updated', 3 * 24 * 60 + 5, 'agent', { move: 'sent' }),
    event('resolved', 3 * 24 * 60 + 20),
    event('csat_requested', 3 * 24 * 60 + 20, 'system'),
    event('reopened', 4 * 24 * 60, 'system'),
    event('reply_sent', 4 * 24 * 60 + 10),
    event('resolved', 4 * 24 * 60 + 30),
    event('csat_received', 4 * 24 * 60 + 40, 'contact', { rating: 4 }),
  ];

  it('measures first response and resolution in calendar and business time', () => {
    const { facts } = conversationKpiFacts(conversation, history, weekdays);
    expect(facts.firstResponseAt).toEqual(at(3 * 24 * 60));
    expect(facts.firstResponseSeconds).toBe(3 * 24 * 3600);
    // Friday 17:30–18:00 and Monday 09:00–17:30: 30 + 510 minutes.
    expect(facts.firstResponseBusinessSeconds).toBe(540 * 60);
    expect(facts.resolvedAt).toEqual(at(4 * 24 * 60 + 30));
    expect(facts.firstResolvedAt).toEqual(at(3 * 24 * 60 + 20));
    expect(facts.resolutionSeconds).toBe((4 * 24 * 60 + 30) * 60);
  });

  it('counts public agent replies, the reopen within 7 days, the escalation and the rating', () => {
    const { facts } = conversationKpiFacts(conversation, history, weekdays);
    expect(facts).toMatchObject({
      publicAgentReplies: 2,
      reopenedWithin7Days: true,
      escalatedAt: at(3 * 24 * 60 + 5),
      csatRating: 4,
      csatRequestedAt: at(3 * 24 * 60 + 20),
      firstInboxId: 'payouts',
      transferred: false,
    });
  });

  it('a standing resolution is cleared by a reopen, and a late reopen is not within 7 days', () => {
    const reopenedLate = conversationKpiFacts({ ...conversation, status: 'open' }, [
      event('created', 0, 'contact'),
      event('message_received', 0, 'contact'),
      event('resolved', 10),
      event('reopened', 10 + 8 * 24 * 60, 'system'),
    ]).facts;
    expect(reopenedLate.resolvedAt).toBeNull();
    expect(reopenedLate.firstResolvedAt).toEqual(at(10));
    expect(reopenedLate.reopenedWithin7Days).toBe(false);
    expect(reopenedLate.firstInboxId).toBeNull();
  });

  it('lists every clock run: met, missed, and still running', () => {
    const { outcomes } = conversationKpiFacts(conversation, history, DEFAULT_SLA_SCHEDULE);
    const firstResponse = outcomes.filter((outcome) => outcome.target === 'firstResponse');
    // P2 first response within an hour: answered three days later — missed.
    expect(firstResponse).toEqual([
      expect.objectContaining({ dueAt: at(60), stoppedAt: at(3 * 24 * 60) }),
    ]);
    // The reopen started a next-response clock, met by the reply ten minutes later.
    expect(outcomes.filter((outcome) => outcome.target === 'nextResponse')).toEqual([
      expect.objectContaining({ dueAt: at(4 * 24 * 60 + 60), stoppedAt: at(4 * 24 * 60 + 10) }),
    ]);
    expect(outcomes.every((outcome) => outcome.inboxId === 'payouts')).toBe(true);
  });
});

describe('the reference KPIs', () => {
  it('uses nearest-rank percentiles: always a value that occurred', () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([40, 10, 30, 20], 0.5)).toBe(20);
    expect(percentile([40, 10, 30, 20], 0.9)).toBe(40);
    expect(percentile([7], 0.9)).toBe(7);
  });

  it('lists the local days of a period, across a daylight-saving change', () => {
    expect(
      localDays({
        from: new Date('2026-10-24T23:00:00Z'),
        to: new Date('2026-10-27T00:00:00Z'),
        timeZone: 'Europe/Lisbon',
      }),
    ).toEqual(['2026-10-25', '2026-10-26']);
  });

  it('computes the figures of a small dataset by hand', () => {
    const derived = conversationKpiFacts(
      conversation,
      [
        event('created', 0, 'contact'),
        event('message_received', 0, 'contact'),
        event('routed', 0, 'system', { inboxId: 'payouts' }),
        event('reply_sent', 30),
        event('resolved', 40),
      ],
      DEFAULT_SLA_SCHEDULE,
    );
    const figures = referenceKpis(
      {
        facts: [derived.facts],
        outcomes: derived.outcomes,
        inboxTeams: new Map([['payouts', 'finance']]),
        trips: [
          { cityId: 'lisbon', scheduledAt: at(5) },
          { cityId: 'lisbon', scheduledAt: at(6) },
          { cityId: 'porto', scheduledAt: at(7) },
        ],
      },
      { from: at(-60), to: at(24 * 60), timeZone: 'UTC', cityId: 'lisbon', teamId: 'finance' },
      at(24 * 60),
    );
    expect(figures.created).toBe(1);
    expect(figures.firstResponse).toMatchObject({ count: 1, p50Seconds: 1800, p90Seconds: 1800 });
    expect(figures.sla.firstResponse).toEqual({ due: 1, met: 1, attainment: 1 });
    expect(figures.fcr).toEqual({ resolved: 1, oneTouch: 1, rate: 1 });
    expect(figures.routingAccuracy).toMatchObject({ routed: 1, accurate: 1, rate: 1 });
    expect(figures.contactRate).toEqual({ conversations: 1, trips: 2, perThousandTrips: 500 });
    expect(figures.backlog.open).toBe(0);
  });
});
