import {
  markAutomatically,
  type QuizMarks,
  type QuizQuestion,
  type QuizResponses,
  quizOutcome,
  type TrainingModuleInput,
  type TrainingProgressStatus,
  trainingModuleInputSchema,
} from '@switchboard/domain';
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../client.ts';
import { recordChange } from '../queries/config-changes.ts';
import { enrolInCurricula } from '../queries/training-plans.ts';
import type { StoredQuizAttemptAnswers } from '../queries/training-progress.ts';
import {
  certifications,
  conversations,
  curricula,
  memberships,
  quizAttempts,
  requestTypes,
  sops,
  teams,
  teamTrainingPlans,
  trainingEnrolments,
  trainingModules,
  trainingProgress,
  users,
} from '../schema/index.ts';
import { demoEmail, findDemoStaff } from './organisation.ts';

/*
 * The demo's training: a full guest onboarding (SOP readings, a tool walkthrough, a quiz with
 * written answers, shadowing and nesting) granting Guest refunds, a short refunds check for
 * experienced hires and recertification, and a driver-payouts curriculum; team training
 * plans for the support teams; and a cohort at every stage — not started, quizzes waiting for
 * marking, a failed attempt, shadowing under way, stuck and overdue, nesting on live
 * conversations, and people who finished long ago (one of them asked to re-read a playbook
 * that has a newer version since).
 */

const DAY = 86_400_000;

const mc = (
  id: string,
  prompt: string,
  options: Array<[string, string, boolean]>,
): QuizQuestion => ({
  id,
  kind: 'multiple_choice',
  prompt,
  options: options.map(([optionId, text]) => ({ id: optionId, text })),
  correctOptionIds: options.filter(([, , correct]) => correct).map(([optionId]) => optionId),
  points: 1,
});
const written = (id: string, prompt: string, guidance: string): QuizQuestion => ({
  id,
  kind: 'short_answer',
  prompt,
  guidance,
  points: 2,
});

const REFUND_CHECKS = mc('refund-checks', 'Before issuing a refund, what do you check?', [
  ['window', 'The cancellation time against the free-cancellation window', true],
  ['earlier', 'Earlier refunds on the booking', true],
  ['rating', 'The driver’s rating', false],
]);

/** The short refunds check's quiz: multiple choice only, so it is marked at once. */
export const REFUNDS_CHECK_QUESTIONS: readonly QuizQuestion[] = [
  mc('who-decides', 'Who decides whether a refund is allowed?', [
    ['guardrail', 'The guardrail decision in the refund action', true],
    ['guest', 'The guest', false],
    ['driver', 'The driver', false],
  ]),
  REFUND_CHECKS,
  mc('more-than-paid', 'Can you refund more than the guest paid?', [
    ['never', 'No: never more than was paid, minus earlier refunds', true],
    ['goodwill', 'Yes, as goodwill', false],
    ['vip', 'Only for VIP guests', false],
  ]),
];

const ONBOARDING_QUESTIONS: readonly QuizQuestion[] = [
  REFUND_CHECKS,
  mc('no-answer', 'The driver has not answered for 2 minutes on a no-show. What next?', [
    ['reassign', 'Reassign the trip and tell the guest the new ETA', true],
    ['cancel', 'Cancel the booking', false],
    ['wait', 'Wait another 15 minutes', false],
  ]),
  mc('airport-tag', 'The pickup is at a terminal. Which tag do you add?', [
    ['airport', 'airport', true],
    ['vip', 'vip', false],
    ['safety', 'safety', false],
  ]),
  written(
    'double-charge-reply',
    'A guest was charged twice and is angry. Write your first reply.',
    'Apologise, say both charges are being checked, explain pending vs captured, give a time.',
  ),
  written(
    'finance-escalation',
    'When do you escalate a refund to Finance & Payouts?',
    'Captured duplicate charges, amounts above the L1 limit, anything needing a manual payout.',
  ),
];

