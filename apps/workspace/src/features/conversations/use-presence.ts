import { useViewer } from '@switchboard/ui/auth';
import { useTRPCClient } from '@switchboard/ui/trpc';
import { useCallback, useEffect, useRef } from 'react';
import { colleaguesIn, usePresenceVersion } from '../live/presence-store.ts';

const HEARTBEAT_MS = 10_000;
const TYPING_QUIET_MS = 4_000;

/**
 * Tells colleagues this agent is viewing (heartbeat) or typing in the conversation, and
 * returns who else is — for the collision warning. Nothing is stored; notices expire.
 */
export function usePresence(conversationId: string) {
  const client = useTRPCClient();
  const viewer = useViewer();
  usePresenceVersion();
  const typingUntil = useRef(0);

  const announce = useCallback(
    (state: 'viewing' | 'typing' | 'left') => {
      client.live.presence.mutate({ conversationId, state }).catch(() => {
        // Presence is best effort: a missed heartbeat only delays the warning.
      });
    },
    [client, conversationId],
  );

  useEffect(() => {
    announce('viewing');
    const timer = setInterval(
      () => announce(Date.now() < typingUntil.current ? 'typing' : 'viewing'),
      HEARTBEAT_MS,
    );
    return () => {
      clearInterval(timer);
      announce('left');
    };
  }, [announce]);

  const typing = useCallback(() => {
    const wasQuiet = Date.now() >= typingUntil.current;
    typingUntil.current = Date.now() + TYPING_QUIET_MS;
    if (wasQuiet) announce('typing');
  }, [announce]);

  return { colleagues: colleaguesIn(conversationId, viewer.id), typing };
}
