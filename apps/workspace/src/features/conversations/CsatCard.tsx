import { Group, Paper, Rating, Stack, Text, Title } from '@mantine/core';
import { formatDateTime } from '@switchboard/ui';
import type { ConversationDetail } from './timeline.ts';

/** The customer's rating once they gave one; resolving asks for it. */
export function CsatCard({ conversation }: { conversation: ConversationDetail['conversation'] }) {
  if (conversation.csatRating === null) return null;
  return (
    <Paper p="md" component="section" aria-labelledby="csat-heading">
      <Stack gap={4}>
        <Title order={2} size="h5" id="csat-heading">
          Customer rating
        </Title>
        <Group gap="xs">
          <Rating
            value={conversation.csatRating}
            readOnly
            aria-label={`Rated ${conversation.csatRating} out of 5`}
          />
          <Text size="sm" fw={600}>
            {conversation.csatRating}/5
          </Text>
        </Group>
        {conversation.csatComment ? <Text size="sm">“{conversation.csatComment}”</Text> : null}
        {conversation.csatRatedAt ? (
          <Text size="xs" c="dimmed">
            {formatDateTime(conversation.csatRatedAt)}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
