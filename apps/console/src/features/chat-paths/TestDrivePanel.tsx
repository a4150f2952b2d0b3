import {
  Alert,
  Badge,
  Box,
  Button,
  Group,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { ChatInput, ChatPath } from '@switchboard/domain';
import { describeError } from '@switchboard/ui';
import { type RouterOutputs, useTRPC } from '@switchboard/ui/trpc';
import { IconPlayerPlay, IconRefresh, IconUser } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { FIELD_KIND_LABELS } from './chat-path-form.ts';

type Preview = RouterOutputs['chatPaths']['preview'];

interface Line {
  from: 'bot' | 'visitor';
  text: string;
}

const VISITOR_LABELS = {
  solved: 'Yes, that solved it',
  notSolved: 'No',
  talkToPerson: 'Talk to a person',
} as const;

export interface TestDrivePanelProps {
  /** The draft, parsed; null while it has problems (the panel says so). */
  definition: ChatPath | null;
  inboxNames: Map<string, string>;
}

/**
 * Runs the draft exactly as the web chat will (chatPaths.preview on the server, the same
 * domain functions), so a lead can walk every branch before saving. Stores nothing.
 */
export function TestDrivePanel({ definition, inboxNames }: TestDrivePanelProps) {
  const trpc = useTRPC();
  const [driven, setDriven] = useState<ChatPath | null>(null);
  const [lines, setLines] = useState<Line[]>([]);
  const [current, setCurrent] = useState<Preview | null>(null);
  const [answer, setAnswer] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const preview = useMutation(trpc.chatPaths.preview.mutationOptions());

  const start = () => {
    if (!definition) return;
    setRefusal(null);
    setAnswer('');
    preview.mutate(
      { definition },
      {
        onSuccess: (result) => {
          setDriven(definition);
          setCurrent(result);
          setLines(result.turn.bot.map((text) => ({ from: 'bot', text })));
        },
      },
    );
  };

  const send = (input: ChatInput, said: string) => {
    if (!driven || !current) return;
    setRefusal(null);
    preview.mutate(
      { definition: driven, state: current.turn.state, input },
      {
        onSuccess: (result) => {
          if (result.turn.error) {
            setRefusal(result.turn.error);
            return;
          }
          setCurrent(result);
          setAnswer('');
          setLines((before) => [
            ...before,
            { from: 'visitor', text: said },
            ...result.turn.bot.map((text) => ({ from: 'bot' as const, text })),
          ]);
        },
      },
    );
  };

  const turn = current?.turn ?? null;
  const expects = turn?.expects ?? null;
  const active = turn?.state.status === 'active';
  const stale =
    driven !== null && definition !== null && JSON.stringify(driven) !== JSON.stringify(definition);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="test-drive-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="test-drive-title">
            Test drive
          </Title>
          <Button
            size="xs"
            variant={driven ? 'default' : 'filled'}
            leftSection={driven ? <IconRefresh size={14} /> : <IconPlayerPlay size={14} />}
            onClick={start}
            disabled={!definition}
            loading={preview.isPending && !driven}
          >
            {driven ? 'Restart' : 'Start'}
          </Button>
        </Group>
        {!definition ? (
          <Text size="sm" c="dimmed">
            Fix the problems in the path to test drive it.
          </Text>
        ) : !driven ? (
          <Text size="sm" c="dimmed">
            Walk the path as a visitor would, before you save it. Nothing is stored.
          </Text>
        ) : null}
        {stale ? (
          <Text size="xs" c="dimmed">
            You changed the path since starting: restart to drive the new version.
          </Text>
        ) : null}
        {lines.length > 0 ? (
          <Stack gap={6} component="ol" aria-label="Test conversation" p={0} m={0}>
            {lines.map((line, index) => (
              <Box
                component="li"
                // Lines are only ever appended.
                key={`${index}-${line.from}`}
                style={{
                  listStyle: 'none',
                  alignSelf: line.from === 'visitor' ? 'flex-end' : 'flex-start',
                  maxWidth: '85%',
                }}
              >
                <Paper
                  p="xs"
                  bg={
                    line.from === 'visitor'
                      ? 'var(--mantine-primary-color-light)'
                      : 'var(--mantine-color-default-hover)'
                  }
                >
                  <Text size="xs" c="dimmed">
                    {line.from === 'visitor' ? 'Visitor' : 'Bot'}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {line.text}
                  </Text>
                </Paper>
              </Box>
            ))}
          </Stack>
        ) : null}
        {active && expects?.kind === 'choose' ? (
          <Group gap="xs" role="group" aria-label="Visitor’s options">
            {expects.options.map((option, index) => (
              <Button
                key={`${index}-${option}`}
                size="xs"
                variant="light"
                onClick={() => send({ kind: 'choose', optionIndex: index }, option)}
                disabled={preview.isPending}
              >
                {option}
              </Button>
            ))}
          </Group>
        ) : null}
        {active && expects?.kind === 'answer' ? (
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              send({ kind: 'answer', text: answer }, answer.trim());
            }}
          >
            <Group align="flex-end" gap="xs">
              <TextInput
                label={`Visitor’s answer (${FIELD_KIND_LABELS[expects.field].toLowerCase()})`}
                value={answer}
                onChange={(event) => setAnswer(event.currentTarget.value)}
                style={{ flex: 1 }}
              />
              <Button type="submit" size="sm" disabled={preview.isPending}>
                Answer
              </Button>
            </Group>
          </form>
        ) : null}
        {active && expects?.kind === 'confirm' ? (
          <Group gap="xs">
            <Button
              size="xs"
              variant="light"
              onClick={() => send({ kind: 'confirm', solved: true }, VISITOR_LABELS.solved)}
            >
              {VISITOR_LABELS.solved}
            </Button>
            <Button
              size="xs"
              variant="light"
              onClick={() => send({ kind: 'confirm', solved: false }, VISITOR_LABELS.notSolved)}
            >
              {VISITOR_LABELS.notSolved}
            </Button>
          </Group>
        ) : null}
        {refusal ? (
          <Text size="sm" c="red" role="alert">
            {refusal}
          </Text>
        ) : null}
        {active ? (
          <Button
            size="xs"
            variant="subtle"
            leftSection={<IconUser size={14} />}
            onClick={() => send({ kind: 'talk_to_person' }, VISITOR_LABELS.talkToPerson)}
            style={{ alignSelf: 'flex-start' }}
          >
            {VISITOR_LABELS.talkToPerson}
          </Button>
        ) : null}
        {turn?.done ? <Outcome preview={current!} inboxNames={inboxNames} /> : null}
        {preview.isError ? (
          <Alert color="red" title="The test drive stopped">
            {describeError(preview.error)}
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}

function Outcome({ preview, inboxNames }: { preview: Preview; inboxNames: Map<string, string> }) {
  const done = preview.turn.done;
  if (done?.kind === 'solved') {
    return (
      <Alert color="teal" title="Solved by the bot" role="status">
        The visitor said the answer helped. No conversation is created: nothing reaches an agent.
      </Alert>
    );
  }
  if (done?.kind !== 'handover') return null;
  const inbox = preview.handoverInbox;
  const code = done.inboxCode;
  const name = code ? (inbox?.name ?? inboxNames.get(code) ?? null) : null;
  const collected = Object.entries(done.collected);
  const title = !code
    ? 'Handed over to a person: the routing rules choose the inbox'
    : `Handed over to ${name ? `${name} (${code})` : code}`;
  return (
    <Alert color={!code || inbox?.active ? 'blue' : 'orange'} title={title} role="status">
      <Stack gap={4}>
        {code && !inbox ? <Text size="sm">There is no inbox {code}.</Text> : null}
        {inbox && !inbox.active ? <Text size="sm">{inbox.name} is inactive.</Text> : null}
        <Group gap={4}>
          <Text size="sm">Tags:</Text>
          {done.tags.length === 0 ? (
            <Text size="sm" c="dimmed">
              none
            </Text>
          ) : (
            done.tags.map((tag) => (
              <Badge key={tag} size="sm" variant="light">
                {tag}
              </Badge>
            ))
          )}
        </Group>
        <Text size="sm">The agent sees what the bot collected:</Text>
        {collected.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nothing collected
          </Text>
        ) : (
          <Box component="dl" m={0}>
            {collected.map(([key, value]) => (
              <Group key={key} gap={6}>
                <Text component="dt" size="sm" fw={600}>
                  {key}:
                </Text>
                <Text component="dd" size="sm" m={0}>
                  {value}
                </Text>
              </Group>
            ))}
          </Box>
        )}
      </Stack>
    </Alert>
  );
}