const PAYOUT_QUESTIONS: readonly QuizQuestion[] = [
  mc('payout-day', 'A driver says this week’s payout is missing. What do you check first?', [
    ['run', 'The payout run date and the bank details on file', true],
    ['trips', 'The driver’s trips this week', false],
    ['rating', 'The driver’s rating', false],
  ]),
  mc('who-pays', 'Who can adjust a driver’s earnings?', [
    ['finance', 'Finance & Payouts, through an escalation', true],
    ['agent', 'Any L1 agent', false],
  ]),
  written(
    'payout-expectation',
    'Tell a driver when Finance will answer about a missing payout.',
    'Names the Finance SLA, the payout period and amount, and what the driver will hear next.',
  ),
];

/** An SOP reading names its playbook by request type; the seed finds the SOP. */
type DemoSopReading = Omit<Extract<TrainingModuleInput, { kind: 'sop_reading' }>, 'sopId'> & {
  requestTypeCode: string;
};
type DemoModule = DemoSopReading | Exclude<TrainingModuleInput, { kind: 'sop_reading' }>;

interface DemoCurriculum {
  code: string;
  name: string;
  description: string;
  certificationCode: string;
  requiresSignOff: boolean;
  modules: DemoModule[];
}

const reading = (title: string, requestTypeCode: string, sopVersion: number): DemoModule => ({
  kind: 'sop_reading',
  title,
  body: '',
  estimatedMinutes: 10,
  requestTypeCode,
  sopVersion,
  settings: { requiresSignOff: false },
});

export const DEMO_CURRICULA: readonly DemoCurriculum[] = [
  {
    code: 'GUEST_ONBOARDING',
    name: 'Guest support onboarding',
    description:
      'New L1 agents on guest conversations: the refund and no-show playbooks, the workspace, a policy check, then live conversations with a buddy and on their own.',
    certificationCode: 'GUEST_REFUNDS',
    requiresSignOff: true,
    modules: [
      reading('Read the refund playbook', 'CANCELLATION_REFUND', 1),
      reading('Read the driver no-show playbook', 'PICKUP_ISSUE', 2),
      {
        kind: 'walkthrough',
        title: 'The workspace and the refund action',
        body: [
          '## Your inbox',
          'Open **Inbox → Mine**. Conversations are sorted by the SLA clock that runs out first.',
          '',
          '## The refund action',
          '1. Open a conversation with a booking and choose **Actions → Refund**.',
          '2. Enter the amount: the panel shows the guardrail decision as you type.',
          '3. Above your limit, the request goes to your team lead for approval — tell the guest.',
          '',
          'Try it on a test booking with your buddy before your first live shift.',
        ].join('\n'),
        estimatedMinutes: 20,
        settings: { subject: 'tool', requiresSignOff: false },
      },
      {
        kind: 'quiz',
        title: 'Refunds and no-shows check',
        body: 'Multiple-choice answers are marked at once; a trainer marks the written ones.',
        estimatedMinutes: 20,
        settings: {
          passMarkPercent: 80,
          maxAttempts: 3,
          questions: [...ONBOARDING_QUESTIONS],
          requiresSignOff: false,
        },
      },
      {
        kind: 'shadowing',
        title: 'Shadow five live guest conversations',
        body: 'Sit with your buddy on a Lisbon guest shift. Ask why before each macro and refund.',
        estimatedMinutes: 120,
        settings: { conversations: 5, requiresSignOff: true },
      },
      {
        kind: 'nesting',
        title: 'Nesting: ten guest conversations',
        body: 'Take guest conversations yourself with your buddy on call. QA reviews a sample.',
        estimatedMinutes: 480,
        settings: {
          conversations: 10,
          qaThresholdPercent: 85,
          minReviews: 3,
          requiresSignOff: true,
        },
      },
    ],
  },
  {
    code: 'GUEST_REFUNDS_CHECK',
    name: 'Guest refunds certification check',
    description:
      'For experienced hires and yearly recertification: the refund playbook and a short quiz.',
    certificationCode: 'GUEST_REFUNDS',
    requiresSignOff: false,
    modules: [
      reading('Refund playbook refresher', 'CANCELLATION_REFUND', 1),
      {
        kind: 'quiz',
        title: 'Refunds certification quiz',
        body: '',
        estimatedMinutes: 10,
        settings: {
          passMarkPercent: 80,
          maxAttempts: 3,
          questions: [...REFUNDS_CHECK_QUESTIONS],
          requiresSignOff: false,
        },
      },
    ],
  },
  {
    code: 'DRIVER_PAYOUTS',
    name: 'Driver payouts',
    description:
      'Payout and earnings cases for drivers: the playbook, the payout dashboard, live cases.',
    certificationCode: 'DRIVER_PAYOUTS',
    requiresSignOff: true,
    modules: [
      reading('Read the missing-payout playbook', 'PAYOUT_MISSING', 1),
      {
        kind: 'walkthrough',
        title: 'The payout run dashboard',
        body: [
          '## Finding a payout',
          'Search the driver by phone or id; the **Runs** tab lists each weekly run with its status.',
          '',
          '## Bank details',
          'A failed transfer shows the bank’s reason. Never read full account numbers to the driver.',
        ].join('\n'),
        estimatedMinutes: 15,
        settings: { subject: 'tool', requiresSignOff: false },
      },
      {
        kind: 'quiz',
        title: 'Payouts check',
        body: '',
        estimatedMinutes: 15,
        settings: {
          passMarkPercent: 75,
          maxAttempts: 2,
          questions: [...PAYOUT_QUESTIONS],
          requiresSignOff: false,
        },
      },
      {
        kind: 'nesting',
        title: 'Nesting: five payout cases',
        body: '',
        estimatedMinutes: 240,
        settings: {
          conversations: 5,
          qaThresholdPercent: 80,
          minReviews: 2,
          requiresSignOff: false,
        },
      },
    ],
  },
];

