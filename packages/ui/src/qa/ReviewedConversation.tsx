import { Anchor, Group, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { AudienceBadge } from '../badges/AudienceBadge.tsx';
import { ChannelBadge } from '../badges/ChannelBadge.tsx';
import { ConversationTimeline } from '../conversations/ConversationTimeline.tsx';
import { buildTimeline } from '../conversations/timeline.ts';
import { formatDateTime } from '../format.ts';
import type { RouterOutputs } from '../trpc.tsx';

export type ReviewedConversationDetail = RouterOutputs['qa']['review']['conversation'];

export interface ReviewedConversationProps {
  detail: ReviewedConversationDetail;
  /** Where the full conversation opens, when the viewer may open it. */
  href?: string;
  /** Height of the scrolling timeline. */
  height?: number | string;
}

/**
 * The conversation a review is about, as it happened: who wrote in, over what channel, how it
 * was rated, and its messages and events in order — what the reviewer scores beside.
 */
export function ReviewedConversation({ detail, href, height = '70vh' }: ReviewedConversationProps) {
  const { conversation, contact } = detail;
  return (
    <Paper withBorder p="md" component="section" aria-label="Conversation">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h4">
              #{conversation.number} {conversation.subject}
            </Title>
            <Text size="sm" c="dimmed">
              {contact?.name ?? 'Contact'} · handled by {conversation.assigneeName ?? 'nobody'}
              {conversation.resolvedAt
                ? ` · resolved ${formatDateTime(conversation.resolvedAt)}`
                : ''}
            </Text>
          </div>
          <Group gap={6}>
            <AudienceBadge audience={conversation.audience} />
            <ChannelBadge channel={conversation.channel} />
          </Group>
        </Group>
        <Group gap="md">
          {conversation.requestTypeName ? (
            <Text size="sm">
              {conversation.requestTypeName}
              {conversation.reasonName ? ` · ${conversation.reasonName}` : ''}
            </Text>
          ) : null}
          {conversation.csatRating !== null ? (
            <Text size="sm">
              Rated {conversation.csatRating}/5
              {conversation.csatComment ? ` — “${conversation.csatComment}”` : ''}
            </Text>
          ) : null}
          {detail.tags.length > 0 ? (
            <Text size="sm" c="dimmed">
              Tags: {detail.tags.map((tag) => tag.name).join(', ')}
            </Text>
          ) : null}
          {href ? (
            <Anchor href={href} size="sm" target="_blank">
              Open the conversation
            </Anchor>
          ) : null}
        </Group>
        <ScrollArea.Autosize mah={height} type="auto" offsetScrollbars>
          <ConversationTimeline
            entries={buildTimeline(detail)}
            contactName={contact?.name ?? 'Contact'}
          />
        </ScrollArea.Autosize>
      </Stack>
    </Paper>
  );
}
