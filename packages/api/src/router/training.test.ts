import {
  certifications,
  conversations,
  memberships,
  notifications,
  qaReviews,
  qaScorecards,
  qaScorecardVersions,
  trainingProgress,
  userCertifications,
} from '@switchboard/db/schema';
import { createCityInboxFixture, uniqueSuffix } from '@switchboard/db/testing';
import type { TrainingModuleInput } from '@switchboard/domain';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConversationFixture, createTaxonomyFixture } from '../fixtures.ts';
import { createTestApi, expectBadInput, type TestApi } from '../testing.ts';

let api: TestApi;
let taxonomy: Awaited<ReturnType<typeof createTaxonomyFixture>>;
const db = () => api.handle.db;
beforeAll(async () => {
  api = await createTestApi();
  taxonomy = await createTaxonomyFixture(db());
});
afterAll(() => api.close());

type Caller = Awaited<ReturnType<TestApi['callerAs']>>;

const QUIZ: TrainingModuleInput = {
  kind: 'quiz',
  title: 'Refund policy check',
  body: '',
  estimatedMinutes: 10,
  settings: {
    passMarkPercent: 60,
    maxAttempts: 2,
    requiresSignOff: false,
    questions: [
      {
        id: 'window',
        kind: 'multiple_choice',
        prompt: 'How long is the free-cancellation window?',
        options: [
          { id: 'five', text: '5 minutes' },
          { id: 'two', text: '2 minutes' },
        ],
        correctOptionIds: ['five'],
        points: 2,
      },
      {
        id: 'explain',
        kind: 'short_answer',
        prompt: 'Explain why a refund takes five working days',
        guidance: 'Bank processing; give the reference',
        points: 1,
      },
    ],
  },
};

/** A published SOP (v1) for a request type of its own, read in the curriculum. */
async function publishSop(trainer: Caller, title: string) {
  const input = {
    requestTypeCode: taxonomy.guestType.code,
    title,
    steps: [
      { id: 'check-policy', text: 'Check the cancellation window', required: true },
      { id: 'refund', text: 'Refund through the refund action', required: false },
    ],
  };
  await trainer.caller.playbooks.saveSopDraft(input);
  return trainer.caller.playbooks.publishSop({ requestTypeCode: input.requestTypeCode });
}

async function certification() {
  const suffix = uniqueSuffix();
  const [row] = await db()
    .insert(certifications)
    .values({ code: `REFUNDS_${suffix}`, name: `Guest refunds ${suffix}` })
    .returning();
  return row!;
}

async function qaReview(
  conversationId: string,
  agentId: string,
  reviewerId: string,
  score: number,
) {
  const suffix = uniqueSuffix();
  const [card] = await db()
    .insert(qaScorecards)
    .values({ code: `QA_${suffix}`, name: `Scorecard ${suffix}` })
    .returning();
  const [version] = await db()
    .insert(qaScorecardVersions)
    .values({ scorecardId: card!.id, version: 1, criteria: [] })
    .returning();
  await db().insert(qaReviews).values({
    conversationId,
    agentId,
    reviewerId,
    scorecardVersionId: version!.id,
    sample: 'manual',
    status: 'submitted',
    score,
    submittedAt: new Date(),
  });
}