const TEAM_PLANS: Record<string, string[]> = {
  SUPPORT_L1: ['GUEST_ONBOARDING', 'GUEST_REFUNDS_CHECK'],
  ESCALATIONS_L2: ['DRIVER_PAYOUTS'],
  FINANCE_PAYOUTS: ['DRIVER_PAYOUTS'],
};

/** New hires in their first weeks: staff records only (they sign in once invited). */
const DEMO_TRAINEES = [
  {
    local: 'beatriz.rocha',
    name: 'Beatriz Rocha',
    languages: ['pt-PT', 'en'],
    tz: 'Europe/Lisbon',
  },
  {
    local: 'tomas.ferreira',
    name: 'Tomás Ferreira',
    languages: ['pt-PT', 'en'],
    tz: 'Europe/Lisbon',
  },
  {
    local: 'ines.carvalho',
    name: 'Inês Carvalho',
    languages: ['pt-PT', 'en', 'fr'],
    tz: 'Europe/Lisbon',
  },
  {
    local: 'rafael.lima',
    name: 'Rafael Lima',
    languages: ['es-MX', 'en'],
    tz: 'America/Mexico_City',
  },
  { local: 'chloe.martin', name: 'Chloe Martin', languages: ['en', 'fr'], tz: 'Europe/London' },
] as const;

/** What one module of someone's record looks like in the demo. */
interface DemoProgress {
  status: TrainingProgressStatus;
  daysAgo: number;
  minutes?: number;
  score?: number;
  attempts?: number;
  acknowledgedSopVersion?: number;
  signedOff?: boolean;
  conversationIds?: string[];
}

interface DemoAttempt {
  daysAgo: number;
  responses: QuizResponses;
  /** Trainer's points for the written answers; absent: still waiting for marking. */
  trainerMarks?: QuizMarks;
  feedback?: string;
}

interface DemoEnrolment {
  email: string;
  curriculumCode: string;
  enrolledDaysAgo: number;
  /** Days from now (negative: already past). */
  dueInDays?: number;
  completedDaysAgo?: number;
  progress: DemoProgress[];
  /** Attempts at the curriculum's quiz, oldest first. */
  attempts?: DemoAttempt[];
}

const done = (daysAgo: number, extra: Partial<DemoProgress> = {}): DemoProgress => ({
  status: 'completed',
  daysAgo,
  minutes: 12,
  ...extra,
});

