import {
  ActionIcon,
  Button,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { formatRelativeTime } from '@switchboard/ui';
import { useTRPC } from '@switchboard/ui/trpc';
import { IconBell } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';

const WORKSPACE_BASE = '/workspace';

/**
 * The bell: escalations sent, returned or resolved, and clocks about to run out. A link into
 * the workspace opens in place; one into the console opens the console.
 */
export function NotificationsBell() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const list = useQuery(trpc.notifications.list.queryOptions({ limit: 30 }));
  const markRead = useMutation(
    trpc.notifications.markRead.mutationOptions({
      onSuccess: () =>
        queryClient.invalidateQueries({ queryKey: trpc.notifications.list.pathKey() }),
    }),
  );
  const unread = list.data?.unread ?? 0;
  const open = (item: { id: string; link: string; readAt: Date | null }) => {
    if (!item.readAt) markRead.mutate({ ids: [item.id] });
    setOpened(false);
    if (item.link.startsWith(`${WORKSPACE_BASE}/`))
      void navigate(item.link.slice(WORKSPACE_BASE.length));
    else window.location.assign(item.link);
  };

  return (
    <Popover opened={opened} onChange={setOpened} width={360} position="bottom-end" shadow="md">
      <Popover.Target>
        <Indicator
          label={unread > 99 ? '99+' : unread}
          size={16}
          disabled={unread === 0}
          offset={4}
        >
          <ActionIcon
            variant="subtle"
            size="lg"
            aria-label={unread > 0 ? `Notifications: ${unread} unread` : 'Notifications'}
            onClick={() => setOpened((value) => !value)}
          >
            <IconBell size={20} />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p="xs">
        <Group justify="space-between" mb="xs" px={4}>
          <Text fw={600} size="sm">
            Notifications
          </Text>
          <Button
            size="compact-xs"
            variant="subtle"
            disabled={unread === 0}
            onClick={() => markRead.mutate({ ids: 'all' })}
          >
            Mark all read
          </Button>
        </Group>
        <ScrollArea.Autosize mah={420}>
          {list.data && list.data.items.length > 0 ? (
            <Stack gap={2}>
              {list.data.items.map((item) => (
                <UnstyledButton
                  key={item.id}
                  onClick={() => open(item)}
                  p={6}
                  style={{
                    borderRadius: 6,
                    background: item.readAt ? undefined : 'var(--mantine-color-blue-light)',
                  }}
                >
                  <Text size="sm" fw={item.readAt ? 400 : 600}>
                    {item.title}
                  </Text>
                  {item.body ? (
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {item.body}
                    </Text>
                  ) : null}
                  <Text size="xs" c="dimmed">
                    {formatRelativeTime(item.createdAt)}
                  </Text>
                </UnstyledButton>
              ))}
            </Stack>
          ) : (
            <Text size="sm" c="dimmed" p="xs">
              Nothing yet.
            </Text>
          )}
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
