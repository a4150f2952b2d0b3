import {
  ActionIcon,
  Button,
  Group,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { shiftMinutes, WEEKDAY_LABELS } from '@switchboard/domain';
import { describeError, EmptyState } from '@switchboard/ui';
import { useTRPC } from '@switchboard/ui/trpc';
import { IconCalendarTime, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ShiftModal } from './ShiftModal.tsx';
import { agentsText, type StaffingOverview, type StaffingShiftRow } from './staffing-format.ts';

function hoursText(minutes: number): string {
  return `${agentsText(minutes / 60)} h`;
}

/** The inbox's weekly shifts: add, change and remove them. */
export function ShiftsTable({ overview }: { overview: StaffingOverview }) {
  const { inbox, shifts } = overview;
  const [editing, setEditing] = useState<StaffingShiftRow | 'new' | null>(null);
  const [removing, setRemoving] = useState<StaffingShiftRow | null>(null);

  return (
    <Paper p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <div>
            <Title order={2} size="h4">
              Shifts
            </Title>
            <Text size="sm" c="dimmed">
              The same every week, in {inbox.timeZone} time.
            </Text>
          </div>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            Add shift
          </Button>
        </Group>
        {shifts.length === 0 ? (
          <EmptyState
            icon={<IconCalendarTime />}
            title="No shifts yet"
            description="Add the shifts the team works to see where the week is short."
          />
        ) : (
          <Table aria-label="Shifts" striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Day</Table.Th>
                <Table.Th>Time</Table.Th>
                <Table.Th ta="right">Agents</Table.Th>
                <Table.Th ta="right">Agent-hours</Table.Th>
                <Table.Th>Note</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shifts.map((shift) => {
                const label = `${WEEKDAY_LABELS[shift.weekday]} ${shift.startsAt}–${shift.endsAt}`;
                return (
                  <Table.Tr key={shift.id}>
                    <Table.Th scope="row" fw={500}>
                      {WEEKDAY_LABELS[shift.weekday]}
                    </Table.Th>
                    <Table.Td>
                      {shift.startsAt}–{shift.endsAt}
                      {shift.endsAt <= shift.startsAt ? (
                        <Text span size="xs" c="dimmed">
                          {' '}
                          (next day)
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td ta="right">{shift.agents}</Table.Td>
                    <Table.Td ta="right">{hoursText(shift.agents * shiftMinutes(shift))}</Table.Td>
                    <Table.Td>{shift.note}</Table.Td>
                    <Table.Td>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <ActionIcon
                          variant="subtle"
                          aria-label={`Change ${label}`}
                          onClick={() => setEditing(shift)}
                        >
                          <IconPencil size={16} />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`Remove ${label}`}
                          onClick={() => setRemoving(shift)}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <ShiftModal
        opened={editing !== null}
        inboxId={inbox.id}
        timeZone={inbox.timeZone}
        shift={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
      />
      <RemoveShiftModal shift={removing} onClose={() => setRemoving(null)} />
    </Paper>
  );
}

function RemoveShiftModal({
  shift,
  onClose,
}: {
  shift: StaffingShiftRow | null;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const remove = useMutation(
    trpc.staffing.removeShift.mutationOptions({
      onSuccess: () => {
        notifications.show({ color: 'teal', message: 'Shift removed' });
        void queryClient.invalidateQueries({ queryKey: trpc.staffing.overview.pathKey() });
        onClose();
      },
      onError: (error) => notifications.show({ color: 'red', message: describeError(error) }),
    }),
  );
  return (
    <Modal opened={shift !== null} onClose={onClose} title="Remove shift?">
      {shift ? (
        <Stack>
          <Text size="sm">
            {WEEKDAY_LABELS[shift.weekday]} {shift.startsAt}–{shift.endsAt}, {shift.agents}{' '}
            {shift.agents === 1 ? 'agent' : 'agents'}. The change is recorded in the change history.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Keep it
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() => remove.mutate({ id: shift.id })}
            >
              Remove shift
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
