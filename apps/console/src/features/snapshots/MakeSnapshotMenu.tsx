import { Button, Menu, Text } from '@mantine/core';
import {
  lastCompletePeriod,
  SNAPSHOT_KIND_LABELS,
  SNAPSHOT_KINDS,
  type SnapshotKind,
} from '@switchboard/domain';
import { IconCamera, IconChevronDown } from '@tabler/icons-react';
import { snapshotPeriodText } from './snapshot-format.ts';

export interface MakeSnapshotMenuProps {
  making: boolean;
  onMake: (kind: SnapshotKind) => void;
}

/** A lead's "Make a snapshot now": of the last complete week or month, named by its days. */
export function MakeSnapshotMenu({ making, onMake }: MakeSnapshotMenuProps) {
  const now = new Date();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          leftSection={<IconCamera size={16} />}
          rightSection={<IconChevronDown size={14} />}
          loading={making}
        >
          Make a snapshot now
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Of the last complete…</Menu.Label>
        {SNAPSHOT_KINDS.map((kind) => {
          const period = lastCompletePeriod(kind, now);
          return (
            <Menu.Item key={kind} onClick={() => onMake(kind)}>
              <Text size="sm">{kind === 'weekly' ? 'Week' : 'Month'}</Text>
              <Text size="xs" c="dimmed">
                {SNAPSHOT_KIND_LABELS[kind]} ·{' '}
                {snapshotPeriodText({ ...period, periodStart: period.from, periodEnd: period.to })}
              </Text>
            </Menu.Item>
          );
        })}
      </Menu.Dropdown>
    </Menu>
  );
}
