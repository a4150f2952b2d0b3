import { hashInvitationToken } from '@switchboard/db/queries/invitations';
import {
  accounts,
  candidateStageMoves,
  configChanges,
  curricula,
  invitations,
  memberships,
  notifications,
  requisitions,
  teamTrainingPlans,
  trainingEnrolments,
  trainingModules,
  trainingProgress,
  users,
} from '@switchboard/db/schema';
import { createCityInboxFixture, UNKNOWN_CITY_CODE, uniqueSuffix } from '@switchboard/db/testing';
import type { CandidateInput, RequisitionInput } from '@switchboard/domain';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, expectBadInput, sessionCookie, type TestApi } from '../testing.ts';

let api: TestApi;
const db = () => api.handle.db;
type Caller = Awaited<ReturnType<TestApi['callerAs']>>;

let trainer: Caller;
let lead: Caller;
let agent: Caller;
let team: { id: string; name: string };
let cityCode: string;

beforeAll(async () => {
  api = await createTestApi();
  [trainer, lead, agent] = await Promise.all([
    api.callerAs('trainer'),
    api.callerAs('lead'),
    api.callerAs('agent'),
  ]);
  const fixture = await createCityInboxFixture(db());
  team = fixture.team;
  cityCode = fixture.city.code;
  // The team's lead hears of hires.
  await db().insert(memberships).values({ teamId: team.id, userId: lead.userId, role: 'lead' });
});
afterAll(() => api.close());

function requisitionInput(overrides: Partial<RequisitionInput> = {}): RequisitionInput {
  return {
    title: `Guest support agent PT/EN ${uniqueSuffix()}`,
    teamId: team.id,
    cityCode,
    languages: ['pt-PT', 'en'],
    headcount: 2,
    targetStartDate: '2026-06-01',
    ...overrides,
  };
}

function candidateInput(requisitionId: string, overrides: Partial<CandidateInput> = {}) {
  const suffix = uniqueSuffix().toLowerCase();
  return {
    requisitionId,
    name: `Inês Costa ${suffix}`,
    email: `ines.${suffix}@example.com`,
    phone: '+351 912 345 678',
    languages: ['pt-PT', 'en'],
    source: 'referral',
    ...overrides,
  } satisfies CandidateInput;
}

async function stageNamed(name: string) {
  const stages = await trainer.caller.hiring.pipeline();
  const stage = stages.find((candidate) => candidate.name === name);
  if (!stage) throw new Error(`no stage ${name}`);
  return stage;
}

/** A curriculum with two modules in the team's training plan. */
async function trainingPlanFor(teamId: string) {
  const suffix = uniqueSuffix();
  const [curriculum] = await db()
    .insert(curricula)
    .values({ code: `ONBOARD_${suffix}`, name: `Onboarding ${suffix}` })
    .returning();
  await db()
    .insert(trainingModules)
    .values([
      { curriculumId: curriculum!.id, position: 1, kind: 'walkthrough', title: 'The workspace' },
      { curriculumId: curriculum!.id, position: 2, kind: 'quiz', title: 'Refund basics' },
    ]);
  await db().insert(teamTrainingPlans).values({ teamId, curriculumId: curriculum!.id });
  return curriculum!;
}

