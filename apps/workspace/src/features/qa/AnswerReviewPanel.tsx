import {
  Alert,
  Button,
  Group,
  MultiSelect,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { QA_MIN_DISPUTE_REASON } from '@switchboard/domain';
import { describeError, formatDateTime } from '@switchboard/ui';
import { serverFieldErrors } from '@switchboard/ui/playbooks';
import { type RouterOutputs, useRefreshArea, useTRPC } from '@switchboard/ui/trpc';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';

type MyReview = RouterOutputs['qa']['myReview'];

/**
 * The agent's answer to a review waiting for them: acknowledge it (with a note if they like),
 * or dispute it with a reason — naming the criteria they disagree with — while the window is
 * open. A lead then settles the dispute.
 */
export function AnswerReviewPanel({ detail }: { detail: MyReview }) {
  const trpc = useTRPC();
  const [answer, setAnswer] = useState<'acknowledge' | 'dispute'>('acknowledge');
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [criterionIds, setCriterionIds] = useState<string[]>([]);
  const refresh = useRefreshArea('qa');
  const acknowledge = useMutation(
    trpc.qa.acknowledge.mutationOptions({
      onSuccess: () => {
        notifications.show({ color: 'teal', message: 'Review acknowledged' });
        void refresh();
      },
    }),
  );
  const dispute = useMutation(
    trpc.qa.dispute.mutationOptions({
      onSuccess: () => {
        notifications.show({ color: 'teal', message: 'Dispute sent: a team lead will look at it' });
        void refresh();
      },
    }),
  );
  const failure = answer === 'acknowledge' ? acknowledge.error : dispute.error;
  const fieldErrors = serverFieldErrors(failure);
  const windowOpen =
    detail.review.disputableUntil !== null && detail.review.disputableUntil.getTime() > Date.now();
  return (
    <Paper withBorder p="md" component="section" aria-label="Your answer">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Your answer
        </Title>
        {windowOpen ? (
          <SegmentedControl
            aria-label="Answer"
            value={answer}
            onChange={(value) => setAnswer(value as 'acknowledge' | 'dispute')}
            data={[
              { value: 'acknowledge', label: 'Acknowledge' },
              { value: 'dispute', label: 'Dispute' },
            ]}
          />
        ) : (
          <Text size="sm" c="dimmed">
            The time to dispute this review has passed; you can still acknowledge it.
          </Text>
        )}
        {answer === 'acknowledge' || !windowOpen ? (
          <>
            <Textarea
              label="Note to the reviewer"
              description="Optional, e.g. what you will do differently"
              autosize
              minRows={2}
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
              error={fieldErrors.note}
            />
            <Group justify="flex-end">
              <Button
                loading={acknowledge.isPending}
                onClick={() => acknowledge.mutate({ id: detail.review.id, note })}
              >
                Acknowledge the review
              </Button>
            </Group>
          </>
        ) : (
          <>
            <Text size="sm" c="dimmed">
              You can dispute until {formatDateTime(detail.review.disputableUntil!)}. A team lead
              who did not write the review reads the conversation and decides.
            </Text>
            <MultiSelect
              label="Criteria you disagree with"
              placeholder="Optional"
              data={detail.scorecard.criteria.map((criterion) => ({
                value: criterion.id,
                label: criterion.label,
              }))}
              value={criterionIds}
              onChange={setCriterionIds}
              error={
                Object.entries(fieldErrors).find(([path]) => path.startsWith('criterionIds'))?.[1]
              }
            />
            <Textarea
              label="Why"
              description={`What the reviewer missed, e.g. where in the conversation (at least ${QA_MIN_DISPUTE_REASON} characters)`}
              required
              autosize
              minRows={3}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              error={fieldErrors.reason}
            />
            <Group justify="flex-end">
              <Button
                color="orange"
                loading={dispute.isPending}
                onClick={() => dispute.mutate({ id: detail.review.id, reason, criterionIds })}
              >
                Send the dispute
              </Button>
            </Group>
          </>
        )}
        {failure && Object.keys(fieldErrors).length === 0 ? (
          <Alert color="red" icon={<IconAlertTriangle />}>
            {describeError(failure)}
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}
