import { Alert, Group, Stack, Text, Title } from '@mantine/core';
import {
  AudienceBadge,
  ChannelBadge,
  formatDateTime,
  PriorityBadge,
  StatusBadge,
} from '@switchboard/ui';
import { IconEye } from '@tabler/icons-react';
import type { Colleague } from '../live/presence-store.ts';
import { SlaCountdown } from '../sla/SlaCountdown.tsx';
import type { ConversationDetail } from './timeline.ts';

export interface ConversationHeaderProps {
  conversation: ConversationDetail['conversation'];
  colleagues: Colleague[];
}

export function ConversationHeader({ conversation, colleagues }: ConversationHeaderProps) {
  const typing = colleagues.filter((colleague) => colleague.state === 'typing');
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
        <SlaCountdown
          dueAt={conversation.slaDueAt}
          paused={conversation.slaPausedAt !== null}
          clocks={conversation}
        />
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
      {colleagues.length > 0 ? (
        <Alert
          color={typing.length > 0 ? 'orange' : 'blue'}
          icon={<IconEye size={16} />}
          py={6}
          role="status"
          title={
            typing.length > 0
              ? `${typing.map((colleague) => colleague.userName).join(', ')} ${typing.length === 1 ? 'is' : 'are'} typing a reply`
              : `${colleagues.map((colleague) => colleague.userName).join(', ')} ${colleagues.length === 1 ? 'is' : 'are'} also viewing`
          }
        >
          Check before you reply, so the customer does not get two answers.
        </Alert>
      ) : null}
    </Stack>
  );
}
