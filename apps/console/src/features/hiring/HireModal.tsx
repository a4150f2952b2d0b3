import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { requisitionLabel } from '@switchboard/domain';
import { describeError } from '@switchboard/ui';
import { type RouterOutputs, useRefreshArea, useTRPC } from '@switchboard/ui/trpc';
import { IconAlertTriangle, IconUserCheck } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { InvitationLink } from './InvitationLink.tsx';

type HireResult = RouterOutputs['hiring']['hire'];

export interface HireModalProps {
  candidate: { id: string; name: string; requisitionId: string } | null;
  onClose: () => void;
}

/**
 * Hiring in two steps: what will happen (account, team, training, the requisition's places),
 * then the invitation link, shown this once.
 */
export function HireModal({ candidate, onClose }: HireModalProps) {
  const trpc = useTRPC();
  const refresh = useRefreshArea('hiring');
  const hire = useMutation(trpc.hiring.hire.mutationOptions({ onSuccess: () => void refresh() }));
  const close = () => {
    hire.reset();
    onClose();
  };
  const result = hire.data;
  return (
    <Modal
      opened={candidate !== null}
      onClose={close}
      title={result ? `${result.name} is hired` : candidate ? `Hire ${candidate.name}` : 'Hire'}
      size="lg"
      // The link is shown once: no closing by a stray click outside.
      closeOnClickOutside={!result}
    >
      {candidate && result ? <Hired result={result} onDone={close} /> : null}
      {candidate && !result ? (
        <ConfirmHire
          candidate={candidate}
          hiring={hire.isPending}
          error={hire.error}
          onHire={() => hire.mutate({ candidateId: candidate.id })}
          onCancel={close}
        />
      ) : null}
    </Modal>
  );
}

function ConfirmHire({
  candidate,
  hiring,
  error,
  onHire,
  onCancel,
}: {
  candidate: NonNullable<HireModalProps['candidate']>;
  hiring: boolean;
  error: unknown;
  onHire: () => void;
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const requisition = useQuery(
    trpc.hiring.requisition.queryOptions({ id: candidate.requisitionId }),
  );
  const row = requisition.data;
  const lastPlace = row ? row.hiredCount + 1 >= row.headcount : false;
  return (
    <Stack>
      {row ? (
        <Text size="sm">
          {`For ${requisitionLabel(row.number)} ${row.title}: ${row.hiredCount} of ${row.headcount} places hired so far.`}
          {lastPlace ? ' This is the last place, so the requisition will be filled.' : ''}
        </Text>
      ) : null}
      <List size="sm" spacing={4}>
        <List.Item>{`A trainee account for ${candidate.name} (agent) on ${row?.teamName ?? 'the requisition’s team'}, with their languages`}</List.Item>
        <List.Item>Enrolment in the team’s training plan</List.Item>
        <List.Item>An invitation link for them to set a password, valid 7 days</List.Item>
      </List>
      {error ? (
        <Alert color="red" icon={<IconAlertTriangle />} title="Not hired">
          {describeError(error)}
        </Alert>
      ) : null}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button leftSection={<IconUserCheck size={16} />} loading={hiring} onClick={onHire}>
          Confirm hire
        </Button>
      </Group>
    </Stack>
  );
}

function Hired({ result, onDone }: { result: HireResult; onDone: () => void }) {
  return (
    <Stack>
      <Text size="sm">
        {`${result.name} is on ${result.teamName} as a trainee.`}
        {result.requisitionStatus === 'filled' ? ' The requisition is now filled.' : ''}
      </Text>
      <InvitationLink
        path={result.invitation.path}
        expiresAt={result.invitation.expiresAt}
        name={result.name}
      />
      <Text size="sm">
        {result.enrolledCurricula.length > 0
          ? `Enrolled in ${result.enrolledCurricula.join(', ')}.`
          : 'The team has no training plan yet: enrol them from Training.'}
      </Text>
      <Group justify="flex-end">
        <Button onClick={onDone}>Done</Button>
      </Group>
    </Stack>
  );
}
