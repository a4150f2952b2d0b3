import { notifications } from '@mantine/notifications';
import type { LiveNotice } from '@switchboard/domain';
import { useViewer } from '@switchboard/ui/auth';
import { useTRPC } from '@switchboard/ui/trpc';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { recordPresence } from './presence-store.ts';

export type LiveStatus = 'connecting' | 'live' | 'reconnecting';

/** Lists and counts are refreshed at most this often, however busy the stream. */
const LIST_REFRESH_MS = 1_000;

/**
 * Keeps the workspace current from the server's `/events` stream: conversation changes
 * refresh the lists, counts and open conversation; presence feeds collision warnings;
 * notifications ring the bell and escalation changes refresh the escalation views.
 * EventSource reconnects by itself; on reconnect everything is refetched, since notices
 * sent while disconnected are gone.
 */
export function useLiveEvents(): LiveStatus {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const viewer = useViewer();
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const pendingListRefresh = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    // Browsers all have EventSource; test environments may not.
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/events', { withCredentials: true });
    let everConnected = false;

    const refreshLists = () => {
      if (pendingListRefresh.current) return;
      pendingListRefresh.current = setTimeout(() => {
        pendingListRefresh.current = null;
        void queryClient.invalidateQueries({ queryKey: trpc.conversations.view.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.conversations.viewCounts.pathKey() });
      }, LIST_REFRESH_MS);
    };

    source.onopen = () => {
      if (everConnected) void queryClient.invalidateQueries();
      everConnected = true;
      setStatus('live');
    };
    source.onerror = () => setStatus(everConnected ? 'reconnecting' : 'connecting');
    source.addEventListener('conversation', (event) => {
      const notice = JSON.parse((event as MessageEvent<string>).data) as LiveNotice;
      if (notice.kind !== 'conversation') return;
      refreshLists();
      void queryClient.invalidateQueries({
        queryKey: trpc.conversations.byId.queryKey({ conversationId: notice.conversationId }),
      });
      if (viewer && notice.mentionedUserIds?.includes(viewer.id)) {
        notifications.show({
          title: 'You were mentioned',
          message: 'A colleague mentioned you in an internal note. See Mentions.',
        });
      }
    });
    source.addEventListener('notification', () => {
      void queryClient.invalidateQueries({ queryKey: trpc.notifications.list.pathKey() });
    });
    source.addEventListener('escalation', (event) => {
      const notice = JSON.parse((event as MessageEvent<string>).data) as LiveNotice;
      if (notice.kind !== 'escalation') return;
      void queryClient.invalidateQueries({ queryKey: trpc.escalations.pathKey() });
    });
    source.addEventListener('presence', (event) => {
      const notice = JSON.parse((event as MessageEvent<string>).data) as LiveNotice;
      if (notice.kind === 'presence') recordPresence(notice);
    });
    return () => {
      source.close();
      if (pendingListRefresh.current) clearTimeout(pendingListRefresh.current);
    };
  }, [queryClient, trpc, viewer]);

  return status;
}
