import { z } from 'zod';
import { rolloutNoteSchema } from '../changes/diff.ts';
import { routingRuleInputSchema } from './rules.ts';

const ruleIdSchema = z.uuid('Not a rule id');

/** Every configuration edit may carry a rollout note for the agents. */
const withNote = { rolloutNote: rolloutNoteSchema };

export const createRuleInputSchema = routingRuleInputSchema.extend({
  /** 1-based; the end of the list when left out. */
  position: z.number().int().min(1, 'Position starts at 1').optional(),
  ...withNote,
});

export const updateRuleInputSchema = z.object({
  id: ruleIdSchema,
  rule: routingRuleInputSchema,
  ...withNote,
});

export const setRuleEnabledInputSchema = z.object({
  id: ruleIdSchema,
  enabled: z.boolean({ error: 'Enabled is true or false' }),
  ...withNote,
});

export const deleteRuleInputSchema = z.object({ id: ruleIdSchema, ...withNote });

export const reorderRulesInputSchema = z.object({
  ruleIds: z.array(ruleIdSchema).max(1000, 'At most 1,000 rules'),
  ...withNote,
});
