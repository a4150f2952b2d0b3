import { Group, Stack, Text, Title } from '@mantine/core';
import {
  AudienceBadge,
  ChannelBadge,
  formatDateTime,
  PriorityBadge,
  StatusBadge,
} from '@switchboard/ui';
import type { ConversationDetail } from './timeline.ts';

export interface ConversationHeaderProps {
  conversation: ConversationDetail['conversation'];
}

export function ConversationHeader({ conversation }: ConversationHeaderProps) {
  return (
    <Stack gap="xs">
      <Title order={1} size="h3">
        <Text span c="dimmed" inherit>
          #{conversation.number}
        </Text>{' '}
        {conversation.subject}
      </Title>
      <Group gap="xs">
        <StatusBadge status={conversation.status} />
        <PriorityBadge priority={conversation.priority} />
        <ChannelBadge channel={conversation.channel} />
        <AudienceBadge audience={conversation.audience} />
      </Group>
      <Text size="sm" c="dimmed">
        Inbox{' '}
        <Text span inherit c="var(--mantine-color-text)">
          {conversation.inboxName}
        </Text>
        {' · '}Assignee{' '}
        <Text span inherit c="var(--mantine-color-text)">
          {conversation.assigneeName ?? 'Unassigned'}
        </Text>
        {' · '}Opened {formatDateTime(conversation.createdAt)}
      </Text>
    </Stack>
  );
}
