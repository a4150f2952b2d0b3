import { useTRPC } from '@switchboard/ui/trpc';
import { useQuery, useQueryClient } from '@tanstack/react-query';

/** Teams, cities, colleagues and stages for the hiring forms; they change rarely. */
export function useHiringOptions() {
  const trpc = useTRPC();
  return useQuery({ ...trpc.hiring.options.queryOptions(), staleTime: 5 * 60_000 });
}

/** After any hiring change: every hiring list, board, funnel and page may show it. */
export function useRefreshHiring() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.hiring.pathKey() });
}
