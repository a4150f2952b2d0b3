import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { incidentLabel } from '@switchboard/domain';
import { formatDateTime, SeverityBadge } from '@switchboard/ui';
import { IconCircleCheck, IconPencil, IconTrendingUp } from '@tabler/icons-react';
import { IncidentStateBadge } from './IncidentBadges.tsx';
import type { IncidentDetail } from './incident-detail.ts';

export interface IncidentHeaderProps {
  incident: IncidentDetail;
  mayRun: boolean;
  onEditRoles: () => void;
  onChangeSeverity: () => void;
  onResolve: () => void;
}

/** Which incident, how bad, where it stands and who runs it. */
export function IncidentHeader({
  incident,
  mayRun,
  onEditRoles,
  onChangeSeverity,
  onResolve,
}: IncidentHeaderProps) {
  const open = incident.state !== 'resolved';
  const overridden = incident.severity !== incident.proposedSeverity;
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs">
            <Text fw={700} c="dimmed">
              {incidentLabel(incident.number)}
            </Text>
            <SeverityBadge severity={incident.severity} />
            <IncidentStateBadge state={incident.state} />
            {overridden ? (
              <Badge variant="outline" color="gray" size="sm">
                {`Proposed ${incident.proposedSeverity.toUpperCase()}`}
              </Badge>
            ) : null}
          </Group>
          <Title order={1} size="h2">
            {incident.title}
          </Title>
          {incident.description ? (
            <Text size="sm" c="dimmed">
              {incident.description}
            </Text>
          ) : null}
        </Stack>
        {mayRun && open ? (
          <Group gap="xs">
            <Button
              variant="default"
              leftSection={<IconTrendingUp size={16} />}
              onClick={onChangeSeverity}
            >
              Change severity
            </Button>
            <Button color="teal" leftSection={<IconCircleCheck size={16} />} onClick={onResolve}>
              Resolve
            </Button>
          </Group>
        ) : null}
      </Group>
      <Group gap="lg">
        <Text size="sm">
          <Text span c="dimmed">
            Commander:{' '}
          </Text>
          {incident.commanderName ?? 'Nobody'}
        </Text>
        <Text size="sm">
          <Text span c="dimmed">
            Communications:{' '}
          </Text>
          {incident.communicationsName ?? 'Nobody'}
        </Text>
        {mayRun ? (
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<IconPencil size={12} />}
            onClick={onEditRoles}
          >
            Edit roles
          </Button>
        ) : null}
      </Group>
      <Group gap="lg">
        <Text size="sm" c="dimmed">
          {`Declared ${formatDateTime(incident.declaredAt)}`}
        </Text>
        {incident.cityCodes.length > 0 ? (
          <Text size="sm" c="dimmed">{`Cities: ${incident.cityCodes.join(', ')}`}</Text>
        ) : null}
        {incident.requestTypeCode ? (
          <Text size="sm" c="dimmed">{`Request type: ${incident.requestTypeCode}`}</Text>
        ) : null}
        {incident.resolvedAt ? (
          <Text size="sm" c="dimmed">{`Resolved ${formatDateTime(incident.resolvedAt)}`}</Text>
        ) : null}
      </Group>
    </Stack>
  );
}
