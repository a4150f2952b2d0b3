import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { ChannelBadge, formatDateTime, StatusBadge } from '@switchboard/ui';
import { Link } from 'react-router';
import type { ConversationDetail } from './timeline.ts';

export function PastConversations({ items }: { items: ConversationDetail['pastConversations'] }) {
  return (
    <Paper p="md" component="section" aria-labelledby="past-heading">
      <Stack gap="xs">
        <Title order={2} size="h5" id="past-heading">
          Past conversations
        </Title>
        {items.length === 0 ? (
          <Text size="sm" c="dimmed">
            First time this person writes in.
          </Text>
        ) : (
          items.map((item) => (
            <Stack key={item.id} gap={2}>
              <Anchor component={Link} to={`/conversations/${item.id}`} size="sm" lineClamp={1}>
                #{item.number} {item.subject}
              </Anchor>
              <Group gap={6}>
                <StatusBadge status={item.status} size="xs" />
                <ChannelBadge channel={item.channel} size="xs" />
                <Text size="xs" c="dimmed">
                  {formatDateTime(item.createdAt)}
                  {item.csatRating ? ` · rated ${item.csatRating}/5` : ''}
                </Text>
              </Group>
            </Stack>
          ))
        )}
      </Stack>
    </Paper>
  );
}
