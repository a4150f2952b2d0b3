import { z } from 'zod';
import { rootCauseCodeSchema } from '../improvements/root-causes.ts';
import { pageInputSchema } from '../shared/pagination.ts';
import { severitySchema } from '../shared/severity.ts';
import { incidentFactsSchema } from './classify.ts';
import { INCIDENT_STATES } from './lifecycle.ts';
import { ACTION_STATUSES, correctiveActionInputSchema } from './review.ts';

const incidentId = { incidentId: z.uuid('Not an incident') };

export const declareIncidentInputSchema = incidentFactsSchema.extend({
  title: z.string().trim().min(5, 'Name the incident (at least 5 characters)').max(200),
  description: z.string().trim().max(4000).default(''),
  /** Confirms the proposed severity, or overrides it (recorded as such). */
  severity: severitySchema,
  cityCodes: z
    .array(
      z
        .string()
        .trim()
        .regex(/^[A-Z]{3}$/, 'City codes are three letters'),
    )
    .max(20)
    .default([]),
  requestTypeCode: z.string().trim().min(1).max(40).nullable().default(null),
  commanderId: z.string().trim().min(1).nullable().default(null),
  communicationsId: z.string().trim().min(1).nullable().default(null),
  /** Declared from a conversation: it is linked straight away. */
  conversationId: z.uuid('Not a conversation id').nullable().default(null),
});
export type DeclareIncidentInput = z.infer<typeof declareIncidentInputSchema>;

export const incidentIdInputSchema = z.object(incidentId);

export const statusUpdateInputSchema = z.object({
  ...incidentId,
  state: z.enum(INCIDENT_STATES, { error: 'Investigating, identified, monitoring or resolved' }),
  body: z.string().trim().min(5, 'Say what is known (at least 5 characters)').max(4000),
});

export const incidentRolesInputSchema = z.object({
  ...incidentId,
  commanderId: z.string().trim().min(1).nullable(),
  communicationsId: z.string().trim().min(1).nullable(),
});

export const incidentSeverityInputSchema = z.object({
  ...incidentId,
  severity: severitySchema,
  reason: z.string().trim().min(5, 'Say why the severity changes').max(1000),
});

/** Linking by id (from a list) or by what the conversations have in common (from a search). */
export const linkConversationsInputSchema = z.union([
  z.object({
    ...incidentId,
    conversationIds: z.array(z.uuid('Not a conversation id')).min(1, 'Pick conversations').max(500),
  }),
  z.object({
    ...incidentId,
    match: z.object({
      requestTypeCode: z.string().trim().min(1).max(40).nullable().default(null),
      cityCode: z
        .string()
        .trim()
        .regex(/^[A-Z]{3}$/)
        .nullable()
        .default(null),
      text: z.string().trim().max(200).default(''),
      /** Created since; defaults to the incident's start. */
      since: z.coerce.date().nullable().default(null),
    }),
  }),
]);

export const unlinkConversationInputSchema = z.object({
  ...incidentId,
  conversationId: z.uuid('Not a conversation id'),
});

export const bulkReplyInputSchema = z.object({
  ...incidentId,
  /** `{{contact.first_name}}` and `{{incident.title}}` are filled in per contact. */
  body: z.string().trim().min(10, 'Write the reply (at least 10 characters)').max(4000),
  /** Leave resolved conversations alone (the default), or write to every linked contact. */
  includeResolved: z.boolean().default(false),
});

export const resolveIncidentInputSchema = z.object({
  ...incidentId,
  summary: z.string().trim().min(10, 'Say how it ended (at least 10 characters)').max(4000),
});

export const incidentReviewInputSchema = z.object({
  ...incidentId,
  rootCauseCode: rootCauseCodeSchema,
  rootCause: z.string().trim().min(10, 'Explain the root cause (at least 10 characters)').max(8000),
});

export const addCorrectiveActionInputSchema = correctiveActionInputSchema.extend(incidentId);

export const correctiveActionStatusInputSchema = z.object({
  actionId: z.uuid('Not a corrective action'),
  status: z.enum(ACTION_STATUSES, { error: 'Open, in progress or done' }),
});

export const incidentListInputSchema = pageInputSchema.extend({
  state: z.enum(['open', 'resolved', 'review_open', 'all']).default('open'),
});
export type IncidentListInput = z.infer<typeof incidentListInputSchema>;
