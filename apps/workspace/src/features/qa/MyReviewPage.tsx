import { Alert, Anchor, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { QA_SETTLEMENT_LABELS } from '@switchboard/domain';
import {
  describeError,
  EmptyState,
  ErrorState,
  formatDateTime,
  TableSkeleton,
  trpcErrorCode,
} from '@switchboard/ui';
import {
  QaReviewHistory,
  QaReviewStatusBadge,
  QaScoreBadge,
  QaScoresView,
  ReviewedConversation,
} from '@switchboard/ui/qa';
import { type RouterOutputs, useTRPC } from '@switchboard/ui/trpc';
import { IconArrowLeft, IconGavel, IconHourglass } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { AnswerReviewPanel } from './AnswerReviewPanel.tsx';

type MyReview = RouterOutputs['qa']['myReview'];

function BackToReviews() {
  return (
    <Anchor component={Link} to="/reviews" size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} />
        My reviews
      </Group>
    </Anchor>
  );
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

  if (review.isPending || review.isError) {
    const code = review.isError ? trpcErrorCode(review.error) : null;
    return (
      <Stack gap="md">
        <BackToReviews />
        <Paper p={0}>
          {review.isPending ? (
            <TableSkeleton label="Loading the review" />
          ) : code === 'NOT_FOUND' || code === 'BAD_REQUEST' ? (
            <EmptyState
              title="Review not found"
              description="There is no review of yours at this address."
            />
          ) : (
            <ErrorState
              message={describeError(review.error)}
              onRetry={() => void review.refetch()}
            />
          )}
        </Paper>
      </Stack>
    );
  }

  const detail = review.data;
  return (
    <Stack gap="md">
      <BackToReviews />
      <div>
        <Group gap="sm">
          <Title order={1} size="h3">
            Review of #{detail.conversation.conversation.number}
          </Title>
          <QaReviewStatusBadge status={detail.review.status} forAgent />
          <QaScoreBadge
            score={detail.review.score}
            passMark={detail.scorecard.passMark}
            autoFailed={detail.review.autoFailed}
            size="lg"
          />
        </Group>
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
            <Paper withBorder p="md" component="section" aria-label="History">
              <Title order={2} size="h5" mb="sm">
                History
              </Title>
              <QaReviewHistory events={detail.events} />
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <ReviewedConversation detail={detail.conversation} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
