import type { FormErrors } from '@mantine/form';
import { randomId } from '@mantine/hooks';
import {
  type Audience,
  type QaCriterion,
  type QaCriterionGroup,
  type QaScorecardInput,
  qaScorecardInputSchema,
} from '@switchboard/domain';

/*
 * The scorecard editor's form: a scorecard as a trainer or lead edits it. Criteria carry a
 * React key, and a criterion's id is suggested from its label until it has been saved — after
 * that it stays, so trends per criterion run across versions.
 */

export interface CriterionValues extends QaCriterion {
  key: string;
  /** Saved in an earlier version: its id no longer follows the label. */
  saved: boolean;
}

export interface ScorecardFormValues {
  code: string;
  name: string;
  description: string;
  /** 'any' for both audiences. */
  audience: Audience | 'any';
  randomSamplePerAgent: number;
  passMark: number;
  criteria: CriterionValues[];
  rolloutNote: string;
}

interface StoredScorecard {
  code: string;
  name: string;
  description: string;
  audience: Audience | null;
  randomSamplePerAgent: number;
  passMark: number;
  criteria: QaCriterion[];
}

/** "greets_by_name" from "Greets by name": the id a new criterion gets. */
export function suggestCriterionId(label: string): string {
  const id = label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+|_+$/g, '')
    .slice(0, 40)
    .replace(/_+$/, '');
  return id.length >= 2 ? id : `criterion_${id}`.slice(0, 40);
}

export function newCriterion(group: QaCriterionGroup = 'tone'): CriterionValues {
  return {
    key: randomId(),
    saved: false,
    id: '',
    group,
    label: '',
    guidance: '',
    weight: 1,
    scale: { min: 0, max: 2 },
    allowNa: false,
    autoFail: false,
  };
}

export function newScorecardValues(): ScorecardFormValues {
  return {
    code: '',
    name: '',
    description: '',
    audience: 'any',
    randomSamplePerAgent: 2,
    passMark: 80,
    criteria: [newCriterion()],
    rolloutNote: '',
  };
}

export function scorecardFormValuesOf(scorecard: StoredScorecard): ScorecardFormValues {
  return {
    code: scorecard.code,
    name: scorecard.name,
    description: scorecard.description,
    audience: scorecard.audience ?? 'any',
    randomSamplePerAgent: scorecard.randomSamplePerAgent,
    passMark: scorecard.passMark,
    criteria: scorecard.criteria.map((criterion) => ({
      ...criterion,
      key: randomId(),
      saved: true,
    })),
    rolloutNote: '',
  };
}

/** The scorecard the form describes, as the server takes it. */
export function scorecardInputOf(values: ScorecardFormValues): QaScorecardInput {
  return {
    code: values.code.trim(),
    name: values.name,
    description: values.description,
    audience: values.audience === 'any' ? null : values.audience,
    randomSamplePerAgent: values.randomSamplePerAgent,
    passMark: values.passMark,
    criteria: values.criteria.map(({ key: _key, saved: _saved, ...criterion }) => ({
      ...criterion,
      id: criterion.id || suggestCriterionId(criterion.label),
    })),
    rolloutNote: values.rolloutNote,
  };
}

/** Each criterion's share of the score when every criterion applies. */
export function weightShares(criteria: readonly { weight: number }[]): number[] {
  const total = criteria.reduce((sum, criterion) => sum + (criterion.weight || 0), 0);
  return criteria.map((criterion) => (total > 0 ? (criterion.weight || 0) / total : 0));
}

export function validateScorecardForm(values: ScorecardFormValues): FormErrors {
  const errors: FormErrors = {};
  const parsed = qaScorecardInputSchema.safeParse(scorecardInputOf(values));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      errors[issue.path.map(String).join('.')] ??= issue.message;
    }
  }
  return errors;
}
