import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { type InboxSelection, parseInboxSelection, selectionParams } from './inbox-filters.ts';

/** The inbox selection lives in the URL so a view can be bookmarked, shared and navigated back to. */
export function useInboxSelection(): [InboxSelection, (next: InboxSelection) => void] {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  const selection = useMemo(() => parseInboxSelection(new URLSearchParams(key)), [key]);
  const setSelection = useCallback(
    (next: InboxSelection) => setParams(selectionParams(next)),
    [setParams],
  );
  return [selection, setSelection];
}
