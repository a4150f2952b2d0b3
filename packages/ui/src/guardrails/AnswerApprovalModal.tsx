import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../trpc.tsx';
import { describeError, trpcErrorCode } from '../trpc-errors.ts';
import { type ApprovalRow, askedText } from './approval-text.ts';

export type ApprovalAnswer = 'approved' | 'rejected';

/** The server names the request in its refusals ("requestId: …"); people need only the why. */
export function refusalText(error: unknown): string {
  return describeError(error).replace(/^requestId: /, '');
}

export interface AnswerApprovalModalProps {
  /** The request being answered and how, or null when closed. */
  answering: { approval: ApprovalRow; outcome: ApprovalAnswer } | null;
  onClose: () => void;
}

/**
 * Approve or reject one request, with a note for the agent who asked (required to reject:
 * they need to know why). A request answered meanwhile refreshes the queue and says so.
 */
export function AnswerApprovalModal({ answering, onClose }: AnswerApprovalModalProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: trpc.guardrails.approvals.pathKey() });
  const close = () => {
    setNote('');
    setNoteError(null);
    answer.reset();
    onClose();
  };
  const answer = useMutation(
    trpc.guardrails.answerApproval.mutationOptions({
      onSuccess: (_result, input) => {
        notifications.show({
          color: input.outcome === 'approved' ? 'teal' : 'orange',
          message: `#${answering?.approval.conversationNumber ?? ''}: ${input.outcome === 'approved' ? 'approved' : 'rejected'}. The agent is told.`,
        });
        void refresh();
        close();
      },
      onError: (error) => {
        if (trpcErrorCode(error) === 'CONFLICT') {
          notifications.show({
            color: 'yellow',
            title: 'Answered already',
            message: 'Someone answered this request before you; the queue is refreshed.',
          });
          void refresh();
          close();
        }
      },
    }),
  );

  const outcome = answering?.outcome ?? 'approved';
  const rejecting = outcome === 'rejected';
  const approval = answering?.approval;

  return (
    <Modal
      opened={answering !== null}
      onClose={close}
      title={
        approval
          ? `${rejecting ? 'Reject' : 'Approve'} #${approval.conversationNumber}?`
          : 'Answer the request'
      }
    >
      {approval ? (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (rejecting && note.trim() === '') {
              setNoteError('Say why, so the agent can tell the customer');
              return;
            }
            answer.mutate({ requestId: approval.requestId, outcome, note: note.trim() });
          }}
        >
          <Stack>
            <Text size="sm">
              {`${askedText(approval)}, asked by ${approval.requestedByName ?? 'someone no longer here'}.`}
            </Text>
            <Textarea
              label="Note for the agent"
              description={
                rejecting
                  ? 'Required: why it is rejected, and what to offer instead'
                  : 'Optional: posted with the answer on the conversation'
              }
              withAsterisk={rejecting}
              rows={3}
              resize="vertical"
              maxLength={2000}
              value={note}
              onChange={(event) => {
                setNote(event.currentTarget.value);
                setNoteError(null);
              }}
              error={noteError}
              data-autofocus
            />
            {answer.isError && trpcErrorCode(answer.error) !== 'CONFLICT' ? (
              <Alert
                color="red"
                icon={<IconAlertTriangle />}
                title={
                  trpcErrorCode(answer.error) === 'FORBIDDEN' ? 'Not yours to answer' : 'Not sent'
                }
              >
                {refusalText(answer.error)}
              </Alert>
            ) : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" color={rejecting ? 'red' : 'teal'} loading={answer.isPending}>
                {rejecting ? 'Reject' : 'Approve'}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Modal>
  );
}
