import { appendEvents } from '@switchboard/db/queries/conversation-log';
import { refreshAllKpiFacts } from '@switchboard/db/queries/kpi-facts';
import {
  approvalRequests,
  configChanges,
  conversations,
  escalations,
  guardrailDecisions,
  memberships,
  notifications,
  qaReviewEvents,
  qaReviews,
} from '@switchboard/db/schema';
import { createCityInboxFixture, uniqueSuffix } from '@switchboard/db/testing';
import {
  type QaAnswers,
  type QaCriterionInput,
  type QaScorecardInput,
  weekRange,
  weekStartOf,
} from '@switchboard/domain';
import { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConversationFixture } from '../fixtures.ts';
import { createTestApi, expectBadInput, type TestApi } from '../testing.ts';

let api: TestApi;
const db = () => api.handle.db;
type Caller = Awaited<ReturnType<TestApi['callerAs']>>;

let lead: Caller;
let otherLead: Caller;
let trainer: Caller;
let admin: Caller;
let agent: Caller;
let otherAgent: Caller;
let world: Awaited<ReturnType<typeof createCityInboxFixture>>;

beforeAll(async () => {
  api = await createTestApi();
  [lead, otherLead, trainer, admin, agent, otherAgent] = await Promise.all([
    api.callerAs('lead'),
    api.callerAs('lead'),
    api.callerAs('trainer'),
    api.callerAs('admin'),
    api.callerAs('agent'),
    api.callerAs('agent'),
  ]);
  world = await createCityInboxFixture(db());
  await db()
    .insert(memberships)
    .values([
      { teamId: world.team.id, userId: agent.userId },
      { teamId: world.team.id, userId: otherAgent.userId },
      { teamId: world.team.id, userId: otherLead.userId, role: 'lead' },
    ]);
});
afterAll(() => api.close());

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const CRITERIA: QaCriterionInput[] = [
  {
    id: 'greets_by_name',
    group: 'tone',
    label: 'Greets the guest by name',
    weight: 1,
    scale: { min: 0, max: 1 },
    allowNa: false,
    autoFail: false,
  },
  {
    id: 'acknowledges_feelings',
    group: 'empathy',
    label: 'Acknowledges how the guest feels',
    weight: 2,
    scale: { min: 0, max: 2 },
    allowNa: true,
    autoFail: false,
  },
  {
    id: 'resolves_first_time',
    group: 'resolution',
    label: 'Resolves it in this conversation',
    weight: 3,
    scale: { min: 1, max: 5 },
    allowNa: false,
    autoFail: false,
  },
  {
    id: 'protects_driver_privacy',
    group: 'policy_adherence',
    label: 'Keeps the driver’s phone number private',
    weight: 2,
    scale: { min: 0, max: 1 },
    allowNa: true,
    autoFail: true,
  },
];

function scorecardInput(overrides: Partial<QaScorecardInput> = {}): QaScorecardInput {
  const suffix = uniqueSuffix();
  return {
    code: `GUEST_QA_${suffix}`,
    name: `Guest support QA ${suffix}`,
    description: 'Guest conversations in every city.',
    audience: 'guest',
    randomSamplePerAgent: 2,
    passMark: 80,
    criteria: CRITERIA,
    ...overrides,
  };
}

const PERFECT: QaAnswers = {
  greets_by_name: { score: 1, comment: 'Used the guest’s name from the start.' },
  acknowledges_feelings: { score: 2 },
  resolves_first_time: { score: 5 },
  protects_driver_privacy: { score: 1 },
};

/** 66%: (0 + 2×0.5 + 3×0.75 + 2×1) ÷ 8. */
const MIXED: QaAnswers = {
  greets_by_name: { score: 0, comment: 'No greeting.' },
  acknowledges_feelings: { score: 1 },
  resolves_first_time: { score: 4 },
  protects_driver_privacy: { score: 1 },
};

