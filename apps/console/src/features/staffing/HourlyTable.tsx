import { Badge, Table, Text } from '@mantine/core';
import { CHANNELS, WEEKDAY_LABELS, WEEKDAYS, type Weekday } from '@switchboard/domain';
import { CHANNEL_LABELS } from '@switchboard/ui';
import {
  agentsText,
  arrivalsText,
  forecastChannels,
  gapText,
  type StaffingInterval,
  serviceLevelText,
} from './staffing-format.ts';

/** One day's hours: forecast per channel, required, scheduled, gap and the level it reaches. */
export function HourlyTable({
  intervals,
  day,
}: {
  intervals: readonly StaffingInterval[];
  day: Weekday;
}) {
  const first = WEEKDAYS.indexOf(day) * 24;
  const hours = intervals.slice(first, first + 24);
  const channels = forecastChannels(intervals);
  const shown = channels.length > 0 ? channels : CHANNELS.slice(0, 1);
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table aria-label={`${WEEKDAY_LABELS[day]} by hour`} striped verticalSpacing={4} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Hour</Table.Th>
            {shown.map((channel) => (
              <Table.Th key={channel} ta="right">
                {CHANNEL_LABELS[channel]}
              </Table.Th>
            ))}
            <Table.Th ta="right">Forecast</Table.Th>
            <Table.Th ta="right">Required</Table.Th>
            <Table.Th ta="right">Scheduled</Table.Th>
            <Table.Th ta="right">Gap</Table.Th>
            <Table.Th ta="right">Service level as scheduled</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {hours.map((interval) => (
            <Table.Tr key={interval.hourOfWeek}>
              <Table.Th scope="row" fw={500}>
                {String(interval.hour).padStart(2, '0')}:00
              </Table.Th>
              {shown.map((channel) => (
                <Table.Td key={channel} ta="right">
                  {arrivalsText(interval.arrivals[channel] ?? 0)}
                </Table.Td>
              ))}
              <Table.Td ta="right">{arrivalsText(interval.totalArrivals)}</Table.Td>
              <Table.Td ta="right">{interval.required}</Table.Td>
              <Table.Td ta="right">{agentsText(interval.scheduled)}</Table.Td>
              <Table.Td ta="right">
                {interval.gap < -1e-9 ? (
                  <Badge color="red" variant="light">
                    {gapText(interval.gap)}
                  </Badge>
                ) : (
                  <Text span size="sm">
                    {gapText(interval.gap)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">{serviceLevelText(interval.scheduledServiceLevel)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
