import {
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatDateTime, ListPagination, ListQueryState } from '@switchboard/ui';
import {
  ArchiveMacroModal,
  MacroActionsSummary,
  MacroEditorDrawer,
  MacroRowActions,
} from '@switchboard/ui/playbooks';
import { type RouterOutputs, useTRPC } from '@switchboard/ui/trpc';
import { IconPlus, IconTemplate } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { SearchInput } from '../../lib/SearchInput.tsx';
import { useListParams } from '../../lib/use-list-params.ts';

type MacroRow = RouterOutputs['playbooks']['listSharedMacros']['items'][number];

const PAGE_SIZE = 25;
const PARAMS = ['search', 'inbox'] as const;
const EVERY_INBOX = 'all';

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
                        <MacroRowActions
                          name={macro.name}
                          onEdit={() => setEditing(macro)}
                          onArchive={() => setArchiving(macro)}
                        />
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

      <MacroEditorDrawer
        editing={editing}
        scope="shared"
        inboxOptions={inboxOptions}
        tagOptions={tags.data ?? []}
        saving={mutation.isPending}
        serverError={mutation.error}
        onClose={closeDrawer}
        onSubmit={(input, macroId) =>
          macroId === null ? create.mutate(input) : save.mutate({ ...input, macroId })
        }
      />
      <ArchiveMacroModal
        macro={archiving}
        consequence={`“${archiving?.name}” disappears from every agent’s macro list. Conversations it was applied to keep its reply.`}
        pending={archive.isPending}
        error={archive.isError ? archive.error : null}
        onCancel={() => setArchiving(null)}
        onConfirm={(macroId) => archive.mutate({ macroId })}
      />
    </Stack>
  );
}
