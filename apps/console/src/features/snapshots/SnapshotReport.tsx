import './snapshot-print.css';
import { Group, Stack, Text, Title } from '@mantine/core';
import type { SnapshotKind } from '@switchboard/domain';
import { formatInTimeZone } from '@switchboard/ui';
import { useViewer } from '@switchboard/ui/auth';
import type { RouterOutputs } from '@switchboard/ui/trpc';
import { IconSnowflake } from '@tabler/icons-react';
import { DefinitionsUsed } from './DefinitionsUsed.tsx';
import { DriversSection } from './DriversSection.tsx';
import { HeadlineTable } from './HeadlineTable.tsx';
import { RecommendedActions } from './RecommendedActions.tsx';
import { RisksSection } from './RisksSection.tsx';
import { SnapshotKindBadge, SnapshotSourceBadge } from './SnapshotBadges.tsx';
import { SnapshotExportButtons } from './SnapshotExportButtons.tsx';
import { StaffingGapsSection, TurnaroundSection } from './TurnaroundAndStaffing.tsx';

export type StoredSnapshot = RouterOutputs['kpi']['snapshots']['get'];

const PERIOD_NOUNS: Record<SnapshotKind, string> = { weekly: 'week', monthly: 'month' };

/** A frozen snapshot as a lead reads it: what to do first, then the figures behind it. */
export function SnapshotReport({ snapshot }: { snapshot: StoredSnapshot }) {
  const viewer = useViewer();
  const { content } = snapshot;
  const periodNoun = PERIOD_NOUNS[snapshot.kind];
  return (
    <Stack gap="lg" data-snapshot-report>
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={6}>
          <Title order={1} size="h2">
            {snapshot.title}
          </Title>
          <Group gap="xs">
            <SnapshotKindBadge kind={snapshot.kind} />
            <SnapshotSourceBadge
              source={snapshot.source}
              by={snapshot.requestedById === viewer.id ? 'you' : snapshot.requestedByName}
            />
          </Group>
          <Text size="sm" c="dimmed">
            <IconSnowflake size={14} style={{ verticalAlign: 'text-bottom' }} /> Frozen on{' '}
            {formatInTimeZone(snapshot.createdAt, snapshot.timeZone)} · figures never change. Days
            run midnight to midnight in {snapshot.timeZone}; “before” is the {periodNoun} before.
          </Text>
        </Stack>
        <SnapshotExportButtons snapshotId={snapshot.id} />
      </Group>
      <RecommendedActions items={content.recommendations} />
      <HeadlineTable content={content} periodNoun={periodNoun} />
      <DriversSection drivers={content.drivers} periodNoun={periodNoun} />
      <RisksSection figures={content.figures} timeZone={snapshot.timeZone} />
      <TurnaroundSection rows={content.turnaround} />
      <StaffingGapsSection gaps={content.staffingGaps} />
      <DefinitionsUsed definitions={snapshot.definitions} />
    </Stack>
  );
}
