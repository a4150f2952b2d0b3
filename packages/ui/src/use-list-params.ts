import { useCallback, useEffect, useRef } from 'react';
import { useLocation, useSearchParams } from 'react-router';

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
 *
 * A change builds on the last change made, not on the URL of the last render: the router
 * commits navigations in a transition, so for a moment after picking "Drivers" the page still
 * renders the old URL, and a city picked in that moment must not drop the audience.
 */
export function useListParams<Name extends string>(names: readonly Name[]) {
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
    (change: ListParamChange<Name>, options: { replace?: boolean } = {}) => {
      const next = new URLSearchParams(pending.current.at(-1) ?? params);
      for (const [name, value] of Object.entries(change)) {
        if (value === undefined || value === '' || (name === 'page' && value === 1)) {
          next.delete(name);
        } else {
          next.set(name, String(value));
        }
      }
      if (!('page' in change)) next.delete('page');
      pending.current.push(next.toString());
      setParams(next, { replace: options.replace ?? false });
    },
    [params, setParams],
  );

  return { values, page, update };
}
