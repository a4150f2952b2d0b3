import { Select } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Availability } from '@switchboard/domain';
import { describeError } from '@switchboard/ui';
import { useViewer } from '@switchboard/ui/auth';
import { useTRPC } from '@switchboard/ui/trpc';
import { useMutation, useQueryClient } from '@tanstack/react-query';

const OPTIONS: { value: Availability; label: string }[] = [
  { value: 'online', label: '● Online' },
  { value: 'away', label: '◐ Away' },
  { value: 'offline', label: '○ Offline' },
];

/**
 * The agent's own availability: only online agents are given conversations, so going away
 * pauses new assignments (what is already theirs stays theirs).
 */
export function AvailabilityControl() {
  const viewer = useViewer();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const setAvailability = useMutation(
    trpc.routing.setAvailability.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.people.me.pathKey() }),
      onError: (error) =>
        notifications.show({
          color: 'red',
          title: 'Availability not changed',
          message: describeError(error),
        }),
    }),
  );
  return (
    <Select
      aria-label="My availability"
      data={OPTIONS}
      value={setAvailability.variables?.availability ?? viewer.availability}
      onChange={(value) => {
        if (value) setAvailability.mutate({ availability: value as Availability });
      }}
      allowDeselect={false}
      disabled={setAvailability.isPending}
      w={130}
      size="xs"
    />
  );
}
