import { Badge, Tooltip } from '@mantine/core';
import { clockDueAt, SLA_TARGET_LABELS, type SlaClocks, slaState } from '@switchboard/domain';
import { formatDateTime } from '@switchboard/ui';
import { IconClock, IconPlayerPause } from '@tabler/icons-react';
import { useNow } from './use-now.ts';

const COLORS = { breached: 'red', at_risk: 'orange', on_track: 'gray', none: 'gray' } as const;

/** "12m", "3h 5m", "2d 4h": short enough for a list row. */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.round(Math.abs(ms) / 60_000));
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}h ${minutes % 60}m`;
  return `${Math.floor(hours / 24)}d ${hours % 24}h`;
}

export interface SlaCountdownProps {
  dueAt: Date | null;
  paused?: boolean;
  size?: 'xs' | 'sm' | 'md';
  /** The conversation's clocks: the badge then says which target is due (first response…). */
  clocks?: SlaClocks;
}

/** Time left on the SLA clock that matters now, red once breached. */
export function SlaCountdown({ dueAt, paused = false, size = 'sm', clocks }: SlaCountdownProps) {
  const now = useNow();
  if (paused) {
    return (
      <Badge size={size} variant="light" color="gray" leftSection={<IconPlayerPause size={12} />}>
        SLA paused
      </Badge>
    );
  }
  if (!dueAt) return null;
  const state = slaState(dueAt, now);
  const left = dueAt.getTime() - now.getTime();
  const target = clocks ? clockDueAt(clocks, dueAt) : null;
  const time =
    state === 'breached' ? `${formatDuration(left)} over` : `${formatDuration(left)} left`;
  const label = target ? `${SLA_TARGET_LABELS[target]}: ${time}` : time;
  return (
    <Tooltip label={`${target ? SLA_TARGET_LABELS[target] : 'SLA'} due ${formatDateTime(dueAt)}`}>
      <Badge
        size={size}
        variant={state === 'breached' ? 'filled' : 'light'}
        color={COLORS[state]}
        leftSection={<IconClock size={12} />}
        aria-label={`SLA ${state === 'breached' ? 'breached' : 'due'}: ${label}`}
      >
        {label}
      </Badge>
    </Tooltip>
  );
}
