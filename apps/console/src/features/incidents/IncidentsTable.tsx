import { Anchor, Badge, Group, Table, Text, Tooltip } from '@mantine/core';
import { incidentLabel } from '@switchboard/domain';
import { formatDateTime, formatRelativeTime, SeverityBadge } from '@switchboard/ui';
import type { RouterOutputs } from '@switchboard/ui/trpc';
import { Link } from 'react-router';
import { IncidentStateBadge, UpdateDue } from './IncidentBadges.tsx';
import { incidentPath } from './incident-options.ts';

export type IncidentRow = RouterOutputs['incidents']['list']['items'][number];

export interface IncidentsTableProps {
  items: IncidentRow[];
  label: string;
  now: Date;
}

/** Incidents with what a lead scans for: how bad, who runs it, whether an update is late. */
export function IncidentsTable({ items, label, now }: IncidentsTableProps) {
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table highlightOnHover aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Incident</Table.Th>
            <Table.Th>Severity</Table.Th>
            <Table.Th>Title</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th>Cities</Table.Th>
            <Table.Th>Linked</Table.Th>
            <Table.Th>Commander</Table.Th>
            <Table.Th>Next update</Table.Th>
            <Table.Th>Declared</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((incident) => (
            <Table.Tr key={incident.id}>
              <Table.Td>
                <Anchor component={Link} to={incidentPath(incident.id)} fw={600} size="sm">
                  {incidentLabel(incident.number)}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <SeverityBadge severity={incident.severity} />
              </Table.Td>
              <Table.Td maw={320}>
                <Text size="sm" lineClamp={2}>
                  {incident.title}
                </Text>
                {incident.state === 'resolved' && !incident.reviewedAt ? (
                  <Badge size="xs" variant="outline" color="orange">
                    Review open
                  </Badge>
                ) : null}
              </Table.Td>
              <Table.Td>
                <IncidentStateBadge state={incident.state} />
              </Table.Td>
              <Table.Td>
                {incident.cityCodes.length > 0 ? (
                  <Group gap={4}>
                    {incident.cityCodes.map((code) => (
                      <Badge key={code} size="sm" variant="default">
                        {code}
                      </Badge>
                    ))}
                  </Group>
                ) : (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{incident.linkedCount}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={incident.commanderName ? undefined : 'dimmed'}>
                  {incident.commanderName ?? 'Nobody yet'}
                </Text>
              </Table.Td>
              <Table.Td>
                <UpdateDue dueAt={incident.nextUpdateDueAt} now={now} />
              </Table.Td>
              <Table.Td>
                <Tooltip label={formatDateTime(incident.declaredAt)}>
                  <Text size="sm" c="dimmed" component="span">
                    {formatRelativeTime(incident.declaredAt, now)}
                  </Text>
                </Tooltip>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
