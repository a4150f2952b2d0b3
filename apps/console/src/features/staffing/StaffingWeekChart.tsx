import '@mantine/charts/styles.css';
import { BarChart, CompositeChart } from '@mantine/charts';
import { Stack, Text } from '@mantine/core';
import { hourOfWeekLabel } from '@switchboard/domain';
import type { StaffingInterval } from './staffing-format.ts';

/** A tick at each midnight, named by its day. */
const xAxisProps = {
  interval: 23,
  tickFormatter: (label: string) => label.slice(0, 3),
};

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * Required against scheduled agents over the week, with the forecast behind them on its own
 * axis, and the gap underneath: red below zero where the week is short.
 */
export function StaffingWeekChart({ intervals }: { intervals: readonly StaffingInterval[] }) {
  const data = intervals.map((interval) => ({
    hour: hourOfWeekLabel(interval.hourOfWeek),
    Forecast: round(interval.totalArrivals),
    Required: interval.required,
    Scheduled: round(interval.scheduled),
    Gap: round(interval.gap),
  }));
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        Agents required and scheduled, contacts forecast
      </Text>
      <CompositeChart
        h={260}
        data={data}
        dataKey="hour"
        withLegend
        withDots={false}
        curveType="stepAfter"
        maxBarWidth={6}
        xAxisProps={xAxisProps}
        yAxisLabel="Agents"
        withRightYAxis
        rightYAxisLabel="Contacts / hour"
        series={[
          { name: 'Forecast', color: 'gray.4', type: 'area', yAxisId: 'right' },
          { name: 'Required', color: 'indigo.6', type: 'bar' },
          { name: 'Scheduled', color: 'teal.6', type: 'line' },
        ]}
      />
      <Text size="sm" fw={500}>
        Gap (scheduled − required)
      </Text>
      <BarChart
        h={160}
        data={data}
        dataKey="hour"
        series={[{ name: 'Gap', color: 'teal.6' }]}
        getBarColor={(value) => (value < 0 ? 'red.6' : 'teal.6')}
        xAxisProps={xAxisProps}
        referenceLines={[{ y: 0, color: 'gray.6' }]}
        maxBarWidth={6}
      />
    </Stack>
  );
}
