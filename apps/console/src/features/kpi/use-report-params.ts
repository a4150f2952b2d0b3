import type { ListParamChange } from '@switchboard/ui';
import { useCallback, useEffect, useRef } from 'react';
import { useLocation, useSearchParams } from 'react-router';

function parsePage(raw: string | null): number {
  const page = Number.parseInt(raw ?? '', 10);
  return Number.isInteger(page) && page > 0 ? page : 1;
}

/**
 * The report's parameters in the URL, like `useListParams`, with one difference that matters
 * on a page of many filters: a change builds on the last change made, not on the URL of the
 * last render. The router commits navigations in a transition, so for a moment after picking
 * "Drivers" the page still renders the old URL; a city picked in that moment must not drop
 * the audience.
 */
export function useReportParams<Name extends string>(names: readonly Name[]) {
  const [params, setParams] = useSearchParams();
  const { search } = useLocation();
  /** Searches navigated to but not rendered yet, oldest first. */
  const pending = useRef<string[]>([]);
  useEffect(() => {
    const rendered = pending.current.indexOf(search.replace(/^\?/, ''));
    // Rendered one of ours: the later ones are still to come. Anything else (back, a link)
    // replaced them all.
    pending.current = rendered === -1 ? [] : pending.current.slice(rendered + 1);
  }, [search]);

  const values = Object.fromEntries(
    names.map((name) => [name, params.get(name) ?? undefined]),
  ) as Record<Name, string | undefined>;
  const page = parsePage(params.get('page'));

  const update = useCallback(
    (change: ListParamChange<Name>) => {
      const next = new URLSearchParams(pending.current.at(-1) ?? params);
      for (const [name, value] of Object.entries(change)) {
        if (value === undefined || value === '' || (name === 'page' && value === 1)) {
          next.delete(name);
        } else {
          next.set(name, String(value));
        }
      }
      // Any other change shows the first page of what it selects.
      if (!('page' in change)) next.delete('page');
      pending.current.push(next.toString());
      setParams(next);
    },
    [params, setParams],
  );

  return { values, page, update };
}
