import { Group, Paper, Select, Stack, Tabs, Text, Title } from '@mantine/core';
import { ListPagination, ListQueryState } from '@switchboard/ui';
import { useTRPC } from '@switchboard/ui/trpc';
import { IconInbox } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ConversationTable } from './ConversationTable.tsx';
import {
  type ConversationSort,
  INBOX_PAGE_SIZE,
  SORT_OPTIONS,
  STATUS_TABS,
  type StatusTab,
  statusesOf,
} from './inbox-filters.ts';
import { useInboxFilters } from './use-inbox-filters.ts';

export function InboxPage() {
  const trpc = useTRPC();
  const [filters, setFilters] = useInboxFilters();
  const conversations = useQuery({
    ...trpc.conversations.listMine.queryOptions({
      status: statusesOf(filters.tab),
      sort: filters.sort,
      limit: INBOX_PAGE_SIZE,
      offset: (filters.page - 1) * INBOX_PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  });
  const total = conversations.data?.total ?? 0;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            My conversations
          </Title>
          <Text c="dimmed" size="sm">
            {conversations.data
              ? `${total} conversation${total === 1 ? '' : 's'} assigned to you`
              : 'Conversations assigned to you'}
          </Text>
        </div>
        <Select
          label="Sort by"
          data={SORT_OPTIONS}
          value={filters.sort}
          allowDeselect={false}
          onChange={(value) => {
            if (value) setFilters({ sort: value as ConversationSort });
          }}
          w={200}
        />
      </Group>
      <Tabs
        value={filters.tab}
        onChange={(value) => {
          if (value) setFilters({ tab: value as StatusTab });
        }}
      >
        <Tabs.List>
          {STATUS_TABS.map((tab) => (
            <Tabs.Tab key={tab.value} value={tab.value}>
              {tab.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Paper p={0} style={{ overflow: 'hidden' }}>
        <ListQueryState
          query={conversations}
          loadingLabel="Loading conversations"
          empty={{
            icon: <IconInbox />,
            title: 'Nothing here',
            description: 'No conversations assigned to you match this view.',
          }}
        >
          {(items) => <ConversationTable conversations={items} />}
        </ListQueryState>
      </Paper>
      {conversations.data ? (
        <ListPagination
          page={filters.page}
          pageSize={INBOX_PAGE_SIZE}
          total={conversations.data.total}
          onChange={(page) => setFilters({ page })}
        />
      ) : null}
    </Stack>
  );
}
