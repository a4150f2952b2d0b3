import {
  Alert,
  Badge,
  Button,
  Grid,
  Group,
  Loader,
  Modal,
  Paper,
  ScrollArea,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import type { MacroField } from '@switchboard/domain';
import { describeError } from '@switchboard/ui';
import { MacroActionsSummary, serverFieldErrors } from '@switchboard/ui/playbooks';
import { type RouterOutputs, useTRPC } from '@switchboard/ui/trpc';
import { IconAlertTriangle, IconSearch, IconSend, IconUser } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';

type MacroRow = RouterOutputs['playbooks']['macrosForConversation']['items'][number];

export interface MacroPickerProps {
  conversationId: string;
  opened: boolean;
  onClose: () => void;
  /** Called once the macro's reply and side effects are saved. */
  onApplied: () => void;
}

const FIELD_HINTS: Record<MacroField['type'], string | undefined> = {
  text: undefined,
  money: 'An amount, e.g. 12.50',
  datetime: 'City time, e.g. 2026-03-12 15:30',
};

function matches(macro: MacroRow, search: string): boolean {
  const needle = search.trim().toLowerCase();
  return (
    !needle ||
    macro.name.toLowerCase().includes(needle) ||
    macro.body.toLowerCase().includes(needle)
  );
}

/**
 * Finds a macro by typing (arrows and Enter to choose), fills its fields, previews exactly
 * what the customer will get and what else changes, and sends it.
 */
export function MacroPicker({ conversationId, opened, onClose, onApplied }: MacroPickerProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Apply a macro" size="xl">
      {opened ? (
        <MacroPickerBody conversationId={conversationId} onClose={onClose} onApplied={onApplied} />
      ) : null}
    </Modal>
  );
}

function MacroPickerBody({ conversationId, onClose, onApplied }: Omit<MacroPickerProps, 'opened'>) {
  const trpc = useTRPC();
  const listId = useId();
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search, 250);
  const [active, setActive] = useState(0);
  const [chosen, setChosen] = useState<MacroRow | null>(null);
  const macros = useQuery({
    ...trpc.playbooks.macrosForConversation.queryOptions({
      conversationId,
      search: debouncedSearch.trim() || undefined,
      limit: 50,
    }),
    placeholderData: keepPreviousData,
  });
  // The server searches too; filtering what is already here answers every key at once.
  const shown = (macros.data?.items ?? []).filter((macro) => matches(macro, search));
  const activeIndex = Math.min(active, Math.max(0, shown.length - 1));

  const choose = (macro: MacroRow | undefined) => {
    if (macro) setChosen(macro);
  };

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, sm: 5 }}>
        <Stack gap="xs">
          <TextInput
            aria-label="Search macros"
            placeholder="Search macros"
            leftSection={<IconSearch size={16} />}
            data-autofocus
            value={search}
            role="combobox"
            aria-controls={listId}
            aria-expanded
            aria-activedescendant={shown[activeIndex] ? `${listId}-${activeIndex}` : undefined}
            onChange={(event) => {
              setSearch(event.currentTarget.value);
              setActive(0);
            }}
            onKeyDown={(event) => {
              if (event.key === 'ArrowDown') {
                event.preventDefault();
                setActive(Math.min(activeIndex + 1, shown.length - 1));
              } else if (event.key === 'ArrowUp') {
                event.preventDefault();
                setActive(Math.max(activeIndex - 1, 0));
              } else if (event.key === 'Enter') {
                event.preventDefault();
                choose(shown[activeIndex]);
              }
            }}
          />
          <ScrollArea.Autosize mah={380}>
            {macros.isPending ? (
              <Group justify="center" p="md">
                <Loader size="sm" aria-label="Loading macros" />
              </Group>
            ) : macros.isError ? (
              <Text size="sm" c="red" role="alert">
                {describeError(macros.error)}
              </Text>
            ) : shown.length === 0 ? (
              <Text size="sm" c="dimmed" p="xs">
                No macro matches “{search}”.
              </Text>
            ) : (
              <Stack gap={4} role="listbox" id={listId} aria-label="Macros">
                {shown.map((macro, index) => (
                  <UnstyledButton
                    key={macro.id}
                    id={`${listId}-${index}`}
                    role="option"
                    aria-selected={chosen?.id === macro.id}
                    onClick={() => {
                      setActive(index);
                      choose(macro);
                    }}
                    p="xs"
                    style={{
                      borderRadius: 'var(--mantine-radius-sm)',
                      background:
                        index === activeIndex || chosen?.id === macro.id
                          ? 'var(--mantine-color-default-hover)'
                          : undefined,
                    }}
                  >
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm" fw={500} lineClamp={1}>
                        {macro.name}
                      </Text>
                      {macro.scope === 'personal' ? (
                        <Badge size="xs" variant="light" leftSection={<IconUser size={10} />}>
                          Mine
                        </Badge>
                      ) : null}
                    </Group>
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {macro.body}
                    </Text>
                  </UnstyledButton>
                ))}
              </Stack>
            )}
          </ScrollArea.Autosize>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 7 }}>
        {chosen ? (
          <MacroApplyForm
            key={chosen.id}
            conversationId={conversationId}
            macro={chosen}
            onClose={onClose}
            onApplied={onApplied}
          />
        ) : (
          <Text size="sm" c="dimmed" p="md">
            Choose a macro to fill in its fields and preview the reply.
          </Text>
        )}
      </Grid.Col>
    </Grid>
  );
}

