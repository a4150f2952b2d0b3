import { Alert, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { describeError } from '@switchboard/ui';
import { type RouterOutputs, useTRPC } from '@switchboard/ui/trpc';
import { IconActivityHeartbeat, IconAlertTriangle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';

export type Spike = RouterOutputs['incidents']['spikes'][number];

export interface SpikesCardProps {
  onDeclare: (spike: Spike) => void;
}

/** Similar conversations piling up in a city that no open incident covers yet. */
export function SpikesCard({ onDeclare }: SpikesCardProps) {
  const trpc = useTRPC();
  const spikes = useQuery({
    ...trpc.incidents.spikes.queryOptions(),
    // Counted over the last half hour: worth a fresh look every minute.
    refetchInterval: 60_000,
  });

  return (
    <Paper p="md" withBorder component="section" aria-labelledby="spikes-title">
      <Stack gap="sm">
        <Group gap="xs">
          <IconActivityHeartbeat size={18} />
          <Title order={2} size="h4" id="spikes-title">
            Spikes
          </Title>
        </Group>
        {spikes.isPending ? (
          <Skeleton height={24} aria-label="Loading spikes" />
        ) : spikes.isError ? (
          <Alert color="red" icon={<IconAlertTriangle />} title="Spikes could not be loaded">
            {describeError(spikes.error)}
          </Alert>
        ) : spikes.data.length === 0 ? (
          <Text size="sm" c="dimmed">
            No request type is piling up in a city right now.
          </Text>
        ) : (
          <Stack gap="xs">
            {spikes.data.map((spike) => (
              <Group
                key={`${spike.requestTypeCode}@${spike.cityCode}`}
                justify="space-between"
                wrap="nowrap"
              >
                <Text size="sm">{spike.why}</Text>
                <Button
                  size="compact-sm"
                  variant="light"
                  color="red"
                  aria-label={`Declare incident for ${spike.requestTypeCode} in ${spike.cityCode}`}
                  onClick={() => onDeclare(spike)}
                >
                  Declare incident
                </Button>
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