/** A conversation `handler` resolved at `resolvedAt`, rated `rating` if given, with its KPI facts. */
async function resolvedConversation(
  handlerId: string,
  options: { resolvedAt?: Date; rating?: number; audience?: 'guest' | 'driver' } = {},
) {
  const resolvedAt = options.resolvedAt ?? new Date(Date.now() - 2 * HOUR);
  const { conversation } = await createConversationFixture(db(), {
    inboxId: world.inbox.id,
    assigneeId: handlerId,
    status: 'resolved',
    audience: options.audience ?? 'guest',
    createdAt: new Date(resolvedAt.getTime() - HOUR),
    lastMessageAt: resolvedAt,
  });
  await appendEvents(db(), conversation.id, { type: 'agent', userId: handlerId }, [
    { type: 'resolved', payload: { from: 'open' }, occurredAt: resolvedAt },
    ...(options.rating
      ? [
          {
            type: 'csat_received' as const,
            payload: { rating: options.rating },
            occurredAt: new Date(resolvedAt.getTime() + 60_000),
          },
        ]
      : []),
  ]);
  if (options.rating) {
    await db()
      .update(conversations)
      .set({ csatRating: options.rating })
      .where(eq(conversations.id, conversation.id));
  }
  return conversation;
}

async function refused(call: Promise<unknown>, code: TRPCError['code']) {
  const error = await call.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe(code);
  return error as TRPCError;
}

/** A submitted review of a new conversation `agent` resolved, scored `answers` by `reviewer`. */
async function submittedReview(scorecardId: string, answers: QaAnswers, reviewer = trainer) {
  const conversation = await resolvedConversation(agent.userId);
  const { id } = await reviewer.caller.qa.startReview({
    scorecardId,
    sample: 'manual',
    conversationNumber: conversation.number,
  });
  await reviewer.caller.qa.submitReview({ id, scores: answers, comment: 'Good work overall.' });
  return { id, conversation };
}

describe('scorecards', () => {
  it('lets a trainer create a scorecard and a lead read it, with its history', async () => {
    const created = await trainer.caller.qa.createScorecard(scorecardInput());
    expect(created).toMatchObject({
      currentVersion: 1,
      passMark: 80,
      audience: 'guest',
      versions: [{ version: 1, criteriaCount: 4, reviewCount: 0 }],
    });
    expect(created.criteria[1]).toMatchObject({ id: 'acknowledges_feelings', guidance: '' });
    const listed = await lead.caller.qa.scorecards();
    expect(listed.find((row) => row.id === created.id)).toMatchObject({ reviewCount: 0 });
    const history = await db()
      .select()
      .from(configChanges)
      .where(eq(configChanges.entityId, created.id));
    expect(history).toEqual([
      expect.objectContaining({ entityType: 'qa_scorecard', action: 'created' }),
    ]);
    expect(history[0]!.diff).toContain('Pass mark: 80%');
  });

  it('saves a new version when criteria change, and old reviews keep theirs', async () => {
    const created = await trainer.caller.qa.createScorecard(scorecardInput());
    const { id: reviewId } = await submittedReview(created.id, PERFECT);
    const { id: _id, versions: _versions, ...current } = created;
    const renamed = await trainer.caller.qa.updateScorecard({
      ...scorecardInput({ code: created.code, criteria: created.criteria }),
      id: created.id,
      name: `${created.name} (renamed)`,
    });
    expect(renamed).toMatchObject({ currentVersion: 1, newVersion: false });
    expect(current.currentVersion).toBe(1);

    const reweighted = await lead.caller.qa.updateScorecard({
      ...scorecardInput({ code: created.code }),
      id: created.id,
      passMark: 85,
      criteria: CRITERIA.map((criterion) =>
        criterion.id === 'greets_by_name' ? { ...criterion, weight: 3 } : criterion,
      ),
      rolloutNote: 'Greeting by name now weighs more.',
    });
    expect(reweighted).toMatchObject({ currentVersion: 2, passMark: 85, newVersion: true });
    expect(reweighted.versions.map((version) => [version.version, version.reviewCount])).toEqual([
      [2, 0],
      [1, 1],
    ]);
    const old = await lead.caller.qa.review({ id: reviewId });
    expect(old.scorecard).toMatchObject({ version: 1, passMark: 80 });
    expect(old.review.score).toBe(100);
  });

  it('refuses a taken code, bad criteria and agents', async () => {
    const created = await trainer.caller.qa.createScorecard(scorecardInput());
    const taken = await refused(
      trainer.caller.qa.createScorecard(scorecardInput({ code: created.code })),
      'CONFLICT',
    );
    expect(taken.message).toMatch(/has the code/);
    await expectBadInput(
      trainer.caller.qa.createScorecard(
        scorecardInput({ criteria: [{ ...CRITERIA[0]!, weight: 0 }] }),
      ),
      'criteria.0.weight',
    );
    await expectBadInput(
      trainer.caller.qa.createScorecard(scorecardInput({ passMark: 140 })),
      'passMark',
    );
    await refused(agent.caller.qa.scorecards(), 'FORBIDDEN');
    await refused(agent.caller.qa.createScorecard(scorecardInput()), 'FORBIDDEN');
    await refused(agent.caller.qa.scorecard({ id: created.id }), 'FORBIDDEN');
    const anonymous = await api.callerFor();
    await refused(anonymous.qa.myReviews({}), 'UNAUTHORIZED');
    expect((await lead.caller.qa.scorecard({ id: created.id })).code).toBe(created.code);
    await refused(lead.caller.qa.scorecard({ id: crypto.randomUUID() }), 'NOT_FOUND');
    await expectBadInput(lead.caller.qa.scorecard({ id: 'not-a-uuid' }), 'id');
    await refused(lead.caller.qa.calibration({ id: crypto.randomUUID() }), 'NOT_FOUND');
    await refused(lead.caller.qa.review({ id: crypto.randomUUID() }), 'NOT_FOUND');
  });

  it('archives a scorecard: no new reviews on it', async () => {
    const created = await trainer.caller.qa.createScorecard(scorecardInput());
    const archived = await trainer.caller.qa.archiveScorecard({ id: created.id, archived: true });
    expect(archived.archivedAt).toBeInstanceOf(Date);
    const conversation = await resolvedConversation(agent.userId);
    await expectBadInput(
      trainer.caller.qa.startReview({
        scorecardId: created.id,
        sample: 'manual',
        conversationNumber: conversation.number,
      }),
      'scorecardId',
    );
    await refused(
      agent.caller.qa.archiveScorecard({ id: created.id, archived: false }),
      'FORBIDDEN',
    );
  });
});

