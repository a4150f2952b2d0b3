import {
  IMPROVEMENT_KINDS,
  IMPROVEMENT_STATUS_LABELS,
  IMPROVEMENT_STATUSES,
  type ImprovementStatus,
} from '@switchboard/domain';

export type ImprovementKind = (typeof IMPROVEMENT_KINDS)[number];

export const KIND_LABELS: Record<ImprovementKind, string> = {
  process: 'Process',
  policy: 'Policy',
  tooling: 'Tooling',
  product: 'Product',
};
export const KIND_OPTIONS = IMPROVEMENT_KINDS.map((value) => ({
  value,
  label: KIND_LABELS[value],
}));

export const STATUS_OPTIONS = IMPROVEMENT_STATUSES.map((value) => ({
  value,
  label: IMPROVEMENT_STATUS_LABELS[value],
}));

export const STATUS_COLORS: Record<ImprovementStatus, string> = {
  proposed: 'gray',
  planned: 'blue',
  in_progress: 'violet',
  done: 'teal',
  wont_do: 'dark',
};

export function kindOf(value: unknown): ImprovementKind | null {
  return (IMPROVEMENT_KINDS as readonly unknown[]).includes(value)
    ? (value as ImprovementKind)
    : null;
}

export function improvementStatusOf(value: unknown): ImprovementStatus | null {
  return (IMPROVEMENT_STATUSES as readonly unknown[]).includes(value)
    ? (value as ImprovementStatus)
    : null;
}

/** The periods compared, each against the one just before it. */
export const PERIOD_OPTIONS = [
  { value: '7', label: '7 days' },
  { value: '28', label: '28 days' },
  { value: '90', label: '90 days' },
];

export function periodOf(value: string | undefined): number {
  return PERIOD_OPTIONS.some((option) => option.value === value) ? Number(value) : 28;
}

/** What the improvement items list shows: the active ones, all, or one status. */
export type StatusFilter = 'active' | 'all' | ImprovementStatus;

export function statusFilterOf(value: string | undefined): StatusFilter {
  if (value === 'all') return 'all';
  return improvementStatusOf(value) ?? 'active';
}
