import { Alert, Stack, Text } from '@mantine/core';
import {
  INCIDENT_STATE_LABELS,
  type IncidentState,
  incidentLabel,
  SEVERITY_LABELS,
  type Severity,
} from '@switchboard/domain';
import { formatRelativeTime } from '@switchboard/ui';
import { useTRPC } from '@switchboard/ui/trpc';
import { IconAlertOctagon } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';

/** The incidents this conversation is part of, so the agent answers with what is known. */
export function IncidentBanner({ conversationId }: { conversationId: string }) {
  const trpc = useTRPC();
  const incidents = useQuery(trpc.incidents.forConversation.queryOptions({ conversationId }));
  if (!incidents.data || incidents.data.length === 0) return null;
  return (
    <Stack gap="xs">
      {incidents.data.map((incident) => {
        const open = incident.state !== 'resolved';
        return (
          <section
            key={incident.id}
            aria-label={`Part of incident ${incidentLabel(incident.number)}`}
          >
            <Alert
              color={
                open
                  ? incident.severity === 'sev1' || incident.severity === 'sev2'
                    ? 'red'
                    : 'orange'
                  : 'gray'
              }
              variant="light"
              icon={<IconAlertOctagon />}
              title={`${incidentLabel(incident.number)} · ${SEVERITY_LABELS[incident.severity as Severity]} · ${incident.title}`}
            >
              <Text size="sm">
                {INCIDENT_STATE_LABELS[incident.state as IncidentState]} · updated{' '}
                {formatRelativeTime(incident.lastUpdateAt)}
                {incident.latestUpdate ? ` — ${incident.latestUpdate}` : ''}
              </Text>
            </Alert>
          </section>
        );
      })}
    </Stack>
  );
}
