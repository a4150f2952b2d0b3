import { Alert, Button, Group, Paper, Stack, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { QaAnswers } from '@switchboard/domain';
import { describeError } from '@switchboard/ui';
import { serverFieldErrors } from '@switchboard/ui/playbooks';
import { useRefreshArea, useTRPC } from '@switchboard/ui/trpc';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { CriteriaScoringForm } from './CriteriaScoringForm.tsx';
import type { QaReviewDetail } from './qa-detail.ts';
import { QA_REVIEWS_PATH } from './qa-links.ts';

export interface ReviewScoringPanelProps {
  detail: Pick<QaReviewDetail, 'scorecard'> & {
    review: Pick<QaReviewDetail['review'], 'id' | 'scores' | 'comment' | 'agentName'>;
  };
  /** Calibration drafts stay with their session: no discarding, and no agent to notify. */
  calibration?: boolean;
}

/**
 * The reviewer's own draft: scores criterion by criterion, a coaching comment, saved as a
 * draft at any point and submitted when every criterion is scored.
 */
export function ReviewScoringPanel({ detail, calibration = false }: ReviewScoringPanelProps) {
  const trpc = useTRPC();
  const refresh = useRefreshArea('qa');
  const navigate = useNavigate();
  const [answers, setAnswers] = useState<QaAnswers>(detail.review.scores);
  const [comment, setComment] = useState(detail.review.comment);
  const save = useMutation(
    trpc.qa.saveDraft.mutationOptions({
      onSuccess: () => {
        notifications.show({ color: 'teal', message: 'Draft saved' });
        void refresh();
      },
    }),
  );
  const submit = useMutation(
    trpc.qa.submitReview.mutationOptions({
      onSuccess: (result) => {
        notifications.show({
          color: 'teal',
          message: calibration
            ? `Scores submitted (${result.score}%). They stay hidden until the session is revealed.`
            : `Review submitted: ${result.score}%. ${detail.review.agentName} has been notified.`,
        });
        void refresh();
      },
    }),
  );
  const discard = useMutation(
    trpc.qa.discardDraft.mutationOptions({
      onSuccess: () => {
        notifications.show({ message: 'Draft discarded' });
        void refresh();
        void navigate(QA_REVIEWS_PATH);
      },
    }),
  );
  const failure = submit.error ?? save.error ?? discard.error;
  const fieldErrors = serverFieldErrors(failure);
  const busy = save.isPending || submit.isPending || discard.isPending;
  const input = { id: detail.review.id, scores: answers, comment };

  return (
    <Paper withBorder p="md" component="section" aria-label="Score the conversation">
      <Stack gap="md">
        <Title order={2} size="h4">
          {calibration ? 'Your scores (blind)' : 'Score the conversation'}
        </Title>
        <CriteriaScoringForm
          criteria={detail.scorecard.criteria}
          passMark={detail.scorecard.passMark}
          answers={answers}
          onChange={setAnswers}
          errors={fieldErrors}
          disabled={busy}
        />
        <Textarea
          label={calibration ? 'Notes for the calibration discussion' : 'Coaching comment'}
          description={
            calibration
              ? 'Shown to the other reviewers once the session is revealed.'
              : 'What went well and the one thing to work on. The agent reads it with the scores.'
          }
          autosize
          minRows={3}
          value={comment}
          onChange={(event) => setComment(event.currentTarget.value)}
          error={fieldErrors.comment}
          disabled={busy}
        />
        {failure && Object.keys(fieldErrors).length === 0 ? (
          <Alert color="red" icon={<IconAlertTriangle />} title="Not saved">
            {describeError(failure)}
          </Alert>
        ) : null}
        <Group justify="space-between">
          {calibration ? (
            <span />
          ) : (
            <Button
              variant="subtle"
              color="red"
              disabled={busy}
              loading={discard.isPending}
              onClick={() => discard.mutate({ id: detail.review.id })}
            >
              Discard draft
            </Button>
          )}
          <Group>
            <Button
              variant="default"
              loading={save.isPending}
              disabled={busy}
              onClick={() => save.mutate(input)}
            >
              Save draft
            </Button>
            <Button loading={submit.isPending} disabled={busy} onClick={() => submit.mutate(input)}>
              {calibration ? 'Submit my scores' : 'Submit to the agent'}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}
