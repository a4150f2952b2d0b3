import {
  Anchor,
  Badge,
  Button,
  Code,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { type Audience, audienceSchema, TEAM_KIND_LABELS } from '@switchboard/domain';
import { AUDIENCE_LABELS, AudienceBadge, ListPagination, ListQueryState } from '@switchboard/ui';
import { useViewer } from '@switchboard/ui/auth';
import { useTRPC } from '@switchboard/ui/trpc';
import { IconInbox, IconPlus } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { SearchInput } from '../../lib/SearchInput.tsx';
import { useListParams } from '../../lib/use-list-params.ts';
import { CreateInboxModal } from './CreateInboxModal.tsx';

const PAGE_SIZE = 25;
const PARAMS = ['search', 'audience', 'sort'] as const;
type InboxSort = 'name' | 'openCount';

const AUDIENCE_OPTIONS = (Object.keys(AUDIENCE_LABELS) as Audience[]).map((audience) => ({
  value: audience,
  label: AUDIENCE_LABELS[audience],
}));
const SORT_OPTIONS: { value: InboxSort; label: string }[] = [
  { value: 'name', label: 'Name' },
  { value: 'openCount', label: 'Most open conversations' },
];

export function InboxesPage() {
  const trpc = useTRPC();
  const viewer = useViewer();
  const [creating, setCreating] = useState(false);
  const { values, page, update } = useListParams(PARAMS);
  const audience = audienceSchema.safeParse(values.audience).data;
  const sort: InboxSort = values.sort === 'openCount' ? 'openCount' : 'name';
  const inboxes = useQuery({
    ...trpc.routing.listInboxes.queryOptions({
      search: values.search || undefined,
      audience,
      sort,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            Inboxes
          </Title>
          <Text c="dimmed" size="sm">
            Where conversations land, by city and audience, with their live backlog.
          </Text>
        </div>
        {viewer.access.lead ? (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            New inbox
          </Button>
        ) : null}
      </Group>
      <Group align="flex-end">
        <SearchInput
          label="Search"
          placeholder="Name or code"
          value={values.search ?? ''}
          onSearch={(search) => update({ search }, { replace: true })}
        />
        <Select
          label="Audience"
          placeholder="All audiences"
          data={AUDIENCE_OPTIONS}
          value={audience ?? null}
          clearable
          onChange={(value) => update({ audience: value ?? undefined })}
          w={180}
        />
        <Select
          label="Sort by"
          data={SORT_OPTIONS}
          value={sort}
          allowDeselect={false}
          onChange={(value) =>
            update({ sort: value === 'name' ? undefined : (value ?? undefined) })
          }
          w={220}
        />
      </Group>
      <Paper p={0} style={{ overflow: 'hidden' }}>
        <ListQueryState
          query={inboxes}
          loadingLabel="Loading inboxes"
          empty={{
            icon: <IconInbox />,
            title: 'No inboxes match',
            description: 'Try another search or audience.',
          }}
        >
          {(items) => (
            <Table.ScrollContainer minWidth={900}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Name</Table.Th>
                    <Table.Th>Code</Table.Th>
                    <Table.Th>Audience</Table.Th>
                    <Table.Th>City</Table.Th>
                    <Table.Th>Team</Table.Th>
                    <Table.Th ta="right">Open</Table.Th>
                    <Table.Th ta="right">Unassigned</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((inbox) => (
                    <Table.Tr key={inbox.id}>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Anchor component={Link} to={`/inboxes/${inbox.id}`} size="sm" fw={500}>
                            {inbox.name}
                          </Anchor>
                          {inbox.active ? null : (
                            <Badge size="xs" color="gray" variant="outline">
                              Inactive
                            </Badge>
                          )}
                        </Group>
                        {inbox.description ? (
                          <Text size="xs" c="dimmed" lineClamp={1}>
                            {inbox.description}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        <Code>{inbox.code}</Code>
                      </Table.Td>
                      <Table.Td>
                        <AudienceBadge audience={inbox.audience} size="sm" />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{inbox.cityName ?? 'All cities'}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{inbox.teamName ?? '—'}</Text>
                        {inbox.teamKind ? (
                          <Text size="xs" c="dimmed">
                            {TEAM_KIND_LABELS[inbox.teamKind]}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td ta="right">
                        <Text size="sm" fw={500}>
                          {inbox.openCount}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right">
                        <Text
                          size="sm"
                          c={inbox.unassignedCount > 0 ? 'orange' : 'dimmed'}
                          fw={500}
                        >
                          {inbox.unassignedCount}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </ListQueryState>
      </Paper>
      {inboxes.data ? (
        <ListPagination
          page={page}
          pageSize={PAGE_SIZE}
          total={inboxes.data.total}
          onChange={(next) => update({ page: next })}
        />
      ) : null}
      <CreateInboxModal opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}
