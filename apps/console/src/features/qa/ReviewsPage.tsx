import { Badge, Button, Group, Paper, Select, Stack, Tabs, Text } from '@mantine/core';
import { QA_REVIEW_SORTS, QA_SAMPLE_LABELS, type QaReviewListInput } from '@switchboard/domain';
import { downloadFile, ListPagination, ListQueryState } from '@switchboard/ui';
import { useViewer } from '@switchboard/ui/auth';
import { useTRPC } from '@switchboard/ui/trpc';
import { IconChecklist, IconDownload, IconPlus } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useListParams } from '../../lib/use-list-params.ts';
import { csvFile } from '../kpi/report-csv.ts';
import { knownOption, QaFilterSelect } from './QaFilterSelect.tsx';
import { ReviewsTable } from './ReviewsTable.tsx';
import { REVIEW_CSV_COLUMNS } from './review-csv.ts';
import { StartReviewModal } from './StartReviewModal.tsx';

const PAGE_SIZE = 50;
const PARAMS = ['tab', 'agent', 'reviewer', 'scorecard', 'sample', 'team', 'sort'] as const;

const TABS = [
  { value: 'drafts', label: 'My drafts', empty: 'No drafts of yours' },
  { value: 'disputed', label: 'Disputed', empty: 'No dispute waiting' },
  { value: 'submitted', label: 'Waiting for the agent', empty: 'Every review has been answered' },
  { value: 'all', label: 'All', empty: 'No reviews match' },
] as const;
type Tab = (typeof TABS)[number]['value'];

const SORTS: Array<{ value: string; label: string }> = [
  { value: 'updatedAt.desc', label: 'Recently changed' },
  { value: 'submittedAt.desc', label: 'Newest submitted' },
  { value: 'score.asc', label: 'Lowest score first' },
  { value: 'score.desc', label: 'Highest score first' },
];

function tabOf(value: string | undefined): Tab {
  return TABS.find((tab) => tab.value === value)?.value ?? 'drafts';
}

function sortOf(value: string | undefined): Pick<QaReviewListInput, 'sort' | 'direction'> {
  const [sort, direction] = (value ?? '').split('.');
  const known = QA_REVIEW_SORTS.find((candidate) => candidate === sort);
  return known && (direction === 'asc' || direction === 'desc')
    ? { sort: known, direction }
    : { sort: 'updatedAt', direction: 'desc' };
}

/** Every review: the viewer's drafts to finish, disputes to settle, and the whole record. */
export function ReviewsPage() {
  const trpc = useTRPC();
  const viewer = useViewer();
  const { values, page, update } = useListParams(PARAMS);
  const [starting, setStarting] = useState(false);
  const tab = tabOf(values.tab);
  const options = useQuery(trpc.qa.filterOptions.queryOptions());
  const input: QaReviewListInput = {
    ...sortOf(values.sort),
    ...(tab === 'drafts' ? { status: 'draft', reviewerId: viewer.id } : {}),
    ...(tab === 'disputed' ? { status: 'disputed' } : {}),
    ...(tab === 'submitted' ? { status: 'submitted' } : {}),
    ...(tab !== 'drafts' && values.reviewer ? { reviewerId: values.reviewer } : {}),
    agentId: values.agent,
    scorecardId: knownOption(options.data, 'scorecard', values.scorecard),
    teamId: knownOption(options.data, 'team', values.team),
    sample:
      values.sample && values.sample in QA_SAMPLE_LABELS && values.sample !== 'calibration'
        ? (values.sample as QaReviewListInput['sample'])
        : undefined,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  const reviews = useQuery({
    ...trpc.qa.reviews.queryOptions(input),
    placeholderData: keepPreviousData,
  });
  const current = TABS.find((candidate) => candidate.value === tab) ?? TABS[0];

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Group gap="sm" align="flex-end">
          <QaFilterSelect
            kind="agent"
            options={options.data}
            value={values.agent}
            onChange={(agent) => update({ agent })}
          />
          {tab === 'drafts' ? null : (
            <QaFilterSelect
              kind="reviewer"
              options={options.data}
              value={values.reviewer}
              onChange={(reviewer) => update({ reviewer })}
            />
          )}
          <QaFilterSelect
            kind="team"
            options={options.data}
            value={values.team}
            onChange={(team) => update({ team })}
          />
          <QaFilterSelect
            kind="scorecard"
            options={options.data}
            value={values.scorecard}
            onChange={(scorecard) => update({ scorecard })}
          />
          <Select
            label="Sample"
            placeholder="Any"
            clearable
            w={170}
            data={(
              ['random', 'low_csat', 'escalated', 'guardrail_approval', 'manual'] as const
            ).map((sample) => ({ value: sample, label: QA_SAMPLE_LABELS[sample] }))}
            value={values.sample ?? null}
            onChange={(sample) => update({ sample: sample ?? undefined })}
          />
          <Select
            label="Sort"
            w={180}
            data={SORTS}
            value={`${input.sort}.${input.direction}`}
            onChange={(sort) =>
              update({ sort: sort === 'updatedAt.desc' ? undefined : (sort ?? undefined) })
            }
            allowDeselect={false}
          />
        </Group>
        <Group gap="sm">
          <Button
            variant="default"
            leftSection={<IconDownload size={16} />}
            disabled={!reviews.data || reviews.data.items.length === 0}
            onClick={() =>
              reviews.data &&
              downloadFile(
                `qa-reviews-${tab}-page-${page}.csv`,
                csvFile(REVIEW_CSV_COLUMNS, reviews.data.items),
                'text/csv',
              )
            }
          >
            Export CSV
          </Button>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setStarting(true)}>
            Review a conversation
          </Button>
        </Group>
      </Group>
      <Tabs
        value={tab}
        onChange={(value) => update({ tab: value === 'drafts' ? undefined : (value ?? undefined) })}
      >
        <Tabs.List>
          {TABS.map((candidate) => (
            <Tabs.Tab
              key={candidate.value}
              value={candidate.value}
              rightSection={
                candidate.value === tab && reviews.data ? (
                  <Badge size="xs" variant="light" color="gray">
                    {reviews.data.total}
                  </Badge>
                ) : null
              }
            >
              {candidate.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Paper p={0} style={{ overflow: 'hidden' }}>
        <ListQueryState
          query={reviews}
          loadingLabel="Loading reviews"
          empty={{
            icon: <IconChecklist />,
            title: current.empty,
            description:
              tab === 'drafts'
                ? 'Pick a conversation from the samples, or review one by its number.'
                : 'Change the filters to see more.',
          }}
        >
          {(items) => <ReviewsTable items={items} label={`${current.label} reviews`} />}
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
      <Text size="xs" c="dimmed">
        Calibration reviews are not listed here: they live in their calibration sessions.
      </Text>
      <StartReviewModal opened={starting} onClose={() => setStarting(false)} />
    </Stack>
  );
}
