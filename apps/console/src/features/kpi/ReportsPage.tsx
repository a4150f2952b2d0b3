import { Button, Group, Loader, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useClipboard } from '@mantine/hooks';
import { localClock } from '@switchboard/domain';
import { describeError, ErrorState } from '@switchboard/ui';
import { useTRPC } from '@switchboard/ui/trpc';
import { IconCheck, IconLink } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useHref } from 'react-router';
import { BacklogSection } from './BacklogSection.tsx';
import { BREAKDOWN_PARAMS, BreakdownSection } from './BreakdownSection.tsx';
import { HeadlineCards } from './HeadlineCards.tsx';
import { describeDays, describePeriod } from './kpi-format.ts';
import { PeriodControls, SliceFilters, timeZoneOptions } from './ReportFilters.tsx';
import { reportSearch } from './report-params.ts';
import { SlaSection } from './SlaSection.tsx';
import { TurnaroundSection } from './TurnaroundSection.tsx';
import { useReportView } from './use-report-view.ts';

/** "compared with 15 Jan – 13 Feb 2026": the previous period in the report's own days. */
function previousPeriodText(period: { from: Date; to: Date }, timeZone: string): string {
  const first = localClock(new Date(period.from), timeZone).date;
  const last = localClock(new Date(new Date(period.to).getTime() - 1), timeZone).date;
  return describeDays(first, last);
}

function DashboardSkeleton() {
  return (
    <Stack gap="md" aria-busy="true" aria-label="Loading the report">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {Array.from({ length: 9 }, (_, index) => (
          <Skeleton key={index} h={170} radius="md" />
        ))}
      </SimpleGrid>
      <Skeleton h={180} radius="md" />
    </Stack>
  );
}

/**
 * The KPI dashboard: every formula of DOMAIN.md "KPI formulas" for a period and filter, against
 * the period before, with the conversations behind each count a click away. The whole view
 * lives in the URL, so a link reproduces it.
 */
export function ReportsPage() {
  const trpc = useTRPC();
  const { view, values, update, viewerTimeZone } = useReportView(BREAKDOWN_PARAMS);
  const options = useQuery(trpc.kpi.filterOptions.queryOptions());
  const dashboard = useQuery({
    ...trpc.kpi.dashboard.queryOptions(view.query),
    placeholderData: keepPreviousData,
  });
  const clipboard = useClipboard({ timeout: 2000 });
  const shareHref = useHref(
    `/reports${reportSearch(view.params, {
      ...(values.by ? { by: values.by } : {}),
      ...(values.sort ? { sort: values.sort } : {}),
      ...(values.dir ? { dir: values.dir } : {}),
    })}`,
  );
  const data = dashboard.data;
  const updating = dashboard.isFetching && dashboard.isPlaceholderData;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" gap="md">
        <div>
          <Group gap="sm" align="center">
            <Title order={1} size="h2">
              KPI reports
            </Title>
            {updating ? <Loader size="xs" aria-label="Updating the report" /> : null}
          </Group>
          <Text c="dimmed" size="sm" maw={760}>
            Support KPIs for {describePeriod(view.period)}
            {data
              ? `, compared with ${previousPeriodText(data.previousPeriod, view.period.timeZone)}`
              : ''}
            . Durations are medians in business time; every count opens the conversations behind it.
          </Text>
        </div>
        <Button
          variant="default"
          leftSection={clipboard.copied ? <IconCheck size={16} /> : <IconLink size={16} />}
          color={clipboard.copied ? 'teal' : undefined}
          onClick={() => clipboard.copy(`${window.location.origin}${shareHref}`)}
        >
          {clipboard.copied ? 'Link copied' : 'Copy link to this view'}
        </Button>
      </Group>

      <PeriodControls
        view={view}
        update={update}
        timeZones={timeZoneOptions(options.data, viewerTimeZone, view.period.timeZone)}
      />
      <SliceFilters view={view} update={update} options={options.data} />

      {dashboard.isPending ? (
        <DashboardSkeleton />
      ) : dashboard.isError && !data ? (
        <ErrorState
          message={describeError(dashboard.error)}
          onRetry={() => void dashboard.refetch()}
        />
      ) : data ? (
        <Stack gap="lg" aria-busy={updating}>
          {dashboard.isError ? (
            <ErrorState
              message={`These figures are for the previous view: ${describeError(dashboard.error)}`}
              onRetry={() => void dashboard.refetch()}
            />
          ) : null}
          <HeadlineCards
            figures={data.figures}
            previous={data.previous}
            definitions={data.definitions}
            params={view.params}
          />
          <SlaSection
            figures={data.figures}
            previous={data.previous}
            definitions={data.definitions}
            params={view.params}
          />
          <BacklogSection
            figures={data.figures}
            previous={data.previous}
            definitions={data.definitions}
            params={view.params}
            period={view.period}
          />
          <BreakdownSection
            view={view}
            query={view.query}
            figures={data.figures}
            values={values}
            update={update}
          />
          <TurnaroundSection
            rows={data.turnaround}
            definitions={data.definitions}
            period={view.period}
          />
        </Stack>
      ) : null}
    </Stack>
  );
}
