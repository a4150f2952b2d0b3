import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

export type ListParamChange<Name extends string> = Partial<
  Record<Name, string | undefined> & { page: number }
>;

function parsePage(raw: string | null): number {
  const page = Number.parseInt(raw ?? '', 10);
  return Number.isInteger(page) && page > 0 ? page : 1;
}

/**
 * A list screen's filters, sort and page, kept in the URL so a view can be bookmarked and
 * shared. Changing any filter returns to page 1; unknown values are for the caller to ignore.
 */
export function useListParams<Name extends string>(names: readonly Name[]) {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(
    names.map((name) => [name, params.get(name) ?? undefined]),
  ) as Record<Name, string | undefined>;
  const page = parsePage(params.get('page'));

  const update = useCallback(
    (change: ListParamChange<Name>, options: { replace?: boolean } = {}) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [name, value] of Object.entries(change)) {
            if (value === undefined || value === '' || (name === 'page' && value === 1)) {
              next.delete(name);
            } else {
              next.set(name, String(value));
            }
          }
          if (!('page' in change)) next.delete('page');
          return next;
        },
        { replace: options.replace ?? false },
      );
    },
    [setParams],
  );

  return { values, page, update };
}
