import {
  Button,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { ListPagination, ListQueryState } from '@switchboard/ui';
import {
  ArchiveMacroModal,
  MacroActionsSummary,
  MacroEditorDrawer,
  MacroRowActions,
} from '@switchboard/ui/playbooks';
import { type RouterOutputs, useTRPC } from '@switchboard/ui/trpc';
import { IconPlus, IconSearch, IconTemplate } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

type MacroRow = RouterOutputs['playbooks']['listMyMacros']['items'][number];

const PAGE_SIZE = 25;

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
          onChange={setPage}
        />
      ) : null}

      <MacroEditorDrawer
        editing={editing}
        scope="personal"
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
        consequence={`“${archiving?.name}” leaves your macro list.`}
        pending={archive.isPending}
        error={archive.isError ? archive.error : null}
        onCancel={() => setArchiving(null)}
        onConfirm={(macroId) => archive.mutate({ macroId })}
      />
    </Stack>
  );
}
