import { Button, Group, List, NumberInput, Paper, Progress, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { describeError } from '@switchboard/ui';
import { serverFieldErrors } from '@switchboard/ui/playbooks';
import { useRefreshArea, useTRPC } from '@switchboard/ui/trpc';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { ModuleKey, ModuleView } from './module-view.ts';

type LivePractice = NonNullable<ModuleView['livePractice']>;

/**
 * Shadowing and nesting: live conversations counted so far. Shadowing is logged by the
 * trainee (their trainer checks the log and signs off); nesting counts by itself.
 */
export function LivePracticePanel({ view, moduleKey }: { view: ModuleView; moduleKey: ModuleKey }) {
  const live = view.livePractice;
  if (!live) return null;
  return (
    <Paper withBorder p="md" component="section" aria-label="Live practice">
      <Stack gap="md">
        {live.kind === 'shadowing' ? (
          <>
            <Text size="sm">
              Sit with an experienced agent while they handle live conversations. After each one,
              log its number here (it is at the top of the conversation, e.g. #10423). Your trainer
              checks the log and signs the module off.
            </Text>
            <Progress
              value={(live.shadowing.done / live.shadowing.required) * 100}
              aria-label={live.text}
            />
            <Text size="sm" fw={600}>
              {live.text}
            </Text>
            {view.status !== 'completed' ? <LogShadowingForm moduleKey={moduleKey} /> : null}
          </>
        ) : (
          <NestingProgress live={live} />
        )}
        <CountedConversations live={live} />
      </Stack>
    </Paper>
  );
}

function NestingProgress({ live }: { live: Extract<LivePractice, { kind: 'nesting' }> }) {
  const { nesting } = live;
  return (
    <>
      <Text size="sm">
        Handle live conversations yourself. Every conversation you resolve from the moment you
        started this module counts, and the QA reviews of those conversations must average at least{' '}
        {nesting.threshold}% over {nesting.reviewsRequired} review
        {nesting.reviewsRequired === 1 ? '' : 's'}.
      </Text>
      <Progress value={(nesting.done / nesting.required) * 100} aria-label={live.text} />
      <Text size="sm" fw={600}>
        {live.text}
      </Text>
      <Text size="sm" c={nesting.qaMet ? 'teal' : 'dimmed'}>
        {nesting.averageQa === null
          ? 'No QA reviews of these conversations yet.'
          : nesting.qaMet
            ? `QA average ${nesting.averageQa}%: at or above ${nesting.threshold}%.`
            : `QA average ${nesting.averageQa}% over ${nesting.reviews} review${nesting.reviews === 1 ? '' : 's'}: needs ${nesting.threshold}% over ${nesting.reviewsRequired}.`}
      </Text>
    </>
  );
}

function CountedConversations({ live }: { live: LivePractice }) {
  if (live.conversations.length === 0) return null;
  return (
    <List size="sm" spacing={4} aria-label="Conversations counted">
      {live.conversations.map((conversation) => (
        <List.Item key={conversation.id}>
          #{conversation.number} {conversation.subject || '(no subject)'}
          {live.kind === 'shadowing' && conversation.assigneeName
            ? ` · handled by ${conversation.assigneeName}`
            : ''}
        </List.Item>
      ))}
    </List>
  );
}

function LogShadowingForm({ moduleKey }: { moduleKey: ModuleKey }) {
  const trpc = useTRPC();
  const refresh = useRefreshArea('training');
  const [number, setNumber] = useState<number | string>('');
  const log = useMutation(
    trpc.training.logMyShadowing.mutationOptions({
      onSuccess: () => {
        notifications.show({ color: 'teal', message: `Conversation #${number} logged` });
        setNumber('');
        void refresh();
      },
    }),
  );
  const fieldError = serverFieldErrors(log.error).conversationNumber;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (typeof number === 'number') log.mutate({ ...moduleKey, conversationNumber: number });
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <Group align="flex-end">
        <NumberInput
          label="Conversation number"
          placeholder="10423"
          min={1}
          allowDecimal={false}
          allowNegative={false}
          hideControls
          value={number}
          onChange={setNumber}
          error={fieldError?.replace(/^conversationNumber: /, '')}
          w={200}
        />
        <Button type="submit" loading={log.isPending} disabled={typeof number !== 'number'}>
          Log conversation
        </Button>
      </Group>
      {log.error && !fieldError ? (
        <Text size="sm" c="red" role="alert">
          {describeError(log.error)}
        </Text>
      ) : null}
    </form>
  );
}
