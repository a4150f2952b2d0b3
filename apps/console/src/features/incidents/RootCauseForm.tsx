import { Alert, Button, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { incidentReviewInputSchema, type RootCauseCode } from '@switchboard/domain';
import { useRefreshArea, useTRPC } from '@switchboard/ui/trpc';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useServerErrors } from '../../lib/use-server-errors.ts';
import {
  ROOT_CAUSE_OPTIONS,
  rootCauseLabel,
  rootCauseOf,
} from '../improvements/root-cause-options.ts';
import type { IncidentDetail } from './incident-detail.ts';

export interface RootCauseFormProps {
  incident: IncidentDetail;
  mayRun: boolean;
}

/** Why it happened: a root cause from the shared list (it feeds recurring themes) and the story. */
export function RootCauseForm({ incident, mayRun }: RootCauseFormProps) {
  if (!mayRun) {
    return (
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {`Root cause: ${rootCauseLabel(incident.rootCauseCode)}`}
        </Text>
        {incident.rootCause ? <Text size="sm">{incident.rootCause}</Text> : null}
      </Stack>
    );
  }
  return <EditableRootCause incident={incident} />;
}

function EditableRootCause({ incident }: { incident: IncidentDetail }) {
  const trpc = useTRPC();
  const refresh = useRefreshArea('incidents');
  const form = useForm<{
    incidentId: string;
    rootCauseCode: RootCauseCode | null;
    rootCause: string;
  }>({
    mode: 'controlled',
    initialValues: {
      incidentId: incident.id,
      rootCauseCode: rootCauseOf(incident.rootCauseCode),
      rootCause: incident.rootCause ?? '',
    },
    validate: schemaResolver(incidentReviewInputSchema, { sync: true }),
  });
  const record = useMutation(
    trpc.incidents.recordReview.mutationOptions({
      onSuccess: () => {
        notifications.show({ color: 'teal', message: 'Review recorded' });
        void refresh();
      },
    }),
  );
  const unplacedError = useServerErrors(
    record.error,
    ['rootCauseCode', 'rootCause'],
    form.setErrors,
  );

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => record.mutate(incidentReviewInputSchema.parse(values)))}
    >
      <Stack gap="sm">
        <Select
          label="Root cause"
          placeholder="Choose a root cause"
          data={ROOT_CAUSE_OPTIONS}
          searchable
          withAsterisk
          nothingFoundMessage="No root cause matches"
          {...form.getInputProps('rootCauseCode')}
          onChange={(value) => form.setFieldValue('rootCauseCode', rootCauseOf(value))}
        />
        <Textarea
          label="What caused it"
          withAsterisk
          autosize
          minRows={3}
          {...form.getInputProps('rootCause')}
        />
        {unplacedError ? (
          <Alert color="red" icon={<IconAlertTriangle />} title="Not recorded">
            {unplacedError}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button type="submit" loading={record.isPending}>
            {incident.reviewedAt ? 'Update root cause' : 'Record root cause'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
