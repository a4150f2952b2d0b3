import { Anchor, Grid, Paper, Stack, Title } from '@mantine/core';
import {
  describeError,
  EmptyState,
  ErrorState,
  TableSkeleton,
  trpcErrorCode,
} from '@switchboard/ui';
import { useTRPC } from '@switchboard/ui/trpc';
import { IconArrowLeft, IconFlame } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { BulkReplyModal } from './BulkReplyModal.tsx';
import { IncidentHeader } from './IncidentHeader.tsx';
import { IncidentTimeline } from './IncidentTimeline.tsx';
import type { IncidentDetail } from './incident-detail.ts';
import { incidentStateOf, severityOf } from './incident-options.ts';
import { LinkConversationsModal } from './LinkConversationsModal.tsx';
import { LinkedConversations } from './LinkedConversations.tsx';
import { ResolveModal } from './ResolveModal.tsx';
import { ReviewSection } from './ReviewSection.tsx';
import { RolesModal } from './RolesModal.tsx';
import { SeverityModal } from './SeverityModal.tsx';
import { StatusUpdateComposer } from './StatusUpdateComposer.tsx';
import { useMayRun } from './use-may-run.ts';

type OpenModal = 'roles' | 'severity' | 'link' | 'reply' | 'resolve' | null;

function BackLink() {
  return (
    <Anchor component={Link} to="/incidents" size="sm">
      <IconArrowLeft size={14} style={{ verticalAlign: 'middle' }} /> All incidents
    </Anchor>
  );
}

/** One incident, worked in the open; once resolved, its post-incident review. */
export function IncidentPage() {
  const trpc = useTRPC();
  const { incidentId = '' } = useParams();
  const incident = useQuery({
    ...trpc.incidents.byId.queryOptions({ incidentId }),
    // Colleagues post updates and link conversations meanwhile.
    refetchInterval: 30_000,
  });

  if (incident.isPending) {
    return (
      <Stack>
        <BackLink />
        <TableSkeleton label="Loading the incident" />
      </Stack>
    );
  }
  if (incident.isError) {
    const code = trpcErrorCode(incident.error);
    return (
      <Stack>
        <BackLink />
        <Paper>
          {code === 'NOT_FOUND' || code === 'BAD_REQUEST' ? (
            <EmptyState
              icon={<IconFlame />}
              title="No such incident"
              description="It may have been mistyped; the list has every incident."
            />
          ) : (
            <ErrorState
              message={describeError(incident.error)}
              onRetry={() => void incident.refetch()}
            />
          )}
        </Paper>
      </Stack>
    );
  }
  return <IncidentView incident={incident.data} />;
}

function IncidentView({ incident }: { incident: IncidentDetail }) {
  const mayRun = useMayRun(incident);
  const [modal, setModal] = useState<OpenModal>(null);
  const close = () => setModal(null);
  const now = new Date();
  const state = incidentStateOf(incident.state);
  const severity = severityOf(incident.severity);
  const open = state !== null && state !== 'resolved';

  return (
    <Stack gap="md">
      <BackLink />
      <IncidentHeader
        incident={incident}
        mayRun={mayRun}
        onEditRoles={() => setModal('roles')}
        onChangeSeverity={() => setModal('severity')}
        onResolve={() => setModal('resolve')}
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            {open && mayRun && severity ? (
              <StatusUpdateComposer
                // A state moved on elsewhere starts the composer from it.
                key={state}
                incident={incident}
                state={state}
                severity={severity}
                now={now}
              />
            ) : null}
            {open ? (
              <Paper p="md" withBorder component="section" aria-labelledby="record-title">
                <Stack gap="sm">
                  <Title order={2} size="h4" id="record-title">
                    Record
                  </Title>
                  <IncidentTimeline timeline={incident.timeline} now={now} />
                </Stack>
              </Paper>
            ) : (
              <ReviewSection incident={incident} mayRun={mayRun} now={now} />
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <LinkedConversations
            incident={incident}
            mayRun={mayRun}
            now={now}
            onLink={() => setModal('link')}
            onReplyAll={() => setModal('reply')}
          />
        </Grid.Col>
      </Grid>
      <RolesModal incident={incident} opened={modal === 'roles'} onClose={close} />
      <SeverityModal incident={incident} opened={modal === 'severity'} onClose={close} />
      <LinkConversationsModal incident={incident} opened={modal === 'link'} onClose={close} />
      <BulkReplyModal incident={incident} opened={modal === 'reply'} onClose={close} />
      <ResolveModal incident={incident} opened={modal === 'resolve'} onClose={close} />
    </Stack>
  );
}
