import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { DetailList } from './DetailList.tsx';
import type { ConversationDetail } from './timeline.ts';

export interface ClassificationCardProps {
  conversation: ConversationDetail['conversation'];
  tags: ConversationDetail['tags'];
}

export function ClassificationCard({ conversation, tags }: ClassificationCardProps) {
  return (
    <Paper p="md" component="section" aria-labelledby="classification-heading">
      <Stack gap="sm">
        <Title order={2} size="h5" id="classification-heading">
          Classification
        </Title>
        <DetailList
          items={[
            { label: 'Request type', value: conversation.requestTypeName },
            { label: 'Reason', value: conversation.reasonName },
            { label: 'City', value: conversation.cityName },
          ]}
        />
        {tags.length > 0 ? (
          <Group gap={6}>
            {tags.map((tag) => (
              <Badge key={tag.code} color={tag.color} variant="light" size="sm">
                {tag.name}
              </Badge>
            ))}
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            No tags
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
