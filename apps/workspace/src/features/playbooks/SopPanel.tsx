import {
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Progress,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type SopStep, sopProgress } from '@switchboard/domain';
import { describeError, Markdown } from '@switchboard/ui';
import { type RouterOutputs, useTRPC } from '@switchboard/ui/trpc';
import { IconListCheck } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

type ConversationSop = NonNullable<RouterOutputs['playbooks']['sopForConversation']>;
type Check = ConversationSop['checks'][number];

export interface SopPanelProps {
  conversationId: string;
}

/**
 * The playbook of the conversation's request type as a checklist: tick steps, skip one with
 * a reason. Required steps must be handled before the conversation can be resolved.
 */
export function SopPanel({ conversationId }: SopPanelProps) {
  const trpc = useTRPC();
  const sop = useQuery(trpc.playbooks.sopForConversation.queryOptions({ conversationId }));
  return (
    <Paper withBorder p="md" component="section" aria-label="Playbook">
      {sop.isPending ? (
        <Text size="sm" c="dimmed">
          Loading the playbook…
        </Text>
      ) : sop.isError ? (
        <Text size="sm" c="red" role="alert">
          {describeError(sop.error)}
        </Text>
      ) : sop.data === null ? (
        <Group gap="xs">
          <IconListCheck size={18} color="var(--mantine-color-dimmed)" />
          <Text size="sm" c="dimmed">
            No playbook for this request type
          </Text>
        </Group>
      ) : (
        <Checklist conversationId={conversationId} sop={sop.data} />
      )}
    </Paper>
  );
}

function Checklist({ conversationId, sop }: { conversationId: string; sop: ConversationSop }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const checks = new Map(sop.checks.map((check) => [check.stepId, check]));
  const progress = sopProgress(sop.version.steps, sop.checks);
  const check = useMutation(
    trpc.playbooks.checkSopStep.mutationOptions({
      onSuccess: (updated) => {
        queryClient.setQueryData(
          trpc.playbooks.sopForConversation.queryKey({ conversationId }),
          updated,
        );
        void queryClient.invalidateQueries({ queryKey: trpc.conversations.byId.pathKey() });
      },
      onError: (error) =>
        notifications.show({ color: 'red', title: 'Not saved', message: describeError(error) }),
    }),
  );
  const handled = progress.done + progress.skipped;

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="nowrap">
        <Title order={2} size="h5">
          {sop.version.title}
        </Title>
        <Badge variant="light" color="gray">
          v{sop.version.version}
        </Badge>
      </Group>
      <Progress
        value={progress.total === 0 ? 0 : (handled / progress.total) * 100}
        aria-label={`${handled} of ${progress.total} steps handled`}
        size="sm"
      />
      <Text size="xs" c={progress.requiredOpen > 0 ? 'orange' : 'dimmed'}>
        {progress.requiredOpen > 0
          ? `${progress.requiredOpen} required step${progress.requiredOpen === 1 ? '' : 's'} left before resolving`
          : `${handled} of ${progress.total} steps handled`}
      </Text>
      <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {sop.version.steps.map((step, index) => (
          <StepRow
            key={step.id}
            index={index}
            step={step}
            check={checks.get(step.id)}
            busy={check.isPending}
            onChange={(state, skipReason) =>
              check.mutate({
                conversationId,
                stepId: step.id,
                state,
                ...(skipReason ? { skipReason } : {}),
              })
            }
          />
        ))}
      </Stack>
    </Stack>
  );
}

function StepRow({
  index,
  step,
  check,
  busy,
  onChange,
}: {
  index: number;
  step: SopStep;
  check: Check | undefined;
  busy: boolean;
  onChange: (state: 'done' | 'skipped' | null, skipReason?: string) => void;
}) {
  const [skipping, setSkipping] = useState(false);
  const [reason, setReason] = useState('');
  const label = `Step ${index + 1}`;
  const skipped = check?.state === 'skipped';
  return (
    <li>
      <Group align="flex-start" gap="xs" wrap="nowrap">
        <Checkbox
          mt={2}
          aria-label={`${label} done`}
          checked={check?.state === 'done'}
          disabled={busy || skipped}
          onChange={(event) => onChange(event.currentTarget.checked ? 'done' : null)}
        />
        <Stack gap={2} style={{ flex: 1 }}>
          <Group gap={6} wrap="nowrap" align="flex-start">
            <Markdown
              style={{ flex: 1, opacity: skipped ? 0.6 : 1 }}
              td={check?.state === 'done' ? 'line-through' : undefined}
            >
              {step.text}
            </Markdown>
            {step.required ? (
              <Badge size="xs" color="red" variant="light">
                Required
              </Badge>
            ) : null}
          </Group>
          {skipped ? (
            <Group gap="xs">
              <Text size="xs" c="dimmed">
                Skipped: {check?.skipReason}
                {check?.checkedByName ? ` — ${check.checkedByName}` : ''}
              </Text>
              <Button size="compact-xs" variant="subtle" onClick={() => onChange(null)}>
                Undo skip
              </Button>
            </Group>
          ) : check?.state === 'done' && check.checkedByName ? (
            <Text size="xs" c="dimmed">
              Done by {check.checkedByName}
            </Text>
          ) : null}
          {!check && !skipping ? (
            <Group>
              <Button
                size="compact-xs"
                variant="subtle"
                aria-label={`Skip ${label.toLowerCase()}`}
                onClick={() => setSkipping(true)}
              >
                Skip
              </Button>
            </Group>
          ) : null}
          {skipping && !check ? (
            <form
              noValidate
              onSubmit={(event) => {
                event.preventDefault();
                if (reason.trim().length < 3) return;
                onChange('skipped', reason.trim());
                setSkipping(false);
                setReason('');
              }}
            >
              <Group gap="xs" align="flex-end">
                <TextInput
                  size="xs"
                  label={`Why skip ${label.toLowerCase()}?`}
                  data-autofocus
                  value={reason}
                  onChange={(event) => setReason(event.currentTarget.value)}
                  error={
                    reason.length > 0 && reason.trim().length < 3
                      ? 'At least 3 characters'
                      : undefined
                  }
                  style={{ flex: 1 }}
                />
                <Button size="xs" type="submit" disabled={reason.trim().length < 3}>
                  Skip step
                </Button>
                <Button size="xs" variant="default" onClick={() => setSkipping(false)}>
                  Cancel
                </Button>
              </Group>
            </form>
          ) : null}
        </Stack>
      </Group>
    </li>
  );
}
