import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { BACKLOG_AGE_BUCKETS, BACKLOG_AGE_LABELS, type KpiFigures } from '@switchboard/domain';
import { downloadFile, formatInTimeZone, formatRelativeTime } from '@switchboard/ui';
import { type ReactNode, useId } from 'react';
import { ChangeText, DrillCount, FormulaInfo } from './KpiCard.tsx';
import type { KpiDefinitions } from './kpi-figures.ts';
import { describeChange, formatCount, formatDay } from './kpi-format.ts';
import { ExportCsvButton, ReportSection } from './ReportSection.tsx';
import { type CsvColumn, csvFile, reportFileName } from './report-csv.ts';
import type { ReportParams, ReportPeriod } from './report-params.ts';

type DailyFlow = KpiFigures['backlog']['daily'][number];

export const DAILY_FLOW_COLUMNS: readonly CsvColumn<DailyFlow>[] = [
  { header: 'Date', value: (day) => day.date },
  { header: 'Inflow (created)', value: (day) => day.inflow },
  { header: 'Outflow (resolved)', value: (day) => day.outflow },
  { header: 'Net change', value: (day) => day.inflow - day.outflow },
];

function Figure({
  label,
  children,
  hint,
}: {
  label: string;
  children: ReactNode;
  hint?: ReactNode;
}) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={24} fw={700} lh={1.2} component="div">
        {children}
      </Text>
      {hint ? (
        <Text size="xs" c="dimmed" component="div">
          {hint}
        </Text>
      ) : null}
    </Stack>
  );
}

/**
 * The backlog as it stands now (open, how old, breached) and how the period's work flowed:
 * conversations created against conversations resolved, per local day.
 */
export function BacklogSection({
  figures,
  previous,
  definitions,
  params,
  period,
}: {
  figures: KpiFigures;
  previous: KpiFigures;
  definitions: KpiDefinitions;
  params: ReportParams;
  period: ReportPeriod;
}) {
  const ageChartId = useId();
  const flowChartId = useId();
  const { backlog } = figures;
  const ages = BACKLOG_AGE_BUCKETS.map((bucket) => ({
    age: BACKLOG_AGE_LABELS[bucket],
    open: backlog.ages[bucket],
  }));
  const daily = backlog.daily.map((day) => ({ ...day, day: formatDay(day.date) }));
  const inflow = backlog.daily.reduce((sum, day) => sum + day.inflow, 0);
  const outflow = backlog.daily.reduce((sum, day) => sum + day.outflow, 0);
  const previousInflow = previous.backlog.daily.reduce((sum, day) => sum + day.inflow, 0);
  const previousOutflow = previous.backlog.daily.reduce((sum, day) => sum + day.outflow, 0);
  const oldest = backlog.oldestCreatedAt ? new Date(backlog.oldestCreatedAt) : null;

  return (
    <ReportSection
      title="Backlog"
      description="Open, pending and snoozed conversations now, by age, and the period's inflow against outflow."
      aside={<FormulaInfo label="Backlog health" formula={definitions.backlog.formula} />}
    >
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
          <SimpleGrid cols={{ base: 2, xs: 3 }} spacing="lg" verticalSpacing="lg">
            <Figure label="Open now">
              <DrillCount count={backlog.open} drilldown="open" params={params} />
            </Figure>
            <Figure
              label="Breached open"
              hint={
                backlog.open > 0
                  ? `${Math.round((backlog.breachedOpen / backlog.open) * 100)}% of open`
                  : null
              }
            >
              <Text inherit c={backlog.breachedOpen > 0 ? 'red' : undefined} span>
                <DrillCount count={backlog.breachedOpen} drilldown="breachedOpen" params={params} />
              </Text>
            </Figure>
            <Figure
              label="Oldest open"
              hint={oldest ? formatInTimeZone(oldest, period.timeZone) : 'Nothing open'}
            >
              {oldest ? formatRelativeTime(oldest).replace(/ ago$/, '') : '—'}
            </Figure>
          </SimpleGrid>
          <div>
            <Text size="sm" fw={600} c="dimmed" mb={4} id={ageChartId}>
              Open by age
            </Text>
            <BarChart
              h={160}
              data={ages}
              dataKey="age"
              series={[{ name: 'open', label: 'Open', color: 'switchboard.6' }]}
              withBarValueLabel
              gridAxis="y"
              tickLine="none"
              maxBarWidth={56}
              yAxisProps={{ allowDecimals: false }}
              aria-labelledby={ageChartId}
            />
          </div>
        </SimpleGrid>

        <div>
          <Group justify="space-between" align="flex-end" mb="xs">
            <div>
              <Text size="sm" fw={600} c="dimmed" id={flowChartId}>
                Inflow vs outflow per day
              </Text>
              <Group gap="lg" mt={2}>
                <Group gap={4} wrap="nowrap">
                  <Text size="xs" c="dimmed">
                    Created {formatCount(inflow)}
                  </Text>
                  <ChangeText change={describeChange(inflow, previousInflow, 'count', 'neither')} />
                </Group>
                <Group gap={4} wrap="nowrap">
                  <Text size="xs" c="dimmed">
                    Resolved {formatCount(outflow)}
                  </Text>
                  <ChangeText
                    change={describeChange(outflow, previousOutflow, 'count', 'higher')}
                  />
                </Group>
                <Text size="xs" fw={600} c={inflow > outflow ? 'red' : 'teal'}>
                  Backlog {inflow - outflow > 0 ? '+' : ''}
                  {formatCount(inflow - outflow)} over the period
                </Text>
              </Group>
            </div>
            <ExportCsvButton
              aria-label="Export inflow and outflow per day as CSV"
              disabled={backlog.daily.length === 0}
              onClick={() =>
                downloadFile(
                  reportFileName('inflow-outflow', period),
                  csvFile(DAILY_FLOW_COLUMNS, backlog.daily),
                  'text/csv',
                )
              }
            />
          </Group>
          <BarChart
            h={240}
            data={daily}
            dataKey="day"
            series={[
              { name: 'inflow', label: 'Inflow (created)', color: 'blue.6' },
              { name: 'outflow', label: 'Outflow (resolved)', color: 'teal.6' },
            ]}
            withLegend
            legendProps={{ verticalAlign: 'bottom' }}
            gridAxis="y"
            tickLine="none"
            maxBarWidth={14}
            yAxisProps={{ allowDecimals: false }}
            aria-labelledby={flowChartId}
          />
        </div>
      </Stack>
    </ReportSection>
  );
}
