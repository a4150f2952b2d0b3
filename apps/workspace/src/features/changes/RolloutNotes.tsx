import { Badge, Button, Group, List, Paper, ScrollArea, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { CONFIG_ENTITY_LABELS, configEntityTypeSchema } from '@switchboard/domain';
import { describeError, formatDateTime, formatRelativeTime } from '@switchboard/ui';
import { type RouterOutputs, useTRPC } from '@switchboard/ui/trpc';
import { IconChevronDown, IconChevronRight, IconSpeakerphone } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

type RolloutNote = RouterOutputs['changes']['myRolloutNotes'][number];

/**
 * Notes are not pushed over the live stream, so look again now and then: a lead's note
 * should reach agents within minutes, not only on their next reload.
 */
const REFRESH_MS = 5 * 60_000;

function entityTypeLabel(entityType: string): string {
  const known = configEntityTypeSchema.safeParse(entityType);
  return known.success ? CONFIG_ENTITY_LABELS[known.data] : entityType;
}

/**
 * Rollout notes leads attached to configuration changes that this agent has not
 * acknowledged yet, above whatever screen they are on. It never blocks work: a failure to
 * load them shows nothing, and a long list scrolls inside its own box.
 */
export function RolloutNotes() {
  const trpc = useTRPC();
  const notes = useQuery({
    ...trpc.changes.myRolloutNotes.queryOptions(),
    refetchInterval: REFRESH_MS,
  });
  if (!notes.data || notes.data.length === 0) return null;
  const count = notes.data.length;

  return (
    <Paper
      component="section"
      aria-label="Rollout notes"
      withBorder
      p="sm"
      mb="md"
      style={{ borderLeft: '4px solid var(--mantine-color-blue-filled)' }}
    >
      <Group gap="xs" mb="xs">
        <IconSpeakerphone size={18} color="var(--mantine-color-blue-filled)" />
        <Text fw={600} size="sm">
          What changed
        </Text>
        {count > 1 ? (
          <Badge size="sm" circle aria-label={`${count} rollout notes to read`}>
            {count}
          </Badge>
        ) : null}
      </Group>
      <ScrollArea.Autosize mah={240} type="auto" offsetScrollbars>
        <Stack gap="sm">
          {notes.data.map((note) => (
            <RolloutNoteItem key={note.id} note={note} />
          ))}
        </Stack>
      </ScrollArea.Autosize>
    </Paper>
  );
}

function RolloutNoteItem({ note }: { note: RolloutNote }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [showDiff, setShowDiff] = useState(false);
  const notesKey = trpc.changes.myRolloutNotes.queryKey();
  const acknowledge = useMutation(
    trpc.changes.acknowledge.mutationOptions({
      onSuccess: () => {
        // Gone at once, then confirmed by the server.
        queryClient.setQueryData(notesKey, (current) =>
          current?.filter((other) => other.id !== note.id),
        );
        return queryClient.invalidateQueries({ queryKey: notesKey });
      },
      onError: (error) =>
        notifications.show({
          color: 'red',
          title: 'Not acknowledged',
          message: describeError(error),
        }),
    }),
  );
  const title = `What changed: ${note.entityName}`;

  return (
    <Group
      component="article"
      aria-label={title}
      align="flex-start"
      justify="space-between"
      wrap="nowrap"
      gap="md"
    >
      <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
        <Text size="sm" fw={600}>
          {title}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {note.rolloutNote}
        </Text>
        <Text size="xs" c="dimmed">
          {entityTypeLabel(note.entityType)} · by {note.actorName ?? 'System'} ·{' '}
          <Tooltip label={formatDateTime(note.createdAt)}>
            <span>{formatRelativeTime(note.createdAt)}</span>
          </Tooltip>
        </Text>
        {note.diff.length > 0 ? (
          <div>
            <Button
              variant="subtle"
              size="compact-xs"
              leftSection={
                showDiff ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />
              }
              aria-expanded={showDiff}
              onClick={() => setShowDiff((shown) => !shown)}
            >
              {showDiff ? 'Hide the details' : `Show the details (${note.diff.length})`}
            </Button>
            {showDiff ? (
              <List size="xs" spacing={2} mt={4}>
                {note.diff.map((line) => (
                  <List.Item key={line}>{line}</List.Item>
                ))}
              </List>
            ) : null}
          </div>
        ) : null}
      </Stack>
      <Button
        size="xs"
        variant="light"
        loading={acknowledge.isPending}
        onClick={() => acknowledge.mutate({ id: note.id })}
      >
        Got it
      </Button>
    </Group>
  );
}
