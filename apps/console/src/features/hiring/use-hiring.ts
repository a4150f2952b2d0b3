import { useTRPC } from '@switchboard/ui/trpc';
import { useQuery } from '@tanstack/react-query';

/** Teams, cities, colleagues and stages for the hiring forms; they change rarely. */
export function useHiringOptions() {
  const trpc = useTRPC();
  return useQuery({ ...trpc.hiring.options.queryOptions(), staleTime: 5 * 60_000 });
}
