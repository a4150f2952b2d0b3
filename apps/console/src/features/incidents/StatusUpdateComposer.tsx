import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import {
  durationText,
  type IncidentState,
  SEVERITY_LABELS,
  type Severity,
  STATUS_UPDATE_CADENCE_MINUTES,
  statusUpdateInputSchema,
} from '@switchboard/domain';
import { formatDateTime, formatRelativeTime } from '@switchboard/ui';
import { useRefreshArea, useTRPC } from '@switchboard/ui/trpc';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useServerErrors } from '../../lib/use-server-errors.ts';
import type { IncidentDetail } from './incident-detail.ts';
import { incidentStateOf, updateStateOptions } from './incident-options.ts';

export interface StatusUpdateComposerProps {
  incident: IncidentDetail;
  state: IncidentState;
  severity: Severity;
  now: Date;
}

/** Owed on a cadence set by the severity: what is known now, and the state it moves to. */
export function StatusUpdateComposer({
  incident,
  state,
  severity,
  now,
}: StatusUpdateComposerProps) {
  const trpc = useTRPC();
  const refresh = useRefreshArea('incidents');
  const form = useForm<{ incidentId: string; state: IncidentState; body: string }>({
    mode: 'controlled',
    initialValues: { incidentId: incident.id, state, body: '' },
    validate: schemaResolver(statusUpdateInputSchema, { sync: true }),
  });
  const post = useMutation(
    trpc.incidents.postUpdate.mutationOptions({
      onSuccess: (_, input) => {
        notifications.show({ color: 'teal', message: 'Update posted' });
        form.setValues({ state: input.state, body: '' });
        void refresh();
      },
    }),
  );
  const unplacedError = useServerErrors(post.error, ['state', 'body'], form.setErrors);
  const due = incident.nextUpdateDueAt;
  const overdue = due !== null && due.getTime() < now.getTime();

  return (
    <Paper p="md" withBorder component="section" aria-labelledby="status-update-title">
      <form
        noValidate
        onSubmit={form.onSubmit((values) => post.mutate(statusUpdateInputSchema.parse(values)))}
      >
        <Stack gap="sm">
          <Group justify="space-between" align="flex-start">
            <Title order={2} size="h4" id="status-update-title">
              Status update
            </Title>
            <Stack gap={2} align="flex-end">
              <Text size="xs" c="dimmed">
                {`${SEVERITY_LABELS[severity]}: an update every ${durationText(STATUS_UPDATE_CADENCE_MINUTES[severity])}`}
              </Text>
              {due ? (
                <Group gap={6}>
                  <Text size="sm" c={overdue ? 'red' : undefined} fw={overdue ? 600 : undefined}>
                    {`Next update due ${formatDateTime(due)} (${formatRelativeTime(due, now)})`}
                  </Text>
                  {overdue ? (
                    <Badge color="red" variant="filled" size="sm">
                      Overdue
                    </Badge>
                  ) : null}
                </Group>
              ) : null}
            </Stack>
          </Group>
          <Select
            label="State"
            description="Stays the same or moves on; resolving asks for a summary"
            data={updateStateOptions(state)}
            allowDeselect={false}
            {...form.getInputProps('state')}
            onChange={(value) => form.setFieldValue('state', incidentStateOf(value) ?? state)}
          />
          <Textarea
            label="Update"
            placeholder="What is known, what is being done, when the next update comes"
            withAsterisk
            autosize
            minRows={3}
            {...form.getInputProps('body')}
          />
          {unplacedError ? (
            <Alert color="red" icon={<IconAlertTriangle />} title="Not posted">
              {unplacedError}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button type="submit" loading={post.isPending}>
              Post update
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