describe('who may hire', () => {
  it('lets trainers, leads and admins in, and keeps agents and strangers out', async () => {
    await expect(trainer.caller.hiring.options()).resolves.toHaveProperty('stages');
    await expect(lead.caller.hiring.pipeline()).resolves.toBeInstanceOf(Array);
    const admin = await api.callerAs('admin');
    await expect(
      admin.caller.hiring.requisitions({ limit: 5, offset: 0, sort: 'createdAt' }),
    ).resolves.toHaveProperty('items');
    for (const call of [
      () => agent.caller.hiring.options(),
      () => agent.caller.hiring.pipeline(),
      () => agent.caller.hiring.requisitions({}),
      () => agent.caller.hiring.candidates({}),
      () => agent.caller.hiring.board({}),
      () => agent.caller.hiring.createRequisition(requisitionInput()),
      () => agent.caller.hiring.savePipeline({ stages: [{ id: null, name: 'Anything' }] }),
      () => agent.caller.hiring.hire({ candidateId: crypto.randomUUID() }),
      () => agent.caller.hiring.reissueInvitation({ candidateId: crypto.randomUUID() }),
      () => agent.caller.hiring.requisition({ id: crypto.randomUUID() }),
      () => agent.caller.hiring.funnel({ id: crypto.randomUUID() }),
      () => agent.caller.hiring.candidate({ id: crypto.randomUUID() }),
      () =>
        agent.caller.hiring.updateRequisition({ ...requisitionInput(), id: crypto.randomUUID() }),
      () => agent.caller.hiring.createCandidate(candidateInput(crypto.randomUUID())),
      () =>
        agent.caller.hiring.updateCandidate({
          ...candidateInput(crypto.randomUUID()),
          id: crypto.randomUUID(),
        }),
      () =>
        agent.caller.hiring.moveCandidate({
          candidateId: crypto.randomUUID(),
          toStageId: crypto.randomUUID(),
        }),
      () => agent.caller.hiring.addNote({ candidateId: crypto.randomUUID(), body: 'Hi' }),
      () =>
        agent.caller.hiring.saveScorecard({
          candidateId: crypto.randomUUID(),
          kind: 'interview',
          ratings: { writtenEnglish: 3, empathy: 3, problemSolving: 3, otherLanguages: null },
          recommendation: 'yes',
        }),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    const anonymous = await api.callerFor();
    await expect(anonymous.hiring.requisitions({})).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    await expect(anonymous.hiring.hire({ candidateId: crypto.randomUUID() })).rejects.toMatchObject(
      { code: 'UNAUTHORIZED' },
    );
  });
});

describe('requisitions', () => {
  it('creates, lists, reads and edits a requisition', async () => {
    const input = requisitionInput({ ownerId: trainer.userId, description: 'Summer peak' });
    const created = await trainer.caller.hiring.createRequisition(input);
    expect(created).toMatchObject({
      title: input.title,
      teamId: team.id,
      teamName: team.name,
      cityCode,
      languages: ['pt-PT', 'en'],
      headcount: 2,
      targetStartDate: '2026-06-01',
      status: 'open',
      ownerName: expect.stringMatching(/^Test trainer/),
      hiredCount: 0,
      candidateCount: 0,
    });
    expect(created.number).toBeGreaterThanOrEqual(101);

    const page = await lead.caller.hiring.requisitions({ search: input.title });
    expect(page.items.map((row) => row.id)).toEqual([created.id]);
    const byNumber = await lead.caller.hiring.requisitions({ search: `REQ-${created.number}` });
    expect(byNumber.items.map((row) => row.id)).toEqual([created.id]);

    const updated = await lead.caller.hiring.updateRequisition({
      ...input,
      id: created.id,
      status: 'on_hold',
      headcount: 3,
      cityCode: null,
    });
    expect(updated).toMatchObject({ status: 'on_hold', headcount: 3, cityCode: null });
    expect((await trainer.caller.hiring.requisition({ id: created.id })).status).toBe('on_hold');
  });

  it('names the field at fault and writes nothing', async () => {
    const input = requisitionInput();
    const message = await expectBadInput(
      trainer.caller.hiring.createRequisition({ ...input, headcount: 0 }),
      'headcount',
    );
    expect(message).toContain('Headcount: at least 1');
    await expectBadInput(
      trainer.caller.hiring.createRequisition({ ...input, title: ' ' }),
      'title',
    );
    await expectBadInput(
      trainer.caller.hiring.createRequisition({ ...input, languages: [] }),
      'languages',
    );
    await expectBadInput(
      trainer.caller.hiring.createRequisition({ ...input, targetStartDate: '2026-02-30' }),
      'targetStartDate',
    );
    await expectBadInput(
      trainer.caller.hiring.createRequisition({ ...input, cityCode: UNKNOWN_CITY_CODE }),
      'cityCode',
    );
    await expectBadInput(
      trainer.caller.hiring.createRequisition({ ...input, teamId: crypto.randomUUID() }),
      'teamId',
    );
    await expectBadInput(
      trainer.caller.hiring.createRequisition({ ...input, ownerId: agent.userId }),
      'ownerId',
    );
    await expectBadInput(
      trainer.caller.hiring.createRequisition({ ...input, status: 'filled' }),
      'status',
    );
    const rows = await db().select().from(requisitions).where(eq(requisitions.title, input.title));
    expect(rows).toEqual([]);
    await expect(
      trainer.caller.hiring.requisition({ id: crypto.randomUUID() }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('candidates through the pipeline', () => {
  it('adds a candidate at the first stage, moves them, rejects with a reason, and keeps the history', async () => {
    const requisition = await trainer.caller.hiring.createRequisition(requisitionInput());
    const input = candidateInput(requisition.id);
    const created = await trainer.caller.hiring.createCandidate(input);
    const pipeline = await trainer.caller.hiring.pipeline();
    const firstActive = pipeline.find((stage) => stage.kind === 'active')!;
    expect(created).toMatchObject({
      name: input.name,
      email: input.email,
      stageId: firstActive.id,
      stageKind: 'active',
      requisitionNumber: requisition.number,
      scorecardCount: 0,
      averageScore: null,
    });

    const screen = await stageNamed('Screen');
    const moved = await lead.caller.hiring.moveCandidate({
      candidateId: created.id,
      toStageId: screen.id,
      note: 'Good phone call',
    });
    expect(moved.stageName).toBe('Screen');

    const rejected = pipeline.find((stage) => stage.kind === 'rejected')!;
    await expectBadInput(
      trainer.caller.hiring.moveCandidate({ candidateId: created.id, toStageId: rejected.id }),
      'rejectionReason',
    );
    await expectBadInput(
      trainer.caller.hiring.moveCandidate({
        candidateId: created.id,
        toStageId: rejected.id,
        rejectionReason: 'other',
      }),
      'note',
    );
    const hiredStage = pipeline.find((stage) => stage.kind === 'hired')!;
    await expectBadInput(
      trainer.caller.hiring.moveCandidate({ candidateId: created.id, toStageId: hiredStage.id }),
      'toStageId',
    );
    await expectBadInput(
      trainer.caller.hiring.moveCandidate({ candidateId: created.id, toStageId: screen.id }),
      'toStageId',
    );
    await expectBadInput(
      trainer.caller.hiring.moveCandidate({
        candidateId: created.id,
        toStageId: crypto.randomUUID(),
      }),
      'toStageId',
    );

    const out = await trainer.caller.hiring.moveCandidate({
      candidateId: created.id,
      toStageId: rejected.id,
      rejectionReason: 'written_english',
      note: 'Assessment replies needed heavy edits',
    });
    expect(out).toMatchObject({ stageKind: 'rejected', rejectionReason: 'written_english' });

    const detail = await trainer.caller.hiring.candidate({ id: created.id });
    expect(
      detail.history.map((move) => [move.fromStageName, move.toStageName, move.rejectionReason]),
    ).toEqual([
      ['Screen', 'Rejected', 'written_english'],
      [firstActive.name, 'Screen', null],
      [null, firstActive.name, null],
    ]);
    expect(detail.history[0]!.movedByName).toMatch(/^Test trainer/);
    expect(detail.history[1]).toMatchObject({
      note: 'Good phone call',
      movedByName: expect.stringMatching(/^Test lead/),
    });

    // Reconsidered: back to the screen, the rejection cleared.
    const back = await trainer.caller.hiring.moveCandidate({
      candidateId: created.id,
      toStageId: screen.id,
    });
    expect(back).toMatchObject({ stageName: 'Screen', rejectionReason: null, rejectionNote: '' });

    // The history is append-only.
    await expect(
      db()
        .update(candidateStageMoves)
        .set({ note: 'rewritten' })
        .where(eq(candidateStageMoves.candidateId, created.id)),
    ).rejects.toThrow();
  });

  it('refuses a second application with the same email, and bad fields, naming them', async () => {
    const requisition = await trainer.caller.hiring.createRequisition(requisitionInput());
    const input = candidateInput(requisition.id);
    await trainer.caller.hiring.createCandidate(input);
    await expect(
      trainer.caller.hiring.createCandidate({
        ...input,
        name: 'Someone else',
        email: input.email.toUpperCase(),
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('Email:') });
    await expectBadInput(
      trainer.caller.hiring.createCandidate({ ...input, email: 'not-an-email' }),
      'email',
    );
    await expectBadInput(
      trainer.caller.hiring.createCandidate({ ...input, languages: ['Portuguese'] }),
      'languages.0',
    );
    await expectBadInput(
      trainer.caller.hiring.createCandidate({ ...input, requisitionId: crypto.randomUUID() }),
      'requisitionId',
    );
    const cancelled = await trainer.caller.hiring.createRequisition(
      requisitionInput({ status: 'cancelled' }),
    );
    await expectBadInput(
      trainer.caller.hiring.createCandidate(candidateInput(cancelled.id)),
      'requisitionId',
    );
  });

  it('lists candidates by requisition, stage and outcome, and shows the board', async () => {
    const requisition = await trainer.caller.hiring.createRequisition(requisitionInput());
    const a = await trainer.caller.hiring.createCandidate(candidateInput(requisition.id));
    const b = await trainer.caller.hiring.createCandidate(candidateInput(requisition.id));
    const interview = await stageNamed('Interview');
    await trainer.caller.hiring.moveCandidate({ candidateId: b.id, toStageId: interview.id });
    await trainer.caller.hiring.updateCandidate({
      ...candidateInput(requisition.id),
      id: a.id,
      name: 'Ana Renamed',
      email: a.email,
    });

    const all = await trainer.caller.hiring.candidates({ requisitionId: requisition.id });
    expect(all.total).toBe(2);
    const inInterview = await trainer.caller.hiring.candidates({
      requisitionId: requisition.id,
      stageId: interview.id,
    });
    expect(inInterview.items.map((row) => row.id)).toEqual([b.id]);
    const byName = await trainer.caller.hiring.candidates({
      requisitionId: requisition.id,
      search: 'renamed',
    });
    expect(byName.items.map((row) => row.name)).toEqual(['Ana Renamed']);
    const rejected = await trainer.caller.hiring.candidates({
      requisitionId: requisition.id,
      outcome: 'rejected',
    });
    expect(rejected.total).toBe(0);

    const board = await trainer.caller.hiring.board({ requisitionId: requisition.id });
    expect(board.map((column) => column.kind).slice(-2)).toEqual(['hired', 'rejected']);
    const column = board.find((stage) => stage.id === interview.id)!;
    expect(column.total).toBe(1);
    expect(column.candidates.map((card) => card.id)).toEqual([b.id]);
  });

  it('averages interviewers’ scorecards per rubric; each interviewer counts once per kind', async () => {
    const requisition = await trainer.caller.hiring.createRequisition(requisitionInput());
    const candidate = await trainer.caller.hiring.createCandidate(candidateInput(requisition.id));
    const ratings = { writtenEnglish: 2, empathy: 4, problemSolving: 3, otherLanguages: null };
    await trainer.caller.hiring.saveScorecard({
      candidateId: candidate.id,
      kind: 'interview',
      ratings,
      recommendation: 'no',
    });
    // The trainer corrects their interview scorecard: it replaces the first.
    await trainer.caller.hiring.saveScorecard({
      candidateId: candidate.id,
      kind: 'interview',
      ratings: { ...ratings, writtenEnglish: 4 },
      recommendation: 'yes',
      comments: 'Calm with an angry guest in the role play',
    });
    await lead.caller.hiring.saveScorecard({
      candidateId: candidate.id,
      kind: 'assessment',
      ratings: { writtenEnglish: 5, empathy: 3, problemSolving: 4, otherLanguages: 4 },
      recommendation: 'strong_yes',
    });
    await expectBadInput(
      lead.caller.hiring.saveScorecard({
        candidateId: candidate.id,
        kind: 'interview',
        ratings: { ...ratings, empathy: 6 },
        recommendation: 'yes',
      }),
      'ratings.empathy',
    );

    const detail = await trainer.caller.hiring.candidate({ id: candidate.id });
    expect(detail.scorecards).toHaveLength(2);
    expect(detail.scorecards.find((card) => card.kind === 'interview')).toMatchObject({
      recommendation: 'yes',
      comments: 'Calm with an angry guest in the role play',
      stageName: expect.any(String),
    });
    expect(detail.rubricAverages).toEqual([
      { rubric: 'writtenEnglish', average: 4.5, count: 2 },
      { rubric: 'empathy', average: 3.5, count: 2 },
      { rubric: 'problemSolving', average: 3.5, count: 2 },
      { rubric: 'otherLanguages', average: 4, count: 1 },
    ]);
    expect(detail.recommendations).toEqual({ strong_yes: 1, yes: 1, no: 0, strong_no: 0 });
    const [row] = (await trainer.caller.hiring.candidates({ requisitionId: requisition.id })).items;
    expect(row).toMatchObject({ scorecardCount: 2 });
    expect(row!.averageScore).toBeCloseTo((4 + 4 + 3 + 5 + 3 + 4 + 4) / 7);
  });

  it('keeps notes with their author', async () => {
    const requisition = await trainer.caller.hiring.createRequisition(requisitionInput());
    const candidate = await trainer.caller.hiring.createCandidate(candidateInput(requisition.id));
    await lead.caller.hiring.addNote({ candidateId: candidate.id, body: 'Available for nights' });
    await expectBadInput(
      lead.caller.hiring.addNote({ candidateId: candidate.id, body: ' ' }),
      'body',
    );
    const detail = await trainer.caller.hiring.candidate({ id: candidate.id });
    expect(detail.notes).toMatchObject([
      { body: 'Available for nights', authorName: expect.stringMatching(/^Test lead/) },
    ]);
  });
});

describe('the funnel', () => {
  it('counts how far candidates got and where they were rejected', async () => {
    const requisition = await trainer.caller.hiring.createRequisition(
      requisitionInput({ headcount: 5 }),
    );
    const screen = await stageNamed('Screen');
    const interview = await stageNamed('Interview');
    const rejected = (await trainer.caller.hiring.pipeline()).find((s) => s.kind === 'rejected')!;
    const people = await Promise.all(
      [1, 2, 3].map(() => trainer.caller.hiring.createCandidate(candidateInput(requisition.id))),
    );
    for (const person of people.slice(0, 2)) {
      await trainer.caller.hiring.moveCandidate({ candidateId: person.id, toStageId: screen.id });
    }
    await trainer.caller.hiring.moveCandidate({
      candidateId: people[0]!.id,
      toStageId: interview.id,
    });
    await trainer.caller.hiring.hire({ candidateId: people[0]!.id });
    await trainer.caller.hiring.moveCandidate({
      candidateId: people[1]!.id,
      toStageId: rejected.id,
      rejectionReason: 'availability',
    });

    const funnel = await trainer.caller.hiring.funnel({ id: requisition.id });
    expect(funnel).toMatchObject({ candidates: 3, hired: 1, rejected: 1 });
    const byName = Object.fromEntries(funnel.stages.map((stage) => [stage.name, stage]));
    expect(byName.Screen).toMatchObject({
      reached: 2,
      rejectedHere: 1,
      conversionFromPrevious: 2 / 3,
    });
    // Skipping the written assessment still counts as passing it.
    expect(byName['Written assessment']).toMatchObject({ reached: 1, conversionFromPrevious: 0.5 });
    expect(byName.Interview).toMatchObject({ reached: 1, conversionFromPrevious: 1 });
    expect(byName.Hired).toMatchObject({ reached: 1, current: 1 });
    expect(funnel.stages.at(-1)!.kind).toBe('hired');
  });
});

describe('editing the pipeline', () => {
  it('adds, renames, reorders and removes stages, refusing to remove one holding candidates', async () => {
    const before = await trainer.caller.hiring.pipeline();
    const active = before.filter((stage) => stage.kind === 'active');
    const extra = `Reference check ${uniqueSuffix()}`;
    const restore = active.map((stage) => ({ id: stage.id, name: stage.name }));
    try {
      const added = await lead.caller.hiring.savePipeline({
        stages: [...restore, { id: null, name: extra }],
      });
      const extraStage = added.find((stage) => stage.name === extra)!;
      expect(added.filter((s) => s.kind === 'active').at(-1)!.name).toBe(extra);

      // Move the new stage first and rename it.
      const renamed = `${extra} (phone)`;
      const reordered = await trainer.caller.hiring.savePipeline({
        stages: [{ id: extraStage.id, name: renamed }, ...restore],
      });
      expect(reordered[0]).toMatchObject({ id: extraStage.id, name: renamed, position: 1 });

      // Someone in the stage: it cannot go.
      const requisition = await trainer.caller.hiring.createRequisition(requisitionInput());
      const candidate = await trainer.caller.hiring.createCandidate(candidateInput(requisition.id));
      expect(candidate.stageId).toBe(extraStage.id);
      await expectBadInput(trainer.caller.hiring.savePipeline({ stages: restore }), 'stages');
      await trainer.caller.hiring.moveCandidate({
        candidateId: candidate.id,
        toStageId: active[0]!.id,
      });
      const history = await db()
        .select()
        .from(configChanges)
        .where(eq(configChanges.entityType, 'hiring_pipeline'));
      expect(history.some((change) => change.diff.includes(`Added “${extra}”`))).toBe(true);
      expect(
        history.some((change) => change.diff.includes(`Renamed “${extra}” to “${renamed}”`)),
      ).toBe(true);
    } finally {
      const restored = await trainer.caller.hiring.savePipeline({ stages: restore });
      expect(restored.filter((s) => s.kind === 'active').map((s) => s.id)).toEqual(
        active.map((s) => s.id),
      );
    }
  });

  it('names bad stage lists', async () => {
    await expectBadInput(trainer.caller.hiring.savePipeline({ stages: [] }), 'stages');
    await expectBadInput(
      trainer.caller.hiring.savePipeline({ stages: [{ id: null, name: 'Hired' }] }),
      'stages.0.name',
    );
    await expectBadInput(
      trainer.caller.hiring.savePipeline({ stages: [{ id: crypto.randomUUID(), name: 'Ghost' }] }),
      'stages.0.id',
    );
  });
});

describe('hiring a candidate', () => {
  it('creates the trainee, their invitation and training in one go; the last hire fills the requisition', async () => {
    const curriculum = await trainingPlanFor(team.id);
    const requisition = await trainer.caller.hiring.createRequisition(
      requisitionInput({ headcount: 1 }),
    );
    const input = candidateInput(requisition.id, { languages: ['pt-PT', 'en', 'es-MX'] });
    const candidate = await trainer.caller.hiring.createCandidate(input);
    const other = await trainer.caller.hiring.createCandidate(candidateInput(requisition.id));

    const hired = await trainer.caller.hiring.hire({ candidateId: candidate.id });
    expect(hired).toMatchObject({
      name: input.name,
      email: input.email,
      teamName: team.name,
      enrolledCurricula: [curriculum.name],
      requisitionStatus: 'filled',
    });
    expect(hired.invitation.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hired.invitation.path).toBe(`/workspace/invite/${hired.invitation.token}`);
    expect(hired.invitation.expiresAt.getTime() - Date.now()).toBeGreaterThan(
      7 * 86_400_000 - 60_000,
    );

    const [user] = await db().select().from(users).where(eq(users.id, hired.userId));
    expect(user).toMatchObject({
      email: input.email,
      role: 'agent',
      languages: ['pt-PT', 'en', 'es-MX'],
      availability: 'offline',
      timeZone: 'Europe/Lisbon',
      active: true,
    });
    expect(
      await db().select().from(memberships).where(eq(memberships.userId, hired.userId)),
    ).toMatchObject([{ teamId: team.id, role: 'member' }]);
    // Only the token's hash is stored.
    const [invitation] = await db()
      .select()
      .from(invitations)
      .where(eq(invitations.userId, hired.userId));
    expect(invitation!.tokenHash).toBe(hashInvitationToken(hired.invitation.token));
    expect(JSON.stringify(invitation)).not.toContain(hired.invitation.token);
    const enrolments = await db()
      .select()
      .from(trainingEnrolments)
      .where(eq(trainingEnrolments.userId, hired.userId));
    expect(enrolments).toMatchObject([
      { curriculumId: curriculum.id, enrolledById: trainer.userId },
    ]);
    expect(
      await db()
        .select()
        .from(trainingProgress)
        .where(eq(trainingProgress.enrolmentId, enrolments[0]!.id)),
    ).toHaveLength(2);
    const [change] = await db()
      .select()
      .from(configChanges)
      .where(and(eq(configChanges.entityType, 'hire'), eq(configChanges.entityId, hired.userId)));
    expect(change).toMatchObject({ action: 'created', actorId: trainer.userId });
    expect(change!.diff.join('\n')).toContain(team.name);
    const leadBell = await db()
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, lead.userId), eq(notifications.subjectId, candidate.id)));
    expect(leadBell).toMatchObject([{ kind: 'hire', title: `${input.name} joins ${team.name}` }]);

    expect(await trainer.caller.hiring.requisition({ id: requisition.id })).toMatchObject({
      status: 'filled',
      hiredCount: 1,
    });
    const detail = await trainer.caller.hiring.candidate({ id: candidate.id });
    expect(detail.candidate).toMatchObject({ stageKind: 'hired', hiredUserId: hired.userId });
    expect(detail.hire).toMatchObject({
      user: { email: input.email },
      teams: [team.name],
      invitation: { state: 'pending' },
      enrolments: 1,
    });

    // Full: no more hires, and the hired candidate stays hired.
    await expect(trainer.caller.hiring.hire({ candidateId: other.id })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('filled'),
    });
    await expect(trainer.caller.hiring.hire({ candidateId: candidate.id })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expectBadInput(
      trainer.caller.hiring.updateRequisition({
        ...requisitionInput({ headcount: 1 }),
        id: requisition.id,
        status: 'open',
      }),
      'status',
    );
    const { team: otherTeam } = await createCityInboxFixture(db());
    await expectBadInput(
      trainer.caller.hiring.updateRequisition({
        ...requisitionInput({ headcount: 2, teamId: otherTeam.id }),
        id: requisition.id,
        status: 'open',
      }),
      'teamId',
    );
    // Raising the headcount reopens it.
    await trainer.caller.hiring.updateRequisition({
      ...requisitionInput({ headcount: 2 }),
      id: requisition.id,
      status: 'open',
    });
    await expect(trainer.caller.hiring.hire({ candidateId: other.id })).resolves.toMatchObject({
      requisitionStatus: 'filled',
    });
  });

  it('takes hires only on open requisitions, and never gives one email two accounts', async () => {
    const held = await trainer.caller.hiring.createRequisition(
      requisitionInput({ status: 'on_hold' }),
    );
    const waiting = await trainer.caller.hiring.createCandidate(candidateInput(held.id));
    await expect(trainer.caller.hiring.hire({ candidateId: waiting.id })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'The requisition is on hold: only open requisitions take hires',
    });

    const open = await trainer.caller.hiring.createRequisition(requisitionInput());
    const staff = await api.createStaff('agent');
    const clash = await trainer.caller.hiring.createCandidate(
      candidateInput(open.id, { email: staff.email }),
    );
    await expect(trainer.caller.hiring.hire({ candidateId: clash.id })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('already has a Switchboard account'),
    });
    // Nothing of the refused hire was written.
    expect((await trainer.caller.hiring.candidate({ id: clash.id })).candidate.hiredAt).toBeNull();
    expect((await trainer.caller.hiring.requisition({ id: open.id })).hiredCount).toBe(0);

    const rejectedStage = (await trainer.caller.hiring.pipeline()).find(
      (stage) => stage.kind === 'rejected',
    )!;
    const gone = await trainer.caller.hiring.createCandidate(candidateInput(open.id));
    await trainer.caller.hiring.moveCandidate({
      candidateId: gone.id,
      toStageId: rejectedStage.id,
      rejectionReason: 'withdrew',
    });
    await expect(trainer.caller.hiring.hire({ candidateId: gone.id })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('gives the last place to exactly one of two trainers hiring at once', async () => {
    const requisition = await trainer.caller.hiring.createRequisition(
      requisitionInput({ headcount: 1 }),
    );
    const [a, b] = await Promise.all([
      trainer.caller.hiring.createCandidate(candidateInput(requisition.id)),
      trainer.caller.hiring.createCandidate(candidateInput(requisition.id)),
    ]);
    const results = await Promise.allSettled([
      trainer.caller.hiring.hire({ candidateId: a.id }),
      lead.caller.hiring.hire({ candidateId: b.id }),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect((await trainer.caller.hiring.requisition({ id: requisition.id })).hiredCount).toBe(1);
  });
});

describe('accepting the invitation', () => {
  async function hireSomeone() {
    const requisition = await trainer.caller.hiring.createRequisition(requisitionInput());
    const input = candidateInput(requisition.id);
    const candidate = await trainer.caller.hiring.createCandidate(input);
    const hired = await trainer.caller.hiring.hire({ candidateId: candidate.id });
    return { ...hired, candidateId: candidate.id };
  }

  it('lets the new hire set a password once and sign in to the workspace with it', async () => {
    const hired = await hireSomeone();
    const anonymous = await api.callerFor();
    const token = hired.invitation.token;
    expect(await anonymous.hiring.invitation({ token })).toMatchObject({
      state: 'pending',
      name: hired.name,
      email: hired.email,
    });
    // Before: no password, no sign-in.
    expect((await api.signIn(hired.email, 'trainee-password-1')).ok).toBe(false);

    await expectBadInput(
      anonymous.hiring.acceptInvitation({ token, password: 'short' }),
      'password',
    );
    await expect(
      anonymous.hiring.acceptInvitation({ token, password: 'trainee-password-1' }),
    ).resolves.toEqual({ email: hired.email, name: hired.name });

    const response = await api.signIn(hired.email, 'trainee-password-1');
    expect(response.ok).toBe(true);
    const trainee = await api.callerFor(sessionCookie(response));
    const me = await trainee.people.me();
    expect(me).toMatchObject({ id: hired.userId, role: 'agent' });
    expect(me.access).toMatchObject({ workspace: true, console: false });
    expect(me.teams.map((t) => t.id)).toEqual([team.id]);
    await expect(trainee.hiring.requisitions({})).rejects.toMatchObject({ code: 'FORBIDDEN' });

    // Used once: the link is spent, and the account has one password.
    await expect(
      anonymous.hiring.acceptInvitation({ token, password: 'someone-else-123' }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('used already') });
    expect(await anonymous.hiring.invitation({ token })).toMatchObject({ state: 'accepted' });
    expect(
      await db().select().from(accounts).where(eq(accounts.userId, hired.userId)),
    ).toHaveLength(1);
    await expect(
      trainer.caller.hiring.reissueInvitation({ candidateId: hired.candidateId }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await trainer.caller.hiring.candidate({ id: hired.candidateId })).hire).toMatchObject({
      invitation: { state: 'accepted' },
    });
  });

  it('refuses unknown, expired and replaced links plainly', async () => {
    const anonymous = await api.callerFor();
    const unknown = 'x'.repeat(43);
    expect(await anonymous.hiring.invitation({ token: unknown })).toMatchObject({
      state: 'unknown',
      message: expect.stringContaining('not valid'),
    });
    await expect(
      anonymous.hiring.acceptInvitation({ token: unknown, password: 'long-enough-1' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expectBadInput(anonymous.hiring.invitation({ token: 'bad token' }), 'token');

    const hired = await hireSomeone();
    const fresh = await trainer.caller.hiring.reissueInvitation({
      candidateId: hired.candidateId,
    });
    expect(fresh.token).not.toBe(hired.invitation.token);
    await expect(
      anonymous.hiring.acceptInvitation({
        token: hired.invitation.token,
        password: 'long-enough-1',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('replaced') });

    await db()
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.tokenHash, hashInvitationToken(fresh.token)));
    await expect(
      anonymous.hiring.acceptInvitation({ token: fresh.token, password: 'long-enough-1' }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('expired') });
    expect(
      await db()
        .select()
        .from(accounts)
        .where(inArray(accounts.userId, [hired.userId])),
    ).toEqual([]);
  });
});
