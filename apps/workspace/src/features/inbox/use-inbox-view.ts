import type { InboxViewInput } from '@switchboard/domain';
import { type RouterOutputs, useTRPC, useTRPCClient } from '@switchboard/ui/trpc';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { InboxSelection } from './inbox-filters.ts';

export type InboxRow = RouterOutputs['conversations']['view']['items'][number];

/** Rows fetched per request as the agent scrolls. */
export const INBOX_PAGE_SIZE = 100;

/**
 * The view's rows, a page at a time as the list scrolls. Keyed under the procedure's path,
 * so the live stream's invalidation of `conversations.view` refreshes it too.
 */
export function useInboxView(selection: InboxSelection) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const input: Omit<InboxViewInput, 'limit' | 'offset'> = selection;
  return useInfiniteQuery({
    queryKey: [...trpc.conversations.view.pathKey(), { input, type: 'infinite' }],
    initialPageParam: 0,
    queryFn: ({ pageParam, signal }) =>
      client.conversations.view.query(
        { ...input, limit: INBOX_PAGE_SIZE, offset: pageParam },
        { signal },
      ),
    getNextPageParam: (last) =>
      last.offset + last.items.length < last.total ? last.offset + last.items.length : undefined,
  });
}
