import { Anchor, Badge, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import {
  CANDIDATE_SOURCE_LABELS,
  type CandidateSource,
  requisitionLabel,
} from '@switchboard/domain';
import { formatDateTime } from '@switchboard/ui';
import type { RouterOutputs } from '@switchboard/ui/trpc';
import { Link } from 'react-router';
import { StageBadge } from './HiringBadges.tsx';
import { daysSince, ratingText, rejectionLabel } from './hiring-format.ts';
import { candidatePath, requisitionPath } from './hiring-paths.ts';

export type CandidateRow = RouterOutputs['hiring']['candidates']['items'][number];

/** Candidates in rows: where each is, for how long, how they scored. */
export function CandidatesTable({ items, now }: { items: CandidateRow[]; now: Date }) {
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table highlightOnHover aria-label="Candidates">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Candidate</Table.Th>
            <Table.Th>Requisition</Table.Th>
            <Table.Th>Stage</Table.Th>
            <Table.Th>In stage</Table.Th>
            <Table.Th>Score</Table.Th>
            <Table.Th>Languages</Table.Th>
            <Table.Th>Source</Table.Th>
            <Table.Th>Applied</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((row) => (
            <Table.Tr key={row.id}>
              <Table.Td>
                <Stack gap={0}>
                  <Anchor component={Link} to={candidatePath(row.id)} fw={600} size="sm">
                    {row.name}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {row.email}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td maw={260}>
                <Anchor component={Link} to={requisitionPath(row.requisitionId)} size="sm">
                  {requisitionLabel(row.requisitionNumber)}
                </Anchor>
                <Text size="xs" c="dimmed" lineClamp={1}>
                  {row.requisitionTitle}
                </Text>
              </Table.Td>
              <Table.Td>
                <StageBadge name={row.stageName} kind={row.stageKind} />
                {row.stageKind === 'rejected' ? (
                  <Text size="xs" c="dimmed">
                    {rejectionLabel(row.rejectionReason)}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                <Tooltip label={formatDateTime(row.stageEnteredAt)}>
                  <Text size="sm" component="span">
                    {daysSince(row.stageEnteredAt, now)}
                  </Text>
                </Tooltip>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={row.averageScore === null ? 'dimmed' : undefined}>
                  {ratingText(row.averageScore)}
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
              <Table.Td>
                <Text size="sm">
                  {CANDIDATE_SOURCE_LABELS[row.source as CandidateSource] ?? row.source}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {formatDateTime(row.createdAt)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
