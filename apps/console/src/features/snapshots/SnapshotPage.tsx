import { Anchor, Paper, Stack } from '@mantine/core';
import {
  describeError,
  EmptyState,
  ErrorState,
  TableSkeleton,
  trpcErrorCode,
} from '@switchboard/ui';
import { useTRPC } from '@switchboard/ui/trpc';
import { IconArrowLeft, IconCamera } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { SnapshotReport } from './SnapshotReport.tsx';

function BackLink() {
  return (
    <Anchor component={Link} to="/reports/snapshots" size="sm" data-print-hidden>
      <IconArrowLeft size={14} style={{ verticalAlign: 'middle' }} /> All snapshots
    </Anchor>
  );
}

/** One frozen weekly or monthly report. */
export function SnapshotPage() {
  const trpc = useTRPC();
  const { snapshotId = '' } = useParams();
  const snapshot = useQuery({
    ...trpc.kpi.snapshots.get.queryOptions({ snapshotId }),
    // Frozen: what was read once stays true.
    staleTime: Number.POSITIVE_INFINITY,
  });

  return (
    <Stack gap="md">
      <BackLink />
      {snapshot.isPending ? (
        <TableSkeleton label="Loading the snapshot" />
      ) : snapshot.isError ? (
        <Paper>
          {['NOT_FOUND', 'BAD_REQUEST'].includes(trpcErrorCode(snapshot.error) ?? '') ? (
            <EmptyState
              icon={<IconCamera />}
              title="No such snapshot"
              description="The link may be mistyped; the list has every snapshot."
            />
          ) : (
            <ErrorState
              message={describeError(snapshot.error)}
              onRetry={() => void snapshot.refetch()}
            />
          )}
        </Paper>
      ) : (
        <SnapshotReport snapshot={snapshot.data} />
      )}
    </Stack>
  );
}
