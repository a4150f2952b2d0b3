import { z } from 'zod';
import { type FieldLabels, rolloutNoteSchema } from '../changes/diff.ts';
import { AUDIENCE_LABELS, type Audience, audienceSchema } from '../shared/enums.ts';

/** The groups of DOMAIN.md "People → QA": every criterion belongs to one. */
export const QA_CRITERION_GROUPS = [
  'tone',
  'clarity',
  'empathy',
  'policy_adherence',
  'correct_tagging',
  'resolution',
] as const;
export const qaCriterionGroupSchema = z.enum(QA_CRITERION_GROUPS, {
  error: 'Group: choose tone, clarity, empathy, policy adherence, correct tagging or resolution',
});
export type QaCriterionGroup = z.infer<typeof qaCriterionGroupSchema>;

export const QA_CRITERION_GROUP_LABELS: Record<QaCriterionGroup, string> = {
  tone: 'Tone',
  clarity: 'Clarity',
  empathy: 'Empathy',
  policy_adherence: 'Policy adherence',
  correct_tagging: 'Correct tagging',
  resolution: 'Resolution',
};

const MAX_SCALE_POINT = 10;

/**
 * The whole-number points a reviewer can give, bottom to top. 0–1 reads as no/yes, 0–2 as
 * no/partly/yes, 1–5 as a rating.
 */
export const qaScaleSchema = z
  .object({
    min: z
      .number({ error: 'Scale: enter the lowest score' })
      .int('Scale: whole points')
      .min(0, 'Scale: the lowest score is at least 0')
      .max(MAX_SCALE_POINT - 1, `Scale: the lowest score is at most ${MAX_SCALE_POINT - 1}`),
    max: z
      .number({ error: 'Scale: enter the highest score' })
      .int('Scale: whole points')
      .min(1, 'Scale: the highest score is at least 1')
      .max(MAX_SCALE_POINT, `Scale: the highest score is at most ${MAX_SCALE_POINT}`),
  })
  .refine((scale) => scale.max > scale.min, {
    message: 'Scale: the highest score must be above the lowest',
    path: ['max'],
  });
export type QaScale = z.infer<typeof qaScaleSchema>;

/** Scales the editor offers; any other 0–10 range is allowed too. */
export const QA_SCALE_PRESETS: ReadonlyArray<{ label: string; scale: QaScale }> = [
  { label: '0–1 (no / yes)', scale: { min: 0, max: 1 } },
  { label: '0–2 (no / partly / yes)', scale: { min: 0, max: 2 } },
  { label: '1–5 (rating)', scale: { min: 1, max: 5 } },
];

export function scaleText(scale: QaScale): string {
  return `${scale.min}–${scale.max}`;
}

/**
 * One criterion of a scorecard version. Its id stays the same across versions, so trends per
 * criterion run across edits. An auto-fail criterion fails the whole review (score 0) when it
 * is scored at the bottom of its scale — e.g. sharing a driver's phone number with a guest.
 */
export const qaCriterionSchema = z.object({
  id: z
    .string({ error: 'Criterion id: required' })
    .regex(/^[a-z][a-z0-9_]{1,39}$/, 'Criterion id: lower_snake_case, e.g. greets_by_name'),
  group: qaCriterionGroupSchema,
  label: z
    .string({ error: 'Criterion: name it' })
    .trim()
    .min(1, 'Criterion: name it')
    .max(120, 'Criterion: at most 120 characters'),
  /** What each score means, shown to reviewers and agents. */
  guidance: z.string().trim().max(1000, 'Guidance: at most 1,000 characters').default(''),
  weight: z
    .number({ error: 'Weight: enter a number' })
    .int('Weight: a whole number')
    .min(1, 'Weight: at least 1')
    .max(100, 'Weight: at most 100'),
  scale: qaScaleSchema,
  /** The reviewer may mark it not applicable; it then counts neither for nor against. */
  allowNa: z.boolean(),
  autoFail: z.boolean(),
});
export type QaCriterion = z.infer<typeof qaCriterionSchema>;
export type QaCriterionInput = z.input<typeof qaCriterionSchema>;

export const QA_MAX_CRITERIA = 40;

export const qaCriteriaSchema = z
  .array(qaCriterionSchema)
  .min(1, 'Criteria: add at least one')
  .max(QA_MAX_CRITERIA, `Criteria: at most ${QA_MAX_CRITERIA}`)
  .superRefine((criteria, context) => {
    const seen = new Set<string>();
    criteria.forEach((criterion, index) => {
      if (seen.has(criterion.id)) {
        context.addIssue({
          code: 'custom',
          path: [index, 'id'],
          message: `Criterion id: “${criterion.id}” is used twice`,
        });
      }
      seen.add(criterion.id);
    });
    // A review where every criterion is N/A would have no score at all.
    if (criteria.length > 0 && criteria.every((criterion) => criterion.allowNa)) {
      context.addIssue({
        code: 'custom',
        path: [0, 'allowNa'],
        message: 'Criteria: at least one criterion must always apply (N/A not allowed)',
      });
    }
  });

