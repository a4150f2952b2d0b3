import { Box, Group, Loader, Stack, Text, UnstyledButton } from '@mantine/core';
import { AudienceBadge, ChannelBadge, formatRelativeTime, PriorityBadge } from '@switchboard/ui';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { SlaCountdown } from '../sla/SlaCountdown.tsx';
import type { InboxRow } from './use-inbox-view.ts';

const ROW_HEIGHT = 84;

export interface ConversationListProps {
  rows: InboxRow[];
  total: number;
  cursor: number;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  onOpen: (row: InboxRow) => void;
  onCursor: (index: number) => void;
}

function Row({ row, selected, onOpen }: { row: InboxRow; selected: boolean; onOpen: () => void }) {
  return (
    <UnstyledButton
      onClick={onOpen}
      w="100%"
      h={ROW_HEIGHT}
      px="md"
      py={8}
      aria-label={`#${row.number} ${row.contactName}: ${row.subject}`}
      aria-current={selected ? 'true' : undefined}
      style={{
        borderBottom: '1px solid var(--mantine-color-default-border)',
        background: selected ? 'var(--mantine-primary-color-light)' : undefined,
      }}
    >
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
          <Text size="sm" fw={600} truncate>
            {row.contactName}
          </Text>
          <AudienceBadge audience={row.audience} size="xs" />
          <ChannelBadge channel={row.channel} size="xs" />
          {row.cityCode ? (
            <Text size="xs" c="dimmed">
              {row.cityCode}
            </Text>
          ) : null}
        </Group>
        <Group gap={6} wrap="nowrap">
          <SlaCountdown dueAt={row.slaDueAt} size="xs" />
          <PriorityBadge priority={row.priority} size="xs" />
        </Group>
      </Group>
      <Text size="sm" truncate mt={2}>
        <Text span c="dimmed" inherit>
          #{row.number}
        </Text>{' '}
        {row.subject}
      </Text>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="xs" c="dimmed" truncate style={{ minWidth: 0 }}>
          {row.lastMessagePreview}
        </Text>
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {row.assigneeName ?? 'Unassigned'} ·{' '}
          <time dateTime={row.lastMessageAt.toISOString()}>
            {formatRelativeTime(row.lastMessageAt)}
          </time>
        </Text>
      </Group>
    </UnstyledButton>
  );
}

/**
 * The conversations of a view as a virtualised list: only the rows on screen are in the
 * DOM, so a view of 10,000 scrolls as smoothly as one of ten. More rows load near the end.
 */
export function ConversationList({
  rows,
  total,
  cursor,
  hasMore,
  loadingMore,
  onLoadMore,
  onOpen,
  onCursor,
}: ConversationListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    // Before layout is measured (and in tests), assume a screenful.
    initialRect: { width: 800, height: 700 },
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;

  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= rows.length - 20) onLoadMore();
  }, [hasMore, loadingMore, lastIndex, rows.length, onLoadMore]);

  useEffect(() => {
    if (cursor >= 0 && cursor < rows.length) virtualizer.scrollToIndex(cursor, { align: 'auto' });
  }, [cursor, rows.length, virtualizer]);

  return (
    <Stack gap={0}>
      <Box
        ref={scrollRef}
        role="list"
        aria-label={`Conversations (${total.toLocaleString()})`}
        style={{ height: 'calc(100dvh - 240px)', minHeight: 320, overflowY: 'auto' }}
      >
        <Box style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rows[item.index]!;
            return (
              <Box
                key={row.id}
                role="listitem"
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  transform: `translateY(${item.start}px)`,
                }}
              >
                <Row
                  row={row}
                  selected={item.index === cursor}
                  onOpen={() => {
                    onCursor(item.index);
                    onOpen(row);
                  }}
                />
              </Box>
            );
          })}
        </Box>
        {loadingMore ? (
          <Group justify="center" py="sm">
            <Loader size="sm" aria-label="Loading more conversations" />
          </Group>
        ) : null}
      </Box>
    </Stack>
  );
}
