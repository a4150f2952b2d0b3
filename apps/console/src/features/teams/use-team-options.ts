import { TEAM_KIND_LABELS, TEAM_KINDS } from '@switchboard/domain';
import { useTRPC } from '@switchboard/ui/trpc';
import { useQuery } from '@tanstack/react-query';

export interface KnownTeam {
  id: string;
  name: string;
}

/**
 * Every team as Select options grouped by what the team does. `current` stays an option
 * while the list loads (or fails), so a form can show the team it already has.
 */
export function useTeamOptions(current?: KnownTeam) {
  const trpc = useTRPC();
  const teams = useQuery(trpc.people.teams.queryOptions());
  const fallback = current ? [{ value: current.id, label: current.name }] : [];
  const data = teams.data
    ? TEAM_KINDS.map((kind) => ({
        group: TEAM_KIND_LABELS[kind],
        items: teams.data
          .filter((team) => team.kind === kind)
          .map((team) => ({ value: team.id, label: team.name })),
      })).filter((group) => group.items.length > 0)
    : fallback;
  return { data, isPending: teams.isPending, isError: teams.isError };
}
