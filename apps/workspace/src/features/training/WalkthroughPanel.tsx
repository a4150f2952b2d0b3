import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { traineePartDone } from '@switchboard/domain';
import { describeError, Markdown } from '@switchboard/ui';
import { useRefreshArea, useTRPC } from '@switchboard/ui/trpc';
import { useMutation } from '@tanstack/react-query';
import type { ModuleKey, ModuleView } from './module-view.ts';

/** A product or tool walkthrough: read it, try it, mark it as done. */
export function WalkthroughPanel({ view, moduleKey }: { view: ModuleView; moduleKey: ModuleKey }) {
  const trpc = useTRPC();
  const refresh = useRefreshArea('training');
  const done = useMutation(
    trpc.training.markWalkthroughDone.mutationOptions({
      onSuccess: () => {
        notifications.show({ color: 'teal', message: 'Walkthrough done' });
        void refresh();
      },
      onError: (error) =>
        notifications.show({ color: 'red', title: 'Not saved', message: describeError(error) }),
    }),
  );
  const finished = traineePartDone(view.status);
  return (
    <Paper withBorder p="md" component="section" aria-label="Walkthrough">
      <Stack gap="md">
        <Markdown>{view.body}</Markdown>
        {finished ? (
          <Text size="sm" c="teal" role="status">
            You marked this walkthrough as done.
          </Text>
        ) : (
          <Group>
            <Button loading={done.isPending} onClick={() => done.mutate(moduleKey)}>
              Mark as done
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
