import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRIORITIES } from '../conversations/priority.ts';
import { CHANNELS, type Channel } from '../shared/enums.ts';
import {
  type AgentLoad,
  type AssignmentCandidate,
  type AssignmentPolicy,
  assignmentPolicySchema,
  blocksChannelQueue,
  chooseAgent,
  compareQueue,
  isReplyOverdue,
  nextInQueue,
  type QueuedConversation,
  replyDueAt,
} from './assignment.ts';

const at = (iso: string) => new Date(`2025-06-02T${iso}:00Z`);

function agent(id: string, overrides: Partial<AssignmentCandidate> = {}): AssignmentCandidate {
  return {
    id,
    name: id[0]!.toUpperCase() + id.slice(1),
    availability: 'online',
    capacity: { chat: 4, email: 10 },
    skills: [],
    languages: ['en'],
    certifications: [],
    lastAssignedAt: null,
    ...overrides,
  };
}

const roundRobin: AssignmentPolicy = { mode: 'round_robin' };
const leastLoaded: AssignmentPolicy = { mode: 'least_loaded' };

describe('assignment policy schema', () => {
  it('accepts a bare manual policy and a full one', () => {
    expect(assignmentPolicySchema.parse({ mode: 'manual' })).toEqual({ mode: 'manual' });
    const full = {
      mode: 'least_loaded',
      requireSkill: 'airport_transfers',
      requireLanguage: true,
      requireCertification: false,
      replyLimitMinutes: 30,
    };
    expect(assignmentPolicySchema.parse(full)).toEqual(full);
  });

  it.each([
    [{ mode: 'random' }, 'Assignment: choose manual, round robin or least loaded'],
    [{ mode: 'manual', replyLimitMinutes: 0 }, 'Reply limit: at least 1 minute'],
    [{ mode: 'manual', replyLimitMinutes: 1441 }, 'Reply limit: at most 1,440 minutes (a day)'],
    [{ mode: 'manual', replyLimitMinutes: 2.5 }, 'Reply limit: whole minutes'],
    [
      { mode: 'manual', requireSkill: 'Airport Transfers' },
      'Skills are lower_snake_case, e.g. airport_transfers',
    ],
  ])('refuses %j', (policy, message) => {
    expect(assignmentPolicySchema.safeParse(policy).error?.issues[0]?.message).toBe(message);
  });
});

