import {
  ROOT_CAUSE_LABELS,
  ROOT_CAUSES,
  type RootCauseCode,
  rootCauseCodeSchema,
} from '@switchboard/domain';

/** Root causes grouped as the domain groups them, for a Select. */
export const ROOT_CAUSE_OPTIONS = [...new Set(ROOT_CAUSES.map((cause) => cause.group))].map(
  (group) => ({
    group,
    items: ROOT_CAUSES.filter((cause) => cause.group === group).map((cause) => ({
      value: cause.code,
      label: cause.label,
    })),
  }),
);

export function rootCauseOf(value: unknown): RootCauseCode | null {
  return rootCauseCodeSchema.safeParse(value).data ?? null;
}

/** A root cause as people read it; none recorded says so. */
export function rootCauseLabel(code: string | null): string {
  if (code === null) return 'Not recorded';
  const known = rootCauseOf(code);
  return known ? ROOT_CAUSE_LABELS[known] : code;
}
