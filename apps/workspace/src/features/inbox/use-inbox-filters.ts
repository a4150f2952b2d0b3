import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { type InboxFilters, parseInboxFilters } from './inbox-filters.ts';

const DEFAULTS: Record<keyof InboxFilters, string> = { tab: 'open', sort: 'newest', page: '1' };
const PARAM_NAMES: Record<keyof InboxFilters, string> = {
  tab: 'status',
  sort: 'sort',
  page: 'page',
};

/** The inbox filters live in the URL so a view can be bookmarked, shared and navigated back to. */
export function useInboxFilters(): [InboxFilters, (change: Partial<InboxFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const filters = parseInboxFilters(params);
  const setFilters = useCallback(
    (change: Partial<InboxFilters>) => {
      setParams((current) => {
        const next = new URLSearchParams(current);
        // Any change of filter or sort starts again from the first page.
        const merged = { ...change, page: change.page ?? 1 };
        for (const [key, value] of Object.entries(merged) as [keyof InboxFilters, unknown][]) {
          const text = String(value);
          if (text === DEFAULTS[key]) next.delete(PARAM_NAMES[key]);
          else next.set(PARAM_NAMES[key], text);
        }
        return next;
      });
    },
    [setParams],
  );
  return [filters, setFilters];
}