describe('chooseAgent', () => {
  it('never assigns under a manual policy', () => {
    const choice = chooseAgent({ channel: 'chat' }, [agent('ana')], { mode: 'manual' }, {});
    expect(choice).toMatchObject({ ok: false, reason: 'manual' });
  });

  it('round robin picks the agent assigned longest ago, never-assigned first, ties by id', () => {
    const agents = [
      agent('rui', { lastAssignedAt: at('09:00') }),
      agent('ana', { lastAssignedAt: at('08:00') }),
      agent('lia', { lastAssignedAt: at('08:00') }),
    ];
    expect(chooseAgent({ channel: 'chat' }, agents, roundRobin, {})).toMatchObject({
      ok: true,
      agentId: 'ana',
      reason:
        'Round robin: Ana was assigned longest ago (2025-06-02T08:00:00.000Z), of 3 eligible agents',
    });
    expect(
      chooseAgent({ channel: 'chat' }, agents, roundRobin, {}).skipped.map((s) => s.detail),
    ).toEqual([
      'Rui — eligible, but Ana waited longer for a conversation',
      'Lia — eligible, but Ana waited longer for a conversation',
    ]);
    const fresh = [...agents, agent('zoe'), agent('bea')];
    expect(chooseAgent({ channel: 'chat' }, fresh, roundRobin, {})).toMatchObject({
      agentId: 'bea',
      reason: 'Round robin: Bea has not been assigned yet, of 5 eligible agents',
    });
  });

  it('least loaded compares the share of capacity in use on the channel', () => {
    const agents = [
      agent('ana', { capacity: { chat: 2 } }),
      agent('rui', { capacity: { chat: 6 } }),
      agent('lia', { capacity: { chat: 4 } }),
    ];
    const loads = new Map<string, AgentLoad>([
      ['ana', { chat: 1, email: 0 }], // 50%
      ['rui', { chat: 2, email: 9 }], // 33%
      ['lia', { chat: 2 }], // 50%
    ]);
    expect(chooseAgent({ channel: 'chat' }, agents, leastLoaded, loads)).toMatchObject({
      ok: true,
      agentId: 'rui',
      reason: 'Least loaded: Rui has 2 of 6 chat conversations open, of 3 eligible agents',
      skipped: [
        expect.objectContaining({
          agentId: 'ana',
          detail: 'Ana — eligible, with 1 of 2 chat conversations open',
        }),
        expect.objectContaining({
          agentId: 'lia',
          detail: 'Lia — eligible, with 2 of 4 chat conversations open',
        }),
      ],
    });
  });

  it('least loaded breaks ties by time since last assignment, then id', () => {
    const agents = [
      agent('rui', { lastAssignedAt: at('09:00') }),
      agent('lia', { lastAssignedAt: at('08:30') }),
      agent('ana', { lastAssignedAt: at('08:30') }),
    ];
    const loads = { rui: { chat: 1 }, lia: { chat: 1 }, ana: { chat: 1 } };
    expect(chooseAgent({ channel: 'chat' }, agents, leastLoaded, loads)).toMatchObject({
      agentId: 'ana',
    });
  });

  it('explains every agent it skipped', () => {
    const agents = [
      agent('ana', { availability: 'away' }),
      agent('rui', { capacity: { chat: 4 } }),
      agent('lia', { certifications: [] }),
      agent('eva', { capacity: { email: 3 } }),
      agent('tom', { certifications: ['driver_payouts'], languages: ['en-GB'] }),
      agent('ivo', {
        certifications: ['driver_payouts'],
        languages: ['pt-PT'],
        skills: ['payouts'],
      }),
      agent('max', {
        availability: 'offline',
        certifications: ['driver_payouts'],
        languages: ['pt'],
        skills: ['payouts'],
      }),
      agent('sam', { certifications: ['driver_payouts'], languages: ['pt'], skills: ['payouts'] }),
    ];
    const choice = chooseAgent(
      {
        channel: 'chat',
        languageCode: 'pt-BR',
        requestTypeCode: 'DRIVER_PAYOUT',
        requiredCertification: 'driver_payouts',
        excludeAgentIds: ['sam'],
      },
      agents,
      { mode: 'round_robin', requireSkill: 'payouts', requireLanguage: true },
      { rui: { chat: 4 }, ivo: { chat: 1 } },
    );
    expect(choice).toMatchObject({ ok: true, agentId: 'ivo' });
    expect(choice.skipped.map((s) => s.detail)).toEqual([
      'Ana — not certified for DRIVER_PAYOUT (needs driver_payouts)',
      'Rui — not certified for DRIVER_PAYOUT (needs driver_payouts)',
      'Lia — not certified for DRIVER_PAYOUT (needs driver_payouts)',
      'Eva — not certified for DRIVER_PAYOUT (needs driver_payouts)',
      'Tom — lacks the skill payouts',
      'Max — offline',
      'Sam — excluded from this assignment',
    ]);
  });

  it('names what to fix when nobody can take it', () => {
    const convo = {
      channel: 'chat' as Channel,
      requestTypeCode: 'DRIVER_PAYOUT',
      requiredCertification: 'driver_payouts',
    };
    expect(chooseAgent(convo, [], roundRobin, {})).toMatchObject({
      ok: false,
      reason: 'no_candidates',
    });
    expect(chooseAgent(convo, [agent('ana')], roundRobin, {})).toMatchObject({
      ok: false,
      reason: 'missing_certification',
      explanation:
        'Nobody on the team holds the certification driver_payouts this request type requires',
    });
    const certified = { certifications: ['driver_payouts'] };
    const away = [
      agent('ana', { ...certified, availability: 'away' }),
      agent('rui', { ...certified, availability: 'offline' }),
      agent('lia'),
    ];
    expect(chooseAgent(convo, away, roundRobin, {})).toMatchObject({
      reason: 'all_offline_or_away',
      explanation: 'Everyone who could take it is away or offline (1 away, 1 offline)',
    });
    const full = [agent('ana', certified), agent('rui', { ...certified, availability: 'away' })];
    expect(chooseAgent(convo, full, leastLoaded, { ana: { chat: 4 } })).toMatchObject({
      reason: 'all_at_capacity',
      explanation: 'Everyone online who could take it is at capacity for chat',
    });
    expect(
      chooseAgent({ ...convo, channel: 'voice' }, [agent('ana', certified)], leastLoaded, {}),
    ).toMatchObject({
      reason: 'all_at_capacity',
      explanation: 'Nobody online who could take it takes voice conversations',
    });
    expect(
      chooseAgent(
        { channel: 'chat' },
        [agent('ana')],
        { mode: 'round_robin', requireSkill: 'airport' },
        {},
      ),
    ).toMatchObject({ reason: 'missing_skill' });
    expect(
      chooseAgent(
        { channel: 'chat', languageCode: 'es' },
        [agent('ana')],
        { mode: 'round_robin', requireLanguage: true },
        {},
      ),
    ).toMatchObject({
      reason: 'missing_language',
      explanation: 'Nobody who may take it speaks es',
    });
    expect(
      chooseAgent({ channel: 'chat', excludeAgentIds: ['ana'] }, [agent('ana')], roundRobin, {}),
    ).toMatchObject({
      reason: 'no_candidates',
    });
  });

  it('honours the certification unless the policy switches it off, and a language only when known', () => {
    const convo = { channel: 'chat' as Channel, requiredCertification: 'safety' };
    expect(chooseAgent(convo, [agent('ana')], roundRobin, {}).ok).toBe(false);
    expect(
      chooseAgent(convo, [agent('ana')], { ...roundRobin, requireCertification: false }, {}).ok,
    ).toBe(true);
    const unknownLanguage = { channel: 'chat' as Channel, languageCode: null };
    expect(
      chooseAgent(
        unknownLanguage,
        [agent('ana')],
        { mode: 'round_robin', requireLanguage: true },
        {},
      ).ok,
    ).toBe(true);
  });

  const channelArb = fc.constantFrom(...CHANNELS);
  const candidateArb = (id: string) =>
    fc.record({
      id: fc.constant(id),
      name: fc.constant(id),
      availability: fc.constantFrom(
        'online' as const,
        'online' as const,
        'away' as const,
        'offline' as const,
      ),
      capacity: fc.record(
        {
          chat: fc.nat({ max: 4 }),
          whatsapp: fc.nat({ max: 4 }),
          email: fc.nat({ max: 6 }),
          voice: fc.nat({ max: 1 }),
        },
        { requiredKeys: [] },
      ),
      skills: fc.subarray(['payouts', 'airport']),
      languages: fc.subarray(['en', 'pt-PT', 'es'], { minLength: 1 }),
      certifications: fc.subarray(['driver_payouts', 'safety']),
      lastAssignedAt: fc.option(
        fc.integer({ min: 0, max: 10_000 }).map((m) => new Date(m * 60_000)),
        { nil: null },
      ),
    });
  const teamArb = fc
    .integer({ min: 1, max: 6 })
    .chain((size) =>
      fc.tuple(...Array.from({ length: size }, (_, i) => candidateArb(`agent-${i}`))),
    );
  const policyArb = fc.record({
    mode: fc.constantFrom('round_robin' as const, 'least_loaded' as const),
    requireSkill: fc.constantFrom(null, 'payouts'),
    requireLanguage: fc.boolean(),
  });
  const conversationArb = fc.record({
    channel: channelArb,
    languageCode: fc.constantFrom(null, 'en', 'pt-BR'),
    requestTypeCode: fc.constant('DRIVER_PAYOUT'),
    requiredCertification: fc.constantFrom(null, 'driver_payouts', 'safety'),
  });

  /** Assigns a stream one at a time, as the server does, keeping loads and last-assigned times current. */
  function assignStream(
    team: AssignmentCandidate[],
    conversations: { channel: Channel; requiredCertification?: string | null }[],
    policy: AssignmentPolicy,
    onChoice: (
      conversation: (typeof conversations)[number],
      agentId: string | null,
      loads: Map<string, AgentLoad>,
    ) => void,
  ) {
    const loads = new Map<string, AgentLoad>();
    let agents = team;
    conversations.forEach((conversation, step) => {
      const choice = chooseAgent(conversation, agents, policy, loads);
      if (choice.ok) {
        const load = { ...loads.get(choice.agentId) };
        load[conversation.channel] = (load[conversation.channel] ?? 0) + 1;
        loads.set(choice.agentId, load);
        const now = new Date(1e12 + step * 1000);
        agents = agents.map((a) => (a.id === choice.agentId ? { ...a, lastAssignedAt: now } : a));
      }
      onChoice(conversation, choice.ok ? choice.agentId : null, loads);
    });
  }

  it('property: capacity is never exceeded over a stream of assignments', () => {
    fc.assert(
      fc.property(
        teamArb,
        fc.array(conversationArb, { maxLength: 40 }),
        policyArb,
        (team, conversations, policy) => {
          assignStream(team, conversations, policy, (conversation, agentId, loads) => {
            if (agentId === null) return;
            const capacity =
              team.find((a) => a.id === agentId)!.capacity[conversation.channel] ?? 0;
            expect(loads.get(agentId)![conversation.channel]!).toBeLessThanOrEqual(capacity);
          });
        },
      ),
    );
  });

  it('property: never picks an agent who is away, offline, uncertified, or lacks the skill or language', () => {
    fc.assert(
      fc.property(teamArb, conversationArb, policyArb, (team, conversation, policy) => {
        const choice = chooseAgent(conversation, team, policy, {});
        if (!choice.ok) {
          expect(choice.skipped).toHaveLength(team.length);
          return;
        }
        const chosen = team.find((a) => a.id === choice.agentId)!;
        expect(chosen.availability).toBe('online');
        if (conversation.requiredCertification) {
          expect(chosen.certifications).toContain(conversation.requiredCertification);
        }
        if (policy.requireSkill) expect(chosen.skills).toContain(policy.requireSkill);
        if (policy.requireLanguage && conversation.languageCode) {
          const wanted = conversation.languageCode.slice(0, 2);
          expect(chosen.languages.some((l) => l.startsWith(wanted))).toBe(true);
        }
        expect(choice.skipped).toHaveLength(team.length - 1);
      }),
    );
  });

  it('property: round robin spreads evenly among equally eligible agents', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 60 }),
        fc.array(fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null }), {
          minLength: 7,
          maxLength: 7,
        }),
        (size, count, started) => {
          const team = Array.from({ length: size }, (_, i) =>
            agent(`agent-${i}`, {
              capacity: { chat: 1000 },
              lastAssignedAt:
                started[i] === null || started[i] === undefined
                  ? null
                  : new Date(started[i]! * 1000),
            }),
          );
          const counts = new Map<string, number>();
          assignStream(
            team,
            Array.from({ length: count }, () => ({ channel: 'chat' as Channel })),
            roundRobin,
            (_, agentId) => {
              expect(agentId).not.toBeNull();
              counts.set(agentId!, (counts.get(agentId!) ?? 0) + 1);
            },
          );
          const tallies = team.map((a) => counts.get(a.id) ?? 0);
          expect(Math.max(...tallies) - Math.min(...tallies)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});

