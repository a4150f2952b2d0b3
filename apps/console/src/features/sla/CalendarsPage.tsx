import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { weeklyHoursFigure, weeklyHoursText } from '@switchboard/domain';
import {
  describeError,
  EmptyState,
  ErrorState,
  formatDateTime,
  TableSkeleton,
} from '@switchboard/ui';
import { useViewer } from '@switchboard/ui/auth';
import { type RouterOutputs, useTRPC } from '@switchboard/ui/trpc';
import { IconCalendarTime, IconClock24, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { calendarEditorPath, POLICIES_PATH, policyEditorPath } from './sla-links.ts';

type CalendarRow = RouterOutputs['sla']['calendars'][number];

function Hours({ row }: { row: CalendarRow }) {
  if (row.alwaysOpen) {
    return (
      <Badge color="teal" variant="light" leftSection={<IconClock24 size={12} />}>
        Open 24/7
      </Badge>
    );
  }
  return (
    <Stack gap={2}>
      <Text size="sm">{weeklyHoursFigure(row.weeklyOpenMinutes)} a week</Text>
      <Text size="xs" c="dimmed">
        {weeklyHoursText(row.weekly)}
      </Text>
    </Stack>
  );
}

/**
 * Every business calendar: when support counts as open for business-time SLA targets, per
 * city or shared, with the inboxes that count in it. Leads and admins add and change them.
 */
export function CalendarsPage() {
  const trpc = useTRPC();
  const viewer = useViewer();
  const canEdit = viewer.access.lead;
  const calendars = useQuery(trpc.sla.calendars.queryOptions());
  const newCalendar = canEdit ? (
    <Button component={Link} to={calendarEditorPath('new')} leftSection={<IconPlus size={16} />}>
      New calendar
    </Button>
  ) : null;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2">
            Business calendars
          </Title>
          <Text c="dimmed" size="sm">
            Opening hours and holidays that business-time SLA targets count in. Each inbox chooses
            its calendar on the{' '}
            <Text component={Link} to={POLICIES_PATH} c="blue" size="sm" span>
              SLA policies
            </Text>{' '}
            page.
          </Text>
        </div>
        {newCalendar}
      </Group>
      <Paper p={0} style={{ overflow: 'hidden' }}>
        {calendars.isPending ? (
          <TableSkeleton label="Loading business calendars" />
        ) : calendars.isError ? (
          <ErrorState
            message={describeError(calendars.error)}
            onRetry={() => void calendars.refetch()}
          />
        ) : calendars.data.length === 0 ? (
          <EmptyState
            icon={<IconCalendarTime />}
            title="No business calendars yet"
            description="Until an inbox has a calendar, its business-time targets count around the clock."
            action={newCalendar}
          />
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table highlightOnHover aria-label="Business calendars">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Calendar</Table.Th>
                  <Table.Th>Time zone</Table.Th>
                  <Table.Th>Opening hours</Table.Th>
                  <Table.Th>Holidays</Table.Th>
                  <Table.Th>SLA of</Table.Th>
                  <Table.Th>Changed</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {calendars.data.map((row) => (
                  <Table.Tr key={row.id}>
                    <Table.Td>
                      <Text
                        component={Link}
                        to={calendarEditorPath(row.id)}
                        size="sm"
                        fw={500}
                        c="blue"
                      >
                        {row.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {row.cityName ?? 'Shared, no city'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{row.timeZone}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Hours row={row} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{row.alwaysOpen ? '—' : row.holidayCount}</Text>
                    </Table.Td>
                    <Table.Td>
                      {row.inboxes.length === 0 ? (
                        <Text size="sm" c="dimmed">
                          No inbox
                        </Text>
                      ) : (
                        <Group gap={4}>
                          {row.inboxes.map((inbox) => (
                            <Badge
                              key={inbox.id}
                              variant="light"
                              component={Link}
                              to={policyEditorPath(inbox.id)}
                              style={{ cursor: 'pointer' }}
                            >
                              {inbox.name}
                            </Badge>
                          ))}
                        </Group>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDateTime(row.updatedAt)}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </Stack>
  );
}
