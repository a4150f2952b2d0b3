import { type RouterOutputs, useTRPC } from '@switchboard/ui/trpc';
import { useQueryClient } from '@tanstack/react-query';

export type ModuleView = RouterOutputs['training']['myModule'];

export interface ModuleKey {
  enrolmentId: string;
  moduleId: string;
}

/** Refreshes everything training shows after the trainee did something. */
export function useTrainingRefresh() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.training.pathKey() });
}
