import type { RouterOutputs } from '@switchboard/ui/trpc';

export type Certification = RouterOutputs['certifications']['list'][number];
export type HoldersPage = RouterOutputs['certifications']['holders'];
export type Holder = HoldersPage['items'][number];
export type HolderGrant = Holder['grants'][number];
export type HolderColumn = HoldersPage['certifications'][number];
export type ExpiringGrant = RouterOutputs['certifications']['expiring']['items'][number];
