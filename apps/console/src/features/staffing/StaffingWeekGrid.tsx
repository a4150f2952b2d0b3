import { Box, Group, Table, Text, UnstyledButton } from '@mantine/core';
import { WEEKDAY_LABELS, WEEKDAYS, type Weekday } from '@switchboard/domain';
import { gapText, intervalDescription, type StaffingInterval } from './staffing-format.ts';

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

type CellTone = 'short' | 'covered' | 'spare' | 'idle' | 'closed';

/** Short is red (darker the bigger the gap); covered teal; staff with nothing forecast grey. */
export function cellTone(interval: StaffingInterval): CellTone {
  if (interval.gap < -1e-9) return 'short';
  if (interval.required === 0) return interval.scheduled > 0 ? 'idle' : 'closed';
  return interval.gap > 1e-9 ? 'spare' : 'covered';
}

function cellBackground(interval: StaffingInterval): string | undefined {
  switch (cellTone(interval)) {
    case 'short': {
      const shade = Math.min(7, 2 + Math.ceil(-interval.gap));
      return `var(--mantine-color-red-${shade})`;
    }
    case 'covered':
      return 'var(--mantine-color-teal-2)';
    case 'spare':
      return 'var(--mantine-color-teal-1)';
    case 'idle':
      return 'var(--mantine-color-gray-2)';
    default:
      return undefined;
  }
}

function Swatch({ color, label }: { color: string; label: string }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Box w={12} h={12} style={{ background: color, borderRadius: 2 }} />
      <Text size="xs">{label}</Text>
    </Group>
  );
}

/**
 * The week at a glance: a row per day, a cell per hour showing scheduled − required agents,
 * coloured by the gap. Choosing a day opens its hours below.
 */
export function StaffingWeekGrid({
  intervals,
  selectedDay,
  onSelectDay,
}: {
  intervals: readonly StaffingInterval[];
  selectedDay: Weekday;
  onSelectDay: (day: Weekday) => void;
}) {
  return (
    <Box>
      <Table.ScrollContainer minWidth={880}>
        <Table
          aria-label="Staffing gap by hour of week"
          withTableBorder
          withColumnBorders
          horizontalSpacing={2}
          verticalSpacing={4}
          fz="xs"
          layout="fixed"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={56}>Day</Table.Th>
              {HOURS.map((hour) => (
                <Table.Th key={hour} ta="center" fw={400} c="dimmed">
                  {String(hour).padStart(2, '0')}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {WEEKDAYS.map((day, dayIndex) => (
              <Table.Tr
                key={day}
                bg={day === selectedDay ? 'var(--mantine-color-blue-light)' : undefined}
              >
                <Table.Th scope="row">
                  <UnstyledButton
                    fz="xs"
                    fw={day === selectedDay ? 700 : 500}
                    aria-pressed={day === selectedDay}
                    aria-label={`Show ${WEEKDAY_LABELS[day]}'s hours`}
                    onClick={() => onSelectDay(day)}
                  >
                    {WEEKDAY_LABELS[day].slice(0, 3)}
                  </UnstyledButton>
                </Table.Th>
                {HOURS.map((hour) => {
                  const interval = intervals[dayIndex * 24 + hour];
                  if (!interval) return <Table.Td key={hour} />;
                  const description = intervalDescription(interval);
                  const tone = cellTone(interval);
                  return (
                    // Plain cells with a native title: 168 Mantine cells and tooltips would
                    // weigh on every render of the page.
                    <td
                      key={hour}
                      title={description}
                      aria-label={description}
                      data-tone={tone}
                      style={{
                        background: cellBackground(interval),
                        fontWeight: tone === 'short' ? 700 : 400,
                        textAlign: 'center',
                      }}
                    >
                      {tone === 'closed' ? '' : gapText(interval.gap)}
                    </td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group gap="md" mt="xs">
        <Swatch color="var(--mantine-color-red-5)" label="Short (scheduled − required < 0)" />
        <Swatch color="var(--mantine-color-teal-2)" label="Covered" />
        <Swatch color="var(--mantine-color-teal-1)" label="Spare" />
        <Swatch color="var(--mantine-color-gray-2)" label="Scheduled, nothing forecast" />
      </Group>
    </Box>
  );
}
