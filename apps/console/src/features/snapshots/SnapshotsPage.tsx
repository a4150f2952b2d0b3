import { Alert, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { SNAPSHOT_KINDS, type SnapshotKind } from '@switchboard/domain';
import { describeError, ListPagination, ListQueryState } from '@switchboard/ui';
import { useViewer } from '@switchboard/ui/auth';
import { useTRPC } from '@switchboard/ui/trpc';
import { IconCamera } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useListParams } from '../../lib/use-list-params.ts';
import { MakeSnapshotMenu } from './MakeSnapshotMenu.tsx';
import { SnapshotsTable } from './SnapshotsTable.tsx';
import { useMakeSnapshot } from './use-make-snapshot.ts';

const PAGE_SIZE = 25;
const PARAMS = ['kind'] as const;
const KIND_OPTIONS = [
  { value: 'all', label: 'All' },
  { value: 'weekly', label: 'Weekly' },
  { value: 'monthly', label: 'Monthly' },
];

function kindOf(value: string | undefined): SnapshotKind | undefined {
  return SNAPSHOT_KINDS.find((kind) => kind === value);
}

/** Frozen weekly and monthly reports: the schedule's, and those a lead made on demand. */
export function SnapshotsPage() {
  const trpc = useTRPC();
  const viewer = useViewer();
  const { values, page, update } = useListParams(PARAMS);
  const kind = kindOf(values.kind);
  const snapshots = useQuery({
    ...trpc.kpi.snapshots.list.queryOptions({
      ...(kind ? { kind } : {}),
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  });
  const makeSnapshot = useMakeSnapshot();
  const now = new Date();

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2">
            KPI snapshots
          </Title>
          <Text c="dimmed" size="sm" maw={720}>
            Weekly and monthly reports, frozen when made: Switchboard makes one after every week and
            month closes, and a lead can make one on demand. Their figures never change, so they are
            what a review quotes.
          </Text>
        </div>
        {viewer.access.lead ? (
          <MakeSnapshotMenu
            making={makeSnapshot.isPending}
            onMake={(next) => makeSnapshot.mutate({ kind: next })}
          />
        ) : (
          <Text size="sm" c="dimmed" maw={260}>
            Team leads and admins can make a snapshot on demand.
          </Text>
        )}
      </Group>
      {makeSnapshot.isError ? (
        <Alert
          color="red"
          title="The snapshot was not made"
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => makeSnapshot.reset()}
        >
          {describeError(makeSnapshot.error)}
        </Alert>
      ) : null}
      <SegmentedControl
        aria-label="Kind"
        w="fit-content"
        data={KIND_OPTIONS}
        value={kind ?? 'all'}
        onChange={(next) => update({ kind: next === 'all' ? undefined : next })}
      />
      <Paper p={0} style={{ overflow: 'hidden' }}>
        <ListQueryState
          query={snapshots}
          loadingLabel="Loading snapshots"
          empty={{
            icon: <IconCamera />,
            title: kind ? `No ${kind} snapshots yet` : 'No snapshots yet',
            description:
              'The first scheduled one appears after the current week closes; a lead can make one now.',
          }}
        >
          {(items) => <SnapshotsTable items={items} now={now} />}
        </ListQueryState>
      </Paper>
      {snapshots.data ? (
        <ListPagination
          page={page}
          pageSize={PAGE_SIZE}
          total={snapshots.data.total}
          onChange={(next) => update({ page: next })}
        />
      ) : null}
    </Stack>
  );
}
