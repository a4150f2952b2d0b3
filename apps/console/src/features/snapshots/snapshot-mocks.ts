import type { ProcedureMocks } from '@switchboard/ui/testing';
import type { RouterInputs, RouterOutputs } from '@switchboard/ui/trpc';

export type SnapshotInputs = RouterInputs['kpi']['snapshots'];
export type SnapshotOutputs = RouterOutputs['kpi']['snapshots'];

/**
 * `ProcedureMocks` knows procedures two levels deep (`kpi.dashboard`); the snapshot ones sit
 * a level further (`kpi.snapshots.list`). The MSW handlers match any path, so only the types
 * need the extra level.
 */
export type SnapshotMocks = ProcedureMocks & {
  [Name in keyof SnapshotOutputs as `kpi.snapshots.${Name & string}`]?: (
    input: SnapshotInputs[Name],
  ) => SnapshotOutputs[Name] | Promise<SnapshotOutputs[Name]>;
};

export function snapshotMocks(mocks: SnapshotMocks): ProcedureMocks {
  return mocks;
}
