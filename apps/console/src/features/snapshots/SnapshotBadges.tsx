import { Badge, Tooltip } from '@mantine/core';
import { SNAPSHOT_KIND_LABELS, type SnapshotKind } from '@switchboard/domain';
import { IconCalendarRepeat, IconHandClick } from '@tabler/icons-react';

export function SnapshotKindBadge({ kind }: { kind: SnapshotKind }) {
  return (
    <Badge variant="light" color={kind === 'weekly' ? 'blue' : 'grape'}>
      {SNAPSHOT_KIND_LABELS[kind]}
    </Badge>
  );
}

/** Who made it: the server's schedule, or a lead on demand (`by` when we know who). */
export function SnapshotSourceBadge({ source, by }: { source: string; by?: string | null }) {
  if (source === 'on_demand') {
    return (
      <Badge variant="outline" color="orange" leftSection={<IconHandClick size={12} />}>
        {by ? `On demand · ${by}` : 'On demand'}
      </Badge>
    );
  }
  return (
    <Tooltip label="Made by Switchboard after the period closed">
      <Badge variant="outline" color="gray" leftSection={<IconCalendarRepeat size={12} />}>
        Scheduled
      </Badge>
    </Tooltip>
  );
}