describe('reply limit', () => {
  it('is due the policy’s minutes after assignment, until the assignee replies', () => {
    const policy: AssignmentPolicy = { mode: 'round_robin', replyLimitMinutes: 15 };
    expect(replyDueAt(at('09:00'), policy)).toEqual(at('09:15'));
    expect(replyDueAt(at('09:00'), roundRobin)).toBeNull();
    const assignment = { assignedAt: at('09:00'), repliedAt: null };
    expect(isReplyOverdue(assignment, policy, at('09:14'))).toBe(false);
    expect(isReplyOverdue(assignment, policy, at('09:15'))).toBe(true);
    expect(isReplyOverdue({ ...assignment, repliedAt: at('09:05') }, policy, at('10:00'))).toBe(
      false,
    );
    expect(isReplyOverdue(assignment, roundRobin, at('23:00'))).toBe(false);
  });
});

describe('queue order', () => {
  const queued = (id: string, priority: QueuedConversation['priority'], since: string) => ({
    id,
    priority,
    waitingSince: at(since),
  });

  it('serves the most urgent first, then the longest waiting', () => {
    const waiting = [
      queued('a', 'P3', '08:00'),
      queued('b', 'P1', '09:30'),
      queued('c', 'P1', '09:00'),
      queued('d', 'P2', '07:00'),
    ];
    expect([...waiting].sort(compareQueue).map((q) => q.id)).toEqual(['c', 'b', 'd', 'a']);
    expect(nextInQueue(waiting)?.id).toBe('c');
    expect(nextInQueue([])).toBeNull();
  });

  it('property: nextInQueue is the head of the sorted queue, and the order is total', () => {
    const queuedArb = fc.record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      priority: fc.constantFrom(...PRIORITIES),
      waitingSince: fc.integer({ min: 0, max: 100 }).map((m) => new Date(m * 60_000)),
    });
    fc.assert(
      fc.property(fc.array(queuedArb, { minLength: 1, maxLength: 20 }), (waiting) => {
        const sorted = [...waiting].sort(compareQueue);
        expect(compareQueue(nextInQueue(waiting)!, sorted[0]!)).toBe(0);
        for (let i = 1; i < sorted.length; i++) {
          expect(compareQueue(sorted[i - 1]!, sorted[i]!)).toBeLessThanOrEqual(0);
          expect(Math.sign(compareQueue(sorted[i]!, sorted[i - 1]!))).toBe(
            -Math.sign(compareQueue(sorted[i - 1]!, sorted[i]!)),
          );
        }
      }),
    );
  });
});

