import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { formatDateTime } from '@switchboard/ui';
import { type RouterOutputs, useRefreshArea, useTRPC } from '@switchboard/ui/trpc';
import { useMutation } from '@tanstack/react-query';
import { useServerErrors } from '../../lib/use-server-errors.ts';

type CandidateDetail = RouterOutputs['hiring']['candidate'];

/** What the team wants to remember about a candidate: availability, referrals, follow-ups. */
export function NotesSection({ detail }: { detail: CandidateDetail }) {
  const trpc = useTRPC();
  const refresh = useRefreshArea('hiring');
  const form = useForm({
    initialValues: { body: '' },
    validate: { body: (value) => (value.trim() ? null : 'Note: write something') },
  });
  const add = useMutation(
    trpc.hiring.addNote.mutationOptions({
      onSuccess: () => {
        form.reset();
        void refresh();
      },
    }),
  );
  const unplaced = useServerErrors(add.error, ['body'], form.setErrors);
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Notes
        </Title>
        <form
          noValidate
          onSubmit={form.onSubmit((values) =>
            add.mutate({ candidateId: detail.candidate.id, body: values.body }),
          )}
        >
          <Stack gap="xs">
            <Textarea
              label="New note"
              placeholder="Available for night shifts from May"
              autosize
              minRows={2}
              {...form.getInputProps('body')}
              error={form.errors.body ?? unplaced}
            />
            <Group justify="flex-end">
              <Button type="submit" size="xs" loading={add.isPending}>
                Add note
              </Button>
            </Group>
          </Stack>
        </form>
        {detail.notes.length === 0 ? (
          <Text size="sm" c="dimmed">
            No notes yet.
          </Text>
        ) : (
          detail.notes.map((note) => (
            <Stack key={note.id} gap={0}>
              <Text size="xs" c="dimmed">
                {`${note.authorName ?? 'Someone'} · ${formatDateTime(note.createdAt)}`}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {note.body}
              </Text>
            </Stack>
          ))
        )}
      </Stack>
    </Paper>
  );
}
