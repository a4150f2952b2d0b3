import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { INCIDENT_STATE_LABELS, type IncidentState } from '@switchboard/domain';
import { formatDateTime, formatRelativeTime } from '@switchboard/ui';

import { incidentStateOf } from './incident-options.ts';

const STATE_COLORS: Record<IncidentState, string> = {
  investigating: 'red',
  identified: 'orange',
  monitoring: 'blue',
  resolved: 'teal',
};

export function IncidentStateBadge({ state }: { state: string }) {
  const known = incidentStateOf(state);
  return (
    <Badge color={known ? STATE_COLORS[known] : 'gray'} variant="light">
      {known ? INCIDENT_STATE_LABELS[known] : state}
    </Badge>
  );
}

/** When the next status update is owed, marked when it is late. */
export function UpdateDue({ dueAt, now }: { dueAt: Date | null; now: Date }) {
  if (!dueAt) {
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  }
  const overdue = dueAt.getTime() < now.getTime();
  return (
    <Group gap={6} wrap="nowrap">
      <Tooltip label={formatDateTime(dueAt)}>
        <Text size="sm" c={overdue ? 'red' : undefined} fw={overdue ? 600 : undefined}>
          {formatRelativeTime(dueAt, now)}
        </Text>
      </Tooltip>
      {overdue ? (
        <Badge color="red" variant="filled" size="sm">
          Overdue
        </Badge>
      ) : null}
    </Group>
  );
}
