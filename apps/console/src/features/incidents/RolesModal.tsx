import { Alert, Button, Group, Modal, Select, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useRefreshArea, useTRPC } from '@switchboard/ui/trpc';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useServerErrors } from '../../lib/use-server-errors.ts';
import type { IncidentDetail } from './incident-detail.ts';
import { useStaffOptions } from './use-staff-options.ts';

export interface RolesModalProps {
  incident: IncidentDetail;
  opened: boolean;
  onClose: () => void;
}

/** Who commands the incident and who communicates for it. */
export function RolesModal({ incident, opened, onClose }: RolesModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Incident roles">
      {opened ? <RolesForm incident={incident} onDone={onClose} /> : null}
    </Modal>
  );
}

function RolesForm({ incident, onDone }: { incident: IncidentDetail; onDone: () => void }) {
  const trpc = useTRPC();
  const refresh = useRefreshArea('incidents');
  const staff = useStaffOptions();
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      commanderId: incident.commanderId,
      communicationsId: incident.communicationsId,
    },
  });
  const assign = useMutation(
    trpc.incidents.assignRoles.mutationOptions({
      onSuccess: () => {
        notifications.show({ color: 'teal', message: 'Roles saved' });
        void refresh();
        onDone();
      },
    }),
  );
  const unplacedError = useServerErrors(
    assign.error,
    ['commanderId', 'communicationsId'],
    form.setErrors,
  );
  // The people in the roles stay choosable while the list loads (or if they left).
  const options = [
    ...[
      { value: incident.commanderId, label: incident.commanderName },
      { value: incident.communicationsId, label: incident.communicationsName },
    ].flatMap((known) =>
      known.value && !staff.data.some((option) => option.value === known.value)
        ? [{ value: known.value, label: known.label ?? known.value }]
        : [],
    ),
    ...staff.data,
  ].filter((option, index, all) => all.findIndex((o) => o.value === option.value) === index);

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => assign.mutate({ incidentId: incident.id, ...values }))}
    >
      <Stack>
        <Select
          label="Commander"
          description="Runs the incident and decides"
          data={options}
          searchable
          clearable
          placeholder="Nobody"
          {...form.getInputProps('commanderId')}
        />
        <Select
          label="Communications"
          description="Writes the status updates and the replies"
          data={options}
          searchable
          clearable
          placeholder="Nobody"
          {...form.getInputProps('communicationsId')}
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
          <Button type="submit" loading={assign.isPending}>
            Save roles
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
