import { notifications } from '@mantine/notifications';
import { describeError } from '@switchboard/ui';
import { useTRPC } from '@switchboard/ui/trpc';
import { useQueryClient } from '@tanstack/react-query';

/**
 * After any change to a conversation: refresh it, its options and the inbox lists.
 * Failures are shown with the server's message (which names the field at fault).
 */
export function useConversationRefresh(conversationId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return {
    refresh: () =>
      Promise.all([
        queryClient.invalidateQueries({
          queryKey: trpc.conversations.byId.queryKey({ conversationId }),
        }),
        queryClient.invalidateQueries({ queryKey: trpc.conversations.view.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.conversations.viewCounts.pathKey() }),
      ]),
    showError: (error: unknown) =>
      notifications.show({ color: 'red', title: 'Not saved', message: describeError(error) }),
  };
}
