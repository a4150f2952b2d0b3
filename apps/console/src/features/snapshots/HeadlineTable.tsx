import { Table } from '@mantine/core';
import { headlineRows, type SnapshotContent } from '@switchboard/domain';
import { SnapshotSection } from './SnapshotSection.tsx';

export interface HeadlineTableProps {
  content: SnapshotContent;
  /** "week" or "month". */
  periodNoun: string;
}

/** Every headline KPI for guests, drivers and all, beside all of the period before. */
export function HeadlineTable({ content, periodNoun }: HeadlineTableProps) {
  return (
    <SnapshotSection
      title="Headline figures"
      description="Durations are in business time, per the inbox calendars."
    >
      <Table.ScrollContainer minWidth={640}>
        <Table striped aria-label="Headline figures">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>KPI</Table.Th>
              <Table.Th ta="right">Guests</Table.Th>
              <Table.Th ta="right">Drivers</Table.Th>
              <Table.Th ta="right">All</Table.Th>
              <Table.Th ta="right">All, {periodNoun} before</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {headlineRows(content).map((row) => (
              <Table.Tr key={row.label}>
                <Table.Th scope="row" fw={500}>
                  {row.label}
                </Table.Th>
                <Table.Td ta="right">{row.guest}</Table.Td>
                <Table.Td ta="right">{row.driver}</Table.Td>
                <Table.Td ta="right" fw={600}>
                  {row.all}
                </Table.Td>
                <Table.Td ta="right" c="dimmed">
                  {row.previousAll}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </SnapshotSection>
  );
}