describe('reviews', () => {
  let scorecardId: string;
  beforeAll(async () => {
    scorecardId = (await trainer.caller.qa.createScorecard(scorecardInput())).id;
  });

  it('takes a review from draft to the agent, who never sees the draft', async () => {
    const ana = await api.callerAs('agent');
    const conversation = await resolvedConversation(ana.userId);
    const started = await trainer.caller.qa.startReview({
      scorecardId,
      sample: 'manual',
      conversationNumber: conversation.number,
    });
    expect(started.existing).toBe(false);
    // Starting again opens the same draft.
    expect(
      await trainer.caller.qa.startReview({
        scorecardId,
        sample: 'random',
        conversationId: conversation.id,
      }),
    ).toEqual({ id: started.id, existing: true });

    const draft = await trainer.caller.qa.saveDraft({
      id: started.id,
      scores: { greets_by_name: { score: 1 } },
      comment: 'Half way.',
    });
    expect(draft.preview).toMatchObject({ score: 100, applicableWeight: 1 });
    expect((await ana.caller.qa.myReviews({})).items).toEqual([]);
    await refused(ana.caller.qa.myReview({ id: started.id }), 'NOT_FOUND');
    expect(await ana.caller.qa.myOpenCount()).toBe(0);

    const detail = await lead.caller.qa.review({ id: started.id });
    expect(detail.review).toMatchObject({ status: 'draft', comment: 'Half way.' });
    expect(detail.conversation.messages.length).toBeGreaterThan(0);

    const submitted = await trainer.caller.qa.submitReview({
      id: started.id,
      scores: MIXED,
      comment: 'Greet the guest by name; the rest was solid.',
    });
    expect(submitted).toMatchObject({ score: 66, autoFailed: false });

    const mine = await ana.caller.qa.myReviews({});
    expect(mine.items).toEqual([
      expect.objectContaining({
        id: started.id,
        status: 'submitted',
        score: 66,
        passMark: 80,
        conversationNumber: conversation.number,
      }),
    ]);
    expect(await ana.caller.qa.myOpenCount()).toBe(1);
    const read = await ana.caller.qa.myReview({ id: started.id });
    expect(read.review.scores.greets_by_name).toEqual({ score: 0, comment: 'No greeting.' });
    expect(read.review.disputableUntil).toBeInstanceOf(Date);
    expect(read.events.map((event) => event.type)).toEqual(['started', 'submitted']);
    const bell = await ana.caller.notifications.list({ unreadOnly: true, limit: 20 });
    expect(bell.items[0]).toMatchObject({
      title: `QA review of #${conversation.number}: 66%`,
      link: `/workspace/reviews/${started.id}`,
    });

    // Another agent sees nothing of it and cannot answer it.
    await refused(otherAgent.caller.qa.myReview({ id: started.id }), 'NOT_FOUND');
    await refused(otherAgent.caller.qa.acknowledge({ id: started.id }), 'FORBIDDEN');
    expect((await otherAgent.caller.qa.myReviews({})).items).toEqual([]);

    await ana.caller.qa.acknowledge({ id: started.id, note: 'Thanks, noted.' });
    expect((await ana.caller.qa.myReview({ id: started.id })).review).toMatchObject({
      status: 'acknowledged',
      acknowledgedAt: expect.any(Date),
    });
    await refused(
      ana.caller.qa.dispute({ id: started.id, reason: 'Changed my mind about this one.' }),
      'CONFLICT',
    );
  });

  it('scores an auto-failed review 0', async () => {
    const { id } = await submittedReview(scorecardId, {
      ...PERFECT,
      protects_driver_privacy: { score: 0, comment: 'Shared the driver’s number.' },
    });
    expect((await lead.caller.qa.review({ id })).review).toMatchObject({
      score: 0,
      autoFailed: true,
    });
  });

  it('refuses bad scores, naming the criterion, and leaves the draft as it was', async () => {
    const conversation = await resolvedConversation(agent.userId);
    const { id } = await trainer.caller.qa.startReview({
      scorecardId,
      sample: 'manual',
      conversationNumber: conversation.number,
    });
    await expectBadInput(
      trainer.caller.qa.saveDraft({ id, scores: { resolves_first_time: { score: 9 } } }),
      'scores.resolves_first_time.score',
    );
    await expectBadInput(
      trainer.caller.qa.saveDraft({ id, scores: { greets_by_name: { score: null } } }),
      'scores.greets_by_name.score',
    );
    await expectBadInput(
      trainer.caller.qa.submitReview({ id, scores: { greets_by_name: { score: 1 } } }),
      'scores.acknowledges_feelings.score',
    );
    await expectBadInput(
      trainer.caller.qa.saveDraft({ id, scores: { greets_by_name: { score: 1.5 } } }),
      'scores.greets_by_name.score',
    );
    const [row] = await db().select().from(qaReviews).where(eq(qaReviews.id, id));
    expect(row).toMatchObject({ status: 'draft', scores: {}, score: null });
  });

  it('keeps drafts to their reviewer and refuses reviews nobody can give', async () => {
    const conversation = await resolvedConversation(agent.userId);
    const { id } = await trainer.caller.qa.startReview({
      scorecardId,
      sample: 'manual',
      conversationNumber: conversation.number,
    });
    await refused(lead.caller.qa.saveDraft({ id, scores: PERFECT }), 'FORBIDDEN');
    await refused(lead.caller.qa.submitReview({ id, scores: PERFECT }), 'FORBIDDEN');
    await refused(lead.caller.qa.discardDraft({ id }), 'FORBIDDEN');
    await refused(
      agent.caller.qa.startReview({
        scorecardId,
        sample: 'manual',
        conversationNumber: conversation.number,
      }),
      'FORBIDDEN',
    );

    const open = await createConversationFixture(db(), {
      inboxId: world.inbox.id,
      assigneeId: agent.userId,
    });
    await expectBadInput(
      trainer.caller.qa.startReview({
        scorecardId,
        sample: 'manual',
        conversationNumber: open.conversation.number,
      }),
      'conversationNumber',
    );
    const driverConversation = await resolvedConversation(agent.userId, { audience: 'driver' });
    await expectBadInput(
      trainer.caller.qa.startReview({
        scorecardId,
        sample: 'manual',
        conversationNumber: driverConversation.number,
      }),
      'scorecardId',
    );
    const leadsOwn = await resolvedConversation(lead.userId);
    await refused(
      lead.caller.qa.startReview({
        scorecardId,
        sample: 'manual',
        conversationNumber: leadsOwn.number,
      }),
      'FORBIDDEN',
    );
    await expectBadInput(
      trainer.caller.qa.startReview({ scorecardId, sample: 'manual' }),
      'conversationNumber',
    );

    await trainer.caller.qa.discardDraft({ id });
    expect(await db().select().from(qaReviews).where(eq(qaReviews.id, id))).toEqual([]);
  });

  it('has a dispute settled by a lead who did not write the review, recording every step', async () => {
    const { id, conversation } = await submittedReview(scorecardId, MIXED, lead);
    await expectBadInput(agent.caller.qa.dispute({ id, reason: 'No.' }), 'reason');
    await expectBadInput(
      agent.caller.qa.dispute({
        id,
        reason: 'I greeted the guest by name.',
        criterionIds: ['nope'],
      }),
      'criterionIds.0',
    );
    await agent.caller.qa.dispute({
      id,
      reason: 'I greeted the guest by name in my second message.',
      criterionIds: ['greets_by_name'],
    });
    const leadBell = await db()
      .select({ userId: notifications.userId, kind: notifications.kind })
      .from(notifications)
      .where(eq(notifications.subjectId, id));
    expect(leadBell).toEqual(
      expect.arrayContaining([
        { userId: otherLead.userId, kind: 'qa_dispute' },
        { userId: lead.userId, kind: 'qa_disputed' },
      ]),
    );
    expect(
      (await lead.caller.qa.reviews({ status: 'disputed', agentId: agent.userId })).items,
    ).toEqual([expect.objectContaining({ id, conversationNumber: conversation.number })]);

    await refused(
      trainer.caller.qa.settle({ id, outcome: 'upheld', note: 'Scores stand.' }),
      'FORBIDDEN',
    );
    await refused(
      agent.caller.qa.settle({ id, outcome: 'upheld', note: 'Scores stand.' }),
      'FORBIDDEN',
    );
    const own = await refused(
      lead.caller.qa.settle({ id, outcome: 'upheld', note: 'Scores stand.' }),
      'FORBIDDEN',
    );
    expect(own.message).toMatch(/another lead/);
    await expectBadInput(
      otherLead.caller.qa.settle({ id, outcome: 'revised', note: 'Greeting was there.' }),
      'scores',
    );
    await expectBadInput(
      otherLead.caller.qa.settle({
        id,
        outcome: 'revised',
        note: 'Greeting was there.',
        scores: { greets_by_name: { score: 1 } },
      }),
      'scores.acknowledges_feelings.score',
    );

    const settled = await otherLead.caller.qa.settle({
      id,
      outcome: 'revised',
      note: 'The greeting was in the second message; scored again.',
      scores: { ...MIXED, greets_by_name: { score: 1, comment: 'Greeted in the second message.' } },
    });
    // (1 + 1 + 2.25 + 2) ÷ 8
    expect(settled).toEqual({ id, score: 78, outcome: 'revised' });
    const read = await agent.caller.qa.myReview({ id });
    expect(read.review).toMatchObject({
      status: 'settled',
      settlement: 'revised',
      score: 78,
      settlementNote: 'The greeting was in the second message; scored again.',
      disputeReason: 'I greeted the guest by name in my second message.',
    });
    expect(read.events.map((event) => event.type)).toEqual([
      'started',
      'submitted',
      'disputed',
      'settled',
    ]);
    const [settledEvent] = await db()
      .select()
      .from(qaReviewEvents)
      .where(and(eq(qaReviewEvents.reviewId, id), eq(qaReviewEvents.type, 'settled')));
    expect(settledEvent).toMatchObject({
      actorId: otherLead.userId,
      payload: expect.objectContaining({
        before: expect.objectContaining({ score: 66 }),
        after: { score: 78, autoFailed: false },
      }),
    });
    await refused(admin.caller.qa.settle({ id, outcome: 'upheld', note: 'Again.' }), 'CONFLICT');
  });

  it('tells the other leads of a dispute when the review’s author is the team’s only lead', async () => {
    // otherLead is the only lead of the agent's team, so the lead on no team must hear of it.
    const { id } = await submittedReview(scorecardId, MIXED, otherLead);
    await agent.caller.qa.dispute({
      id,
      reason: 'I greeted the guest by name in my second message.',
    });
    const told = await db()
      .select({ userId: notifications.userId })
      .from(notifications)
      .where(and(eq(notifications.subjectId, id), eq(notifications.kind, 'qa_dispute')));
    expect(told.map((row) => row.userId)).toContain(lead.userId);
    expect(told.map((row) => row.userId)).not.toContain(otherLead.userId);
  });

  it('lets an admin uphold the scores of a disputed review', async () => {
    const { id } = await submittedReview(scorecardId, MIXED);
    await agent.caller.qa.dispute({ id, reason: 'The guest never said they were upset.' });
    expect(
      await admin.caller.qa.settle({ id, outcome: 'upheld', note: 'Empathy was still due.' }),
    ).toEqual({
      id,
      score: 66,
      outcome: 'upheld',
    });
  });

  it('lists reviews by filter and sort for the console, calibration aside', async () => {
    const page = await lead.caller.qa.reviews({
      agentId: agent.userId,
      scorecardId,
      sort: 'score',
      direction: 'asc',
    });
    // Lowest first; drafts (no score yet) last.
    const scores = page.items.map((item) => item.score);
    const scored = scores.filter((score) => score !== null);
    expect(scores).toEqual([
      ...[...scored].sort((a, b) => a - b),
      ...scores.filter((score) => score === null),
    ]);
    expect(page.items.every((item) => item.sample !== 'calibration')).toBe(true);
    expect(
      (await lead.caller.qa.reviews({ teamId: world.team.id, status: 'draft' })).total,
    ).toBeGreaterThanOrEqual(0);
    await expectBadInput(lead.caller.qa.reviews({ status: 'lost' as never }), 'status');
    await refused(agent.caller.qa.reviews({}), 'FORBIDDEN');
  });
});

