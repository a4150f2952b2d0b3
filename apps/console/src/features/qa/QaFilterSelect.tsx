import { Select } from '@mantine/core';
import type { RouterOutputs } from '@switchboard/ui/trpc';

type QaFilterOptions = RouterOutputs['qa']['filterOptions'];

const FILTERS = {
  agent: { label: 'Agent', placeholder: 'Everyone', w: 200, searchable: true, rows: 'agents' },
  reviewer: {
    label: 'Reviewer',
    placeholder: 'Anyone',
    w: 180,
    searchable: false,
    rows: 'reviewers',
  },
  team: { label: 'Team', placeholder: 'Every team', w: 180, searchable: false, rows: 'teams' },
  scorecard: {
    label: 'Scorecard',
    placeholder: 'Every scorecard',
    w: 200,
    searchable: false,
    rows: 'scorecards',
  },
} as const satisfies Record<
  string,
  {
    label: string;
    placeholder: string;
    w: number;
    searchable: boolean;
    rows: keyof QaFilterOptions;
  }
>;

export type QaFilterKind = keyof typeof FILTERS;

/** The id when the filter options know it (a stale or mistyped one in the address is ignored). */
export function knownOption(
  options: QaFilterOptions | undefined,
  kind: QaFilterKind,
  id: string | undefined,
): string | undefined {
  return options?.[FILTERS[kind].rows].some((row) => row.id === id) ? id : undefined;
}

/** One of the QA pages' filters: pick an agent, reviewer, team or scorecard by name, or clear it. */
export function QaFilterSelect({
  kind,
  options,
  value,
  onChange,
}: {
  kind: QaFilterKind;
  options: QaFilterOptions | undefined;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  const filter = FILTERS[kind];
  return (
    <Select
      label={filter.label}
      placeholder={filter.placeholder}
      searchable={filter.searchable}
      clearable
      w={filter.w}
      data={(options?.[filter.rows] ?? []).map((row) => ({ value: row.id, label: row.name }))}
      value={value ?? null}
      onChange={(next) => onChange(next ?? undefined)}
    />
  );
}
