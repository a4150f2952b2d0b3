import { notifications } from '@mantine/notifications';
import { SNAPSHOT_KIND_LABELS } from '@switchboard/domain';
import { useTRPC } from '@switchboard/ui/trpc';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { snapshotPath } from './snapshot-format.ts';

/** Makes a snapshot of the last complete week or month now, then opens it. */
export function useMakeSnapshot() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation(
    trpc.kpi.snapshots.generate.mutationOptions({
      onSuccess: ({ id }, { kind }) => {
        notifications.show({
          color: 'teal',
          title: `${SNAPSHOT_KIND_LABELS[kind]} snapshot made`,
          message: 'Its figures are frozen from now on.',
        });
        void queryClient.invalidateQueries({ queryKey: trpc.kpi.snapshots.list.pathKey() });
        void navigate(snapshotPath(id));
      },
    }),
  );
}
