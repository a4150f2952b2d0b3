import { z } from 'zod';

/*
 * Progress through a curriculum: where each module stands, which modules are open to the
 * trainee, when an enrolment is complete, and how time on a module is counted.
 */

export const TRAINING_PROGRESS_STATUSES = [
  'not_started',
  'in_progress',
  'awaiting_marking',
  'awaiting_sign_off',
  'failed',
  'completed',
] as const;
export const trainingProgressStatusSchema = z.enum(TRAINING_PROGRESS_STATUSES);
export type TrainingProgressStatus = z.infer<typeof trainingProgressStatusSchema>;

export const TRAINING_PROGRESS_STATUS_LABELS: Record<TrainingProgressStatus, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  awaiting_marking: 'Awaiting marking',
  awaiting_sign_off: 'Awaiting sign-off',
  failed: 'Failed',
  completed: 'Completed',
};

/**
 * The trainee has done their part: the module is complete, or only the trainer's sign-off is
 * missing. A sign-off can take days, so it does not hold the next module back.
 */
export function traineePartDone(status: TrainingProgressStatus): boolean {
  return status === 'completed' || status === 'awaiting_sign_off';
}

/**
 * Which modules are locked, in curriculum order: a module opens once every module before it
 * is done by the trainee (the first is always open).
 */
export function lockedModules(statusesInOrder: readonly TrainingProgressStatus[]): boolean[] {
  let open = true;
  return statusesInOrder.map((status) => {
    const locked = !open;
    if (!traineePartDone(status)) open = false;
    return locked;
  });
}

/** Where a module goes once the trainee finished it: straight to complete, or to sign-off. */
export function statusWhenTraineeFinished(requiresSignOff: boolean): TrainingProgressStatus {
  return requiresSignOff ? 'awaiting_sign_off' : 'completed';
}

export interface EnrolmentCompletionFacts {
  moduleStatuses: readonly TrainingProgressStatus[];
  curriculumRequiresSignOff: boolean;
  signedOff: boolean;
}

/** Every module complete, and the trainer signed the curriculum off if it asks for that. */
export function enrolmentComplete(facts: EnrolmentCompletionFacts): boolean {
  return (
    facts.moduleStatuses.length > 0 &&
    facts.moduleStatuses.every((status) => status === 'completed') &&
    (!facts.curriculumRequiresSignOff || facts.signedOff)
  );
}

/** The trainer can sign the curriculum off once every module is complete. */
export function enrolmentReadyForSignOff(facts: EnrolmentCompletionFacts): boolean {
  return (
    facts.curriculumRequiresSignOff &&
    !facts.signedOff &&
    facts.moduleStatuses.length > 0 &&
    facts.moduleStatuses.every((status) => status === 'completed')
  );
}

const MINUTE = 60;
/** A session shorter than this is never cut: reading a short SOP twice is fine. */
export const SESSION_CAP_FLOOR_SECONDS = 30 * MINUTE;
/** No single session counts for more than this, however long the tab stayed open. */
export const SESSION_CAP_CEILING_SECONDS = 4 * 60 * MINUTE;

/** The most one session on a module counts: three times its estimate, within 30 min – 4 h. */
export function sessionCapSeconds(estimatedMinutes: number): number {
  return Math.min(
    SESSION_CAP_CEILING_SECONDS,
    Math.max(SESSION_CAP_FLOOR_SECONDS, estimatedMinutes * 3 * MINUTE),
  );
}

/**
 * Seconds one session adds to the time spent: from the server's opening time to finishing,
 * capped by `sessionCapSeconds`; nothing when the module was never opened.
 */
export function sessionSeconds(
  openedAt: Date | null,
  finishedAt: Date,
  estimatedMinutes: number,
): number {
  if (!openedAt) return 0;
  const elapsed = Math.floor((finishedAt.getTime() - openedAt.getTime()) / 1000);
  return Math.min(sessionCapSeconds(estimatedMinutes), Math.max(0, elapsed));
}

/** "1 h 05 min", "12 min", "—" for nothing recorded. */
export function timeSpentText(seconds: number): string {
  if (seconds <= 0) return '—';
  const minutes = Math.max(1, Math.round(seconds / MINUTE));
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}
