import type { RouterOutputs } from '@switchboard/ui/trpc';

export type ModuleView = RouterOutputs['training']['myModule'];

export interface ModuleKey {
  enrolmentId: string;
  moduleId: string;
}
