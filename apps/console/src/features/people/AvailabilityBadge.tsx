import { Badge } from '@mantine/core';
import type { Availability } from '@switchboard/domain';

const AVAILABILITY = {
  online: { label: 'Online', color: 'green' },
  away: { label: 'Away', color: 'yellow' },
  offline: { label: 'Offline', color: 'gray' },
} as const satisfies Record<Availability, { label: string; color: string }>;

export function AvailabilityBadge({ availability }: { availability: Availability }) {
  const { label, color } = AVAILABILITY[availability];
  return (
    <Badge variant="dot" color={color} size="sm">
      {label}
    </Badge>
  );
}
