import { Alert, Button, Group, Modal, NumberInput, Select, Stack, Text } from '@mantine/core';
import { describeError } from '@switchboard/ui';
import { serverFieldErrors } from '@switchboard/ui/playbooks';
import { useTRPC } from '@switchboard/ui/trpc';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { reviewPath } from './qa-links.ts';

export interface StartReviewModalProps {
  opened: boolean;
  onClose: () => void;
}

/** Picks a conversation by hand (by the number people quote) and opens a draft review of it. */
export function StartReviewModal({ opened, onClose }: StartReviewModalProps) {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const options = useQuery({ ...trpc.qa.filterOptions.queryOptions(), enabled: opened });
  const [scorecardId, setScorecardId] = useState<string | null>(null);
  const [conversationNumber, setConversationNumber] = useState<number | string>('');
  const start = useMutation(
    trpc.qa.startReview.mutationOptions({
      onSuccess: ({ id }) => {
        onClose();
        void navigate(reviewPath(id));
      },
    }),
  );
  const errors = serverFieldErrors(start.error);
  const scorecards = (options.data?.scorecards ?? []).filter((scorecard) => !scorecard.archivedAt);
  return (
    <Modal opened={opened} onClose={onClose} title="Review a conversation" size="md">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!scorecardId || typeof conversationNumber !== 'number') return;
          start.mutate({ scorecardId, sample: 'manual', conversationNumber });
        }}
      >
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            For a conversation outside the samples — one a customer complained about, or a good
            example to share. It must be resolved, and not one you handled.
          </Text>
          <Select
            label="Scorecard"
            required
            data={scorecards.map((scorecard) => ({ value: scorecard.id, label: scorecard.name }))}
            value={scorecardId}
            onChange={setScorecardId}
            error={errors.scorecardId}
          />
          <NumberInput
            label="Conversation number"
            description="As people quote it, without the #"
            required
            min={1}
            allowDecimal={false}
            hideControls
            value={conversationNumber}
            onChange={setConversationNumber}
            error={errors.conversationNumber ?? errors.conversationId}
          />
          {start.error && !errors.scorecardId && !errors.conversationNumber ? (
            <Alert color="red" icon={<IconAlertTriangle />}>
              {describeError(start.error)}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button
              type="submit"
              loading={start.isPending}
              disabled={!scorecardId || typeof conversationNumber !== 'number'}
            >
              Start the review
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
