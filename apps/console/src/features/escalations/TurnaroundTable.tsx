import { Table, Text } from '@mantine/core';
import { type TurnaroundRow, teamKindLabel, turnaroundText } from './turnaround.ts';

function Count({ value, alert = false }: { value: number; alert?: boolean }) {
  return (
    <Table.Td ta="right">
      <Text
        size="sm"
        c={alert && value > 0 ? 'red' : undefined}
        fw={alert && value > 0 ? 600 : 400}
      >
        {value}
      </Text>
    </Table.Td>
  );
}

function Minutes({ value }: { value: number | null }) {
  return (
    <Table.Td ta="right">
      <Text size="sm" c={value === null ? 'dimmed' : undefined}>
        {turnaroundText(value)}
      </Text>
    </Table.Td>
  );
}

/** Per downstream team: how much was sent, what is open or late now, and how fast it moved. */
export function TurnaroundTable({ rows }: { rows: readonly TurnaroundRow[] }) {
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table aria-label="Escalation turnaround by team" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th rowSpan={2}>Team</Table.Th>
            <Table.Th rowSpan={2} ta="right">
              Sent
            </Table.Th>
            <Table.Th rowSpan={2} ta="right">
              Active
            </Table.Th>
            <Table.Th rowSpan={2} ta="right">
              Breached now
            </Table.Th>
            <Table.Th rowSpan={2} ta="right">
              Resolved
            </Table.Th>
            <Table.Th rowSpan={2} ta="right">
              Returned
            </Table.Th>
            <Table.Th colSpan={2} ta="center">
              Acknowledged in
            </Table.Th>
            <Table.Th colSpan={2} ta="center">
              Resolved in
            </Table.Th>
          </Table.Tr>
          <Table.Tr>
            <Table.Th ta="right">p50</Table.Th>
            <Table.Th ta="right">p90</Table.Th>
            <Table.Th ta="right">p50</Table.Th>
            <Table.Th ta="right">p90</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.teamKind}>
              <Table.Th scope="row">
                <Text size="sm" fw={500}>
                  {teamKindLabel(row.teamKind)}
                </Text>
              </Table.Th>
              <Count value={row.sent} />
              <Count value={row.active} />
              <Count value={row.breached} alert />
              <Count value={row.resolved} />
              <Count value={row.returned} />
              <Minutes value={row.acknowledgeMinutes.p50} />
              <Minutes value={row.acknowledgeMinutes.p90} />
              <Minutes value={row.resolveMinutes.p50} />
              <Minutes value={row.resolveMinutes.p90} />
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
