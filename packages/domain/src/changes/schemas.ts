import { z } from 'zod';
import { pageInputSchema } from '../shared/pagination.ts';

/** The kinds of configuration whose changes are versioned. */
export const CONFIG_ENTITY_TYPES = [
  'routing_rule',
  'inbox',
  'team',
  'taxonomy',
  'assignment_policy',
  'chat_path',
  'macro',
  'sop',
  'agent_capacity',
  'guardrail_policy',
  'escalation_matrix',
  'sla_calendar',
  'sla_policy',
  'staffing_plan',
  'staffing_shift',
  'qa_scorecard',
  'certification',
  'curriculum',
  'team_training_plan',
  'hiring_pipeline',
  'hire',
] as const;
export const configEntityTypeSchema = z.enum(CONFIG_ENTITY_TYPES);
export type ConfigEntityType = z.infer<typeof configEntityTypeSchema>;

export const CONFIG_ENTITY_LABELS: Record<ConfigEntityType, string> = {
  routing_rule: 'Routing rule',
  inbox: 'Inbox',
  team: 'Team',
  taxonomy: 'Taxonomy',
  assignment_policy: 'Assignment policy',
  chat_path: 'Chat path',
  macro: 'Macro',
  sop: 'SOP',
  agent_capacity: 'Agent capacity',
  guardrail_policy: 'Guardrail policy',
  escalation_matrix: 'Escalation matrix',
  sla_calendar: 'Business calendar',
  sla_policy: 'SLA policy',
  staffing_plan: 'Staffing plan',
  staffing_shift: 'Staffing shift',
  qa_scorecard: 'QA scorecard',
  certification: 'Certification',
  curriculum: 'Curriculum',
  team_training_plan: 'Team training plan',
  hiring_pipeline: 'Hiring pipeline',
  hire: 'Hire',
};

export const changeListInputSchema = pageInputSchema.extend({
  entityType: configEntityTypeSchema.optional(),
  entityId: z.string().max(100).optional(),
  withRolloutNote: z.boolean().optional(),
});
export type ChangeListInput = z.infer<typeof changeListInputSchema>;

export const changeIdInputSchema = z.object({ id: z.uuid('Not a change id') });