function MacroApplyForm({
  conversationId,
  macro,
  onClose,
  onApplied,
}: {
  conversationId: string;
  macro: MacroRow;
  onClose: () => void;
  onApplied: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Record<string, string>>({});
  const [debouncedValues] = useDebouncedValue(values, 300);
  // Kept across retries, so a send whose answer was lost is stored once; new after success.
  const [clientId, setClientId] = useState(() => crypto.randomUUID());
  const preview = useQuery({
    ...trpc.playbooks.previewMacro.queryOptions({
      conversationId,
      macroId: macro.id,
      fieldValues: debouncedValues,
    }),
    placeholderData: keepPreviousData,
  });
  const apply = useMutation(
    trpc.playbooks.applyMacro.mutationOptions({
      onSuccess: async () => {
        notifications.show({ color: 'teal', message: `“${macro.name}” sent` });
        setClientId(crypto.randomUUID());
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.conversations.pathKey() }),
          queryClient.invalidateQueries({
            queryKey: trpc.playbooks.sopForConversation.queryKey({ conversationId }),
          }),
        ]);
        onApplied();
      },
    }),
  );
  const serverErrors = serverFieldErrors(apply.error);

  const problems = new Map(
    (preview.data?.fieldProblems ?? []).map((problem) => [problem.key, problem.message]),
  );
  const otherError = apply.isError && Object.keys(serverErrors).length === 0;

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        apply.mutate({ conversationId, macroId: macro.id, fieldValues: values, clientId });
      }}
    >
      <Stack gap="sm">
        <Text fw={600}>{macro.name}</Text>
        {macro.fields.map((field) => (
          <TextInput
            key={field.key}
            label={field.label}
            description={FIELD_HINTS[field.type]}
            withAsterisk={field.required}
            value={values[field.key] ?? ''}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setValues((current) => ({ ...current, [field.key]: value }));
            }}
            error={serverErrors[`fieldValues.${field.key}`] ?? problems.get(field.key)}
          />
        ))}
        <Paper withBorder p="sm">
          <Text size="xs" c="dimmed" mb={4}>
            Preview — what the customer receives
          </Text>
          {preview.isPending ? (
            <Loader size="xs" aria-label="Loading the preview" />
          ) : preview.isError ? (
            <Text size="sm" c="red">
              {describeError(preview.error)}
            </Text>
          ) : (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="macro-preview">
              {preview.data.text}
            </Text>
          )}
        </Paper>
        {preview.data ? (
          <Group gap="xs">
            <Text size="xs" c="dimmed">
              Also:
            </Text>
            <MacroActionsSummary
              actions={{
                tags: preview.data.actions.tags.map((tag) => tag.code),
                priority: preview.data.actions.priority,
                status: preview.data.actions.status,
              }}
              tagNames={new Map(preview.data.actions.tags.map((tag) => [tag.code, tag.name]))}
            />
          </Group>
        ) : null}
        {preview.data && preview.data.missingVariables.length > 0 ? (
          <Alert color="orange" icon={<IconAlertTriangle />} title="Missing details">
            This conversation has nothing for{' '}
            {preview.data.missingVariables.map((name) => `{{${name}}}`).join(', ')}; choose another
            macro or write the reply yourself.
          </Alert>
        ) : null}
        {preview.data && preview.data.blockingSteps.length > 0 ? (
          <Alert color="orange" icon={<IconAlertTriangle />} title="The playbook is not done">
            This macro resolves the conversation, which needs these steps done or skipped first:{' '}
            {preview.data.blockingSteps.join('; ')}
          </Alert>
        ) : null}
        {otherError ? (
          <Alert color="red" icon={<IconAlertTriangle />} title="Not sent">
            {describeError(apply.error)}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" leftSection={<IconSend size={16} />} loading={apply.isPending}>
            Send macro
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
