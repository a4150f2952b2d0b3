import { useTRPC } from '@switchboard/ui/trpc';
import { useQueryClient } from '@tanstack/react-query';

/**
 * After a change of who is on a team: the teams list, and the inbox pages, whose members
 * are the people of the team that owns the inbox.
 */
export function useRefreshTeams() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.people.teams.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.routing.pathKey() }),
    ]);
}