describe('samples', () => {
  it('draws a stable random sample per agent per week, and the low-CSAT, escalated and approval samples', async () => {
    const team = await createCityInboxFixture(db());
    const [ana, omar] = await Promise.all([api.callerAs('agent'), api.callerAs('agent')]);
    await db()
      .insert(memberships)
      .values([
        { teamId: team.team.id, userId: ana.userId },
        { teamId: team.team.id, userId: omar.userId },
      ]);
    const week = weekStartOf(new Date(Date.now() - 7 * DAY), 'UTC');
    const { from } = weekRange(week, 'UTC');
    const at = (hours: number) => new Date(from.getTime() + hours * HOUR);
    const make = async (handler: string, hours: number, rating?: number) => {
      const { conversation } = await createConversationFixture(db(), {
        inboxId: team.inbox.id,
        assigneeId: handler,
        status: 'resolved',
        createdAt: at(hours - 1),
        lastMessageAt: at(hours),
      });
      await appendEvents(db(), conversation.id, { type: 'agent', userId: handler }, [
        { type: 'resolved', occurredAt: at(hours) },
        ...(rating
          ? [{ type: 'csat_received' as const, payload: { rating }, occurredAt: at(hours + 1) }]
          : []),
      ]);
      return conversation;
    };
    const anas = [
      await make(ana.userId, 10, 5),
      await make(ana.userId, 20, 2),
      await make(ana.userId, 30),
      await make(ana.userId, 40),
    ];
    const omars = [await make(omar.userId, 12, 3)];
    // Outside the week: never drawn.
    await make(ana.userId, 24 * 8);
    await refreshAllKpiFacts(db());

    const scorecard = await trainer.caller.qa.createScorecard(
      scorecardInput({ randomSamplePerAgent: 2 }),
    );
    const query = {
      scorecardId: scorecard.id,
      weekStart: week,
      timeZone: 'UTC',
      teamId: team.team.id,
    };
    const random = await lead.caller.qa.sample({ ...query, list: 'random' });
    expect(random.total).toBe(3);
    expect(random.items.filter((item) => item.agentId === ana.userId)).toHaveLength(2);
    expect(
      random.items
        .filter((item) => item.agentId === omar.userId)
        .map((item) => item.conversationId),
    ).toEqual([omars[0]!.id]);
    expect(
      random.items.every((item) => anas.concat(omars).some((c) => c.id === item.conversationId)),
    ).toBe(true);
    expect(random.progress).toHaveLength(2);
    expect(random.progress).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ agentId: ana.userId, sampled: 2, reviewed: 0 }),
        expect.objectContaining({ agentId: omar.userId, sampled: 1, reviewed: 0 }),
      ]),
    );
    const again = await trainer.caller.qa.sample({ ...query, list: 'random' });
    expect(again.items.map((item) => item.conversationId)).toEqual(
      random.items.map((item) => item.conversationId),
    );

    const lowCsat = await lead.caller.qa.sample({ ...query, list: 'low_csat' });
    expect(lowCsat.items.map((item) => [item.conversationId, item.reason])).toEqual(
      expect.arrayContaining([
        [anas[1]!.id, 'Rated 2/5'],
        [omars[0]!.id, 'Rated 3/5'],
      ]),
    );
    expect(lowCsat.total).toBe(2);

    const [decision] = await db()
      .insert(guardrailDecisions)
      .values({
        conversationId: anas[2]!.id,
        contactId: anas[2]!.contactId,
        actorId: ana.userId,
        kind: 'refund',
        action: {},
        inputs: {},
        outcome: 'approval_required',
        approverRole: 'lead',
        reasons: ['Above the L1 limit'],
      })
      .returning();
    await db().insert(approvalRequests).values({
      decisionId: decision!.id,
      conversationId: anas[2]!.id,
      approverRole: 'lead',
      requestedById: ana.userId,
      dueAt: new Date(),
    });
    const approvals = await lead.caller.qa.sample({ ...query, list: 'guardrail_approval' });
    expect(approvals.items).toEqual([
      expect.objectContaining({
        conversationId: anas[2]!.id,
        reason: 'Refund needed approval (waiting)',
      }),
    ]);

    await db()
      .insert(escalations)
      .values({
        conversationId: anas[3]!.id,
        teamKind: 'finance_payouts',
        ownerTeamId: team.team.id,
        matrixVersion: 1,
        severity: 'sev3',
        state: 'open',
        summary: 'Refund above the support limit',
        fields: {},
        context: {} as never,
        createdById: ana.userId,
        sentAt: at(41),
        acknowledgeDueAt: at(42),
        resolveDueAt: at(48),
      });
    const escalated = await lead.caller.qa.sample({ ...query, list: 'escalated' });
    expect(escalated.items).toEqual([
      expect.objectContaining({
        conversationId: anas[3]!.id,
        reason: 'Escalated to Finance & Payouts',
      }),
    ]);

    // Reviewing a drawn conversation shows on it and in the agent's progress.
    const drawn = random.items.find((item) => item.agentId === omar.userId)!;
    const { id } = await trainer.caller.qa.startReview({
      scorecardId: scorecard.id,
      sample: 'random',
      conversationId: drawn.conversationId,
    });
    await trainer.caller.qa.submitReview({ id, scores: PERFECT });
    const after = await lead.caller.qa.sample({ ...query, list: 'random' });
    expect(
      after.items.find((item) => item.conversationId === drawn.conversationId)?.reviews,
    ).toEqual([
      expect.objectContaining({ id, status: 'submitted', score: 100, reviewerId: trainer.userId }),
    ]);
    expect(after.progress.find((row) => row.agentId === omar.userId)).toMatchObject({
      sampled: 1,
      reviewed: 1,
    });

    await expectBadInput(
      lead.caller.qa.sample({ ...query, list: 'random', weekStart: '2026-03-03' }),
      'weekStart',
    );
    await refused(agent.caller.qa.sample({ ...query, list: 'random' }), 'FORBIDDEN');
  });
});

