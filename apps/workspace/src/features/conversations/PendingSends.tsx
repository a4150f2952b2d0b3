import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconLoader2 } from '@tabler/icons-react';
import type { PendingSend } from './use-pending-sends.ts';

export interface PendingSendsProps {
  sends: PendingSend[];
  onRetry: (clientId: string) => void;
  onDiscard: (clientId: string) => void;
}

/** Messages on their way, or that did not make it — never dropped without the agent seeing. */
export function PendingSends({ sends, onRetry, onDiscard }: PendingSendsProps) {
  if (sends.length === 0) return null;
  return (
    <Stack gap="sm">
      {sends.map((send) => (
        <Group key={send.clientId} justify="flex-end">
          <Paper
            p="sm"
            maw="75%"
            withBorder
            aria-label={send.state === 'failed' ? 'Message not sent' : 'Sending message'}
            style={{
              opacity: send.state === 'sending' ? 0.7 : 1,
              borderColor: send.state === 'failed' ? 'var(--mantine-color-red-outline)' : undefined,
            }}
          >
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {send.body}
            </Text>
            {send.state === 'sending' ? (
              <Group gap={4} mt={4}>
                <IconLoader2 size={12} />
                <Text size="xs" c="dimmed">
                  Sending…
                </Text>
              </Group>
            ) : (
              <Stack gap={4} mt={6}>
                <Group gap={4}>
                  <IconAlertTriangle size={14} color="var(--mantine-color-red-text)" />
                  <Text size="xs" c="red">
                    Not sent: {send.error}
                  </Text>
                </Group>
                <Group gap="xs">
                  <Button size="compact-xs" onClick={() => onRetry(send.clientId)}>
                    Retry
                  </Button>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="gray"
                    onClick={() => onDiscard(send.clientId)}
                  >
                    Discard
                  </Button>
                </Group>
              </Stack>
            )}
          </Paper>
        </Group>
      ))}
    </Stack>
  );
}