const ALL_RIGHT_ONBOARDING: QuizResponses = {
  'refund-checks': { optionIds: ['window', 'earlier'] },
  'no-answer': { optionIds: ['reassign'] },
  'airport-tag': { optionIds: ['airport'] },
  'double-charge-reply': {
    text: 'I am sorry you were charged twice. I can see both charges and I am checking whether the second one is only a pending authorisation; I will update you within 30 minutes.',
  },
  'finance-escalation': {
    text: 'When the duplicate charge is captured, or the refund is above my limit, I escalate to Finance & Payouts with the booking and both charge ids.',
  },
};

function demoEnrolments(shadowed: string[]): DemoEnrolment[] {
  return [
    // Finished long ago, before the no-show playbook's v2: asked to read it again.
    {
      email: demoEmail('ana.silva'),
      curriculumCode: 'GUEST_ONBOARDING',
      enrolledDaysAgo: 380,
      completedDaysAgo: 350,
      progress: [
        done(379, { acknowledgedSopVersion: 1 }),
        done(379, { acknowledgedSopVersion: 1 }),
        done(378, { minutes: 25 }),
        done(377, { minutes: 18, score: 85, attempts: 1 }),
        done(370, { minutes: 0, signedOff: true }),
        done(352, { minutes: 0, signedOff: true }),
      ],
    },
    {
      email: demoEmail('emily.clarke'),
      curriculumCode: 'GUEST_ONBOARDING',
      enrolledDaysAgo: 50,
      completedDaysAgo: 20,
      progress: [
        done(49, { acknowledgedSopVersion: 1 }),
        done(49, { acknowledgedSopVersion: 2 }),
        done(48, { minutes: 22 }),
        done(47, { minutes: 16, score: 92, attempts: 1 }),
        done(40, { minutes: 0, signedOff: true }),
        done(21, { minutes: 0, signedOff: true }),
      ],
    },
    {
      email: demoEmail('agent'),
      curriculumCode: 'GUEST_REFUNDS_CHECK',
      enrolledDaysAgo: 102,
      completedDaysAgo: 100,
      progress: [
        done(101, { acknowledgedSopVersion: 1 }),
        done(100, { minutes: 8, score: 100, attempts: 1 }),
      ],
    },
    {
      email: demoEmail('lucia.mendez'),
      curriculumCode: 'GUEST_REFUNDS_CHECK',
      enrolledDaysAgo: 203,
      completedDaysAgo: 200,
      progress: [
        done(202, { acknowledgedSopVersion: 1 }),
        done(200, { minutes: 9, score: 100, attempts: 1 }),
      ],
    },
    // The cohort of new hires.
    {
      email: demoEmail('beatriz.rocha'),
      curriculumCode: 'GUEST_ONBOARDING',
      enrolledDaysAgo: 1,
      dueInDays: 27,
      progress: [],
    },
    {
      email: demoEmail('beatriz.rocha'),
      curriculumCode: 'GUEST_REFUNDS_CHECK',
      enrolledDaysAgo: 1,
      dueInDays: 13,
      progress: [],
    },
    {
      email: demoEmail('tomas.ferreira'),
      curriculumCode: 'GUEST_ONBOARDING',
      enrolledDaysAgo: 9,
      dueInDays: 19,
      progress: [
        done(8, { minutes: 11, acknowledgedSopVersion: 1 }),
        done(8, { minutes: 9, acknowledgedSopVersion: 2 }),
        done(7, { minutes: 24 }),
        { status: 'awaiting_marking', daysAgo: 1, minutes: 17, attempts: 1 },
      ],
      attempts: [{ daysAgo: 1, responses: ALL_RIGHT_ONBOARDING }],
    },
    {
      email: demoEmail('ines.carvalho'),
      curriculumCode: 'GUEST_ONBOARDING',
      enrolledDaysAgo: 12,
      dueInDays: 16,
      progress: [
        done(11, { minutes: 14, acknowledgedSopVersion: 1 }),
        done(11, { minutes: 10, acknowledgedSopVersion: 2 }),
        done(10, { minutes: 31 }),
        { status: 'awaiting_marking', daysAgo: 0, minutes: 38, attempts: 2, score: 57 },
      ],
      attempts: [
        {
          daysAgo: 6,
          responses: {
            'refund-checks': { optionIds: ['window'] },
            'no-answer': { optionIds: ['wait'] },
            'airport-tag': { optionIds: ['airport'] },
            'double-charge-reply': { text: 'Sorry, I will check it.' },
            'finance-escalation': {
              text: 'When the refund is above my limit, with the booking and the charges.',
            },
          },
          trainerMarks: { 'double-charge-reply': 1, 'finance-escalation': 2 },
          feedback:
            'Re-read step 2 of the no-show playbook: reassign after 2 minutes. Give the guest a time in your reply.',
        },
        { daysAgo: 0, responses: ALL_RIGHT_ONBOARDING },
      ],
    },
    {
      email: demoEmail('rafael.lima'),
      curriculumCode: 'GUEST_ONBOARDING',
      enrolledDaysAgo: 16,
      dueInDays: 12,
      progress: [
        done(15, { minutes: 9, acknowledgedSopVersion: 1 }),
        done(15, { minutes: 8, acknowledgedSopVersion: 2 }),
        done(14, { minutes: 20 }),
        done(12, { minutes: 15, score: 85, attempts: 1 }),
        { status: 'in_progress', daysAgo: 2, conversationIds: shadowed.slice(0, 3) },
      ],
      attempts: [
        {
          daysAgo: 12,
          responses: ALL_RIGHT_ONBOARDING,
          trainerMarks: { 'double-charge-reply': 1, 'finance-escalation': 2 },
          feedback: 'Good. In the reply, say when you will be back to them.',
        },
      ],
    },
    // Stuck and overdue: read one playbook three weeks ago, nothing since.
    {
      email: demoEmail('chloe.martin'),
      curriculumCode: 'GUEST_ONBOARDING',
      enrolledDaysAgo: 24,
      dueInDays: -3,
      progress: [done(22, { minutes: 13, acknowledgedSopVersion: 1 })],
    },
    // Driver payouts: live nesting, a quiz to mark, and the demo agent part-way.
    {
      email: demoEmail('diego.ramirez'),
      curriculumCode: 'DRIVER_PAYOUTS',
      enrolledDaysAgo: 30,
      dueInDays: 10,
      progress: [
        done(29, { minutes: 12, acknowledgedSopVersion: 1 }),
        done(28, { minutes: 18 }),
        done(27, { minutes: 14, score: 100, attempts: 1 }),
        { status: 'in_progress', daysAgo: 12 },
      ],
      attempts: [
        {
          daysAgo: 27,
          responses: {
            'payout-day': { optionIds: ['run'] },
            'who-pays': { optionIds: ['finance'] },
            'payout-expectation': {
              text: 'Finance answers within one business day; I give the payout period and amount and tell the driver we will message them.',
            },
          },
          trainerMarks: { 'payout-expectation': 2 },
        },
      ],
    },
    {
      email: demoEmail('joao.pereira'),
      curriculumCode: 'DRIVER_PAYOUTS',
      enrolledDaysAgo: 10,
      dueInDays: 20,
      progress: [
        done(9, { minutes: 10, acknowledgedSopVersion: 1 }),
        done(8, { minutes: 21 }),
        { status: 'awaiting_marking', daysAgo: 2, minutes: 12, attempts: 1 },
      ],
      attempts: [
        {
          daysAgo: 2,
          responses: {
            'payout-day': { optionIds: ['run'] },
            'who-pays': { optionIds: ['finance'] },
            'payout-expectation': { text: 'Finance will get back to you soon about the payout.' },
          },
        },
      ],
    },
    {
      email: demoEmail('agent'),
      curriculumCode: 'DRIVER_PAYOUTS',
      enrolledDaysAgo: 3,
      dueInDays: 25,
      progress: [done(2, { minutes: 11, acknowledgedSopVersion: 1 })],
    },
  ];
}

