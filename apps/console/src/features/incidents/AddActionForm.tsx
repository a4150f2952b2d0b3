import { Alert, Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { addCorrectiveActionInputSchema } from '@switchboard/domain';
import { useRefreshArea, useTRPC } from '@switchboard/ui/trpc';
import { IconAlertTriangle, IconPlus } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useServerErrors } from '../../lib/use-server-errors.ts';
import { useStaffOptions } from './use-staff-options.ts';

const FIELDS = ['title', 'ownerId', 'dueDate'];

/** A corrective action: what will be done, by whom, by when. */
export function AddActionForm({ incidentId }: { incidentId: string }) {
  const trpc = useTRPC();
  const refresh = useRefreshArea('incidents');
  const staff = useStaffOptions();
  const form = useForm({
    mode: 'controlled',
    initialValues: { incidentId, title: '', ownerId: '', dueDate: '' },
    validate: schemaResolver(addCorrectiveActionInputSchema, { sync: true }),
  });
  const add = useMutation(
    trpc.incidents.addAction.mutationOptions({
      onSuccess: () => {
        notifications.show({ color: 'teal', message: 'Corrective action added' });
        form.reset();
        void refresh();
      },
    }),
  );
  const unplacedError = useServerErrors(add.error, FIELDS, form.setErrors);
  const values = form.getValues();

  return (
    <form
      noValidate
      aria-label="Add a corrective action"
      onSubmit={form.onSubmit((submitted) =>
        add.mutate(addCorrectiveActionInputSchema.parse(submitted)),
      )}
    >
      <Stack gap="sm">
        <Group align="flex-start" grow>
          <TextInput
            label="Action"
            placeholder="Alert on payment webhook failures"
            withAsterisk
            {...form.getInputProps('title')}
          />
          <Select
            label="Owner"
            placeholder={staff.isPending ? 'Loading colleagues…' : 'Choose an owner'}
            data={staff.data}
            searchable
            withAsterisk
            nothingFoundMessage="Nobody matches"
            {...form.getInputProps('ownerId')}
            value={values.ownerId || null}
            onChange={(ownerId) => form.setFieldValue('ownerId', ownerId ?? '')}
          />
          <TextInput type="date" label="Due" withAsterisk {...form.getInputProps('dueDate')} />
        </Group>
        {unplacedError ? (
          <Alert color="red" icon={<IconAlertTriangle />} title="Not added">
            {unplacedError}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button
            type="submit"
            variant="light"
            leftSection={<IconPlus size={16} />}
            loading={add.isPending}
          >
            Add action
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
