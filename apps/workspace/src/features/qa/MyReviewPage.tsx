import { Alert, Grid, Paper, Stack, Text } from '@mantine/core';
import { QA_SETTLEMENT_LABELS } from '@switchboard/domain';
import { BackLink, DetailQueryState, formatDateTime } from '@switchboard/ui';
import {
  QaReviewHeading,
  QaReviewHistoryCard,
  QaScoresView,
  ReviewedConversation,
} from '@switchboard/ui/qa';
import { type RouterOutputs, useTRPC } from '@switchboard/ui/trpc';
import { IconGavel, IconHourglass } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { AnswerReviewPanel } from './AnswerReviewPanel.tsx';

type MyReview = RouterOutputs['qa']['myReview'];

function BackToReviews() {
  return <BackLink to="/reviews">Reviews</BackLink>;
}

/** Where the review stands once the agent has answered it. */
function Outcome({ detail }: { detail: MyReview }) {
  const { review } = detail;
  switch (review.status) {
    case 'submitted':
      return <AnswerReviewPanel detail={detail} />;
    case 'acknowledged':
      return (
        <Text size="sm" c="dimmed">
          You acknowledged this review
          {review.acknowledgedAt ? ` on ${formatDateTime(review.acknowledgedAt)}` : ''}.
        </Text>
      );
    case 'disputed':
      return (
        <Alert color="orange" icon={<IconHourglass />} title="Your dispute is with a team lead">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            “{review.disputeReason}”
          </Text>
          <Text size="sm" mt="xs">
            You will be notified when it is settled.
          </Text>
        </Alert>
      );
    case 'settled':
      return (
        <Alert
          color={review.settlement === 'revised' ? 'teal' : 'gray'}
          icon={<IconGavel />}
          title={`Dispute settled: ${QA_SETTLEMENT_LABELS[review.settlement ?? 'upheld'].toLowerCase()}`}
        >
          <Text size="sm">
            {review.settledByName}
            {review.settledAt ? `, ${formatDateTime(review.settledAt)}` : ''}:{' '}
            {review.settlementNote}
          </Text>
          <Text size="sm" c="dimmed" mt="xs">
            You disputed: “{review.disputeReason}”
          </Text>
        </Alert>
      );
    default:
      return null;
  }
}

/**
 * One review of the agent's own conversation: the score against the pass mark, the coaching
 * comment, each criterion with its comment, the conversation as it happened — and their answer.
 */
export function MyReviewPage() {
  const { reviewId = '' } = useParams();
  const trpc = useTRPC();
  const review = useQuery(trpc.qa.myReview.queryOptions({ id: reviewId }));

  return (
    <DetailQueryState
      query={review}
      back={<BackToReviews />}
      loadingLabel="Loading the review"
      notFound={{
        title: 'Review not found',
        description: 'There is no review of yours at this address.',
      }}
    >
      {(detail) => <MyReviewView detail={detail} />}
    </DetailQueryState>
  );
}

function MyReviewView({ detail }: { detail: MyReview }) {
  return (
    <Stack gap="md">
      <BackToReviews />
      <div>
        <QaReviewHeading
          conversationNumber={detail.conversation.conversation.number}
          status={detail.review.status}
          score={detail.review.score}
          passMark={detail.scorecard.passMark}
          autoFailed={detail.review.autoFailed}
          forAgent
          order={1}
        />
        <Text size="sm" c="dimmed">
          {detail.review.reviewerName} reviewed it on {detail.scorecard.name} (pass mark{' '}
          {detail.scorecard.passMark}%)
          {detail.review.submittedAt ? ` · ${formatDateTime(detail.review.submittedAt)}` : ''}
        </Text>
      </div>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            {detail.review.comment ? (
              <Paper withBorder p="md" component="section" aria-label="Coaching comment">
                <Text size="sm" fw={600}>
                  {detail.review.reviewerName}’s coaching
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {detail.review.comment}
                </Text>
              </Paper>
            ) : null}
            <Outcome detail={detail} />
            <QaScoresView criteria={detail.scorecard.criteria} answers={detail.review.scores} />
            <QaReviewHistoryCard events={detail.events} titleSize="h5" />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <ReviewedConversation detail={detail.conversation} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
