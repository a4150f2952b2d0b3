import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import {
  type StaffingShiftInput,
  staffingShiftSchema,
  WEEKDAY_LABELS,
  WEEKDAYS,
  type Weekday,
} from '@switchboard/domain';
import { useTRPC } from '@switchboard/ui/trpc';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useServerErrors } from '../../lib/use-server-errors.ts';
import type { StaffingShiftRow } from './staffing-format.ts';

const WEEKDAY_OPTIONS = WEEKDAYS.map((day) => ({ value: day, label: WEEKDAY_LABELS[day] }));
const FIELDS = ['weekday', 'startsAt', 'endsAt', 'agents', 'note'];

interface ShiftFormValues {
  weekday: Weekday | null;
  startsAt: string;
  endsAt: string;
  agents: number | string;
  note: string;
}

/** Adding (shift null) or changing a weekly shift of the inbox. */
export function ShiftModal({
  opened,
  inboxId,
  timeZone,
  shift,
  onClose,
}: {
  opened: boolean;
  inboxId: string;
  timeZone: string;
  shift: StaffingShiftRow | null;
  onClose: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={shift ? 'Change shift' : 'Add shift'}>
      {/* Mounted only while open, so every opening starts from the shift as it is. */}
      {opened ? (
        <ShiftForm inboxId={inboxId} timeZone={timeZone} shift={shift} onDone={onClose} />
      ) : null}
    </Modal>
  );
}

function ShiftForm({
  inboxId,
  timeZone,
  shift,
  onDone,
}: {
  inboxId: string;
  timeZone: string;
  shift: StaffingShiftRow | null;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<ShiftFormValues>({
    mode: 'controlled',
    initialValues: shift
      ? {
          weekday: shift.weekday,
          startsAt: shift.startsAt,
          endsAt: shift.endsAt,
          agents: shift.agents,
          note: shift.note,
        }
      : { weekday: 'mon', startsAt: '08:00', endsAt: '16:00', agents: 1, note: '' },
    validate: schemaResolver(staffingShiftSchema, { sync: true }),
  });
  const onSuccess = () => {
    notifications.show({ color: 'teal', message: shift ? 'Shift changed' : 'Shift added' });
    void queryClient.invalidateQueries({ queryKey: trpc.staffing.overview.pathKey() });
    onDone();
  };
  const add = useMutation(trpc.staffing.addShift.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.staffing.updateShift.mutationOptions({ onSuccess }));
  const failed = shift ? update.error : add.error;
  const unplacedError = useServerErrors(failed, FIELDS, form.setErrors);

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        const parsed = staffingShiftSchema.parse(values as StaffingShiftInput);
        if (shift) update.mutate({ id: shift.id, ...parsed });
        else add.mutate({ inboxId, ...parsed });
      })}
    >
      <Stack>
        <Text size="sm" c="dimmed">
          Times are local to the inbox ({timeZone}). An end at or before the start runs past
          midnight into the next day.
        </Text>
        <Select
          label="Day"
          data={WEEKDAY_OPTIONS}
          allowDeselect={false}
          withAsterisk
          {...form.getInputProps('weekday')}
        />
        <Group grow>
          <TextInput
            label="Starts"
            placeholder="08:00"
            description="HH:MM, 24-hour"
            withAsterisk
            {...form.getInputProps('startsAt')}
          />
          <TextInput
            label="Ends"
            placeholder="16:00"
            description="HH:MM; 24:00 for midnight"
            withAsterisk
            {...form.getInputProps('endsAt')}
          />
        </Group>
        <NumberInput
          label="Agents"
          min={1}
          max={1000}
          allowDecimal={false}
          withAsterisk
          {...form.getInputProps('agents')}
        />
        <TextInput
          label="Note"
          placeholder="Early, Late, Payouts desk…"
          maxLength={200}
          {...form.getInputProps('note')}
        />
        {unplacedError ? (
          <Alert color="red" icon={<IconAlertTriangle />} title="Not saved">
            {unplacedError}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={add.isPending || update.isPending}>
            {shift ? 'Save shift' : 'Add shift'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
