import { z } from 'zod';
import { prioritySchema } from '../conversations/priority.ts';
import { DOWNSTREAM_TEAM_KINDS } from '../people/teams.ts';
import { audienceSchema } from '../shared/enums.ts';
import { SEVERITIES, type Severity, severitySchema } from '../shared/severity.ts';
import { businessCalendarSchema } from '../sla/calendar.ts';
import { HANDOFF_FIELDS } from './handoff.ts';

/*
 * The escalation matrix: for each downstream team, what sends work there (triggers), what a
 * handoff must carry (required fields), whose queue owns it, and how fast it must be
 * acknowledged and resolved per severity — in that team's business calendar.
 */

export const escalationTeamKindSchema = z.enum(DOWNSTREAM_TEAM_KINDS, {
  error: 'Finance & Payouts, Engineering & Platform, Operations & Fleet or Compliance & Legal',
});

const codeListSchema = z.array(z.string().trim().min(1).max(40)).max(50);

export const escalationTriggerSchema = z
  .object({
    name: z.string().trim().min(1, 'Name the trigger').max(80),
    requestTypeCodes: codeListSchema.default([]),
    tags: codeListSchema.default([]),
    keywords: z
      .array(z.string().trim().min(2, 'Keywords are at least 2 characters').max(60))
      .max(30)
      .default([]),
    /** Narrowing conditions: empty means any. */
    audiences: z.array(audienceSchema).max(2).default([]),
    priorities: z.array(prioritySchema).max(4).default([]),
    /** The severity the handoff form proposes when this trigger suggests escalating. */
    severity: severitySchema,
  })
  .refine(
    (trigger) =>
      trigger.requestTypeCodes.length + trigger.tags.length + trigger.keywords.length > 0,
    {
      message: 'A trigger names at least one request type, tag or keyword',
      path: ['requestTypeCodes'],
    },
  );
export type EscalationTrigger = z.infer<typeof escalationTriggerSchema>;

const minutesSchema = z
  .number()
  .int('Whole minutes')
  .min(5, 'At least 5 minutes')
  .max(60 * 24 * 60, 'At most 60 days of minutes');

export const escalationTargetsSchema = z
  .object({ acknowledgeMinutes: minutesSchema, resolveMinutes: minutesSchema })
  .refine((targets) => targets.resolveMinutes >= targets.acknowledgeMinutes, {
    message: 'Resolving cannot be due before acknowledging',
    path: ['resolveMinutes'],
  });
export type EscalationTargets = z.infer<typeof escalationTargetsSchema>;

export const escalationMatrixEntrySchema = z.object({
  teamKind: escalationTeamKindSchema,
  /** The team whose members work this queue. */
  ownerTeamCode: z.string().trim().min(1, 'Choose the owner team').max(40),
  triggers: z.array(escalationTriggerSchema).max(30),
  requiredFields: z
    .array(z.enum(HANDOFF_FIELDS, { error: 'Not a handoff field' }))
    .max(HANDOFF_FIELDS.length)
    .refine((fields) => new Set(fields).size === fields.length, 'Each field once'),
  sla: z.object(
    Object.fromEntries(SEVERITIES.map((severity) => [severity, escalationTargetsSchema])) as Record<
      Severity,
      typeof escalationTargetsSchema
    >,
  ),
  calendar: businessCalendarSchema,
  /** A reminder goes to the owner queue this many minutes before a clock is due. */
  reminderMinutesBefore: z
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(30),
});
export type EscalationMatrixEntry = z.infer<typeof escalationMatrixEntrySchema>;

export interface VersionedEscalationMatrixEntry extends EscalationMatrixEntry {
  version: number;
}
