import { Alert, Anchor, Badge, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { QA_SAMPLE_LABELS, QA_SETTLEMENT_LABELS, qaReviewRefusal } from '@switchboard/domain';
import { BackLink, DetailQueryState, formatDateTime } from '@switchboard/ui';
import { useViewer } from '@switchboard/ui/auth';
import {
  QaReviewHeading,
  QaReviewHistoryCard,
  QaScoresView,
  ReviewedConversation,
} from '@switchboard/ui/qa';
import { useTRPC } from '@switchboard/ui/trpc';
import { IconEyeOff, IconMessageExclamation } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { disputedCriterionIds, type QaReviewDetail } from './qa-detail.ts';
import { calibrationPath, QA_REVIEWS_PATH } from './qa-links.ts';
import { ReviewScoringPanel } from './ReviewScoringPanel.tsx';
import { SettleDisputePanel } from './SettleDisputePanel.tsx';

function BackToReviews() {
  return <BackLink to={QA_REVIEWS_PATH}>Reviews</BackLink>;
}

function ReviewFacts({ detail }: { detail: QaReviewDetail }) {
  const { review, scorecard } = detail;
  return (
    <Group gap="lg" wrap="wrap">
      <Text size="sm">
        Agent <b>{review.agentName}</b>
      </Text>
      <Text size="sm">
        Reviewer <b>{review.reviewerName}</b>
      </Text>
      <Text size="sm">
        {scorecard.name}, version {scorecard.version} · pass mark {scorecard.passMark}%
      </Text>
      <Badge variant="light" color="gray">
        {QA_SAMPLE_LABELS[review.sample]}
      </Badge>
      {review.submittedAt ? (
        <Text size="sm" c="dimmed">
          Submitted {formatDateTime(review.submittedAt)}
        </Text>
      ) : null}
    </Group>
  );
}

function DisputeCard({ detail }: { detail: QaReviewDetail }) {
  const { review } = detail;
  if (!review.disputeReason) return null;
  return (
    <Alert
      color={review.status === 'disputed' ? 'orange' : 'gray'}
      icon={<IconMessageExclamation />}
      title={`${review.agentName} disputed this review${review.disputedAt ? ` on ${formatDateTime(review.disputedAt)}` : ''}`}
    >
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {review.disputeReason}
      </Text>
      {review.status === 'settled' ? (
        <Text size="sm" mt="xs">
          <b>{QA_SETTLEMENT_LABELS[review.settlement ?? 'upheld']}</b> by {review.settledByName}
          {review.settledAt ? `, ${formatDateTime(review.settledAt)}` : ''}: {review.settlementNote}
        </Text>
      ) : null}
    </Alert>
  );
}

/** Why the viewer cannot settle the dispute (the server's own rule), or null when they can. */
function settleBlock(detail: QaReviewDetail, viewer: ReturnType<typeof useViewer>): string | null {
  const { review } = detail;
  if (review.status !== 'disputed') return null;
  const refusal = qaReviewRefusal(
    { ...review, calibration: review.calibrationSessionId !== null },
    'settle',
    viewer,
  );
  return refusal ? `${refusal.message}.` : null;
}

/**
 * One review beside the conversation it scores. The reviewer finishes and submits their
 * draft here; everyone else reads it; a lead settles it when the agent disputes it.
 */
export function ReviewPage() {
  const { reviewId = '' } = useParams();
  const trpc = useTRPC();
  const review = useQuery(trpc.qa.review.queryOptions({ id: reviewId }));
  return (
    <DetailQueryState
      query={review}
      back={<BackToReviews />}
      loadingLabel="Loading the review"
      notFound={{
        title: 'Review not found',
        description: 'There is no review at this address. A discarded draft is gone for good.',
      }}
      forbidden={(message) => ({
        icon: <IconEyeOff />,
        title: 'Hidden until the session is revealed',
        description: message,
      })}
    >
      {(detail) => <ReviewView detail={detail} />}
    </DetailQueryState>
  );
}

function ReviewView({ detail }: { detail: QaReviewDetail }) {
  const viewer = useViewer();
  const calibration = detail.review.calibrationSessionId;
  // A calibration draft closes when its session is revealed.
  const editing =
    detail.review.status === 'draft' &&
    detail.review.reviewerId === viewer.id &&
    detail.review.calibrationStatus !== 'revealed';
  const blocked = settleBlock(detail, viewer);
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
        />
        <ReviewFacts detail={detail} />
      </div>
      {calibration ? (
        <Alert color="blue">
          A calibration review.{' '}
          <Anchor component={Link} to={calibrationPath(calibration)}>
            Open its session
          </Anchor>{' '}
          to compare it with the other reviewers’ scores.
        </Alert>
      ) : null}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <ReviewedConversation
            detail={detail.conversation}
            href={`/workspace/conversations/${detail.review.conversationId}`}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <DisputeCard detail={detail} />
            {editing ? (
              <ReviewScoringPanel
                key={String(detail.review.updatedAt)}
                detail={detail}
                calibration={calibration !== null}
              />
            ) : (
              <Paper withBorder p="md" component="section" aria-label="Scores">
                <Stack gap="sm">
                  <Title order={2} size="h4">
                    Scores
                  </Title>
                  {detail.review.status === 'draft' ? (
                    <Text size="sm" c="dimmed">
                      {detail.review.reviewerName} is still scoring this draft.
                    </Text>
                  ) : null}
                  <QaScoresView
                    criteria={detail.scorecard.criteria}
                    answers={detail.review.scores}
                    disputedIds={disputedCriterionIds(detail.events)}
                  />
                  {detail.review.comment ? (
                    <div>
                      <Text size="sm" fw={600}>
                        Coaching comment
                      </Text>
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                        {detail.review.comment}
                      </Text>
                    </div>
                  ) : null}
                </Stack>
              </Paper>
            )}
            {detail.review.status === 'disputed' ? (
              blocked ? (
                <Text size="sm" c="dimmed">
                  {blocked}
                </Text>
              ) : (
                <SettleDisputePanel key={String(detail.review.updatedAt)} detail={detail} />
              )
            ) : null}
            <QaReviewHistoryCard events={detail.events} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
