import { Badge, Group, Progress, Select, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { reviewProgress } from '@switchboard/domain';
import { describeError } from '@switchboard/ui';
import { useRefreshArea, useTRPC } from '@switchboard/ui/trpc';
import { useMutation } from '@tanstack/react-query';
import type { CorrectiveAction, IncidentDetail } from './incident-detail.ts';
import {
  ACTION_STATUS_LABELS,
  ACTION_STATUS_OPTIONS,
  actionStatusOf,
  todayIso,
} from './incident-options.ts';

export interface CorrectiveActionsProps {
  incident: IncidentDetail;
  mayRun: boolean;
}

/** What will stop it happening again, tracked to done. */
export function CorrectiveActions({ incident, mayRun }: CorrectiveActionsProps) {
  const { done, total, overdue, complete } = incident.progress;
  const today = todayIso();
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" fw={500} aria-label="Corrective action progress">
          {`${done} of ${total} done, ${overdue} overdue`}
        </Text>
        {complete ? (
          <Badge color="teal" variant="light">
            All done
          </Badge>
        ) : null}
      </Group>
      <Progress
        value={total === 0 ? 0 : (done / total) * 100}
        color={overdue > 0 ? 'red' : 'teal'}
        aria-label="Corrective actions done"
      />
      {incident.actions.length === 0 ? (
        <Text size="sm" c="dimmed">
          No corrective action yet.
        </Text>
      ) : (
        <Table aria-label="Corrective actions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Action</Table.Th>
              <Table.Th>Owner</Table.Th>
              <Table.Th>Due</Table.Th>
              <Table.Th>Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {incident.actions.map((action) => (
              <ActionRow key={action.id} action={action} mayRun={mayRun} today={today} />
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function ActionRow({
  action,
  mayRun,
  today,
}: {
  action: CorrectiveAction;
  mayRun: boolean;
  today: string;
}) {
  const trpc = useTRPC();
  const refresh = useRefreshArea('incidents');
  const setStatus = useMutation(
    trpc.incidents.setActionStatus.mutationOptions({
      onSuccess: () => void refresh(),
      onError: (error) =>
        notifications.show({
          color: 'red',
          title: 'Status not changed',
          message: describeError(error),
        }),
    }),
  );
  const status = actionStatusOf(action.status);
  const overdue =
    status !== null && reviewProgress([{ status, dueDate: action.dueDate }], today).overdue > 0;
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm">{action.title}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{action.ownerName}</Text>
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Text size="sm">{action.dueDate}</Text>
          {overdue ? (
            <Badge color="red" size="sm" variant="filled">
              Overdue
            </Badge>
          ) : null}
        </Group>
      </Table.Td>
      <Table.Td>
        {mayRun ? (
          <Select
            aria-label={`Status of ${action.title}`}
            size="xs"
            w={140}
            data={ACTION_STATUS_OPTIONS}
            allowDeselect={false}
            value={status}
            disabled={setStatus.isPending}
            onChange={(value) => {
              const next = actionStatusOf(value);
              if (next && next !== status) setStatus.mutate({ actionId: action.id, status: next });
            }}
          />
        ) : (
          <Badge variant="light" color={status === 'done' ? 'teal' : 'gray'}>
            {status ? ACTION_STATUS_LABELS[status] : action.status}
          </Badge>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
