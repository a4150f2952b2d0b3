import { Group, Paper, Title, type TitleOrder } from '@mantine/core';
import type { QaReviewStatus } from '@switchboard/domain';
import { type QaReviewEvent, QaReviewHistory } from './QaReviewHistory.tsx';
import { QaReviewStatusBadge } from './QaReviewStatusBadge.tsx';
import { QaScoreBadge } from './QaScoreBadge.tsx';

export interface QaReviewHeadingProps {
  conversationNumber: number;
  status: QaReviewStatus;
  score: number | null;
  passMark: number;
  autoFailed: boolean;
  /** The agent's own view words the status for them. */
  forAgent?: boolean;
  order?: TitleOrder;
}

/** "Review of #123" with the review's status and its score against the pass mark. */
export function QaReviewHeading({
  conversationNumber,
  status,
  score,
  passMark,
  autoFailed,
  forAgent,
  order = 2,
}: QaReviewHeadingProps) {
  return (
    <Group gap="sm">
      <Title order={order} size="h3">
        Review of #{conversationNumber}
      </Title>
      <QaReviewStatusBadge status={status} forAgent={forAgent} />
      <QaScoreBadge score={score} passMark={passMark} autoFailed={autoFailed} size="lg" />
    </Group>
  );
}

/** A review's history in its own card. */
export function QaReviewHistoryCard({
  events,
  titleSize = 'h4',
}: {
  events: readonly QaReviewEvent[];
  titleSize?: 'h4' | 'h5';
}) {
  return (
    <Paper withBorder p="md" component="section" aria-label="History">
      <Title order={2} size={titleSize} mb="sm">
        History
      </Title>
      <QaReviewHistory events={events} />
    </Paper>
  );
}