describe('training', () => {
  it('takes a trainee from enrolment to certification through every kind of module', async () => {
    const trainer = await api.callerAs('trainer');
    const trainee = await api.callerAs('agent');
    const sop = await publishSop(trainer, 'Cancellation and refund');
    const cert = await certification();

    // The trainer builds the curriculum.
    await expectBadInput(
      trainer.caller.training.createCurriculum({
        code: 'lower case',
        name: 'Guest onboarding',
        certificationId: null,
        requiresSignOff: true,
      }),
      'code',
    );
    const code = `ONBOARD_${uniqueSuffix()}`;
    const { id: curriculumId } = await trainer.caller.training.createCurriculum({
      code,
      name: 'Guest onboarding',
      description: 'From first login to refunds',
      certificationId: cert.id,
      requiresSignOff: true,
    });
    await expect(
      trainer.caller.training.createCurriculum({
        code,
        name: 'Another',
        certificationId: null,
        requiresSignOff: false,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      trainer.caller.training.enrol({ curriculumId, userIds: [trainee.userId] }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('Add modules') });

    const reading = await trainer.caller.training.addModule({
      curriculumId,
      module: {
        kind: 'sop_reading',
        title: 'Read the refund SOP',
        body: '',
        estimatedMinutes: 10,
        sopId: sop.sopId,
        sopVersion: 1,
        settings: { requiresSignOff: false },
      },
    });
    await expectBadInput(
      trainer.caller.training.addModule({
        curriculumId,
        module: {
          kind: 'sop_reading',
          title: 'Read a version that is not there',
          body: '',
          estimatedMinutes: 10,
          sopId: sop.sopId,
          sopVersion: 9,
          settings: { requiresSignOff: false },
        },
      }),
      'module.sopVersion',
    );
    const quiz = await trainer.caller.training.addModule({ curriculumId, module: QUIZ });
    const walkthrough = await trainer.caller.training.addModule({
      curriculumId,
      module: {
        kind: 'walkthrough',
        title: 'The refund action',
        body: 'Open the **Actions** panel, choose *Refund* and read the guardrail decision.',
        estimatedMinutes: 15,
        settings: { subject: 'tool', requiresSignOff: false },
      },
    });
    const shadowing = await trainer.caller.training.addModule({
      curriculumId,
      module: {
        kind: 'shadowing',
        title: 'Shadow two refund chats',
        body: '',
        estimatedMinutes: 60,
        settings: { conversations: 2, requiresSignOff: true },
      },
    });
    const nesting = await trainer.caller.training.addModule({
      curriculumId,
      module: {
        kind: 'nesting',
        title: 'Handle two refunds',
        body: '',
        estimatedMinutes: 240,
        settings: {
          conversations: 2,
          qaThresholdPercent: 85,
          minReviews: 1,
          requiresSignOff: false,
        },
      },
    });
    await expectBadInput(
      trainer.caller.training.reorderModules({ curriculumId, moduleIds: [reading.id] }),
      'moduleIds',
    );
    // Walkthrough before the quiz.
    const order = [reading.id, walkthrough.id, quiz.id, shadowing.id, nesting.id];
    await trainer.caller.training.reorderModules({ curriculumId, moduleIds: order });
    const detail = await trainer.caller.training.curriculum({ curriculumId });
    expect(detail.modules.map((module) => module.id)).toEqual(order);
    expect(detail.modules[2]?.requirement).toBe('2 questions · pass mark 60% · 2 attempts');
    expect(detail.certificationName).toBe(cert.name);
    const history = await trainer.caller.changes.list({
      entityType: 'curriculum',
      entityId: curriculumId,
    });
    expect(history.items.map((change) => change.action)).toContain('reordered');

    // Enrolment.
    await expectBadInput(
      trainer.caller.training.enrol({ curriculumId, userIds: ['nobody-at-all'] }),
      'userIds.0',
    );
    const enrolled = await trainer.caller.training.enrol({
      curriculumId,
      userIds: [trainee.userId],
    });
    expect(enrolled.enrolled).toHaveLength(1);
    expect(await trainer.caller.training.curriculum({ curriculumId })).toMatchObject({
      enrolledCount: 1,
      completedCount: 0,
    });
    expect(
      (await trainer.caller.training.enrol({ curriculumId, userIds: [trainee.userId] }))
        .alreadyEnrolled,
    ).toHaveLength(1);

    // My training: modules in order, the second locked until the first is done.
    const mine = await trainee.caller.training.mine();
    const enrolment = mine.enrolments.find((row) => row.curriculumName === 'Guest onboarding')!;
    expect(enrolment.modules.map((module) => [module.title, module.locked])).toEqual([
      ['Read the refund SOP', false],
      ['The refund action', true],
      ['Refund policy check', true],
      ['Shadow two refund chats', true],
      ['Handle two refunds', true],
    ]);
    const key = (moduleId: string) => ({ enrolmentId: enrolment.id, moduleId });
    await expect(trainee.caller.training.startModule(key(walkthrough.id))).rejects.toMatchObject({
      code: 'CONFLICT',
    });

    // SOP reading: the steps of v1, acknowledged; a session left open counts only up to its cap.
    const readingView = await trainee.caller.training.myModule(key(reading.id));
    expect(readingView.reading?.sop?.steps.map((step) => step.id)).toEqual([
      'check-policy',
      'refund',
    ]);
    await trainee.caller.training.startModule(key(reading.id));
    await db()
      .update(trainingProgress)
      .set({ openedAt: new Date(Date.now() - 10 * 3_600_000) })
      .where(
        and(
          eq(trainingProgress.enrolmentId, enrolment.id),
          eq(trainingProgress.moduleId, reading.id),
        ),
      );
    expect(await trainee.caller.training.acknowledgeSop(key(reading.id))).toEqual({
      acknowledgedVersion: 1,
      status: 'completed',
    });
    await expect(trainee.caller.training.acknowledgeSop(key(reading.id))).rejects.toMatchObject({
      code: 'CONFLICT',
    });

    // Walkthrough.
    await trainee.caller.training.startModule(key(walkthrough.id));
    expect(await trainee.caller.training.markWalkthroughDone(key(walkthrough.id))).toEqual({
      status: 'completed',
    });

    // Quiz: a written answer waits for marking; the trainer marks it; a failed attempt retries.
    await expectBadInput(
      trainee.caller.training.submitQuiz({
        ...key(quiz.id),
        responses: { window: { optionIds: ['five', 'two'] } },
      }),
      'responses.window.optionIds',
    );
    const first = await trainee.caller.training.submitQuiz({
      ...key(quiz.id),
      responses: { window: { optionIds: ['two'] }, explain: { text: 'The bank takes time' } },
    });
    expect(first).toMatchObject({
      status: 'awaiting_marking',
      resultText: 'Awaiting marking',
      attemptsLeft: 1,
    });
    await expect(
      trainee.caller.training.submitQuiz({ ...key(quiz.id), responses: {} }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('waiting for marking'),
    });

    const queue = await trainer.caller.training.markingQueue({});
    expect(queue.items.map((item) => item.attemptId)).toContain(first.attemptId);
    const attempt = await trainer.caller.training.attempt({ attemptId: first.attemptId });
    expect(attempt.awaitingMarking).toEqual(['explain']);
    expect(attempt.responses.explain?.text).toBe('The bank takes time');
    await expectBadInput(
      trainer.caller.training.markAttempt({ attemptId: first.attemptId, marks: { explain: 5 } }),
      'marks.explain',
    );
    expect(
      await trainer.caller.training.markAttempt({
        attemptId: first.attemptId,
        marks: { explain: 1 },
        feedback: 'Mention the reference number.',
      }),
    ).toMatchObject({ status: 'failed', score: 33, resultText: 'Failed — 33%' });
    await expect(
      trainer.caller.training.markAttempt({ attemptId: first.attemptId, marks: { explain: 1 } }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const second = await trainee.caller.training.submitQuiz({
      ...key(quiz.id),
      responses: { window: { optionIds: ['five'] } },
    });
    expect(second).toMatchObject({ status: 'passed', score: 66, resultText: 'Passed — 66%' });

    // Shadowing: conversations the trainee watched, not their own, then the trainer's sign-off.
    const { inbox } = await createCityInboxFixture(db());
    const watched = await Promise.all(
      [trainer.userId, trainer.userId].map((assigneeId) =>
        createConversationFixture(db(), { inboxId: inbox.id, assigneeId }),
      ),
    );
    const own = await createConversationFixture(db(), {
      inboxId: inbox.id,
      assigneeId: trainee.userId,
    });
    await trainee.caller.training.startModule(key(shadowing.id));
    await expectBadInput(
      trainee.caller.training.logMyShadowing({
        ...key(shadowing.id),
        conversationNumber: own.conversation.number,
      }),
      'conversationNumber',
    );
    await expectBadInput(
      trainee.caller.training.logMyShadowing({
        ...key(shadowing.id),
        conversationNumber: 999_999_999,
      }),
      'conversationNumber',
    );
    for (const { conversation } of watched) {
      await trainee.caller.training.logMyShadowing({
        ...key(shadowing.id),
        conversationNumber: conversation.number,
      });
    }
    const shadowed = await trainee.caller.training.myModule(key(shadowing.id));
    expect(shadowed.status).toBe('awaiting_sign_off');
    expect(shadowed.livePractice?.text).toBe('2 of 2 conversations watched');
    await expect(trainee.caller.training.signOffModule(key(shadowing.id))).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });

    // The trainer takes a conversation off the log: the module no longer meets its bar.
    const unlogged = watched[0]!.conversation;
    await expect(
      trainee.caller.training.removeShadowing({
        ...key(shadowing.id),
        conversationId: unlogged.id,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expectBadInput(
      trainer.caller.training.removeShadowing({ ...key(shadowing.id), conversationId: 'x' }),
      'conversationId',
    );
    await expect(
      trainer.caller.training.removeShadowing({
        ...key(shadowing.id),
        conversationId: own.conversation.id,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await trainer.caller.training.removeShadowing({
        ...key(shadowing.id),
        conversationId: unlogged.id,
      }),
    ).toEqual({ conversations: 1 });
    const unmet = await trainee.caller.training.myModule(key(shadowing.id));
    expect(unmet.status).toBe('in_progress');
    expect(unmet.livePractice?.text).toBe('1 of 2 conversations watched');
    await trainer.caller.training.logShadowing({
      ...key(shadowing.id),
      conversationNumber: unlogged.number,
    });
    expect((await trainee.caller.training.myModule(key(shadowing.id))).status).toBe(
      'awaiting_sign_off',
    );
    await trainer.caller.training.signOffModule(key(shadowing.id));

    // Nesting: conversations the trainee resolved since starting, with QA at the threshold.
    await trainee.caller.training.startModule(key(nesting.id));
    const handled = await Promise.all(
      [1, 2].map(() =>
        createConversationFixture(db(), { inboxId: inbox.id, assigneeId: trainee.userId }),
      ),
    );
    for (const { conversation } of handled) {
      await db()
        .update(conversations)
        .set({ status: 'resolved', resolvedAt: new Date(Date.now() + 1000) })
        .where(eq(conversations.id, conversation.id));
    }
    let nestingRow = (await trainee.caller.training.mine()).enrolments
      .find((row) => row.id === enrolment.id)!
      .modules.find((module) => module.id === nesting.id)!;
    expect(nestingRow.progressText).toBe(
      '2 of 2 resolved · no QA reviews yet (needs ≥ 85% over 1)',
    );
    expect(nestingRow.status).toBe('in_progress');
    await qaReview(handled[0]!.conversation.id, trainee.userId, trainer.userId, 90);

    // The trainer opening the record re-counts: nesting is met, the curriculum awaits sign-off.
    const record = await trainer.caller.training.record({ userId: trainee.userId });
    const recorded = record.enrolments.find((row) => row.id === enrolment.id)!;
    expect(recorded.modules.find((module) => module.id === nesting.id)?.status).toBe('completed');
    expect(recorded.readyForSignOff).toBe(true);
    expect(recorded.summary.state).toBe('awaiting_sign_off');
    const readingRecord = recorded.modules.find((module) => module.id === reading.id)!;
    expect(readingRecord.timeSpentSeconds).toBe(30 * 60);
    expect(recorded.modules.find((module) => module.id === quiz.id)).toMatchObject({
      score: 66,
      attempts: 2,
      maxAttempts: 2,
    });

    // Sign-off completes the enrolment and grants the certification in the same transaction.
    expect(await trainer.caller.training.signOffEnrolment({ enrolmentId: enrolment.id })).toEqual({
      completedCurriculum: true,
    });
    const [granted] = await db()
      .select()
      .from(userCertifications)
      .where(
        and(
          eq(userCertifications.userId, trainee.userId),
          eq(userCertifications.certificationId, cert.id),
        ),
      );
    expect(granted).toMatchObject({ source: 'curriculum', curriculumId });
    const told = await db()
      .select({ kind: notifications.kind, title: notifications.title })
      .from(notifications)
      .where(eq(notifications.userId, trainee.userId));
    expect(told).toContainEqual({
      kind: 'training_completed',
      title: 'You completed Guest onboarding',
    });
    nestingRow = (await trainee.caller.training.mine()).enrolments
      .find((row) => row.id === enrolment.id)!
      .modules.find((module) => module.id === nesting.id)!;
    expect(nestingRow.status).toBe('completed');

    // A new SOP version asks them to re-acknowledge it.
    await trainer.caller.playbooks.saveSopDraft({
      requestTypeCode: taxonomy.guestType.code,
      title: 'Cancellation and refund (airport)',
      steps: [
        {
          id: 'check-policy',
          text: 'Check the cancellation window and the flight',
          required: true,
        },
      ],
    });
    await trainer.caller.playbooks.publishSop({ requestTypeCode: taxonomy.guestType.code });
    const asked = await trainee.caller.training.mine();
    expect(asked.reacknowledge).toEqual([
      {
        enrolmentId: enrolment.id,
        moduleId: reading.id,
        title: 'Re-acknowledge: Cancellation and refund (airport) v2',
      },
    ]);
    expect(
      (
        await db()
          .select({ title: notifications.title })
          .from(notifications)
          .where(
            and(
              eq(notifications.userId, trainee.userId),
              eq(notifications.kind, 'training_reacknowledge'),
            ),
          )
      ).map((row) => row.title),
    ).toEqual(['Re-acknowledge: Cancellation and refund (airport) v2']);
    const rereading = await trainee.caller.training.myModule(key(reading.id));
    expect(rereading.reading).toMatchObject({ reacknowledging: true, acknowledgedVersion: 1 });
    expect(rereading.reading?.sop?.version).toBe(2);
    expect(await trainee.caller.training.acknowledgeSop(key(reading.id))).toMatchObject({
      acknowledgedVersion: 2,
    });
    expect((await trainee.caller.training.mine()).reacknowledge).toEqual([]);

    // Started modules stay on records.
    await expect(trainer.caller.training.removeModule({ moduleId: quiz.id })).rejects.toMatchObject(
      {
        code: 'CONFLICT',
      },
    );
  });

  it('keeps each agent to their own records and lets a trainer allow a retake', async () => {
    const trainer = await api.callerAs('trainer');
    const alice = await api.callerAs('agent');
    const bob = await api.callerAs('agent');
    const { id: curriculumId } = await trainer.caller.training.createCurriculum({
      code: `QUIZ_ONLY_${uniqueSuffix()}`,
      name: 'Refund quiz',
      certificationId: null,
      requiresSignOff: false,
    });
    const quiz = await trainer.caller.training.addModule({ curriculumId, module: QUIZ });
    await trainer.caller.training.enrol({
      curriculumId,
      userIds: [alice.userId, bob.userId],
      dueDate: '2099-12-31',
    });
    const aliceEnrolment = (await alice.caller.training.mine()).enrolments.find(
      (row) => row.curriculumName === 'Refund quiz',
    )!;
    const aliceKey = { enrolmentId: aliceEnrolment.id, moduleId: quiz.id };

    await expect(bob.caller.training.myModule(aliceKey)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      bob.caller.training.submitQuiz({
        ...aliceKey,
        responses: { window: { optionIds: ['five'] } },
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(bob.caller.training.startModule(aliceKey)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(bob.caller.training.record({ userId: alice.userId })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(bob.caller.training.curricula({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      bob.caller.training.enrol({ curriculumId, userIds: [bob.userId] }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(bob.caller.training.markingQueue({})).rejects.toMatchObject({ code: 'FORBIDDEN' });

    // Two wrong attempts use up the quiz; the cohort shows Alice stuck until a retake is allowed.
    for (const _ of [1, 2]) {
      expect(
        await alice.caller.training.submitQuiz({
          ...aliceKey,
          responses: { window: { optionIds: ['two'] } },
        }),
      ).toMatchObject({ status: 'failed', resultText: 'Failed — 0%' });
    }
    await expect(
      alice.caller.training.submitQuiz({
        ...aliceKey,
        responses: { window: { optionIds: ['five'] } },
      }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('No attempts left'),
    });
    const cohort = await trainer.caller.training.cohort({ curriculumId, filter: 'stuck' });
    expect(cohort.rows.map((row) => [row.name, row.summary.stuck])).toEqual([
      [expect.stringContaining('agent'), 'out_of_attempts'],
    ]);
    expect(cohort.counts).toMatchObject({ all: 2, stuck: 1, completed: 0 });
    expect(cohort.rows[0]?.cells[0]).toMatchObject({ status: 'failed', attempts: 2 });
    await expect(alice.caller.training.allowRetake(aliceKey)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await trainer.caller.training.allowRetake(aliceKey)).toEqual({ attemptsLeft: 1 });
    expect(
      await alice.caller.training.submitQuiz({
        ...aliceKey,
        responses: { window: { optionIds: ['five'] }, explain: { text: '  ' } },
      }),
    ).toMatchObject({ status: 'passed', score: 66 });
    const done = await trainer.caller.training.cohort({ curriculumId, filter: 'completed' });
    expect(done.rows.map((row) => row.userId)).toEqual([alice.userId]);
    const trainees = await trainer.caller.training.trainees({ filter: 'all', search: 'agent' });
    expect(trainees.items.map((row) => row.userId)).toEqual(
      expect.arrayContaining([alice.userId, bob.userId]),
    );

    // Bob is withdrawn; Alice's completed record stays.
    const bobEnrolment = (
      await trainer.caller.training.cohort({ curriculumId, filter: 'active' })
    ).rows.find((row) => row.userId === bob.userId)!;
    await expectBadInput(
      trainer.caller.training.setDueDate({
        enrolmentId: bobEnrolment.enrolmentId,
        dueDate: '2001-01-01',
      }),
      'dueDate',
    );
    expect(
      await trainer.caller.training.setDueDate({
        enrolmentId: bobEnrolment.enrolmentId,
        dueDate: '2099-06-30',
      }),
    ).toEqual({ dueAt: new Date('2099-06-30T23:59:59.999Z') });
    await expect(
      trainer.caller.training.setDueDate({ enrolmentId: aliceEnrolment.id, dueDate: null }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await trainer.caller.training.withdraw({ enrolmentId: bobEnrolment.enrolmentId });
    await expect(
      trainer.caller.training.withdraw({ enrolmentId: aliceEnrolment.id }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('edits a curriculum and its modules from the editor options, for trainers and leads only', async () => {
    const trainer = await api.callerAs('trainer');
    const agent = await api.callerAs('agent');
    const cert = await certification();
    const options = await trainer.caller.training.editorOptions();
    expect(options.certifications.map((row) => row.id)).toContain(cert.id);
    await expect(agent.caller.training.editorOptions()).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });

    const fields = {
      code: `EDIT_${uniqueSuffix()}`,
      name: 'Guest refunds basics',
      certificationId: null,
      requiresSignOff: false,
    };
    const { id: curriculumId } = await trainer.caller.training.createCurriculum(fields);
    expect(
      await trainer.caller.training.updateCurriculum({
        ...fields,
        curriculumId,
        name: 'Guest refunds, the basics',
        certificationId: cert.id,
      }),
    ).toEqual({ id: curriculumId });
    expect(await trainer.caller.training.curriculum({ curriculumId })).toMatchObject({
      name: 'Guest refunds, the basics',
      certificationName: cert.name,
    });
    await expectBadInput(
      trainer.caller.training.updateCurriculum({ ...fields, curriculumId, name: 'No' }),
      'name',
    );
    await expect(
      agent.caller.training.updateCurriculum({ ...fields, curriculumId }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const { id: moduleId } = await trainer.caller.training.addModule({
      curriculumId,
      module: QUIZ,
    });
    await trainer.caller.training.updateModule({
      moduleId,
      module: { ...QUIZ, title: 'Refund policy, checked' },
    });
    const [edited] = (await trainer.caller.training.curriculum({ curriculumId })).modules;
    expect(edited).toMatchObject({ id: moduleId, title: 'Refund policy, checked' });
    await expectBadInput(
      trainer.caller.training.updateModule({ moduleId, module: { ...QUIZ, title: '' } }),
      'module.title',
    );
    await expect(
      agent.caller.training.updateModule({ moduleId, module: QUIZ }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('manages team training plans, refuses bad input, and gives trainers no routing', async () => {
    const trainer = await api.callerAs('trainer');
    const lead = await api.callerAs('lead');
    const { team } = await createCityInboxFixture(db());
    await db().insert(memberships).values({ teamId: team.id, userId: lead.userId, role: 'lead' });
    const { id: curriculumId } = await lead.caller.training.createCurriculum({
      code: `PLAN_${uniqueSuffix()}`,
      name: 'Driver payouts',
      certificationId: null,
      requiresSignOff: false,
    });
    await trainer.caller.training.setTeamPlan({ teamId: team.id, curriculumIds: [curriculumId] });
    const plans = await trainer.caller.training.teamPlans();
    expect(plans.find((plan) => plan.id === team.id)?.curricula.map((c) => c.curriculumId)).toEqual(
      [curriculumId],
    );
    await expectBadInput(
      trainer.caller.training.setTeamPlan({
        teamId: team.id,
        curriculumIds: ['00000000-0000-4000-8000-000000000000'],
      }),
      'curriculumIds.0',
    );
    await expectBadInput(
      trainer.caller.training.setTeamPlan({
        teamId: team.id,
        curriculumIds: [curriculumId, curriculumId],
      }),
      'curriculumIds',
    );
    await expectBadInput(
      trainer.caller.training.createCurriculum({
        code: `BAD_CERT_${uniqueSuffix()}`,
        name: 'Bad certification',
        certificationId: '00000000-0000-4000-8000-000000000000',
        requiresSignOff: false,
      }),
      'certificationId',
    );
    await expectBadInput(
      trainer.caller.training.addModule({
        curriculumId,
        module: {
          ...QUIZ,
          settings: {
            ...(QUIZ.kind === 'quiz' ? QUIZ.settings : ({} as never)),
            passMarkPercent: 0,
          },
        },
      }),
      'module.settings.passMarkPercent',
    );
    await expectBadInput(
      trainer.caller.training.enrol({
        curriculumId,
        userIds: [trainer.userId],
        dueDate: '31/12/2099',
      }),
      'dueDate',
    );
    await expect(
      trainer.caller.training.curriculum({ curriculumId: '00000000-0000-4000-8000-000000000000' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });

    // Archiving takes it out of the plans.
    await trainer.caller.training.archiveCurriculum({ curriculumId, archived: true });
    expect(
      (await trainer.caller.training.teamPlans()).find((plan) => plan.id === team.id)?.curricula,
    ).toEqual([]);
    expect((await trainer.caller.training.curricula({})).map((row) => row.id)).not.toContain(
      curriculumId,
    );

    await expect(
      trainer.caller.routing.createRule({
        name: 'Trainers do not route',
        conditions: [{ field: 'audience', op: 'is', value: 'guest' }],
        actions: { priority: 'P2', onMatch: 'continue' },
      } as never),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
