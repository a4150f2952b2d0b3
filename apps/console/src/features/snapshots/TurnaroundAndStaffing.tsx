import { Table, Text } from '@mantine/core';
import {
  readableDuration,
  type SnapshotStaffingGap,
  type SnapshotTurnaround,
} from '@switchboard/domain';
import { SnapshotSection } from './SnapshotSection.tsx';

const minutesText = (minutes: number | null) =>
  readableDuration(minutes === null ? null : minutes * 60);

/** How fast the downstream teams acknowledged and resolved what support escalated. */
export function TurnaroundSection({ rows }: { rows: SnapshotTurnaround[] }) {
  return (
    <SnapshotSection
      title="Escalation turnaround"
      description="Escalations sent in the period, per downstream team; p90 in calendar time."
    >
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing was escalated in this period.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped aria-label="Escalation turnaround">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Team</Table.Th>
                <Table.Th ta="right">Acknowledge p90</Table.Th>
                <Table.Th ta="right">Resolve p90</Table.Th>
                <Table.Th ta="right">Breached</Table.Th>
                <Table.Th ta="right">Returned</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.team}>
                  <Table.Th scope="row" fw={500}>
                    {row.team}
                  </Table.Th>
                  <Table.Td ta="right">{minutesText(row.acknowledgeP90Minutes)}</Table.Td>
                  <Table.Td ta="right">{minutesText(row.resolveP90Minutes)}</Table.Td>
                  <Table.Td ta="right" c={row.breached > 0 ? 'red' : undefined}>
                    {row.breached}
                  </Table.Td>
                  <Table.Td ta="right">{row.returned}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </SnapshotSection>
  );
}

const hours = (value: number, digits = 0) => {
  const factor = 10 ** digits;
  return String(Math.round(value * factor) / factor);
};

/** Inboxes whose schedule fell short of what their forecast needed. */
export function StaffingGapsSection({ gaps }: { gaps: SnapshotStaffingGap[] }) {
  return (
    <SnapshotSection
      title="Staffing gaps"
      description="Inboxes with a staffing plan whose shifts fall short of the forecast, in agent-hours a week, as planned when the snapshot was made."
    >
      {gaps.length === 0 ? (
        <Text size="sm" c="dimmed">
          Every inbox with a staffing plan is covered.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped aria-label="Staffing gaps">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Inbox</Table.Th>
                <Table.Th ta="right">Short (agent-hours)</Table.Th>
                <Table.Th ta="right">Required</Table.Th>
                <Table.Th ta="right">Scheduled</Table.Th>
                <Table.Th>Worst interval</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {gaps.map((gap) => (
                <Table.Tr key={gap.inboxName}>
                  <Table.Th scope="row" fw={500}>
                    {gap.inboxName}
                  </Table.Th>
                  <Table.Td ta="right" c="red">
                    {hours(gap.shortAgentHours, 1)}
                  </Table.Td>
                  <Table.Td ta="right">{hours(gap.requiredAgentHours)}</Table.Td>
                  <Table.Td ta="right">{hours(gap.scheduledAgentHours)}</Table.Td>
                  <Table.Td>
                    {gap.worstInterval ? `${gap.worstInterval} (${gap.worstGap} short)` : '—'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </SnapshotSection>
  );
}