describe('blocksChannelQueue', () => {
  const chat = { channel: 'chat' as const, languageCode: 'en', requestTypeCode: null };

  it('holds back the channel when everyone is full or away', () => {
    const full = chooseAgent(
      chat,
      [agent('ana'), agent('rui', { availability: 'away' })],
      roundRobin,
      {
        ana: { chat: 4 },
      },
    );
    expect(full.ok).toBe(false);
    expect(blocksChannelQueue(full)).toBe(true);
  });

  it('lets the queue go on when the refusal is about this conversation', () => {
    const gated = chooseAgent(
      { ...chat, requiredCertification: 'SAFETY' },
      [agent('ana'), agent('rui')],
      roundRobin,
      {},
    );
    expect(gated.ok).toBe(false);
    expect(blocksChannelQueue(gated)).toBe(false);
    const handedOn = chooseAgent(
      { ...chat, excludeAgentIds: ['ana'] },
      [agent('ana')],
      roundRobin,
      {},
    );
    expect(blocksChannelQueue(handedOn)).toBe(false);
  });

  it('holds back a manual or empty inbox, never a successful choice', () => {
    expect(blocksChannelQueue(chooseAgent(chat, [agent('ana')], { mode: 'manual' }, {}))).toBe(
      true,
    );
    expect(blocksChannelQueue(chooseAgent(chat, [], roundRobin, {}))).toBe(true);
    expect(blocksChannelQueue(chooseAgent(chat, [agent('ana')], roundRobin, {}))).toBe(false);
  });
});
