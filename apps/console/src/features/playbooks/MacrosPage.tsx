import {
  ActionIcon,
  Badge,
  Button,
  Drawer,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { MacroInput } from '@switchboard/domain';
import { describeError, formatDateTime, ListPagination, ListQueryState } from '@switchboard/ui';
import { MacroActionsSummary, MacroForm } from '@switchboard/ui/playbooks';
import { type RouterOutputs, useTRPC } from '@switchboard/ui/trpc';
import { IconArchive, IconPencil, IconPlus, IconTemplate } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { SearchInput } from '../../lib/SearchInput.tsx';
import { useListParams } from '../../lib/use-list-params.ts';

type MacroRow = RouterOutputs['playbooks']['listSharedMacros']['items'][number];

const PAGE_SIZE = 25;
const PARAMS = ['search', 'inbox'] as const;
const EVERY_INBOX = 'all';

function toInput(macro: MacroRow): MacroInput {
  return {
    name: macro.name,
    body: macro.body,
    scope: 'shared',
    inboxId: macro.inboxId,
    fields: macro.fields,
    actions: macro.actions,
  };
}

/** Shared macros: canned replies with fields and side effects, per inbox or for all. */
export function MacrosPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { values, page, update } = useListParams(PARAMS);
  const [editing, setEditing] = useState<MacroRow | 'new' | null>(null);
  const [archiving, setArchiving] = useState<MacroRow | null>(null);
  const macros = useQuery({
    ...trpc.playbooks.listSharedMacros.queryOptions({
      search: values.search || undefined,
      inboxId: values.inbox || undefined,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  });
  const inboxes = useQuery(trpc.routing.listInboxes.queryOptions({ limit: 200 }));
  const tags = useQuery(trpc.playbooks.tagOptions.queryOptions());
  const inboxOptions = (inboxes.data?.items ?? []).map((inbox) => ({
    value: inbox.id,
    label: inbox.name,
  }));
  const tagNames = new Map((tags.data ?? []).map((tag) => [tag.code, tag.name]));

  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: trpc.playbooks.listSharedMacros.pathKey() });
  const saved = (verb: string) => {
    setEditing(null);
    notifications.show({ color: 'teal', message: `Macro ${verb}` });
    void refresh();
  };
  const create = useMutation(
    trpc.playbooks.createSharedMacro.mutationOptions({ onSuccess: () => saved('created') }),
  );
  const save = useMutation(
    trpc.playbooks.updateSharedMacro.mutationOptions({ onSuccess: () => saved('saved') }),
  );
  const archive = useMutation(
    trpc.playbooks.archiveSharedMacro.mutationOptions({
      onSuccess: () => {
        setArchiving(null);
        notifications.show({ message: 'Macro archived' });
        void refresh();
      },
    }),
  );
  const mutation = editing === 'new' ? create : save;
  const closeDrawer = () => {
    setEditing(null);
    create.reset();
    save.reset();
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            Macros
          </Title>
          <Text c="dimmed" size="sm">
            Shared replies agents apply in one step: text with the conversation’s details filled in,
            fields they complete, and the tags, priority and status that go with it.
          </Text>
        </div>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
          New macro
        </Button>
      </Group>
      <Group align="flex-end">
        <SearchInput
          label="Search"
          placeholder="Name or text"
          value={values.search ?? ''}
          onSearch={(search) => update({ search }, { replace: true })}
        />
        <Select
          label="Inbox"
          placeholder="Any inbox"
          data={[
            { value: EVERY_INBOX, label: 'All inboxes (shared by every inbox)' },
            ...inboxOptions,
          ]}
          value={values.inbox ?? null}
          clearable
          searchable
          onChange={(inbox) => update({ inbox: inbox ?? undefined })}
          w={280}
        />
      </Group>
      <Paper p={0} style={{ overflow: 'hidden' }}>
        <ListQueryState
          query={macros}
          loadingLabel="Loading macros"
          empty={{
            icon: <IconTemplate />,
            title: 'No macros match',
            description: 'Try another search or inbox, or write a new macro.',
          }}
        >
          {(items) => (
            <Table.ScrollContainer minWidth={900}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Name</Table.Th>
                    <Table.Th>Inbox</Table.Th>
                    <Table.Th>Fields</Table.Th>
                    <Table.Th>Also does</Table.Th>
                    <Table.Th>Updated</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((macro) => (
                    <Table.Tr key={macro.id}>
                      <Table.Td maw={360}>
                        <Text size="sm" fw={500}>
                          {macro.name}
                        </Text>
                        <Text size="xs" c="dimmed" lineClamp={1}>
                          {macro.body}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{macro.inboxName ?? 'All inboxes'}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {macro.fields.length === 0 ? (
                            <Text size="xs" c="dimmed">
                              None
                            </Text>
                          ) : (
                            macro.fields.map((field) => (
                              <Badge key={field.key} size="xs" variant="default">
                                {field.label}
                              </Badge>
                            ))
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <MacroActionsSummary actions={macro.actions} tagNames={tagNames} />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{formatDateTime(macro.updatedAt)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4} wrap="nowrap" justify="flex-end">
                          <Tooltip label="Edit">
                            <ActionIcon
                              variant="subtle"
                              aria-label={`Edit ${macro.name}`}
                              onClick={() => setEditing(macro)}
                            >
                              <IconPencil size={16} />
                            </ActionIcon>
                          </Tooltip>
                          <Tooltip label="Archive">
                            <ActionIcon
                              variant="subtle"
                              color="red"
                              aria-label={`Archive ${macro.name}`}
                              onClick={() => setArchiving(macro)}
                            >
                              <IconArchive size={16} />
                            </ActionIcon>
                          </Tooltip>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </ListQueryState>
      </Paper>
      {macros.data ? (
        <ListPagination
          page={page}
          pageSize={PAGE_SIZE}
          total={macros.data.total}
          onChange={(next) => update({ page: next })}
        />
      ) : null}

      <Drawer
        opened={editing !== null}
        onClose={closeDrawer}
        position="right"
        size="xl"
        title={editing === 'new' ? 'New macro' : `Edit “${editing?.name ?? ''}”`}
      >
        {editing !== null ? (
          <MacroForm
            key={editing === 'new' ? 'new' : editing.id}
            scope="shared"
            initialValues={editing === 'new' ? undefined : toInput(editing)}
            inboxOptions={inboxOptions}
            tagOptions={tags.data ?? []}
            submitLabel={editing === 'new' ? 'Create macro' : 'Save macro'}
            saving={mutation.isPending}
            serverError={mutation.error}
            onCancel={closeDrawer}
            onSubmit={(input) =>
              editing === 'new'
                ? create.mutate(input)
                : save.mutate({ ...input, macroId: editing.id })
            }
          />
        ) : null}
      </Drawer>

      <Modal
        opened={archiving !== null}
        onClose={() => setArchiving(null)}
        title="Archive this macro?"
      >
        <Stack>
          <Text size="sm">
            “{archiving?.name}” disappears from every agent’s macro list. Conversations it was
            applied to keep its reply.
          </Text>
          {archive.isError ? (
            <Text size="sm" c="red">
              {describeError(archive.error)}
            </Text>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setArchiving(null)}>
              Cancel
            </Button>
            <Button
              color="red"
              loading={archive.isPending}
              onClick={() => archiving && archive.mutate({ macroId: archiving.id })}
            >
              Archive macro
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
