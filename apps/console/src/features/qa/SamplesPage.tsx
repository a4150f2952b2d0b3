import {
  ActionIcon,
  Anchor,
  Button,
  Group,
  Paper,
  Progress,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Tooltip,
} from '@mantine/core';
import {
  QA_SAMPLE_DESCRIPTIONS,
  QA_SAMPLE_LABELS,
  QA_SAMPLE_LISTS,
  type QaSampleList,
  weekStartOf,
  weekStartSchema,
} from '@switchboard/domain';
import { describeError, formatDateTime, ListPagination, ListQueryState } from '@switchboard/ui';
import { useViewer } from '@switchboard/ui/auth';
import { QaReviewStatusBadge } from '@switchboard/ui/qa';
import { type RouterOutputs, useTRPC } from '@switchboard/ui/trpc';
import { IconChevronLeft, IconChevronRight, IconListSearch } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { useListParams } from '../../lib/use-list-params.ts';
import { knownOption, QaFilterSelect } from './QaFilterSelect.tsx';
import { reviewPath } from './qa-links.ts';
import { shiftWeek, weekText } from './week-text.ts';

type SampleRow = RouterOutputs['qa']['sample']['items'][number];
type SampleProgress = RouterOutputs['qa']['sample']['progress'];

const PAGE_SIZE = 50;
const PARAMS = ['scorecard', 'list', 'week', 'team', 'agent'] as const;

function listOf(value: string | undefined): QaSampleList {
  return QA_SAMPLE_LISTS.find((list) => list === value) ?? 'random';
}

function ProgressCards({ progress }: { progress: SampleProgress }) {
  if (progress.length === 0) return null;
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" aria-label="Reviewed this week">
      {progress.map((row) => (
        <Paper key={row.agentId} withBorder p="xs">
          <Text size="sm" fw={500} truncate>
            {row.agentName}
          </Text>
          <Text size="xs" c="dimmed">
            {row.reviewed} of {row.sampled} reviewed
          </Text>
          <Progress
            mt={4}
            size="sm"
            value={row.sampled ? (row.reviewed / row.sampled) * 100 : 0}
            color={row.reviewed >= row.sampled ? 'teal' : 'blue'}
            aria-hidden
          />
        </Paper>
      ))}
    </SimpleGrid>
  );
}