export const passMarkSchema = z
  .number({ error: 'Pass mark: enter a percentage' })
  .int('Pass mark: a whole percentage')
  .min(0, 'Pass mark: 0–100')
  .max(100, 'Pass mark: 0–100');

export const QA_MAX_RANDOM_SAMPLE = 20;

/** A scorecard as a trainer or lead saves it. Criteria or pass mark changes make a new version. */
export const qaScorecardInputSchema = z.object({
  code: z
    .string({ error: 'Code: required' })
    .trim()
    .regex(/^[A-Z][A-Z0-9_]{1,39}$/, 'Code: UPPER_SNAKE_CASE, e.g. GUEST_SUPPORT_QA'),
  name: z
    .string({ error: 'Name: required' })
    .trim()
    .min(1, 'Name: required')
    .max(80, 'Name: at most 80 characters'),
  description: z.string().trim().max(1000, 'Description: at most 1,000 characters').default(''),
  /** Whose conversations it reviews; null: both guests and drivers. */
  audience: audienceSchema.nullable(),
  /** Conversations the random sample draws per agent per week. */
  randomSamplePerAgent: z
    .number({ error: 'Random sample: enter a number' })
    .int('Random sample: a whole number')
    .min(0, 'Random sample: 0 or more')
    .max(QA_MAX_RANDOM_SAMPLE, `Random sample: at most ${QA_MAX_RANDOM_SAMPLE} a week`),
  passMark: passMarkSchema,
  criteria: qaCriteriaSchema,
  rolloutNote: rolloutNoteSchema,
});
export type QaScorecardInput = z.input<typeof qaScorecardInputSchema>;

export const updateQaScorecardInputSchema = qaScorecardInputSchema.extend({
  id: z.uuid('Not a scorecard id'),
});
export type UpdateQaScorecardInput = z.input<typeof updateQaScorecardInputSchema>;

export const qaScorecardIdInputSchema = z.object({ id: z.uuid('Not a scorecard id') });

export const archiveQaScorecardInputSchema = qaScorecardIdInputSchema.extend({
  archived: z.boolean(),
});

/** Whether saving `next` needs a new version: reviews keep the criteria they were scored on. */
export function needsNewVersion(
  current: { passMark: number; criteria: readonly QaCriterion[] },
  next: { passMark: number; criteria: readonly QaCriterion[] },
): boolean {
  return (
    current.passMark !== next.passMark ||
    JSON.stringify(current.criteria) !== JSON.stringify(next.criteria)
  );
}

/** Criteria as stored (jsonb) read back through the schema, so old rows get today's defaults. */
export function storedCriteria(raw: unknown): QaCriterion[] {
  return z.array(qaCriterionSchema).parse(raw);
}

/** One line per criterion for the change history: "Empathy · Acknowledges … — weight 2, 0–2, N/A". */
export function criterionText(criterion: QaCriterion): string {
  const traits = [
    `weight ${criterion.weight}`,
    scaleText(criterion.scale),
    criterion.allowNa ? 'N/A allowed' : null,
    criterion.autoFail ? 'auto-fail' : null,
  ].filter((trait): trait is string => trait !== null);
  return `${QA_CRITERION_GROUP_LABELS[criterion.group]} · ${criterion.label} — ${traits.join(', ')}`;
}

/** A scorecard as its change history shows it. */
export function qaScorecardChangeView(scorecard: {
  code: string;
  name: string;
  description: string;
  audience: Audience | null;
  randomSamplePerAgent: number;
  passMark: number;
  criteria: readonly QaCriterion[];
}) {
  return {
    name: scorecard.name,
    code: scorecard.code,
    description: scorecard.description,
    audience: scorecard.audience ? AUDIENCE_LABELS[scorecard.audience] : 'Guests and drivers',
    randomSamplePerAgent: scorecard.randomSamplePerAgent,
    passMark: `${scorecard.passMark}%`,
    criteria: scorecard.criteria.map(criterionText),
  };
}

export const QA_SCORECARD_FIELD_LABELS: FieldLabels = {
  name: { label: 'Name' },
  code: { label: 'Code' },
  description: { label: 'Description' },
  audience: { label: 'Reviews' },
  randomSamplePerAgent: { label: 'Random sample per agent per week' },
  passMark: { label: 'Pass mark' },
  criteria: { label: 'Criteria' },
};
