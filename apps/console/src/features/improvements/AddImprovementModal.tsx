import {
  Alert,
  Button,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { improvementInputSchema, type RootCauseCode } from '@switchboard/domain';
import { useTRPC } from '@switchboard/ui/trpc';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useServerErrors } from '../../lib/use-server-errors.ts';
import { useStaffOptions } from '../incidents/use-staff-options.ts';
import { type ImprovementKind, KIND_OPTIONS, kindOf } from './improvement-options.ts';
import { rootCauseLabel, rootCauseOf } from './root-cause-options.ts';

/** The theme an improvement item is for. */
export interface ImprovementTheme {
  requestTypeCode: string;
  requestTypeName: string;
  rootCauseCode: string | null;
}

export interface AddImprovementModalProps {
  /** Null while closed. */
  theme: ImprovementTheme | null;
  onClose: () => void;
}

interface ImprovementValues {
  title: string;
  kind: ImprovementKind | null;
  requestTypeCode: string;
  rootCauseCode: RootCauseCode | null;
  ownerId: string;
  /** A date input's value; empty: no due date. */
  dueDate: string;
  notes: string;
}

const FIELDS = ['title', 'kind', 'requestTypeCode', 'rootCauseCode', 'ownerId', 'dueDate', 'notes'];
const validate = schemaResolver(improvementInputSchema, { sync: true });
const inputOf = (values: ImprovementValues) => ({ ...values, dueDate: values.dueDate || null });

/** Ties a theme to the fix that should make it go away: what, which kind, who, by when. */
export function AddImprovementModal({ theme, onClose }: AddImprovementModalProps) {
  return (
    <Modal opened={theme !== null} onClose={onClose} title="Add an improvement item" size="lg">
      {theme ? <ImprovementForm theme={theme} onDone={onClose} /> : null}
    </Modal>
  );
}

function ImprovementForm({ theme, onDone }: { theme: ImprovementTheme; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const staff = useStaffOptions();
  const form = useForm<ImprovementValues>({
    mode: 'controlled',
    initialValues: {
      title: '',
      kind: null,
      requestTypeCode: theme.requestTypeCode,
      rootCauseCode: rootCauseOf(theme.rootCauseCode),
      ownerId: '',
      dueDate: '',
      notes: '',
    },
    validate: (values) => validate(inputOf(values)),
  });
  const create = useMutation(
    trpc.improvements.create.mutationOptions({
      onSuccess: () => {
        notifications.show({ color: 'teal', message: 'Improvement item added' });
        void queryClient.invalidateQueries({ queryKey: trpc.improvements.pathKey() });
        onDone();
      },
    }),
  );
  const unplacedError = useServerErrors(create.error, FIELDS, form.setErrors);
  const values = form.getValues();

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((submitted) =>
        create.mutate(improvementInputSchema.parse(inputOf(submitted))),
      )}
    >
      <Stack>
        <Text size="sm" c="dimmed">
          {`For ${theme.requestTypeName} (${theme.requestTypeCode}) · root cause: ${rootCauseLabel(theme.rootCauseCode)}`}
        </Text>
        {form.errors.requestTypeCode ? (
          <Text size="sm" c="red">
            {form.errors.requestTypeCode}
          </Text>
        ) : null}
        <TextInput
          label="What will be done"
          placeholder="Explain payout timing in the driver app"
          withAsterisk
          data-autofocus
          {...form.getInputProps('title')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Kind"
            placeholder="Choose a kind"
            data={KIND_OPTIONS}
            withAsterisk
            {...form.getInputProps('kind')}
            onChange={(kind) => form.setFieldValue('kind', kindOf(kind))}
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
          <TextInput
            type="date"
            label="Due"
            description="Optional"
            {...form.getInputProps('dueDate')}
          />
        </SimpleGrid>
        <Textarea label="Notes" autosize minRows={2} {...form.getInputProps('notes')} />
        {unplacedError ? (
          <Alert color="red" icon={<IconAlertTriangle />} title="Not added">
            {unplacedError}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Add item
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
