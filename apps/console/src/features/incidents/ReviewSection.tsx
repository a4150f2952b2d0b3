import { Badge, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { formatDateTime } from '@switchboard/ui';
import { AddActionForm } from './AddActionForm.tsx';
import { CorrectiveActions } from './CorrectiveActions.tsx';
import { IncidentTimeline } from './IncidentTimeline.tsx';
import type { IncidentDetail } from './incident-detail.ts';
import { RootCauseForm } from './RootCauseForm.tsx';

export interface ReviewSectionProps {
  incident: IncidentDetail;
  mayRun: boolean;
  now: Date;
}

/** The post-incident review: what happened, why, and what will stop it happening again. */
export function ReviewSection({ incident, mayRun, now }: ReviewSectionProps) {
  return (
    <Paper p="md" withBorder component="section" aria-labelledby="review-title">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} size="h3" id="review-title">
            Post-incident review
          </Title>
          {incident.reviewedAt ? (
            <Badge color="teal" variant="light">
              {`Reviewed ${formatDateTime(incident.reviewedAt)}`}
            </Badge>
          ) : (
            <Badge color="orange" variant="light">
              Review open
            </Badge>
          )}
        </Group>
        {incident.resolutionSummary ? (
          <Stack gap={2}>
            <Text size="sm" fw={500}>
              How it ended
            </Text>
            <Text size="sm">{incident.resolutionSummary}</Text>
          </Stack>
        ) : null}
        <Divider label="Timeline" labelPosition="left" />
        <IncidentTimeline timeline={incident.timeline} now={now} />
        <Divider label="Root cause" labelPosition="left" />
        <RootCauseForm incident={incident} mayRun={mayRun} />
        <Divider label="Corrective actions" labelPosition="left" />
        <CorrectiveActions incident={incident} mayRun={mayRun} />
        {mayRun ? <AddActionForm incidentId={incident.id} /> : null}
      </Stack>
    </Paper>
  );
}