describe('calibration', () => {
  it('keeps scores blind until revealed, then shows the spread and the agreement', async () => {
    const scorecard = await trainer.caller.qa.createScorecard(scorecardInput());
    const conversation = await resolvedConversation(agent.userId);
    const input = {
      title: 'Lost luggage at arrivals',
      conversationNumber: conversation.number,
      scorecardId: scorecard.id,
      reviewerIds: [lead.userId, trainer.userId, otherLead.userId],
    };
    await refused(agent.caller.qa.createCalibration(input), 'FORBIDDEN');
    await expectBadInput(
      trainer.caller.qa.createCalibration({ ...input, reviewerIds: [lead.userId] }),
      'reviewerIds',
    );
    await expectBadInput(
      trainer.caller.qa.createCalibration({ ...input, reviewerIds: [lead.userId, agent.userId] }),
      'reviewerIds.1',
    );
    const { id } = await trainer.caller.qa.createCalibration(input);

    const mine = async (caller: Caller) => (await caller.caller.qa.calibration({ id })).myReviewId!;
    const leadReview = await mine(lead);
    await lead.caller.qa.submitReview({ id: leadReview, scores: PERFECT, comment: 'Textbook.' });

    // The trainer sees that the lead submitted, not what.
    const blind = await trainer.caller.qa.calibration({ id });
    expect(blind.result).toBeNull();
    expect(blind.reviewers.find((row) => row.reviewerId === lead.userId)).toMatchObject({
      submittedAt: expect.any(Date),
      scores: null,
      score: null,
      comment: null,
    });
    await refused(trainer.caller.qa.review({ id: leadReview }), 'FORBIDDEN');
    expect((await lead.caller.qa.review({ id: leadReview })).review.score).toBe(100);
    expect(blind.revealRefusal).toMatch(/at least 2/);
    await refused(trainer.caller.qa.reveal({ id }), 'CONFLICT');

    await trainer.caller.qa.submitReview({ id: await mine(trainer), scores: MIXED });
    // Only the creator or a lead reveals.
    const otherTrainer = await api.callerAs('trainer');
    await refused(otherTrainer.caller.qa.reveal({ id }), 'FORBIDDEN');
    await trainer.caller.qa.reveal({ id });

    const revealed = await otherLead.caller.qa.calibration({ id });
    expect(revealed.session.status).toBe('revealed');
    expect(revealed.reviewers.find((row) => row.reviewerId === lead.userId)?.score).toBe(100);
    expect(revealed.result).toMatchObject({
      agreement: 0.5,
      calibrated: false,
      scoreRange: { min: 66, max: 100, gap: 34 },
    });
    expect(
      revealed.result!.criteria.find((row) => row.criterionId === 'greets_by_name'),
    ).toMatchObject({ min: 0, max: 1, agrees: false });
    expect((await trainer.caller.qa.review({ id: leadReview })).review.score).toBe(100);

    // Scoring closes at reveal; the agent never sees calibration reviews.
    await refused(
      otherLead.caller.qa.submitReview({ id: await mine(otherLead), scores: PERFECT }),
      'CONFLICT',
    );
    await refused(agent.caller.qa.myReview({ id: leadReview }), 'NOT_FOUND');
    await refused(agent.caller.qa.acknowledge({ id: leadReview }), 'FORBIDDEN');
    expect((await agent.caller.qa.myReviews({})).items.some((item) => item.id === leadReview)).toBe(
      false,
    );
    await refused(agent.caller.qa.calibration({ id }), 'FORBIDDEN');

    // A page at a time, newest first: never every session at once.
    const firstPage = await lead.caller.qa.calibrations({ limit: 1 });
    expect(firstPage).toMatchObject({ limit: 1, offset: 0 });
    expect(firstPage.items.map((row) => row.id)).toEqual([id]);
    await refused(lead.caller.qa.calibrations({ limit: 1_000 }), 'BAD_REQUEST');
    const listed = await lead.caller.qa.calibrations();
    expect(listed.total).toBe(listed.items.length);
    expect(listed.items.find((row) => row.id === id)).toMatchObject({
      reviewers: 3,
      submitted: 2,
      agreement: 0.5,
      mySubmitted: true,
    });
  });
});