export interface DemoTrainingCounts {
  curricula: number;
  trainingEnrolments: number;
}

/**
 * Writes the demo training. Looks the organisation up by codes and emails, so it can also top
 * up a database seeded before training existed; does nothing when any curriculum is there.
 */
export async function insertDemoTraining(
  db: DatabaseOrTransaction,
  now: number,
): Promise<DemoTrainingCounts> {
  const [existing] = await db.select({ id: curricula.id }).from(curricula).limit(1);
  if (existing) return { curricula: 0, trainingEnrolments: 0 };
  const ago = (days: number, minutes = 0) => new Date(now - days * DAY - minutes * 60_000);

  const trainerId = (await findDemoStaff(db, 'trainer'))?.id ?? null;
  const certificationRows = await db
    .select({ id: certifications.id, code: certifications.code })
    .from(certifications);
  const certificationId = new Map(certificationRows.map((row) => [row.code, row.id]));
  const sopRows = await db
    .select({ sopId: sops.id, code: requestTypes.code })
    .from(sops)
    .innerJoin(requestTypes, eq(requestTypes.id, sops.requestTypeId));
  const sopId = new Map(sopRows.map((row) => [row.code, row.sopId]));

  // Curricula and modules, as a trainer would have written them.
  const moduleIds = new Map<string, string[]>();
  const curriculumIds = new Map<string, string>();
  for (const curriculum of DEMO_CURRICULA) {
    const createdAt = ago(420);
    const [row] = await db
      .insert(curricula)
      .values({
        code: curriculum.code,
        name: curriculum.name,
        description: curriculum.description,
        certificationId: certificationId.get(curriculum.certificationCode) ?? null,
        requiresSignOff: curriculum.requiresSignOff,
        createdAt,
        updatedAt: createdAt,
      })
      .returning({ id: curricula.id });
    curriculumIds.set(curriculum.code, row!.id);
    const ids: string[] = [];
    for (const [position, demo] of curriculum.modules.entries()) {
      const sopOfModule = demo.kind === 'sop_reading' ? sopId.get(demo.requestTypeCode) : null;
      if (sopOfModule === undefined) throw new Error(`no SOP for module ${demo.title}`);
      const module = trainingModuleInputSchema.parse(
        demo.kind === 'sop_reading' ? { ...demo, sopId: sopOfModule } : demo,
      );
      const [inserted] = await db
        .insert(trainingModules)
        .values({
          curriculumId: row!.id,
          position,
          kind: module.kind,
          title: module.title,
          body: module.body,
          estimatedMinutes: module.estimatedMinutes,
          sopId: module.kind === 'sop_reading' ? module.sopId : null,
          sopVersion: module.kind === 'sop_reading' ? module.sopVersion : null,
          settings: module.settings as Record<string, unknown>,
          createdAt,
          updatedAt: createdAt,
        })
        .returning({ id: trainingModules.id });
      ids.push(inserted!.id);
    }
    moduleIds.set(curriculum.code, ids);
    await recordChange(db, {
      entityType: 'curriculum',
      entityId: row!.id,
      entityName: curriculum.name,
      action: 'created',
      actorId: trainerId,
      before: null,
      after: null,
      diff: [
        `Created with ${curriculum.modules.length} modules: ${curriculum.modules.map((module) => module.title).join(', ')}`,
      ],
    });
  }

  const teamRows = await db
    .select({ id: teams.id, code: teams.code })
    .from(teams)
    .where(inArray(teams.code, Object.keys(TEAM_PLANS)));
  const planRows = teamRows.flatMap((team) =>
    TEAM_PLANS[team.code]!.map((code, position) => ({
      teamId: team.id,
      curriculumId: curriculumIds.get(code)!,
      position,
    })),
  );
  if (planRows.length > 0) await db.insert(teamTrainingPlans).values(planRows);

  // The new hires: Support L1 members, offline until their first shift.
  const [supportL1] = teamRows.filter((team) => team.code === 'SUPPORT_L1');
  const traineeRows = DEMO_TRAINEES.map((trainee) => ({
    id: `trainee-${trainee.local.replace('.', '-')}`,
    name: trainee.name,
    email: demoEmail(trainee.local),
    emailVerified: true,
    role: 'agent' as const,
    languages: [...trainee.languages],
    skills: ['airport_transfers', 'rides'],
    capacity: 3,
    availability: 'offline' as const,
    timeZone: trainee.tz,
    createdAt: ago(25),
    updatedAt: ago(25),
  }));
  await db.insert(users).values(traineeRows).onConflictDoNothing();
  if (supportL1) {
    await db
      .insert(memberships)
      .values(traineeRows.map((trainee) => ({ teamId: supportL1.id, userId: trainee.id })))
      .onConflictDoNothing();
  }

  // Conversations Rafael watched: Mexico City guest chats Lucía resolved this week.
  const shadowed = await db
    .select({ id: conversations.id })
    .from(conversations)
    .innerJoin(users, eq(users.id, conversations.assigneeId))
    .where(and(eq(users.email, demoEmail('lucia.mendez')), isNotNull(conversations.resolvedAt)))
    .orderBy(asc(conversations.number))
    .limit(3);

  const plan = demoEnrolments(shadowed.map((row) => row.id));
  const people = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, [...new Set(plan.map((enrolment) => enrolment.email))]));
  const personId = new Map(people.map((person) => [person.email, person.id]));
  let created = 0;
  for (const demo of plan) {
    const userId = personId.get(demo.email);
    const curriculumId = curriculumIds.get(demo.curriculumCode)!;
    if (!userId) continue;
    const [enrolmentId] = await enrolInCurricula(db, {
      userId,
      curriculumIds: [curriculumId],
      enrolledById: trainerId,
      dueAt: demo.dueInDays === undefined ? null : new Date(now + demo.dueInDays * DAY),
    });
    if (!enrolmentId) continue;
    created += 1;
    const completedAt = demo.completedDaysAgo === undefined ? null : ago(demo.completedDaysAgo);
    const curriculum = DEMO_CURRICULA.find((candidate) => candidate.code === demo.curriculumCode)!;
    await db
      .update(trainingEnrolments)
      .set({
        enrolledAt: ago(demo.enrolledDaysAgo),
        completedAt,
        signedOffById: completedAt && curriculum.requiresSignOff ? trainerId : null,
        signedOffAt: completedAt && curriculum.requiresSignOff ? completedAt : null,
      })
      .where(eq(trainingEnrolments.id, enrolmentId));
    const modules = moduleIds.get(demo.curriculumCode)!;
    for (const [index, progress] of demo.progress.entries()) {
      const finishedAt = ago(progress.daysAgo);
      const minutes = progress.minutes ?? 0;
      await db
        .update(trainingProgress)
        .set({
          status: progress.status,
          startedAt: ago(progress.daysAgo, minutes + 5),
          completedAt: progress.status === 'completed' ? finishedAt : null,
          timeSpentSeconds: minutes * 60,
          score: progress.score ?? null,
          attempts: progress.attempts ?? 0,
          acknowledgedSopVersion: progress.acknowledgedSopVersion ?? null,
          conversationIds: progress.conversationIds ?? [],
          signedOffById: progress.signedOff ? trainerId : null,
          signedOffAt: progress.signedOff ? finishedAt : null,
          updatedAt: finishedAt,
        })
        .where(
          and(
            eq(trainingProgress.enrolmentId, enrolmentId),
            eq(trainingProgress.moduleId, modules[index]!),
          ),
        );
    }
    const quizIndex = curriculum.modules.findIndex((module) => module.kind === 'quiz');
    const quiz = curriculum.modules[quizIndex];
    if (quiz?.kind !== 'quiz') continue;
    for (const [number, attempt] of (demo.attempts ?? []).entries()) {
      const { questions, passMarkPercent } = quiz.settings;
      const automatic = markAutomatically(questions, attempt.responses);
      const marks = attempt.trainerMarks
        ? { ...automatic.marks, ...attempt.trainerMarks }
        : automatic.marks;
      const outcome = quizOutcome(questions, marks, passMarkPercent);
      const submittedAt = ago(attempt.daysAgo, 30);
      const answers: StoredQuizAttemptAnswers = {
        questions,
        passMarkPercent,
        responses: attempt.responses,
      };
      await db.insert(quizAttempts).values({
        enrolmentId,
        moduleId: modules[quizIndex]!,
        number: number + 1,
        answers: answers as unknown as Record<string, unknown>,
        marks,
        status: outcome.status,
        score: outcome.score,
        submittedAt,
        markedById: attempt.trainerMarks ? trainerId : null,
        markedAt: outcome.status === 'awaiting_marking' ? null : ago(attempt.daysAgo),
        feedback: attempt.feedback ?? '',
      });
    }
  }
  return { curricula: DEMO_CURRICULA.length, trainingEnrolments: created };
}
