import { Table, Text } from '@mantine/core';
import {
  type AudienceSplit,
  BACKLOG_AGE_BUCKETS,
  BACKLOG_AGE_LABELS,
  type FrozenFigures,
  readableShare,
  SLA_TARGET_KINDS,
  SLA_TARGET_LABELS,
  type SlaTargetFigure,
  SNAPSHOT_RULES,
} from '@switchboard/domain';
import { formatInTimeZone } from '@switchboard/ui';
import type { ReactNode } from 'react';
import { SnapshotSection } from './SnapshotSection.tsx';

const COLUMNS = [
  { audience: 'guest', title: 'Guests' },
  { audience: 'driver', title: 'Drivers' },
  { audience: 'all', title: 'All' },
] as const;

/** Attainment with its counts; red where the recommendations' own rule calls it short. */
function Attainment({ figure }: { figure: SlaTargetFigure }) {
  if (figure.due === 0) {
    return (
      <Text size="sm" c="dimmed" component="span">
        none due
      </Text>
    );
  }
  const rule = SNAPSHOT_RULES.slaAttainment;
  const short =
    figure.attainment !== null && figure.due >= rule.minimumDue && figure.attainment < rule.below;
  return (
    <Text size="sm" component="span" c={short ? 'red' : undefined} fw={short ? 600 : undefined}>
      {readableShare(figure.attainment)}{' '}
      <Text span size="xs" c="dimmed">
        ({figure.met} of {figure.due})
      </Text>
    </Text>
  );
}

export interface RisksSectionProps {
  figures: AudienceSplit<FrozenFigures>;
  timeZone: string;
}

/** Where the promises to customers were kept, and what was left waiting when it was frozen. */
export function RisksSection({ figures, timeZone }: RisksSectionProps) {
  const rows: Array<{ label: string; cell: (figures: FrozenFigures) => ReactNode }> = [
    ...SLA_TARGET_KINDS.map((target) => ({
      label: `SLA met: ${SLA_TARGET_LABELS[target].toLowerCase()}`,
      cell: (slice: FrozenFigures) => <Attainment figure={slice.sla[target]} />,
    })),
    { label: 'Open when frozen', cell: (slice) => slice.backlog.open },
    {
      label: 'Breached open',
      cell: (slice) => (
        <Text
          size="sm"
          component="span"
          c={slice.backlog.breachedOpen > 0 ? 'red' : undefined}
          fw={slice.backlog.breachedOpen > 0 ? 600 : undefined}
        >
          {slice.backlog.breachedOpen}
        </Text>
      ),
    },
    ...BACKLOG_AGE_BUCKETS.map((bucket) => ({
      label: `Open for ${BACKLOG_AGE_LABELS[bucket]}`,
      cell: (slice: FrozenFigures) => slice.backlog.ages[bucket],
    })),
    {
      label: 'Oldest open since',
      cell: (slice) =>
        slice.backlog.oldestCreatedAt
          ? formatInTimeZone(new Date(slice.backlog.oldestCreatedAt), timeZone)
          : '—',
    },
  ];
  return (
    <SnapshotSection
      title="SLA and backlog risks"
      description={`SLA attainment over the period (red below ${readableShare(SNAPSHOT_RULES.slaAttainment.below)}); the backlog as it stood when the snapshot was made.`}
    >
      <Table.ScrollContainer minWidth={640}>
        <Table striped aria-label="SLA and backlog risks">
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              {COLUMNS.map((column) => (
                <Table.Th key={column.audience} ta="right">
                  {column.title}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.label}>
                <Table.Th scope="row" fw={500}>
                  {row.label}
                </Table.Th>
                {COLUMNS.map((column) => (
                  <Table.Td key={column.audience} ta="right">
                    {row.cell(figures[column.audience])}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </SnapshotSection>
  );
}
