import { z } from 'zod';
import { pageInputSchema } from '../shared/pagination.ts';
import { languageSchema } from '../shared/places.ts';
import type { StageKind } from './pipeline.ts';
import type { FieldIssue } from './requisitions.ts';

export const CANDIDATE_SOURCES = [
  'careers_page',
  'referral',
  'job_board',
  'linkedin',
  'agency',
  'university',
  'other',
] as const;
export const CANDIDATE_SOURCE_LABELS: Record<(typeof CANDIDATE_SOURCES)[number], string> = {
  careers_page: 'Careers page',
  referral: 'Referral',
  job_board: 'Job board',
  linkedin: 'LinkedIn',
  agency: 'Agency',
  university: 'University',
  other: 'Other',
};
export type CandidateSource = (typeof CANDIDATE_SOURCES)[number];

/** Why candidates leave the pipeline; the funnel and the table group by these. */
export const CANDIDATE_REJECTION_REASONS = [
  'written_english',
  'language_level',
  'assessment_failed',
  'interview',
  'availability',
  'salary',
  'withdrew',
  'no_show',
  'offer_declined',
  'position_filled',
  'other',
] as const;
export type CandidateRejectionReason = (typeof CANDIDATE_REJECTION_REASONS)[number];
export const CANDIDATE_REJECTION_LABELS: Record<CandidateRejectionReason, string> = {
  written_english: 'Written English below the bar',
  language_level: 'Other language below the bar',
  assessment_failed: 'Failed the written assessment',
  interview: 'Interview: not a fit for support',
  availability: 'Cannot work the shifts',
  salary: 'Salary expectations',
  withdrew: 'Withdrew',
  no_show: 'Did not show up',
  offer_declined: 'Declined the offer',
  position_filled: 'Position filled',
  other: 'Other (explained in the note)',
};

export const candidateInputSchema = z.object({
  requisitionId: z.uuid('Requisition: choose one'),
  name: z
    .string({ error: 'Name: required' })
    .trim()
    .min(1, 'Name: required')
    .max(120, 'Name: at most 120 characters'),
  email: z.email('Email: enter a valid address').max(254, 'Email: at most 254 characters'),
  phone: z
    .string()
    .trim()
    .max(40, 'Phone: at most 40 characters')
    .regex(/^[+0-9 ()-]*$/, 'Phone: digits, spaces, brackets, dashes and +')
    .default(''),
  languages: z
    .array(languageSchema)
    .min(1, 'Languages: at least one')
    .max(10, 'Languages: at most 10'),
  source: z.enum(CANDIDATE_SOURCES, { error: 'Source: choose where they came from' }),
  location: z.string().trim().max(120, 'Location: at most 120 characters').default(''),
});
export type CandidateInput = z.input<typeof candidateInputSchema>;
export type CandidateValues = z.output<typeof candidateInputSchema>;

export const updateCandidateInputSchema = candidateInputSchema.extend({
  id: z.uuid('Not a candidate id'),
});
export type UpdateCandidateInput = z.input<typeof updateCandidateInputSchema>;

export const candidateIdInputSchema = z.object({ id: z.uuid('Not a candidate id') });

export const CANDIDATE_OUTCOMES = ['in_process', 'hired', 'rejected'] as const;
export type CandidateOutcome = (typeof CANDIDATE_OUTCOMES)[number];
export const CANDIDATE_OUTCOME_LABELS: Record<CandidateOutcome, string> = {
  in_process: 'In process',
  hired: 'Hired',
  rejected: 'Rejected',
};

export const CANDIDATE_SORTS = ['stageEnteredAt', 'name', 'createdAt'] as const;

export const candidateListInputSchema = pageInputSchema.extend({
  requisitionId: z.uuid('Requisition: not a requisition id').optional(),
  stageId: z.uuid('Stage: not a stage id').optional(),
  outcome: z
    .enum(CANDIDATE_OUTCOMES, { error: 'Outcome: in process, hired or rejected' })
    .optional(),
  search: z.string().trim().max(100, 'Search: at most 100 characters').optional(),
  sort: z.enum(CANDIDATE_SORTS).default('stageEnteredAt'),
});
export type CandidateListInput = z.infer<typeof candidateListInputSchema>;

export const boardInputSchema = z.object({
  requisitionId: z.uuid('Requisition: not a requisition id').optional(),
});

export const moveCandidateInputSchema = z.object({
  candidateId: z.uuid('Not a candidate id'),
  toStageId: z.uuid('Stage: choose where to move the candidate'),
  /** Required when the move rejects the candidate. */
  rejectionReason: z
    .enum(CANDIDATE_REJECTION_REASONS, { error: 'Reason: choose why' })
    .nullable()
    .default(null),
  note: z.string().trim().max(1000, 'Note: at most 1,000 characters').default(''),
});
export type MoveCandidateInput = z.input<typeof moveCandidateInputSchema>;

interface StageRef {
  id: string;
  kind: StageKind;
}

/**
 * Whether a candidate may go from one stage to another, with the field at fault when not.
 * Hired is final (the person has an account) and reached only by hiring; a rejection
 * carries its reason, "other" explained in the note. A rejected candidate may be brought
 * back to an active stage when they are reconsidered.
 */
export function stageMoveIssue(move: {
  from: StageRef;
  to: StageRef;
  rejectionReason: CandidateRejectionReason | null;
  note: string;
}): FieldIssue | null {
  if (move.from.id === move.to.id) {
    return { field: 'toStageId', message: 'Stage: the candidate is in this stage already' };
  }
  if (move.from.kind === 'hired') {
    return { field: 'toStageId', message: 'Stage: hired candidates stay hired' };
  }
  if (move.to.kind === 'hired') {
    return { field: 'toStageId', message: 'Stage: use Hire, which also creates their account' };
  }
  return move.to.kind === 'rejected' ? rejectionIssue(move) : null;
}

/** What a rejection lacks: its reason, and for "other" a note explaining it. */
export function rejectionIssue(rejection: {
  rejectionReason: CandidateRejectionReason | null;
  note: string;
}): FieldIssue | null {
  if (!rejection.rejectionReason) {
    return { field: 'rejectionReason', message: 'Reason: choose why the candidate is rejected' };
  }
  if (rejection.rejectionReason === 'other' && rejection.note.trim() === '') {
    return { field: 'note', message: 'Note: explain the reason' };
  }
  return null;
}

export const noteInputSchema = z.object({
  candidateId: z.uuid('Not a candidate id'),
  body: z
    .string({ error: 'Note: write something' })
    .trim()
    .min(1, 'Note: write something')
    .max(4000, 'Note: at most 4,000 characters'),
});
export type NoteInput = z.input<typeof noteInputSchema>;
