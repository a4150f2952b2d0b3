import { useTRPC } from '@switchboard/ui/trpc';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';

/** After a change to training: curricula, records, cohorts and queues reload. */
export function useRefreshTraining() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    () => queryClient.invalidateQueries({ queryKey: trpc.training.pathKey() }),
    [queryClient, trpc],
  );
}
