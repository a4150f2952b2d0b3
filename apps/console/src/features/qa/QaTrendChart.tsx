import '@mantine/charts/styles.css';
import { CompositeChart } from '@mantine/charts';
import type { QaTrends } from '@switchboard/domain';

/** Weekly average score and pass rate (percent, left) with the number of reviews (bars, right). */
export function QaTrendChart({ weeks, passMark }: { weeks: QaTrends['weeks']; passMark?: number }) {
  const data = weeks.map((week) => ({
    week: week.weekStart.slice(5),
    'Average score': week.averageScore === null ? null : Math.round(week.averageScore),
    'Pass rate': week.passRate === null ? null : Math.round(week.passRate * 100),
    Reviews: week.reviews,
  }));
  return (
    <CompositeChart
      h={260}
      data={data}
      dataKey="week"
      withLegend
      connectNulls={false}
      yAxisProps={{ domain: [0, 100] }}
      yAxisLabel="%"
      withRightYAxis
      rightYAxisLabel="Reviews"
      maxBarWidth={24}
      referenceLines={
        passMark === undefined
          ? []
          : [{ y: passMark, label: `Pass mark ${passMark}%`, color: 'red.5' }]
      }
      series={[
        { name: 'Reviews', color: 'gray.3', type: 'bar', yAxisId: 'right' },
        { name: 'Average score', color: 'indigo.6', type: 'line' },
        { name: 'Pass rate', color: 'teal.6', type: 'line' },
      ]}
    />
  );
}