function SampleTable({
  items,
  list,
  scorecardId,
}: {
  items: SampleRow[];
  list: QaSampleList;
  scorecardId: string;
}) {
  const trpc = useTRPC();
  const viewer = useViewer();
  const navigate = useNavigate();
  const start = useMutation(
    trpc.qa.startReview.mutationOptions({
      onSuccess: ({ id }) => void navigate(reviewPath(id)),
    }),
  );
  return (
    <Stack gap={0}>
      {start.error ? (
        <Text c="red" size="sm" p="sm" role="alert">
          {describeError(start.error)}
        </Text>
      ) : null}
      <Table.ScrollContainer minWidth={900}>
        <Table highlightOnHover aria-label={`${QA_SAMPLE_LABELS[list]} sample`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Conversation</Table.Th>
              <Table.Th>Agent</Table.Th>
              <Table.Th>Resolved</Table.Th>
              <Table.Th>Why it is here</Table.Th>
              <Table.Th>Reviews</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((row) => {
              const mine = row.reviews.find((review) => review.reviewerId === viewer.id);
              return (
                <Table.Tr key={row.conversationId}>
                  <Table.Td maw={320}>
                    <Text size="sm" fw={600}>
                      #{row.number}
                    </Text>
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {row.subject}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{row.agentName}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{row.resolvedAt ? formatDateTime(row.resolvedAt) : '—'}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{row.reason}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {row.reviews.length === 0 ? (
                        <Text size="sm" c="dimmed">
                          Not reviewed
                        </Text>
                      ) : (
                        row.reviews.map((review) => (
                          <Anchor
                            key={review.id}
                            component={Link}
                            to={reviewPath(review.id)}
                            size="xs"
                          >
                            <Group gap={4} component="span">
                              {review.reviewerName}
                              <QaReviewStatusBadge status={review.status} size="xs" />
                              {review.score !== null ? `${review.score}%` : ''}
                            </Group>
                          </Anchor>
                        ))
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right">
                    {mine ? (
                      <Button component={Link} to={reviewPath(mine.id)} size="xs" variant="default">
                        {mine.status === 'draft' ? 'Continue' : 'Open'}
                      </Button>
                    ) : row.agentId === viewer.id ? null : (
                      <Button
                        size="xs"
                        loading={
                          start.isPending && start.variables?.conversationId === row.conversationId
                        }
                        onClick={() =>
                          start.mutate({
                            scorecardId,
                            sample: list,
                            conversationId: row.conversationId,
                          })
                        }
                      >
                        Review
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/**
 * Where reviews come from: one week's random draw per agent, low ratings, escalations and
 * guardrail approvals, for a scorecard's audience. Pick one and score it.
 */
export function SamplesPage() {
  const trpc = useTRPC();
  const viewer = useViewer();
  const { values, page, update } = useListParams(PARAMS);
  const options = useQuery(trpc.qa.filterOptions.queryOptions());
  const active = (options.data?.scorecards ?? []).filter((scorecard) => !scorecard.archivedAt);
  const scorecardId =
    active.find((scorecard) => scorecard.id === values.scorecard)?.id ?? active[0]?.id;
  const list = listOf(values.list);
  const thisWeek = weekStartOf(new Date(), viewer.timeZone);
  const week = weekStartSchema.safeParse(values.week).data ?? shiftWeek(thisWeek, -1);
  const sample = useQuery({
    ...trpc.qa.sample.queryOptions({
      scorecardId: scorecardId ?? '',
      list,
      weekStart: week,
      timeZone: viewer.timeZone,
      teamId: knownOption(options.data, 'team', values.team),
      agentId: values.agent,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    }),
    enabled: scorecardId !== undefined,
    placeholderData: keepPreviousData,
  });

  return (
    <Stack gap="md">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label="Scorecard"
          w={220}
          data={active.map((scorecard) => ({ value: scorecard.id, label: scorecard.name }))}
          value={scorecardId ?? null}
          onChange={(next) => update({ scorecard: next ?? undefined })}
          allowDeselect={false}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Week ({viewer.timeZone})
          </Text>
          <Group gap={4}>
            <Tooltip label="Week before">
              <ActionIcon
                variant="default"
                size="lg"
                aria-label="Week before"
                onClick={() => update({ week: shiftWeek(week, -1) })}
              >
                <IconChevronLeft size={16} />
              </ActionIcon>
            </Tooltip>
            <Text size="sm" w={160} ta="center" aria-live="polite">
              {weekText(week)}
            </Text>
            <Tooltip label="Week after">
              <ActionIcon
                variant="default"
                size="lg"
                aria-label="Week after"
                disabled={week >= thisWeek}
                onClick={() => update({ week: shiftWeek(week, 1) })}
              >
                <IconChevronRight size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Stack>
        <QaFilterSelect
          kind="team"
          options={options.data}
          value={values.team}
          onChange={(team) => update({ team })}
        />
        <QaFilterSelect
          kind="agent"
          options={options.data}
          value={values.agent}
          onChange={(agent) => update({ agent })}
        />
      </Group>
      <SegmentedControl
        aria-label="Sample"
        value={list}
        onChange={(next) => update({ list: next === 'random' ? undefined : next })}
        data={QA_SAMPLE_LISTS.map((value) => ({
          value,
          label: value === 'guardrail_approval' ? 'Guardrail approvals' : QA_SAMPLE_LABELS[value],
        }))}
      />
      <Text size="sm" c="dimmed">
        {QA_SAMPLE_DESCRIPTIONS[list]}
        {list === 'random' && sample.data
          ? ` This scorecard draws ${sample.data.scorecard.randomSamplePerAgent} per agent.`
          : ''}
      </Text>
      {list === 'random' && sample.data ? <ProgressCards progress={sample.data.progress} /> : null}
      <Paper p={0} style={{ overflow: 'hidden' }}>
        {scorecardId === undefined ? (
          <Text p="md" size="sm" c="dimmed">
            {options.isPending
              ? 'Loading…'
              : 'Create a scorecard first: samples are drawn for one.'}
          </Text>
        ) : (
          <ListQueryState
            query={sample}
            loadingLabel="Loading the sample"
            empty={{
              icon: <IconListSearch />,
              title: 'Nothing in this sample',
              description:
                'No conversation resolved that week fits it. Try another week or sample.',
            }}
          >
            {(items) => <SampleTable items={items} list={list} scorecardId={scorecardId} />}
          </ListQueryState>
        )}
      </Paper>
      {sample.data ? (
        <ListPagination
          page={page}
          pageSize={PAGE_SIZE}
          total={sample.data.total}
          onChange={(next) => update({ page: next })}
        />
      ) : null}
    </Stack>
  );
}
