import { MultiSelect, Paper, Select, Stack, Title } from '@mantine/core';
import { useTRPC } from '@switchboard/ui/trpc';
import { useMutation, useQuery } from '@tanstack/react-query';
import { DetailList } from './DetailList.tsx';
import type { ConversationDetail } from './timeline.ts';
import { useConversationRefresh } from './use-conversation-mutation.ts';

export interface ClassificationCardProps {
  conversation: ConversationDetail['conversation'];
  tags: ConversationDetail['tags'];
  readOnly: boolean;
}

/** Request type, reason and tags, chosen from the taxonomy only. */
export function ClassificationCard({ conversation, tags, readOnly }: ClassificationCardProps) {
  const trpc = useTRPC();
  const conversationId = conversation.id;
  const options = useQuery(trpc.conversations.options.queryOptions({ conversationId }));
  const { refresh, showError } = useConversationRefresh(conversationId);
  const classify = useMutation(
    trpc.conversations.classify.mutationOptions({ onSuccess: refresh, onError: showError }),
  );
  const setTags = useMutation(
    trpc.conversations.setTags.mutationOptions({ onSuccess: refresh, onError: showError }),
  );
  const types = options.data?.requestTypes ?? [];
  const currentType = types.find((type) => type.code === conversation.requestTypeCode);
  return (
    <Paper p="md" component="section" aria-labelledby="classification-heading">
      <Stack gap="sm">
        <Title order={2} size="h5" id="classification-heading">
          Classification
        </Title>
        <Select
          label="Request type"
          searchable
          clearable
          disabled={readOnly || classify.isPending}
          data={types.map((type) => ({ value: type.code, label: type.name }))}
          value={conversation.requestTypeCode ?? null}
          onChange={(code) =>
            classify.mutate({ conversationId, requestTypeCode: code, reasonCode: null })
          }
        />
        <Select
          label="Reason"
          searchable
          clearable
          disabled={readOnly || !currentType || classify.isPending}
          data={(currentType?.reasons ?? []).map((reason) => ({
            value: reason.code,
            label: reason.name,
          }))}
          value={conversation.reasonCode ?? null}
          onChange={(code) =>
            classify.mutate({
              conversationId,
              requestTypeCode: conversation.requestTypeCode ?? null,
              reasonCode: code,
            })
          }
        />
        <MultiSelect
          label="Tags"
          searchable
          disabled={readOnly || setTags.isPending}
          data={(options.data?.tags ?? []).map((tag) => ({ value: tag.code, label: tag.name }))}
          value={tags.map((tag) => tag.code)}
          onChange={(codes) => setTags.mutate({ conversationId, tags: codes })}
        />
        <DetailList items={[{ label: 'City', value: conversation.cityName }]} />
      </Stack>
    </Paper>
  );
}
