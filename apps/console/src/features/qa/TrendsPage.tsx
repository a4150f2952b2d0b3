import { Group, Paper, Select, Stack, Text } from '@mantine/core';
import { weekRange, weekStartOf } from '@switchboard/domain';
import { describeError, ErrorState, TableSkeleton } from '@switchboard/ui';
import { useViewer } from '@switchboard/ui/auth';
import { useTRPC } from '@switchboard/ui/trpc';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useListParams } from '../../lib/use-list-params.ts';
import { QaFigureCards } from './QaFigureCards.tsx';
import { knownOption, QaFilterSelect } from './QaFilterSelect.tsx';
import { QaTrendChart } from './QaTrendChart.tsx';
import { TrendsTables } from './TrendsTables.tsx';
import { shiftWeek } from './week-text.ts';

const PARAMS = ['weeks', 'scorecard', 'team', 'agent'] as const;
const WEEK_CHOICES = [
  { value: '4', label: 'Last 4 weeks' },
  { value: '8', label: 'Last 8 weeks' },
  { value: '13', label: 'Last 13 weeks' },
  { value: '26', label: 'Last 26 weeks' },
  { value: '52', label: 'Last 52 weeks' },
];

/**
 * QA over time, in the viewer's weeks: average score, pass rate against each scorecard's pass
 * mark and number of reviews, by agent, team, criterion and week.
 */
export function TrendsPage() {
  const trpc = useTRPC();
  const viewer = useViewer();
  const { values, update } = useListParams(PARAMS);
  const options = useQuery(trpc.qa.filterOptions.queryOptions());
  const weeks = WEEK_CHOICES.find((choice) => choice.value === values.weeks)?.value ?? '8';
  const thisWeek = weekStartOf(new Date(), viewer.timeZone);
  const firstWeek = shiftWeek(thisWeek, -(Number(weeks) - 1));
  const period = {
    from: weekRange(firstWeek, viewer.timeZone).from,
    to: weekRange(thisWeek, viewer.timeZone).to,
    timeZone: viewer.timeZone,
  };
  const scorecard = options.data?.scorecards.find((row) => row.id === values.scorecard);
  const trends = useQuery({
    ...trpc.qa.trends.queryOptions({
      ...period,
      scorecardId: scorecard?.id,
      teamId: knownOption(options.data, 'team', values.team),
      agentId: values.agent,
    }),
    placeholderData: keepPreviousData,
  });

  return (
    <Stack gap="md">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label="Period"
          w={170}
          data={WEEK_CHOICES}
          value={weeks}
          onChange={(next) => update({ weeks: next === '8' ? undefined : (next ?? undefined) })}
          allowDeselect={false}
        />
        <QaFilterSelect
          kind="scorecard"
          options={options.data}
          value={values.scorecard}
          onChange={(scorecard) => update({ scorecard })}
        />
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
      <Text size="sm" c="dimmed">
        Submitted reviews (calibration aside), in weeks starting Monday ({viewer.timeZone}). A
        review passes at or above its own scorecard version’s pass mark; settled disputes count with
        their final score.
      </Text>
      {trends.isPending ? (
        <Paper p={0}>
          <TableSkeleton label="Loading QA trends" />
        </Paper>
      ) : trends.isError ? (
        <ErrorState message={describeError(trends.error)} onRetry={() => void trends.refetch()} />
      ) : (
        <>
          <QaFigureCards figures={trends.data.overall} />
          <Paper withBorder p="md" aria-label="Weekly QA trend">
            <QaTrendChart weeks={trends.data.weeks} passMark={scorecard?.passMark} />
          </Paper>
          <TrendsTables trends={trends.data} fileSuffix={`${firstWeek}-${weeks}w`} />
        </>
      )}
    </Stack>
  );
}
