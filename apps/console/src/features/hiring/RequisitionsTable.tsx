import { Anchor, Badge, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { requisitionLabel } from '@switchboard/domain';
import type { RouterOutputs } from '@switchboard/ui/trpc';
import { Link } from 'react-router';
import { RequisitionStatusBadge } from './HiringBadges.tsx';
import { dateText } from './hiring-format.ts';
import { requisitionPath } from './hiring-paths.ts';

export type RequisitionRow = RouterOutputs['hiring']['requisitions']['items'][number];

/** Requisitions with what a trainer scans for: how full, how busy, how soon. */
export function RequisitionsTable({ items, label }: { items: RequisitionRow[]; label: string }) {
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table highlightOnHover aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Requisition</Table.Th>
            <Table.Th>Team</Table.Th>
            <Table.Th>City</Table.Th>
            <Table.Th>Languages</Table.Th>
            <Table.Th>Hired</Table.Th>
            <Table.Th>In process</Table.Th>
            <Table.Th>Target start</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Owner</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((row) => (
            <Table.Tr key={row.id}>
              <Table.Td maw={320}>
                <Stack gap={0}>
                  <Anchor component={Link} to={requisitionPath(row.id)} fw={600} size="sm">
                    {requisitionLabel(row.number)}
                  </Anchor>
                  <Text size="sm" lineClamp={2}>
                    {row.title}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{row.teamName}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={row.cityName ? undefined : 'dimmed'}>
                  {row.cityName ?? 'Every city'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {row.languages.map((language) => (
                    <Badge key={language} size="sm" variant="default">
                      {language}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td miw={110}>
                <Text size="sm">{`${row.hiredCount} of ${row.headcount}`}</Text>
                <Progress
                  value={(row.hiredCount / row.headcount) * 100}
                  size="sm"
                  aria-label={`${row.hiredCount} of ${row.headcount} hired`}
                />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{row.inProcessCount}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{dateText(row.targetStartDate)}</Text>
              </Table.Td>
              <Table.Td>
                <RequisitionStatusBadge status={row.status} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={row.ownerName ? undefined : 'dimmed'}>
                  {row.ownerName ?? 'Nobody yet'}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
