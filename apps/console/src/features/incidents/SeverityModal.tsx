import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { incidentSeverityInputSchema, SEVERITY_LABELS } from '@switchboard/domain';
import { useRefreshArea, useTRPC } from '@switchboard/ui/trpc';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useServerErrors } from '../../lib/use-server-errors.ts';
import type { IncidentDetail } from './incident-detail.ts';
import { SEVERITY_OPTIONS, severityOf } from './incident-options.ts';

export interface SeverityModalProps {
  incident: IncidentDetail;
  opened: boolean;
  onClose: () => void;
}

/** Raises or lowers the severity, with the reason on the record; the cadence follows. */
export function SeverityModal({ incident, opened, onClose }: SeverityModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Change severity">
      {opened ? <SeverityForm incident={incident} onDone={onClose} /> : null}
    </Modal>
  );
}

function SeverityForm({ incident, onDone }: { incident: IncidentDetail; onDone: () => void }) {
  const trpc = useTRPC();
  const refresh = useRefreshArea('incidents');
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      incidentId: incident.id,
      severity: severityOf(incident.severity) ?? 'sev3',
      reason: '',
    },
    validate: schemaResolver(incidentSeverityInputSchema, { sync: true }),
  });
  const change = useMutation(
    trpc.incidents.changeSeverity.mutationOptions({
      onSuccess: () => {
        notifications.show({ color: 'teal', message: 'Severity changed' });
        void refresh();
        onDone();
      },
    }),
  );
  const unplacedError = useServerErrors(change.error, ['severity', 'reason'], form.setErrors);
  const proposed = severityOf(incident.proposedSeverity);

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => change.mutate(incidentSeverityInputSchema.parse(values)))}
    >
      <Stack>
        {proposed ? (
          <Text size="sm" c="dimmed">
            When declared, the rules proposed {SEVERITY_LABELS[proposed]}.
          </Text>
        ) : null}
        <Select
          label="Severity"
          data={SEVERITY_OPTIONS}
          allowDeselect={false}
          {...form.getInputProps('severity')}
          onChange={(value) => form.setFieldValue('severity', severityOf(value) ?? 'sev3')}
        />
        <Textarea
          label="Why"
          withAsterisk
          rows={2}
          placeholder="Now affecting Porto as well"
          {...form.getInputProps('reason')}
        />
        {unplacedError ? (
          <Alert color="red" icon={<IconAlertTriangle />} title="Not changed">
            {unplacedError}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={change.isPending}>
            Change severity
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
