import { z } from 'zod';
import { type FieldLabels, rolloutNoteSchema } from '../changes/diff.ts';
import { PRIORITIES } from '../conversations/priority.ts';
import { AUDIENCES } from '../shared/enums.ts';
import {
  TAXONOMY_LEVELS,
  type TaxonomyLevel,
  taxonomyCodeSchema,
  taxonomyNameSchema,
} from './tree.ts';

/**
 * What the console's taxonomy editor sends. The tree rules themselves (no cycles, three
 * levels, codes never reused, merges within a level) are decided by `tree.ts` on the
 * server; these schemas only say what a well-formed request looks like.
 */

export const TAXONOMY_LEVEL_LABELS: Record<TaxonomyLevel, string> = {
  category: 'Category',
  request_type: 'Request type',
  reason: 'Reason',
};

/** The level a node's children have, or null for reasons (the last level). */
export function childLevelOf(level: TaxonomyLevel): TaxonomyLevel | null {
  return TAXONOMY_LEVELS[TAXONOMY_LEVELS.indexOf(level) + 1] ?? null;
}

/** A request type suggests at most this many macros; more is a list nobody reads. */
export const MAX_REQUEST_TYPE_MACROS = 50;
export const MAX_TAXONOMY_DESCRIPTION = 2000;

/** Every configuration edit may carry a rollout note for the agents. */
const withNote = { rolloutNote: rolloutNoteSchema };

/** A reference to an existing node, picked from a list: the message says what to pick. */
function nodeReference(message: string) {
  return z
    .string({ error: message })
    .refine((code) => taxonomyCodeSchema.safeParse(code).success, message);
}

const existingNode = nodeReference('Choose a taxonomy node');
const audienceInput = z.enum(AUDIENCES, { error: 'Choose who writes in: guests or drivers' });
const priorityInput = z.enum(PRIORITIES, { error: 'Choose a priority: P1 to P4' });
const descriptionInput = z
  .string()
  .trim()
  .max(MAX_TAXONOMY_DESCRIPTION, 'A description is at most 2,000 characters');

export const addTaxonomyNodeInputSchema = z.discriminatedUnion(
  'level',
  [
    z.object({
      level: z.literal('category'),
      code: taxonomyCodeSchema,
      name: taxonomyNameSchema,
      ...withNote,
    }),
    z.object({
      level: z.literal('request_type'),
      code: taxonomyCodeSchema,
      name: taxonomyNameSchema,
      parentCode: nodeReference('Choose the category it belongs to'),
      audience: audienceInput,
      defaultPriority: priorityInput.default('P3'),
      description: descriptionInput.default(''),
      ...withNote,
    }),
    z.object({
      level: z.literal('reason'),
      code: taxonomyCodeSchema,
      name: taxonomyNameSchema,
      parentCode: nodeReference('Choose the request type it belongs to'),
      ...withNote,
    }),
  ],
  { error: 'Choose a level: category, request type or reason' },
);
export type AddTaxonomyNodeInput = z.infer<typeof addTaxonomyNodeInputSchema>;

/** Renaming changes what people read; the code, and every report, stays. */
export const renameTaxonomyNodeInputSchema = z.object({
  code: existingNode,
  name: taxonomyNameSchema,
  ...withNote,
});
export type RenameTaxonomyNodeInput = z.infer<typeof renameTaxonomyNodeInputSchema>;

/** A request type to another category, or a reason to another request type. */
export const moveTaxonomyNodeInputSchema = z.object({
  code: existingNode,
  newParentCode: nodeReference('Choose where to move it'),
  ...withNote,
});
export type MoveTaxonomyNodeInput = z.infer<typeof moveTaxonomyNodeInputSchema>;

/** Deprecating keeps the node and its history; it only stops new use. Restoring undoes it. */
export const setTaxonomyNodeDeprecatedInputSchema = z.object({
  code: existingNode,
  deprecated: z.boolean({ error: 'Deprecated is true or false' }),
  ...withNote,
});
export type SetTaxonomyNodeDeprecatedInput = z.infer<typeof setTaxonomyNodeDeprecatedInputSchema>;

/** History filed under `fromCode` is re-pointed to `intoCode`; `fromCode` is retired. */
export const mergeTaxonomyNodesInputSchema = z.object({
  fromCode: existingNode,
  intoCode: nodeReference('Choose the node to merge into'),
  ...withNote,
});
export type MergeTaxonomyNodesInput = z.infer<typeof mergeTaxonomyNodesInputSchema>;

/** What a request type brings with it: priority, certification gate, macros, description. */
export const updateRequestTypeLinksInputSchema = z.object({
  code: nodeReference('Choose a request type'),
  defaultPriority: priorityInput,
  /** Null: any agent may take it. */
  requiredCertificationCode: z
    .string({ error: 'Choose a certification, or none' })
    .trim()
    .min(1, 'Choose a certification, or none')
    .max(64, 'Choose a certification, or none')
    .nullable(),
  macroIds: z
    .array(z.uuid('Not a macro id'), { error: 'Choose the macros to suggest' })
    .max(MAX_REQUEST_TYPE_MACROS, `At most ${MAX_REQUEST_TYPE_MACROS} macros`)
    .refine((ids) => new Set(ids).size === ids.length, 'Each macro once'),
  description: descriptionInput,
  ...withNote,
});
export type UpdateRequestTypeLinksInput = z.infer<typeof updateRequestTypeLinksInputSchema>;

/** How taxonomy changes read in the change history. */
export const TAXONOMY_CHANGE_LABELS: FieldLabels = {
  level: {
    label: 'Level',
    format: (value) => TAXONOMY_LEVEL_LABELS[value as TaxonomyLevel] ?? String(value),
  },
  code: { label: 'Code' },
  name: { label: 'Name' },
  parentCode: { label: 'Parent' },
  audience: { label: 'Audience' },
  deprecated: { label: 'Deprecated', format: (value) => (value ? 'yes' : 'no') },
  mergedInto: { label: 'Merged into' },
  defaultPriority: { label: 'Default priority' },
  requiredCertification: { label: 'Required certification' },
  macros: { label: 'Macros' },
  description: { label: 'Description' },
};
