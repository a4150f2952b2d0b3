import { useTRPC } from '@switchboard/ui/trpc';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';

/** After any QA change: reviews, samples, calibration sessions and trends reload. */
export function useRefreshQa() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    () => queryClient.invalidateQueries({ queryKey: trpc.qa.pathKey() }),
    [queryClient, trpc],
  );
}
