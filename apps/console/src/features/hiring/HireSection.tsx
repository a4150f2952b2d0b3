import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { INVITATION_STATE_LABELS, type InvitationState } from '@switchboard/domain';
import { describeError, formatDateTime } from '@switchboard/ui';
import { type RouterOutputs, useRefreshArea, useTRPC } from '@switchboard/ui/trpc';
import { IconAlertTriangle, IconLink } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { InvitationLink } from './InvitationLink.tsx';

type CandidateDetail = RouterOutputs['hiring']['candidate'];

const STATE_COLORS: Record<InvitationState, string> = {
  pending: 'yellow',
  accepted: 'teal',
  expired: 'red',
  revoked: 'gray',
};

/** A hire's account: their team, whether they have set a password, and a new link if needed. */
export function HireSection({ detail }: { detail: CandidateDetail }) {
  const trpc = useTRPC();
  const refresh = useRefreshArea('hiring');
  const reissue = useMutation(
    trpc.hiring.reissueInvitation.mutationOptions({ onSuccess: () => void refresh() }),
  );
  const hire = detail.hire;
  if (!hire) return null;
  const state = hire.invitation?.state ?? null;
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Account
        </Title>
        <Text size="sm">{`${hire.user.email} · ${hire.teams.join(', ') || 'no team'}`}</Text>
        <Group gap="xs">
          {state ? (
            <Badge color={STATE_COLORS[state]} variant="light">
              {INVITATION_STATE_LABELS[state]}
            </Badge>
          ) : null}
          <Text size="xs" c="dimmed">
            {`${hire.enrolments} ${hire.enrolments === 1 ? 'curriculum' : 'curricula'} enrolled`}
          </Text>
        </Group>
        {hire.invitation && state !== 'accepted' ? (
          <Text size="xs" c="dimmed">
            {`Link issued ${formatDateTime(hire.invitation.createdAt)}, ${state === 'expired' ? 'expired' : 'expires'} ${formatDateTime(hire.invitation.expiresAt)}`}
          </Text>
        ) : null}
        {state !== 'accepted' && !reissue.data ? (
          <Group>
            <Button
              size="xs"
              variant="light"
              leftSection={<IconLink size={14} />}
              loading={reissue.isPending}
              onClick={() => reissue.mutate({ candidateId: detail.candidate.id })}
            >
              New invitation link
            </Button>
          </Group>
        ) : null}
        {reissue.data ? (
          <InvitationLink
            path={reissue.data.path}
            expiresAt={reissue.data.expiresAt}
            name={hire.user.name}
          />
        ) : null}
        {reissue.error ? (
          <Alert color="red" icon={<IconAlertTriangle />} title="No new link">
            {describeError(reissue.error)}
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}
