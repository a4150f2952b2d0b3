import { z } from 'zod';

/** What interviewers rate a future agent on, 1 (far below the bar) to 5 (outstanding). */
export const RUBRICS = ['writtenEnglish', 'empathy', 'problemSolving', 'otherLanguages'] as const;
export type Rubric = (typeof RUBRICS)[number];

export const RUBRIC_LABELS: Record<Rubric, string> = {
  writtenEnglish: 'Written English',
  empathy: 'Empathy',
  problemSolving: 'Problem solving',
  otherLanguages: 'Other languages',
};

/** What the ends of the scale look like, shown beside each rating so interviewers agree. */
export const RUBRIC_ANCHORS: Record<Rubric, { low: string; high: string }> = {
  writtenEnglish: {
    low: 'Errors change the meaning; a guest would need to ask again',
    high: 'Clear, correct and warm; ready to send without edits',
  },
  empathy: {
    low: 'Skips the guest’s or driver’s situation and goes straight to policy',
    high: 'Names the feeling, owns the next step, stays calm under pressure',
  },
  problemSolving: {
    low: 'Misses the booking facts or the policy that applies',
    high: 'Finds the root cause and the fairest fix within policy',
  },
  otherLanguages: {
    low: 'Cannot hold a support conversation in the requisition’s other languages',
    high: 'Handles complex cases natively',
  },
};

export const SCORECARD_KINDS = ['assessment', 'interview'] as const;
export type ScorecardKind = (typeof SCORECARD_KINDS)[number];
export const SCORECARD_KIND_LABELS: Record<ScorecardKind, string> = {
  assessment: 'Written assessment',
  interview: 'Interview',
};

export const HIRING_RECOMMENDATIONS = ['strong_yes', 'yes', 'no', 'strong_no'] as const;
export type HiringRecommendation = (typeof HIRING_RECOMMENDATIONS)[number];
export const HIRING_RECOMMENDATION_LABELS: Record<HiringRecommendation, string> = {
  strong_yes: 'Strong yes',
  yes: 'Yes',
  no: 'No',
  strong_no: 'Strong no',
};

const rating = (rubric: Rubric) =>
  z
    .number({ error: `${RUBRIC_LABELS[rubric]}: rate 1 to 5` })
    .int(`${RUBRIC_LABELS[rubric]}: a whole number from 1 to 5`)
    .min(1, `${RUBRIC_LABELS[rubric]}: rate 1 to 5`)
    .max(5, `${RUBRIC_LABELS[rubric]}: rate 1 to 5`);

export const scorecardRatingsSchema = z.object({
  writtenEnglish: rating('writtenEnglish'),
  empathy: rating('empathy'),
  problemSolving: rating('problemSolving'),
  /** Null: the role needs no language beyond English, or it was not assessed. */
  otherLanguages: rating('otherLanguages').nullable(),
});
export type ScorecardRatings = z.infer<typeof scorecardRatingsSchema>;

export const scorecardInputSchema = z.object({
  candidateId: z.uuid('Not a candidate id'),
  kind: z.enum(SCORECARD_KINDS, { error: 'Kind: written assessment or interview' }),
  ratings: scorecardRatingsSchema,
  recommendation: z.enum(HIRING_RECOMMENDATIONS, { error: 'Recommendation: choose one' }),
  comments: z.string().trim().max(4000, 'Comments: at most 4,000 characters').default(''),
});
export type ScorecardInput = z.input<typeof scorecardInputSchema>;

export interface RubricAverage {
  rubric: Rubric;
  /** Mean of the ratings given, or null when nobody rated it. */
  average: number | null;
  count: number;
}

/** The mean per rubric over every scorecard; a rubric left unrated is skipped, not a zero. */
export function rubricAverages(
  scorecards: ReadonlyArray<{ ratings: Partial<Record<Rubric, number | null>> }>,
): RubricAverage[] {
  return RUBRICS.map((rubric) => {
    const given = scorecards
      .map((card) => card.ratings[rubric])
      .filter((value): value is number => typeof value === 'number');
    return {
      rubric,
      average:
        given.length > 0 ? given.reduce((sum, value) => sum + value, 0) / given.length : null,
      count: given.length,
    };
  });
}

/** How many scorecards recommend each way, strongest yes first. */
export function recommendationTally(
  scorecards: ReadonlyArray<{ recommendation: HiringRecommendation }>,
): Record<HiringRecommendation, number> {
  const tally = Object.fromEntries(HIRING_RECOMMENDATIONS.map((value) => [value, 0])) as Record<
    HiringRecommendation,
    number
  >;
  for (const card of scorecards) tally[card.recommendation] += 1;
  return tally;
}
