import { useTRPC } from '@switchboard/ui/trpc';
import { useQueryClient } from '@tanstack/react-query';

/** After a change, every certification view (catalog counts, matrix, expiring) reads again. */
export function useRefreshCertifications() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.certifications.pathKey() });
}
