import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { incidentLabel, resolveIncidentInputSchema } from '@switchboard/domain';
import { useRefreshArea, useTRPC } from '@switchboard/ui/trpc';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useServerErrors } from '../../lib/use-server-errors.ts';
import type { IncidentDetail } from './incident-detail.ts';

export interface ResolveModalProps {
  incident: IncidentDetail;
  opened: boolean;
  onClose: () => void;
}

/** Ends the incident with how it ended; its post-incident review opens. */
export function ResolveModal({ incident, opened, onClose }: ResolveModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={`Resolve ${incidentLabel(incident.number)}`}>
      {opened ? <ResolveForm incident={incident} onDone={onClose} /> : null}
    </Modal>
  );
}

function ResolveForm({ incident, onDone }: { incident: IncidentDetail; onDone: () => void }) {
  const trpc = useTRPC();
  const refresh = useRefreshArea('incidents');
  const form = useForm({
    mode: 'controlled',
    initialValues: { incidentId: incident.id, summary: '' },
    validate: schemaResolver(resolveIncidentInputSchema, { sync: true }),
  });
  const resolve = useMutation(
    trpc.incidents.resolve.mutationOptions({
      onSuccess: () => {
        notifications.show({
          color: 'teal',
          message: `${incidentLabel(incident.number)} resolved; its review is open`,
        });
        void refresh();
        onDone();
      },
    }),
  );
  const unplacedError = useServerErrors(resolve.error, ['summary'], form.setErrors);

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => resolve.mutate(resolveIncidentInputSchema.parse(values)))}
    >
      <Stack>
        <Text size="sm" c="dimmed">
          Status updates stop. The post-incident review opens: root cause and corrective actions.
        </Text>
        <Textarea
          label="Summary"
          description="How it ended, for the record and the review"
          withAsterisk
          autosize
          minRows={3}
          {...form.getInputProps('summary')}
        />
        {unplacedError ? (
          <Alert color="red" icon={<IconAlertTriangle />} title="Not resolved">
            {unplacedError}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" color="teal" loading={resolve.isPending}>
            Resolve
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
