import {
  ActionIcon,
  Button,
  Drawer,
  Group,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import type { MacroInput } from '@switchboard/domain';
import { describeError, ListPagination, ListQueryState } from '@switchboard/ui';
import { MacroActionsSummary, MacroForm } from '@switchboard/ui/playbooks';
import { type RouterOutputs, useTRPC } from '@switchboard/ui/trpc';
import { IconArchive, IconPencil, IconPlus, IconSearch, IconTemplate } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

type MacroRow = RouterOutputs['playbooks']['listMyMacros']['items'][number];

const PAGE_SIZE = 25;

function toInput(macro: MacroRow): MacroInput {
  return {
    name: macro.name,
    body: macro.body,
    scope: 'personal',
    inboxId: null,
    fields: macro.fields,
    actions: macro.actions,
  };
}

/** An agent's own macros: available in every conversation they work, seen by no one else. */
export function MyMacrosPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search, 300);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<MacroRow | 'new' | null>(null);
  const [archiving, setArchiving] = useState<MacroRow | null>(null);
  const macros = useQuery({
    ...trpc.playbooks.listMyMacros.queryOptions({
      search: debouncedSearch.trim() || undefined,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  });
  const tags = useQuery(trpc.playbooks.tagOptions.queryOptions());
  const tagNames = new Map((tags.data ?? []).map((tag) => [tag.code, tag.name]));
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: trpc.playbooks.listMyMacros.pathKey() });
  const saved = (message: string) => {
    setEditing(null);
    notifications.show({ color: 'teal', message });
    void refresh();
  };
  const create = useMutation(
    trpc.playbooks.createMyMacro.mutationOptions({ onSuccess: () => saved('Macro created') }),
  );
  const save = useMutation(
    trpc.playbooks.updateMyMacro.mutationOptions({ onSuccess: () => saved('Macro saved') }),
  );
  const archive = useMutation(
    trpc.playbooks.archiveMyMacro.mutationOptions({
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
            My macros
          </Title>
          <Text c="dimmed" size="sm">
            Your own replies, next to your team’s shared macros in every conversation. Only you see
            them.
          </Text>
        </div>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
          New macro
        </Button>
      </Group>
      <TextInput
        type="search"
        label="Search"
        placeholder="Name or text"
        leftSection={<IconSearch size={16} />}
        value={search}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
          setPage(1);
        }}
        w={{ base: '100%', sm: 280 }}
      />
      <Paper p={0} style={{ overflow: 'hidden' }}>
        <ListQueryState
          query={macros}
          loadingLabel="Loading your macros"
          empty={{
            icon: <IconTemplate />,
            title: debouncedSearch ? 'No macro matches' : 'No macros of your own yet',
            description: 'Write one for the replies you type again and again.',
          }}
        >
          {(items) => (
            <Table.ScrollContainer minWidth={640}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Name</Table.Th>
                    <Table.Th>Also does</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((macro) => (
                    <Table.Tr key={macro.id}>
                      <Table.Td maw={420}>
                        <Text size="sm" fw={500}>
                          {macro.name}
                        </Text>
                        <Text size="xs" c="dimmed" lineClamp={1}>
                          {macro.body}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <MacroActionsSummary actions={macro.actions} tagNames={tagNames} />
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
          onChange={setPage}
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
            scope="personal"
            initialValues={editing === 'new' ? undefined : toInput(editing)}
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
          <Text size="sm">“{archiving?.name}” leaves your macro list.</Text>
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
