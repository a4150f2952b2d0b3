import { Box, Group, Paper, Stack, Text } from '@mantine/core';
import { IconNote } from '@tabler/icons-react';
import { formatDateTime } from '../format.ts';
import type { TimelineEntry, TimelineMessage } from './timeline.ts';

export interface ConversationTimelineProps {
  entries: TimelineEntry[];
  contactName: string;
}

function authorOf(message: TimelineMessage, contactName: string): string {
  if (message.direction === 'inbound') return contactName;
  if (message.authorName) return message.authorName;
  return message.authorType === 'bot' ? 'Switchboard bot' : 'System';
}

function MessageBubble({
  message,
  contactName,
}: {
  message: TimelineMessage;
  contactName: string;
}) {
  const isNote = message.kind === 'note';
  const isOutbound = message.direction === 'outbound' || isNote;
  const background = isNote
    ? 'var(--mantine-color-yellow-light)'
    : isOutbound
      ? 'var(--mantine-primary-color-light)'
      : 'var(--mantine-color-default-hover)';
  return (
    <Group justify={isOutbound ? 'flex-end' : 'flex-start'} wrap="nowrap">
      <Paper
        component="article"
        aria-label={`${isNote ? 'Internal note' : 'Message'} from ${authorOf(message, contactName)}`}
        p="sm"
        maw="75%"
        bg={background}
        withBorder={isNote}
        style={isNote ? { borderColor: 'var(--mantine-color-yellow-outline)' } : undefined}
      >
        <Group gap={6} mb={4} wrap="nowrap">
          {isNote ? <IconNote size={14} color="var(--mantine-color-yellow-light-color)" /> : null}
          <Text size="xs" fw={600}>
            {authorOf(message, contactName)}
          </Text>
          {isNote ? (
            <Text size="xs" c="yellow.8" fw={500}>
              Internal note
            </Text>
          ) : null}
          <Text size="xs" c="dimmed">
            <time dateTime={message.createdAt.toISOString()}>
              {formatDateTime(message.createdAt)}
            </time>
          </Text>
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {message.body}
        </Text>
      </Paper>
    </Group>
  );
}

/** Messages left (customer) and right (team), with system events as small centred lines. */
export function ConversationTimeline({ entries, contactName }: ConversationTimelineProps) {
  return (
    <Stack gap="sm" component="ol" aria-label="Timeline" p={0} m={0} style={{ listStyle: 'none' }}>
      {entries.map((entry) => (
        <Box component="li" key={entry.id}>
          {entry.kind === 'message' ? (
            <MessageBubble message={entry.message} contactName={contactName} />
          ) : (
            <Text size="xs" c="dimmed" ta="center">
              {entry.text} ·{' '}
              <time dateTime={entry.at.toISOString()}>{formatDateTime(entry.at)}</time>
            </Text>
          )}
        </Box>
      ))}
    </Stack>
  );
}
