import { Anchor, Badge, Table, Text, Tooltip } from '@mantine/core';
import { formatDateTime, formatRelativeTime } from '@switchboard/ui';
import type { RouterOutputs } from '@switchboard/ui/trpc';
import { Link } from 'react-router';
import { SnapshotKindBadge, SnapshotSourceBadge } from './SnapshotBadges.tsx';
import { snapshotPath, snapshotPeriodText } from './snapshot-format.ts';

export type SnapshotRow = RouterOutputs['kpi']['snapshots']['list']['items'][number];

export interface SnapshotsTableProps {
  items: SnapshotRow[];
  now: Date;
}

/** Frozen reports, newest period first: what period, how it was made, what it asks a lead to do. */
export function SnapshotsTable({ items, now }: SnapshotsTableProps) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table highlightOnHover aria-label="Snapshots">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Period</Table.Th>
            <Table.Th>Kind</Table.Th>
            <Table.Th>Made</Table.Th>
            <Table.Th>Frozen</Table.Th>
            <Table.Th ta="right">Recommended actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((snapshot) => (
            <Table.Tr key={snapshot.id}>
              <Table.Td>
                <Anchor component={Link} to={snapshotPath(snapshot.id)} fw={600} size="sm">
                  {snapshotPeriodText(snapshot)}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <SnapshotKindBadge kind={snapshot.kind} />
              </Table.Td>
              <Table.Td>
                <SnapshotSourceBadge source={snapshot.source} by={snapshot.requestedByName} />
              </Table.Td>
              <Table.Td>
                <Tooltip label={formatDateTime(snapshot.createdAt)}>
                  <Text size="sm" c="dimmed" component="span">
                    {formatRelativeTime(snapshot.createdAt, now)}
                  </Text>
                </Tooltip>
              </Table.Td>
              <Table.Td ta="right">
                {snapshot.recommendations > 0 ? (
                  <Badge color="orange" variant="light">
                    {snapshot.recommendations}
                  </Badge>
                ) : (
                  <Text size="sm" c="dimmed" component="span">
                    None
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
