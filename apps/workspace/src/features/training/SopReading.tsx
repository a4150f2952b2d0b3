import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { describeError, Markdown } from '@switchboard/ui';
import { useRefreshArea, useTRPC } from '@switchboard/ui/trpc';
import { IconRefresh } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import type { ModuleKey, ModuleView } from './module-view.ts';

/** The SOP version to read, step by step, and the acknowledgement. */
export function SopReading({ view, moduleKey }: { view: ModuleView; moduleKey: ModuleKey }) {
  const trpc = useTRPC();
  const refresh = useRefreshArea('training');
  const acknowledge = useMutation(
    trpc.training.acknowledgeSop.mutationOptions({
      onSuccess: (result) => {
        notifications.show({
          color: 'teal',
          message: `Acknowledged v${result.acknowledgedVersion}`,
        });
        void refresh();
      },
      onError: (error) =>
        notifications.show({
          color: 'red',
          title: 'Not acknowledged',
          message: describeError(error),
        }),
    }),
  );
  const reading = view.reading;
  if (!reading?.sop) {
    return (
      <Alert color="red" title="Playbook missing">
        The playbook version this module asks for is not available. Tell your trainer.
      </Alert>
    );
  }
  const { sop } = reading;
  return (
    <Paper withBorder p="md" component="section" aria-label="Playbook to read">
      <Stack gap="sm">
        {reading.reacknowledging ? (
          <Alert color="orange" icon={<IconRefresh />} title={`Version ${sop.version} is out`}>
            You acknowledged v{reading.acknowledgedVersion}. Read what changed and acknowledge the
            new version.
          </Alert>
        ) : null}
        <Group justify="space-between">
          <Stack gap={0}>
            <Title order={2} size="h4">
              {sop.title}
            </Title>
            <Text size="xs" c="dimmed">
              Playbook for {sop.requestTypeName}
            </Text>
          </Stack>
          <Badge variant="light" color="gray">
            v{sop.version}
          </Badge>
        </Group>
        <Stack gap="xs" component="ol" pl="md" m={0}>
          {sop.steps.map((step) => (
            <li key={step.id}>
              <Group gap={6} align="flex-start" wrap="nowrap">
                <Markdown style={{ flex: 1 }}>{step.text}</Markdown>
                {step.required ? (
                  <Badge size="xs" color="red" variant="light">
                    Required
                  </Badge>
                ) : null}
              </Group>
            </li>
          ))}
        </Stack>
        {reading.canAcknowledge ? (
          <Group>
            <Button loading={acknowledge.isPending} onClick={() => acknowledge.mutate(moduleKey)}>
              Acknowledge
            </Button>
            <Text size="xs" c="dimmed">
              I have read version {sop.version} and will follow it.
            </Text>
          </Group>
        ) : (
          <Text size="sm" c="teal" role="status">
            You acknowledged v{reading.acknowledgedVersion}.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
