import type { RouterOutputs } from '@switchboard/ui/trpc';

export type IncidentDetail = RouterOutputs['incidents']['byId'];
export type LinkedConversation = IncidentDetail['linked'][number];
export type CorrectiveAction = IncidentDetail['actions'][number];
