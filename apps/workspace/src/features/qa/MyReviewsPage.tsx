import { Anchor, Badge, Paper, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { formatDateTime, ListPagination, ListQueryState, useListParams } from '@switchboard/ui';
import { QaReviewStatusBadge, QaScoreBadge } from '@switchboard/ui/qa';
import { type RouterOutputs, useTRPC } from '@switchboard/ui/trpc';
import { IconClipboardCheck } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';

type MyReviewRow = RouterOutputs['qa']['myReviews']['items'][number];

const PAGE_SIZE = 25;
const PARAMS = ['tab'] as const;

export const myReviewPath = (id: string) => `/reviews/${id}`;

function ReviewsTable({ items }: { items: MyReviewRow[] }) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table highlightOnHover aria-label="My reviews">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Conversation</Table.Th>
            <Table.Th>Reviewed by</Table.Th>
            <Table.Th>Scorecard</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th ta="right">Score</Table.Th>
            <Table.Th>Received</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((review) => (
            <Table.Tr key={review.id}>
              <Table.Td maw={320}>
                <Anchor component={Link} to={myReviewPath(review.id)} size="sm" fw={600}>
                  #{review.conversationNumber}
                </Anchor>
                <Text size="xs" c="dimmed" lineClamp={1}>
                  {review.subject}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{review.reviewerName}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{review.scorecardName}</Text>
              </Table.Td>
              <Table.Td>
                <QaReviewStatusBadge status={review.status} forAgent />
              </Table.Td>
              <Table.Td ta="right">
                <QaScoreBadge
                  score={review.score}
                  passMark={review.passMark}
                  autoFailed={review.autoFailed}
                />
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {review.submittedAt ? formatDateTime(review.submittedAt) : '—'}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The agent's own QA reviews: the ones waiting for their answer first. */
export function MyReviewsPage() {
  const trpc = useTRPC();
  const { values, page, update } = useListParams(PARAMS);
  const tab = values.tab === 'all' ? 'all' : 'waiting';
  const waiting = useQuery(trpc.qa.myOpenCount.queryOptions());
  const reviews = useQuery({
    ...trpc.qa.myReviews.queryOptions({
      ...(tab === 'waiting' ? { status: 'submitted' as const } : {}),
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          My reviews
        </Title>
        <Text c="dimmed" size="sm">
          Leads and trainers review some of your conversations against the QA scorecard. Read each
          review, then acknowledge it — or dispute it with a reason if you think a score is wrong.
        </Text>
      </div>
      <Tabs value={tab} onChange={(value) => update({ tab: value === 'all' ? 'all' : undefined })}>
        <Tabs.List>
          <Tabs.Tab
            value="waiting"
            rightSection={
              waiting.data ? (
                <Badge size="xs" color="blue" variant="filled">
                  {waiting.data}
                </Badge>
              ) : null
            }
          >
            Waiting for you
          </Tabs.Tab>
          <Tabs.Tab value="all">All reviews</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      <Paper p={0} style={{ overflow: 'hidden' }}>
        <ListQueryState
          query={reviews}
          loadingLabel="Loading your reviews"
          empty={{
            icon: <IconClipboardCheck />,
            title: tab === 'waiting' ? 'Nothing waiting for you' : 'No reviews yet',
            description:
              tab === 'waiting'
                ? 'Every review of your conversations has been answered.'
                : 'When a lead or trainer reviews one of your conversations, it shows here.',
          }}
        >
          {(items) => <ReviewsTable items={items} />}
        </ListQueryState>
      </Paper>
      {reviews.data ? (
        <ListPagination
          page={page}
          pageSize={PAGE_SIZE}
          total={reviews.data.total}
          onChange={(next) => update({ page: next })}
        />
      ) : null}
    </Stack>
  );
}
