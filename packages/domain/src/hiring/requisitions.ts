import { z } from 'zod';
import { pageInputSchema } from '../shared/pagination.ts';
import { languageSchema } from '../shared/places.ts';

/** Filled is reached by hiring, not chosen: the last hire of a requisition fills it. */
export const REQUISITION_STATUSES = ['open', 'on_hold', 'filled', 'cancelled'] as const;
export const requisitionStatusSchema = z.enum(REQUISITION_STATUSES, {
  error: 'Status: choose open, on hold, filled or cancelled',
});
export type RequisitionStatus = z.infer<typeof requisitionStatusSchema>;

export const REQUISITION_STATUS_LABELS: Record<RequisitionStatus, string> = {
  open: 'Open',
  on_hold: 'On hold',
  filled: 'Filled',
  cancelled: 'Cancelled',
};

/** REQ-101: how trainers and recruiters name a requisition out loud. */
export function requisitionLabel(number: number): string {
  return `REQ-${number}`;
}

/** Whether candidates can be added to or moved into a requisition: not once filled or cancelled. */
export function requisitionTakesCandidates(status: RequisitionStatus): boolean {
  return status === 'open' || status === 'on_hold';
}

export const MAX_HEADCOUNT = 200;

/** A calendar date as YYYY-MM-DD that exists (no 30 February). */
const isoDateSchema = (field: string) =>
  z.string({ error: `${field}: choose a date` }).superRefine((value, context) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
      context.addIssue({ code: 'custom', message: `${field}: a date as YYYY-MM-DD` });
    } else if (!isCalendarDate(value)) {
      context.addIssue({ code: 'custom', message: `${field}: not a real date` });
    }
  });

function isCalendarDate(value: string): boolean {
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

export const requisitionInputSchema = z.object({
  title: z
    .string({ error: 'Title: name the role' })
    .trim()
    .min(1, 'Title: name the role')
    .max(120, 'Title: at most 120 characters'),
  teamId: z.uuid('Team: choose the team the hires join'),
  /** Null: the role is not tied to one city (e.g. remote driver support). */
  cityCode: z
    .string()
    .regex(/^[A-Z]{3}$/, 'City: choose a city')
    .nullable(),
  languages: z
    .array(languageSchema)
    .min(1, 'Languages: at least one')
    .max(10, 'Languages: at most 10'),
  headcount: z
    .number({ error: 'Headcount: enter a number' })
    .int('Headcount: a whole number')
    .min(1, 'Headcount: at least 1')
    .max(MAX_HEADCOUNT, `Headcount: at most ${MAX_HEADCOUNT}`),
  targetStartDate: isoDateSchema('Target start date'),
  status: requisitionStatusSchema.default('open'),
  /** The trainer or lead who runs this hiring; null: nobody named yet. */
  ownerId: z.string().min(1, 'Owner: choose a colleague').max(100).nullable().default(null),
  description: z.string().trim().max(4000, 'Description: at most 4,000 characters').default(''),
});
export type RequisitionInput = z.input<typeof requisitionInputSchema>;
export type RequisitionValues = z.output<typeof requisitionInputSchema>;

export const updateRequisitionInputSchema = requisitionInputSchema.extend({
  id: z.uuid('Not a requisition id'),
});
export type UpdateRequisitionInput = z.input<typeof updateRequisitionInputSchema>;

export const requisitionIdInputSchema = z.object({ id: z.uuid('Not a requisition id') });

export const REQUISITION_SORTS = ['targetStartDate', 'createdAt', 'title'] as const;

export const requisitionListInputSchema = pageInputSchema.extend({
  status: requisitionStatusSchema.optional(),
  teamId: z.uuid('Team: not a team id').optional(),
  search: z.string().trim().max(100, 'Search: at most 100 characters').optional(),
  sort: z.enum(REQUISITION_SORTS).default('targetStartDate'),
});
export type RequisitionListInput = z.infer<typeof requisitionListInputSchema>;

export interface FieldIssue {
  field: string;
  message: string;
}

/**
 * Whether a requisition's status and headcount agree with the hires it already has:
 * headcount counts hired candidates, so it cannot drop below them; "filled" means every
 * place is hired, and a requisition with every place hired is filled or cancelled.
 */
export function requisitionIssues(
  requisition: { status: RequisitionStatus; headcount: number },
  hiredCount: number,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (requisition.headcount < hiredCount) {
    issues.push({
      field: 'headcount',
      message: `Headcount: ${hiredCount} already hired, so at least ${hiredCount}`,
    });
    return issues;
  }
  const full = hiredCount >= requisition.headcount;
  if (requisition.status === 'filled' && !full) {
    issues.push({
      field: 'status',
      message: `Status: filled once every place is hired (${hiredCount} of ${requisition.headcount} so far)`,
    });
  }
  if (requisitionTakesCandidates(requisition.status) && full) {
    issues.push({
      field: 'status',
      message: `Status: all ${requisition.headcount} places are hired; raise the headcount to reopen`,
    });
  }
  return issues;
}

/** Why a requisition takes no more hires, or null when it takes one. */
export function hireRefusal(
  requisition: { status: RequisitionStatus; headcount: number },
  hiredCount: number,
): string | null {
  if (requisition.status !== 'open') {
    return `The requisition is ${REQUISITION_STATUS_LABELS[requisition.status].toLowerCase()}: only open requisitions take hires`;
  }
  if (hiredCount >= requisition.headcount) {
    return `All ${requisition.headcount} places of the requisition are hired`;
  }
  return null;
}

/** The requisition's status once `hiredAfter` candidates are hired: the last hire fills it. */
export function statusAfterHire(headcount: number, hiredAfter: number): RequisitionStatus {
  return hiredAfter >= headcount ? 'filled' : 'open';
}
