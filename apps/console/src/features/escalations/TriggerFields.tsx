import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import {
  AUDIENCES,
  PRIORITIES,
  PRIORITY_LABELS,
  SEVERITIES,
  SEVERITY_LABELS,
} from '@switchboard/domain';
import { AUDIENCE_LABELS } from '@switchboard/ui';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { type MatrixFormValues, newTrigger } from './matrix-form.ts';

type MatrixForm = UseFormReturnType<MatrixFormValues>;
export interface CodeOption {
  value: string;
  label: string;
}

/** The schema's limit; the Add button stops there. */
const MAX_TRIGGERS = 30;

const SEVERITY_OPTIONS = SEVERITIES.map((severity) => ({
  value: severity,
  label: SEVERITY_LABELS[severity],
}));
const AUDIENCE_OPTIONS = AUDIENCES.map((audience) => ({
  value: audience,
  label: AUDIENCE_LABELS[audience],
}));
const PRIORITY_OPTIONS = PRIORITIES.map((priority) => ({
  value: priority,
  label: `${priority} · ${PRIORITY_LABELS[priority].label}`,
}));

/** Options for a picker, keeping codes the taxonomy no longer lists so they stay visible. */
function withCurrent(options: readonly CodeOption[], current: readonly string[]): CodeOption[] {
  const known = new Set(options.map((option) => option.value));
  return [
    ...options,
    ...current
      .filter((code) => !known.has(code))
      .map((code) => ({ value: code, label: `${code} (not in the taxonomy)` })),
  ];
}

/**
 * What suggests escalating to this team: request types, tags or words in the conversation,
 * optionally narrowed to an audience or priority, each proposing a severity.
 */
export function TriggerFields({
  form,
  requestTypeOptions,
  tagOptions,
  disabled,
}: {
  form: MatrixForm;
  requestTypeOptions: readonly CodeOption[];
  tagOptions: readonly CodeOption[];
  disabled: boolean;
}) {
  const { triggers } = form.getValues();
  return (
    <Stack gap="sm">
      {triggers.length === 0 ? (
        <Text size="sm" c="dimmed">
          No triggers: nothing suggests escalating to this team; support escalates by choice.
        </Text>
      ) : null}
      {triggers.map((trigger, index) => {
        const path = `triggers.${index}`;
        const legend = `Trigger ${index + 1}`;
        return (
          <Fieldset key={trigger.key} legend={legend} variant="filled" disabled={disabled}>
            <Stack gap="sm">
              <Group align="flex-start" wrap="nowrap">
                <TextInput
                  label="Name"
                  placeholder="Driver payouts"
                  withAsterisk
                  style={{ flex: 1 }}
                  {...form.getInputProps(`${path}.name`)}
                />
                <Select
                  label="Proposed severity"
                  data={SEVERITY_OPTIONS}
                  allowDeselect={false}
                  w={200}
                  {...form.getInputProps(`${path}.severity`)}
                />
                {disabled ? null : (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    mt={26}
                    aria-label={`Remove trigger ${index + 1}`}
                    onClick={() => form.removeListItem('triggers', index)}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                )}
              </Group>
              <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
                <MultiSelect
                  label="Request types"
                  placeholder={trigger.requestTypeCodes.length ? undefined : 'None'}
                  data={withCurrent(requestTypeOptions, trigger.requestTypeCodes)}
                  searchable
                  clearable
                  {...form.getInputProps(`${path}.requestTypeCodes`)}
                />
                <MultiSelect
                  label="Tags"
                  placeholder={trigger.tags.length ? undefined : 'None'}
                  data={withCurrent(tagOptions, trigger.tags)}
                  searchable
                  clearable
                  {...form.getInputProps(`${path}.tags`)}
                />
                <TagsInput
                  label="Keywords"
                  description="Words or phrases in the customer’s messages"
                  placeholder={trigger.keywords.length ? undefined : 'Type, press Enter'}
                  {...form.getInputProps(`${path}.keywords`)}
                />
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
                <MultiSelect
                  label="Only for audiences"
                  placeholder={trigger.audiences.length ? undefined : 'Any audience'}
                  data={AUDIENCE_OPTIONS}
                  clearable
                  {...form.getInputProps(`${path}.audiences`)}
                />
                <MultiSelect
                  label="Only for priorities"
                  placeholder={trigger.priorities.length ? undefined : 'Any priority'}
                  data={PRIORITY_OPTIONS}
                  clearable
                  {...form.getInputProps(`${path}.priorities`)}
                />
              </SimpleGrid>
            </Stack>
          </Fieldset>
        );
      })}
      {disabled ? null : (
        <Group>
          <Button
            variant="default"
            size="xs"
            leftSection={<IconPlus size={14} />}
            disabled={triggers.length >= MAX_TRIGGERS}
            onClick={() => form.insertListItem('triggers', newTrigger())}
          >
            Add trigger
          </Button>
        </Group>
      )}
    </Stack>
  );
}
