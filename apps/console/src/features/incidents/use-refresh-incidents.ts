import { useTRPC } from '@switchboard/ui/trpc';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';

/** After a change to an incident: its page, the lists and the spike suggestions reload. */
export function useRefreshIncidents() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    () => queryClient.invalidateQueries({ queryKey: trpc.incidents.pathKey() }),
    [queryClient, trpc],
  );
}
