import {
  ActionIcon,
  Alert,
  Button,
  Divider,
  Group,
  MultiSelect,
  Paper,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import {
  MACRO_FIELD_TYPES,
  MACRO_VARIABLE_LABELS,
  MACRO_VARIABLES,
  type MacroField,
  type MacroInput,
  macroInputSchema,
  PRIORITIES,
  PRIORITY_LABELS,
  renderMacro,
  SAMPLE_MACRO_CONTEXT,
  sampleFieldValue,
} from '@switchboard/domain';
import { IconAlertTriangle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { describeError } from '../trpc-errors.ts';
import { serverFieldErrors } from './server-field-errors.ts';

export interface MacroFormProps {
  scope: MacroInput['scope'];
  /** The macro being edited; a new one starts empty. */
  initialValues?: MacroInput | undefined;
  /** Inboxes a shared macro may belong to. */
  inboxOptions?: { value: string; label: string }[];
  tagOptions: { code: string; name: string }[];
  submitLabel: string;
  saving: boolean;
  /** The last refusal from the server: its field errors land on the fields. */
  serverError?: unknown;
  onSubmit: (values: MacroInput) => void;
  onCancel: () => void;
}

const EVERY_INBOX = 'all';
const NONE = 'none';
const FIELD_TYPE_LABELS: Record<MacroField['type'], string> = {
  text: 'Text',
  money: 'Money',
  datetime: 'Date and time',
};

function emptyMacro(scope: MacroInput['scope']): MacroInput {
  return {
    name: '',
    body: '',
    scope,
    inboxId: null,
    fields: [],
    actions: { tags: [], priority: null, status: null },
  };
}

/**
 * A macro's name, text (with a menu that inserts {{variables}}), input fields, side effects
 * and a live preview with sample values; validated by the same schema as the server.
 */
export function MacroForm({
  scope,
  initialValues,
  inboxOptions,
  tagOptions,
  submitLabel,
  saving,
  serverError,
  onSubmit,
  onCancel,
}: MacroFormProps) {
  const form = useForm<MacroInput>({
    mode: 'controlled',
    initialValues: initialValues ?? emptyMacro(scope),
    validate: schemaResolver(macroInputSchema, { sync: true }),
  });
  const bodyRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const errors = serverFieldErrors(serverError);
    if (Object.keys(errors).length > 0) form.setErrors(errors);
  }, [serverError]);

  const values = form.getValues();
  const insertPlaceholder = (name: string) => {
    const textarea = bodyRef.current;
    const body = values.body;
    const start = textarea?.selectionStart ?? body.length;
    const end = textarea?.selectionEnd ?? body.length;
    const placeholder = `{{${name}}}`;
    form.setFieldValue('body', body.slice(0, start) + placeholder + body.slice(end));
    requestAnimationFrame(() => {
      textarea?.focus();
      textarea?.setSelectionRange(start + placeholder.length, start + placeholder.length);
    });
  };
  const sampleValues = Object.fromEntries(
    values.fields.map((field) => [field.key, sampleFieldValue(field)]),
  );
  const preview = renderMacro(values.body, SAMPLE_MACRO_CONTEXT, values.fields, sampleValues);
  const fieldKeys = values.fields.map((field) => field.key).filter(Boolean);
  // The server names the tag at fault (actions.tags.1); the picker shows it.
  const tagsError = Object.entries(form.errors).find(([path]) =>
    path.startsWith('actions.tags'),
  )?.[1];
  const otherErrors = Object.entries(form.errors).filter(
    ([path]) =>
      !['name', 'body', 'inboxId', 'fields', 'scope'].includes(path) && !path.includes('.'),
  );

  return (
    <form noValidate onSubmit={form.onSubmit((submitted) => onSubmit(submitted))}>
      <Stack gap="md">
        <TextInput
          label="Name"
          placeholder="Refund confirmed"
          withAsterisk
          data-autofocus
          key={form.key('name')}
          {...form.getInputProps('name')}
        />
        {scope === 'shared' ? (
          <Select
            label="Inbox"
            description="Where agents can use it"
            data={[{ value: EVERY_INBOX, label: 'All inboxes' }, ...(inboxOptions ?? [])]}
            value={values.inboxId ?? EVERY_INBOX}
            onChange={(value) =>
              form.setFieldValue('inboxId', !value || value === EVERY_INBOX ? null : value)
            }
            error={form.errors.inboxId}
            searchable
            allowDeselect={false}
          />
        ) : null}
        <Stack gap={4}>
          <Group justify="space-between" align="flex-end">
            <Text size="sm" fw={500}>
              Reply text{' '}
              <Text span c="red">
                *
              </Text>
            </Text>
            <Select
              aria-label="Insert variable"
              placeholder="Insert variable…"
              size="xs"
              w={240}
              searchable
              value={null}
              onChange={(name) => name && insertPlaceholder(name)}
              data={[
                ...(fieldKeys.length > 0
                  ? [
                      {
                        group: 'Your fields',
                        items: fieldKeys.map((key) => ({
                          value: `fields.${key}`,
                          label: `{{fields.${key}}}`,
                        })),
                      },
                    ]
                  : []),
                {
                  group: 'From the conversation',
                  items: MACRO_VARIABLES.map((name) => ({
                    value: name,
                    label: `${MACRO_VARIABLE_LABELS[name]} {{${name}}}`,
                  })),
                },
              ]}
            />
          </Group>
          <Textarea
            aria-label="Reply text"
            ref={bodyRef}
            rows={6}
            resize="vertical"
            placeholder="Hi {{contact.first_name}}, …"
            key={form.key('body')}
            {...form.getInputProps('body')}
          />
        </Stack>

        <Divider label="Fields the agent fills in" labelPosition="left" />
        {values.fields.length === 0 ? (
          <Text size="sm" c="dimmed">
            No fields. Add one for what changes each time, such as a refund amount, and use it in
            the text as {'{{fields.key}}'}.
          </Text>
        ) : null}
        {typeof form.errors.fields === 'string' ? (
          <Text size="sm" c="red">
            {form.errors.fields}
          </Text>
        ) : null}
        {values.fields.map((_field, index) => (
          <Group key={form.key(`fields.${index}`)} align="flex-end" gap="xs" wrap="nowrap">
            <TextInput
              label="Key"
              aria-label={`Field ${index + 1} key`}
              placeholder="refund_amount"
              w={150}
              {...form.getInputProps(`fields.${index}.key`)}
            />
            <TextInput
              label="Label"
              aria-label={`Field ${index + 1} label`}
              placeholder="Refund amount"
              style={{ flex: 1 }}
              {...form.getInputProps(`fields.${index}.label`)}
            />
            <Select
              label="Type"
              aria-label={`Field ${index + 1} type`}
              w={130}
              data={MACRO_FIELD_TYPES.map((type) => ({
                value: type,
                label: FIELD_TYPE_LABELS[type],
              }))}
              allowDeselect={false}
              {...form.getInputProps(`fields.${index}.type`)}
            />
            <Switch
              label="Required"
              aria-label={`Field ${index + 1} required`}
              mb={8}
              {...form.getInputProps(`fields.${index}.required`, { type: 'checkbox' })}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              mb={4}
              aria-label={`Remove field ${index + 1}`}
              onClick={() => form.removeListItem('fields', index)}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            variant="default"
            size="xs"
            leftSection={<IconPlus size={14} />}
            disabled={values.fields.length >= 8}
            onClick={() =>
              form.insertListItem('fields', {
                key: '',
                label: '',
                type: 'text',
                required: true,
              } satisfies MacroField)
            }
          >
            Add field
          </Button>
        </Group>

        <Divider label="When applied, also" labelPosition="left" />
        <MultiSelect
          label="Add tags"
          placeholder="No tags"
          data={tagOptions.map((tag) => ({ value: tag.code, label: tag.name }))}
          searchable
          {...form.getInputProps('actions.tags')}
          error={tagsError}
        />
        <Group grow>
          <Select
            label="Set priority"
            data={[
              { value: NONE, label: 'Keep as it is' },
              ...PRIORITIES.map((priority) => ({
                value: priority,
                label: `${priority} · ${PRIORITY_LABELS[priority].label}`,
              })),
            ]}
            value={values.actions.priority ?? NONE}
            onChange={(value) =>
              form.setFieldValue(
                'actions.priority',
                !value || value === NONE ? null : (value as MacroInput['actions']['priority']),
              )
            }
            allowDeselect={false}
          />
          <Select
            label="Set status"
            data={[
              { value: NONE, label: 'Keep as it is' },
              { value: 'pending', label: 'Pending (waiting on the customer)' },
              { value: 'resolved', label: 'Resolved' },
            ]}
            value={values.actions.status ?? NONE}
            onChange={(value) =>
              form.setFieldValue(
                'actions.status',
                !value || value === NONE ? null : (value as MacroInput['actions']['status']),
              )
            }
            allowDeselect={false}
          />
        </Group>

        <Paper withBorder p="sm" bg="var(--mantine-color-default-hover)">
          <Title order={3} size="h6" mb={4}>
            Preview with sample values
          </Title>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="macro-preview">
            {preview.text || '—'}
          </Text>
        </Paper>

        {serverError && Object.keys(serverFieldErrors(serverError)).length === 0 ? (
          <Alert color="red" icon={<IconAlertTriangle />} title="Not saved">
            {describeError(serverError)}
          </Alert>
        ) : null}
        {otherErrors.length > 0 ? (
          <Alert color="red" icon={<IconAlertTriangle />} title="Check the macro">
            {otherErrors.map(([, message]) => String(message)).join(' ')}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={saving}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
