import { csvField } from '../routing/guide.ts';
import {
  enrolmentComplete,
  enrolmentReadyForSignOff,
  TRAINING_PROGRESS_STATUS_LABELS,
  type TrainingProgressStatus,
  timeSpentText,
} from './progress.ts';
import { outOfQuizAttempts } from './quiz.ts';

/*
 * A training record read as a trainer reads it: how far someone is, whether they are overdue,
 * and whether they are stuck (out of quiz attempts, or nothing done for a week).
 */

/** An incomplete enrolment with no activity for this long counts as stuck. */
export const STUCK_AFTER_DAYS = 7;
const DAY = 86_400_000;

export const ENROLMENT_STATES = [
  'not_started',
  'in_progress',
  'awaiting_sign_off',
  'completed',
] as const;
export type EnrolmentState = (typeof ENROLMENT_STATES)[number];

export const ENROLMENT_STATE_LABELS: Record<EnrolmentState, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  awaiting_sign_off: 'Awaiting sign-off',
  completed: 'Completed',
};

export type StuckReason = 'out_of_attempts' | 'inactive';

export const STUCK_REASON_LABELS: Record<StuckReason, string> = {
  out_of_attempts: 'Out of quiz attempts',
  inactive: `No progress for ${STUCK_AFTER_DAYS} days`,
};

export interface ModuleRecordFacts {
  status: TrainingProgressStatus;
  attempts: number;
  /** Quizzes: the attempts allowed; null for other kinds. */
  maxAttempts: number | null;
  timeSpentSeconds: number;
  updatedAt: Date;
}

export interface EnrolmentRecordFacts {
  enrolledAt: Date;
  dueAt: Date | null;
  completedAt: Date | null;
  signedOffAt: Date | null;
  curriculumRequiresSignOff: boolean;
  modules: readonly ModuleRecordFacts[];
}

export interface EnrolmentSummary {
  state: EnrolmentState;
  completedModules: number;
  totalModules: number;
  /** Modules complete, whole percent (100 once the enrolment is complete). */
  percent: number;
  timeSpentSeconds: number;
  awaitingMarking: number;
  /** Modules waiting for a trainer's sign-off, plus the curriculum's own when it is due. */
  awaitingSignOff: number;
  overdue: boolean;
  stuck: StuckReason | null;
  lastActivityAt: Date;
}

export function enrolmentSummary(facts: EnrolmentRecordFacts, now: Date): EnrolmentSummary {
  const statuses = facts.modules.map((module) => module.status);
  const completedModules = statuses.filter((status) => status === 'completed').length;
  const totalModules = statuses.length;
  const completion = {
    moduleStatuses: statuses,
    curriculumRequiresSignOff: facts.curriculumRequiresSignOff,
    signedOff: facts.signedOffAt !== null,
  };
  const complete = facts.completedAt !== null || enrolmentComplete(completion);
  const curriculumSignOffDue = !complete && enrolmentReadyForSignOff(completion);
  const modulesAwaitingSignOff = statuses.filter((status) => status === 'awaiting_sign_off').length;
  const lastActivityAt = new Date(
    Math.max(
      facts.enrolledAt.getTime(),
      ...facts.modules
        .filter((module) => module.status !== 'not_started')
        .map((module) => module.updatedAt.getTime()),
    ),
  );
  const outOfAttempts = facts.modules.some(outOfQuizAttempts);
  const waitingOnTrainer =
    curriculumSignOffDue ||
    modulesAwaitingSignOff > 0 ||
    statuses.some((status) => status === 'awaiting_marking');
  const inactive =
    !waitingOnTrainer && now.getTime() - lastActivityAt.getTime() >= STUCK_AFTER_DAYS * DAY;
  const state: EnrolmentState = complete
    ? 'completed'
    : curriculumSignOffDue
      ? 'awaiting_sign_off'
      : statuses.every((status) => status === 'not_started')
        ? 'not_started'
        : 'in_progress';
  return {
    state,
    completedModules,
    totalModules,
    percent: complete
      ? 100
      : totalModules === 0
        ? 0
        : Math.floor((completedModules * 100) / totalModules),
    timeSpentSeconds: facts.modules.reduce((sum, module) => sum + module.timeSpentSeconds, 0),
    awaitingMarking: statuses.filter((status) => status === 'awaiting_marking').length,
    awaitingSignOff: modulesAwaitingSignOff + (curriculumSignOffDue ? 1 : 0),
    overdue: !complete && facts.dueAt !== null && facts.dueAt.getTime() < now.getTime(),
    stuck: complete ? null : outOfAttempts ? 'out_of_attempts' : inactive ? 'inactive' : null,
    lastActivityAt,
  };
}

export interface CohortCsvRow {
  name: string;
  email: string;
  enrolledAt: Date;
  dueAt: Date | null;
  summary: EnrolmentSummary;
  modules: ReadonlyArray<{ status: TrainingProgressStatus; score: number | null }>;
}

const isoDate = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : '');

/** The cohort matrix as CSV (RFC 4180): one row per person, one column per module. */
export function cohortToCsv(
  moduleTitles: readonly string[],
  rows: readonly CohortCsvRow[],
): string {
  const header = [
    'Name',
    'Email',
    'Enrolled',
    'Due',
    'State',
    'Progress %',
    ...moduleTitles,
    'Time spent',
    'Overdue',
    'Stuck',
  ];
  const lines = [header.map(csvField).join(',')];
  for (const row of rows) {
    const cells = [
      row.name,
      row.email,
      isoDate(row.enrolledAt),
      isoDate(row.dueAt),
      ENROLMENT_STATE_LABELS[row.summary.state],
      String(row.summary.percent),
      ...row.modules.map(
        (module) =>
          `${TRAINING_PROGRESS_STATUS_LABELS[module.status]}${module.score === null ? '' : ` (${module.score}%)`}`,
      ),
      timeSpentText(row.summary.timeSpentSeconds),
      row.summary.overdue ? 'yes' : 'no',
      row.summary.stuck ? STUCK_REASON_LABELS[row.summary.stuck] : '',
    ];
    lines.push(cells.map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
