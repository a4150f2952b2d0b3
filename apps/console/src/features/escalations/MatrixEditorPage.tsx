import { Alert, Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { escalationTeamKindSchema, TEAM_KIND_LABELS } from '@switchboard/domain';
import {
  describeError,
  EmptyState,
  ErrorState,
  formatDateTime,
  TableSkeleton,
} from '@switchboard/ui';
import { useViewer } from '@switchboard/ui/auth';
import { useTRPC } from '@switchboard/ui/trpc';
import {
  IconArrowLeft,
  IconCircleCheck,
  IconHistory,
  IconLock,
  IconTableOff,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { matrixHistoryPath } from './escalation-links.ts';
import { MatrixEntryForm, type SaveOutcome } from './MatrixEntryForm.tsx';
import { startingEntry } from './matrix-form.ts';

function SavedNotice({ outcome }: { outcome: SaveOutcome }) {
  return (
    <Alert
      color={outcome.changed ? 'teal' : 'gray'}
      icon={<IconCircleCheck />}
      title={outcome.changed ? `Saved as version ${outcome.version}` : 'Nothing changed'}
    >
      <Group gap="xs">
        <Text size="sm">
          {outcome.changed
            ? 'Escalations sent from now on use this version; those already sent keep their due times.'
            : `The entry is as it was: still version ${outcome.version}.`}
        </Text>
        <Anchor component={Link} to={matrixHistoryPath(outcome.id)} size="sm">
          See its change history
        </Anchor>
      </Group>
    </Alert>
  );
}

/**
 * One downstream team's matrix entry, or a new one started from the worked example. Team
 * leads and admins save it as a new version; trainers read it.
 */
export function MatrixEditorPage() {
  const params = useParams();
  const teamKind = escalationTeamKindSchema.safeParse(params.teamKind).data;
  const trpc = useTRPC();
  const viewer = useViewer();
  const canEdit = viewer.access.lead;
  const [outcome, setOutcome] = useState<SaveOutcome | null>(null);
  const entry = useQuery({
    ...trpc.escalations.matrixEntry.queryOptions({ teamKind: teamKind ?? 'finance_payouts' }),
    enabled: teamKind !== undefined,
  });

  const back = (
    <Anchor component={Link} to="/escalations/matrix" size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} />
        Escalation matrix
      </Group>
    </Anchor>
  );

  if (!teamKind) {
    return (
      <Stack gap="md">
        {back}
        <EmptyState
          icon={<IconTableOff />}
          title="No such team in the matrix"
          description="The matrix has entries for Finance & Payouts, Engineering & Platform, Operations & Fleet and Compliance & Legal."
        />
      </Stack>
    );
  }
  if (entry.isPending || entry.isError) {
    return (
      <Stack gap="md">
        {back}
        <Paper p={0}>
          {entry.isPending ? (
            <TableSkeleton label="Loading the matrix entry" />
          ) : (
            <ErrorState message={describeError(entry.error)} onRetry={() => void entry.refetch()} />
          )}
        </Paper>
      </Stack>
    );
  }

  const row = entry.data;
  const label = TEAM_KIND_LABELS[teamKind];
  return (
    <Stack gap="md">
      {back}
      <div>
        <Group gap="xs" align="center">
          <Title order={1} size="h2">
            Escalations to {label}
          </Title>
          {row ? (
            <Badge variant="light" color="blue">
              Version {row.version}
            </Badge>
          ) : (
            <Badge variant="light" color="yellow">
              Not set up
            </Badge>
          )}
        </Group>
        {row ? (
          <Group gap="xs" mt={4}>
            <Text size="sm" c="dimmed">
              Owned by {row.ownerTeamName} · changed {formatDateTime(row.updatedAt)} by{' '}
              {row.updatedByName ?? 'someone no longer here'}
            </Text>
            <Anchor component={Link} to={matrixHistoryPath(row.id)} size="sm">
              <Group gap={4} component="span">
                <IconHistory size={14} />
                History of this entry
              </Group>
            </Anchor>
          </Group>
        ) : null}
      </div>
      {canEdit ? null : (
        <Alert color="gray" icon={<IconLock />}>
          Read only: team leads and admins change the escalation matrix.
        </Alert>
      )}
      {!row && canEdit ? (
        <Alert color="yellow" variant="light">
          {label} has no matrix entry yet, so support cannot escalate to it. This starts from the
          worked example; nothing applies until you save it.
        </Alert>
      ) : null}
      {!row && !canEdit ? (
        <EmptyState
          icon={<IconTableOff />}
          title="Not set up"
          description={`${label} has no escalation matrix entry yet.`}
        />
      ) : (
        <>
          {outcome ? <SavedNotice outcome={outcome} /> : null}
          <MatrixEntryForm
            // A new version starts the form again from what the server keeps.
            key={row ? `${row.id}-${row.version}` : 'new'}
            row={row}
            initial={row?.definition ?? startingEntry(teamKind)}
            canEdit={canEdit}
            onSaved={setOutcome}
          />
        </>
      )}
    </Stack>
  );
}
