import { Anchor, Badge, Table, Text } from '@mantine/core';
import { QA_SAMPLE_LABELS } from '@switchboard/domain';
import { formatDateTime } from '@switchboard/ui';
import { QaReviewStatusBadge, QaScoreBadge } from '@switchboard/ui/qa';
import type { RouterOutputs } from '@switchboard/ui/trpc';
import { Link } from 'react-router';
import { reviewPath } from './qa-links.ts';

export type QaReviewRow = RouterOutputs['qa']['reviews']['items'][number];

/** Reviews with what a lead scans for: whose, how it scored, where it stands. */
export function ReviewsTable({ items, label }: { items: QaReviewRow[]; label: string }) {
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table highlightOnHover aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Conversation</Table.Th>
            <Table.Th>Agent</Table.Th>
            <Table.Th>Reviewer</Table.Th>
            <Table.Th>Scorecard</Table.Th>
            <Table.Th>Sample</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th ta="right">Score</Table.Th>
            <Table.Th>Submitted</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((review) => (
            <Table.Tr key={review.id}>
              <Table.Td maw={320}>
                <Anchor component={Link} to={reviewPath(review.id)} size="sm" fw={600}>
                  #{review.conversationNumber}
                </Anchor>
                <Text size="xs" c="dimmed" lineClamp={1}>
                  {review.subject}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{review.agentName}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{review.reviewerName}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {review.scorecardName}{' '}
                  <Text span c="dimmed" size="xs">
                    v{review.version}
                  </Text>
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color="gray" size="sm">
                  {QA_SAMPLE_LABELS[review.sample]}
                </Badge>
              </Table.Td>
              <Table.Td>
                <QaReviewStatusBadge status={review.status} />
              </Table.Td>
              <Table.Td ta="right">
                <QaScoreBadge
                  score={review.score}
                  passMark={review.passMark}
                  autoFailed={review.autoFailed}
                />
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={review.submittedAt ? undefined : 'dimmed'}>
                  {review.submittedAt ? formatDateTime(review.submittedAt) : 'Not yet'}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
