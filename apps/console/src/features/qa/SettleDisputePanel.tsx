import {
  Alert,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { QA_SETTLEMENT_LABELS, type QaAnswers, type QaSettlement } from '@switchboard/domain';
import { describeError } from '@switchboard/ui';
import { serverFieldErrors } from '@switchboard/ui/playbooks';
import { useRefreshArea, useTRPC } from '@switchboard/ui/trpc';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { CriteriaScoringForm } from './CriteriaScoringForm.tsx';
import type { QaReviewDetail } from './qa-detail.ts';

/**
 * A lead's decision on a dispute: the scores stand, or they are scored again (a new score).
 * Either way the note tells the agent why, and the reviewer hears of it.
 */
export function SettleDisputePanel({ detail }: { detail: QaReviewDetail }) {
  const trpc = useTRPC();
  const refresh = useRefreshArea('qa');
  const [outcome, setOutcome] = useState<QaSettlement>('upheld');
  const [answers, setAnswers] = useState<QaAnswers>(detail.review.scores);
  const [note, setNote] = useState('');
  const settle = useMutation(
    trpc.qa.settle.mutationOptions({
      onSuccess: (result) => {
        notifications.show({
          color: 'teal',
          message:
            result.outcome === 'revised'
              ? `Dispute settled: the score is now ${result.score}%`
              : 'Dispute settled: the scores stand',
        });
        void refresh();
      },
    }),
  );
  const fieldErrors = serverFieldErrors(settle.error);
  return (
    <Paper withBorder p="md" component="section" aria-label="Settle the dispute">
      <Stack gap="md">
        <div>
          <Title order={2} size="h4">
            Settle the dispute
          </Title>
          <Text size="sm" c="dimmed">
            Read the conversation and the agent’s reason, then uphold the scores or score it again.
          </Text>
        </div>
        <SegmentedControl
          aria-label="Decision"
          value={outcome}
          onChange={(value) => setOutcome(value as QaSettlement)}
          data={[
            { value: 'upheld', label: QA_SETTLEMENT_LABELS.upheld },
            { value: 'revised', label: 'Revise the scores' },
          ]}
        />
        {outcome === 'revised' ? (
          <CriteriaScoringForm
            criteria={detail.scorecard.criteria}
            passMark={detail.scorecard.passMark}
            answers={answers}
            onChange={setAnswers}
            errors={fieldErrors}
            disabled={settle.isPending}
          />
        ) : null}
        <Textarea
          label="Note to the agent"
          description="Why the scores stand, or what changed. The agent and the reviewer read it."
          required
          autosize
          minRows={2}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={fieldErrors.note}
        />
        {settle.error && !fieldErrors.note && Object.keys(fieldErrors).length === 0 ? (
          <Alert color="red" icon={<IconAlertTriangle />} title="Not settled">
            {describeError(settle.error)}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button
            loading={settle.isPending}
            onClick={() =>
              settle.mutate({
                id: detail.review.id,
                outcome,
                note,
                ...(outcome === 'revised' ? { scores: answers } : {}),
              })
            }
          >
            {outcome === 'revised' ? 'Save the new scores' : 'Uphold the scores'}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