describe('trends', () => {
  it('gives weekly averages, pass rates and per-criterion figures, calibration aside', async () => {
    const team = await createCityInboxFixture(db());
    const ana = await api.callerAs('agent');
    await db().insert(memberships).values({ teamId: team.team.id, userId: ana.userId });
    const scorecard = await trainer.caller.qa.createScorecard(scorecardInput());
    for (const answers of [PERFECT, MIXED]) {
      const { conversation } = await createConversationFixture(db(), {
        inboxId: team.inbox.id,
        assigneeId: ana.userId,
        status: 'resolved',
      });
      const { id } = await lead.caller.qa.startReview({
        scorecardId: scorecard.id,
        sample: 'manual',
        conversationNumber: conversation.number,
      });
      await lead.caller.qa.submitReview({ id, scores: answers });
    }
    const period = {
      from: new Date(Date.now() - 14 * DAY),
      to: new Date(Date.now() + HOUR),
      timeZone: 'UTC',
    };
    const trends = await trainer.caller.qa.trends({ ...period, teamId: team.team.id });
    expect(trends.overall).toMatchObject({
      reviews: 2,
      averageScore: 83,
      passRate: 0.5,
      autoFails: 0,
    });
    expect(trends.weeks.length).toBeGreaterThanOrEqual(2);
    expect(trends.weeks.reduce((sum, week) => sum + week.reviews, 0)).toBe(2);
    expect(trends.agents).toEqual([
      expect.objectContaining({ agentId: ana.userId, agentName: expect.any(String), reviews: 2 }),
    ]);
    expect(trends.teams).toEqual([expect.objectContaining({ teamId: team.team.id, reviews: 2 })]);
    expect(trends.criteria[0]).toMatchObject({ criterionId: 'greets_by_name', average: 50 });

    expect((await lead.caller.qa.trends({ ...period, agentId: ana.userId })).overall.reviews).toBe(
      2,
    );
    await expectBadInput(lead.caller.qa.trends({ ...period, to: period.from }), 'to');
    await refused(agent.caller.qa.trends(period), 'FORBIDDEN');
  });
});

describe('filter options', () => {
  it('lists agents, reviewers, teams and scorecards for console staff only', async () => {
    const options = await lead.caller.qa.filterOptions();
    expect(options.agents.some((row) => row.id === agent.userId)).toBe(true);
    expect(options.reviewers.some((row) => row.id === trainer.userId)).toBe(true);
    expect(options.reviewers.some((row) => row.id === agent.userId)).toBe(false);
    await refused(agent.caller.qa.filterOptions(), 'FORBIDDEN');
  });
});
