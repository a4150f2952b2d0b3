import { Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import {
  CANDIDATE_REJECTION_LABELS,
  CANDIDATE_REJECTION_REASONS,
  type CandidateRejectionReason,
  rejectionIssue,
} from '@switchboard/domain';
import { useRefreshArea, useTRPC } from '@switchboard/ui/trpc';
import { useMutation } from '@tanstack/react-query';
import { FormFooter } from '../../lib/FormFooter.tsx';
import { useServerErrors } from '../../lib/use-server-errors.ts';

export interface RejectModalProps {
  candidate: { id: string; name: string } | null;
  rejectedStageId: string | undefined;
  onClose: () => void;
}

interface RejectValues {
  rejectionReason: CandidateRejectionReason | null;
  note: string;
}

/** Rejects a candidate with the reason the funnel and the team will read. */
export function RejectModal({ candidate, rejectedStageId, onClose }: RejectModalProps) {
  return (
    <Modal
      opened={candidate !== null}
      onClose={onClose}
      title={candidate ? `Reject ${candidate.name}` : 'Reject'}
    >
      {candidate && rejectedStageId ? (
        <RejectForm candidate={candidate} rejectedStageId={rejectedStageId} onClose={onClose} />
      ) : null}
    </Modal>
  );
}

function RejectForm({
  candidate,
  rejectedStageId,
  onClose,
}: {
  candidate: { id: string; name: string };
  rejectedStageId: string;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const refresh = useRefreshArea('hiring');
  const form = useForm<RejectValues>({
    initialValues: { rejectionReason: null, note: '' },
    validate: (values) => {
      const issue = rejectionIssue(values);
      return issue ? { [issue.field]: issue.message } : {};
    },
  });
  const reject = useMutation(
    trpc.hiring.moveCandidate.mutationOptions({
      onSuccess: () => {
        notifications.show({ color: 'teal', message: `${candidate.name} rejected` });
        void refresh();
        onClose();
      },
    }),
  );
  const unplaced = useServerErrors(reject.error, ['rejectionReason', 'note'], form.setErrors);
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        reject.mutate({
          candidateId: candidate.id,
          toStageId: rejectedStageId,
          rejectionReason: values.rejectionReason,
          note: values.note,
        }),
      )}
    >
      <Stack>
        <Text size="sm" c="dimmed">
          They leave the pipeline; you can bring them back to a stage later.
        </Text>
        <Select
          label="Reason"
          placeholder="Choose a reason"
          data={CANDIDATE_REJECTION_REASONS.map((reason) => ({
            value: reason,
            label: CANDIDATE_REJECTION_LABELS[reason],
          }))}
          withAsterisk
          data-autofocus
          {...form.getInputProps('rejectionReason')}
        />
        <Textarea
          label="Note"
          description="For the team; the candidate does not see it"
          autosize
          minRows={2}
          {...form.getInputProps('note')}
        />
        <FormFooter
          error={unplaced}
          errorTitle="Not rejected"
          pending={reject.isPending}
          submitLabel="Reject candidate"
          submitColor="red"
          onCancel={onClose}
        />
      </Stack>
    </form>
  );
}
