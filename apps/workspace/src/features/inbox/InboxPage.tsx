import { Badge, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { describeError, EmptyState, ErrorState, TableSkeleton } from '@switchboard/ui';
import { IconInbox } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { ConversationList } from './ConversationList.tsx';
import { FilterBar } from './FilterBar.tsx';
import { selectionParams, VIEW_LABELS } from './inbox-filters.ts';
import { saveListOrder } from './list-order.ts';
import { useInboxSelection } from './use-inbox-selection.ts';
import { type InboxRow, useInboxView } from './use-inbox-view.ts';
import { ViewNav } from './ViewNav.tsx';

const EMPTY_TEXT: Record<string, string> = {
  mine: 'Nothing assigned to you is open. Pick one up from Unassigned.',
  unassigned: 'Every open conversation in your inboxes has an owner.',
  sla: 'No conversation is breaching or close to its SLA.',
  mentions: 'Nobody has mentioned you in a note.',
};

export function InboxPage() {
  const navigate = useNavigate();
  const [selection, setSelection] = useInboxSelection();
  const view = useInboxView(selection);
  const rows = useMemo(() => view.data?.pages.flatMap((page) => page.items) ?? [], [view.data]);
  const total = view.data?.pages[0]?.total ?? 0;
  const [cursor, setCursor] = useState(-1);
  const search = selectionParams(selection).toString();

  useEffect(() => setCursor(-1), [search]);
  useEffect(() => {
    saveListOrder({ ids: rows.map((row) => row.id), search });
  }, [rows, search]);

  const open = useCallback(
    (row: InboxRow) => void navigate(`/conversations/${row.id}`),
    [navigate],
  );
  const move = (step: number) =>
    setCursor((current) => Math.min(Math.max(current + step, 0), rows.length - 1));
  useHotkeys([
    ['j', () => move(1)],
    ['k', () => move(-1)],
    ['Enter', () => rows[cursor] && open(rows[cursor])],
    ['o', () => rows[cursor] && open(rows[cursor])],
  ]);
  const loadMore = useCallback(() => void view.fetchNextPage(), [view.fetchNextPage]);

  const title =
    selection.view === 'inbox'
      ? (view.data?.pages[0]?.items[0]?.inboxName ?? 'Inbox')
      : VIEW_LABELS[selection.view];

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 3 }}>
        <Paper p="xs">
          <ViewNav
            selection={selection}
            onSelect={(nextView, inboxId) =>
              setSelection({ view: nextView, inboxId, sort: selection.sort })
            }
          />
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 9 }}>
        <Stack gap="sm">
          <Group justify="space-between" align="flex-end">
            <Group gap="xs" align="center">
              <Title order={1} size="h3">
                {title}
              </Title>
              {view.data ? (
                <Badge variant="light" aria-label={`${total} conversations`}>
                  {total.toLocaleString()}
                </Badge>
              ) : null}
            </Group>
            <Text size="xs" c="dimmed">
              j / k to move · Enter to open
            </Text>
          </Group>
          <FilterBar selection={selection} onChange={setSelection} />
          <Paper p={0} style={{ overflow: 'hidden' }}>
            {view.isPending ? (
              <TableSkeleton label="Loading conversations" />
            ) : view.isError ? (
              <ErrorState message={describeError(view.error)} onRetry={() => void view.refetch()} />
            ) : rows.length === 0 ? (
              <EmptyState
                icon={<IconInbox />}
                title="Nothing here"
                description={
                  EMPTY_TEXT[selection.view] ?? 'No conversations match this view and its filters.'
                }
              />
            ) : (
              <ConversationList
                rows={rows}
                total={total}
                cursor={cursor}
                hasMore={view.hasNextPage}
                loadingMore={view.isFetchingNextPage}
                onLoadMore={loadMore}
                onOpen={open}
                onCursor={setCursor}
              />
            )}
          </Paper>
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
