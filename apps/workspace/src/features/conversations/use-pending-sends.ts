import { describeError } from '@switchboard/ui';
import { useTRPCClient } from '@switchboard/ui/trpc';
import { useCallback, useSyncExternalStore } from 'react';
import type { ComposerMode } from './drafts.ts';

export interface PendingSend {
  clientId: string;
  conversationId: string;
  kind: ComposerMode;
  body: string;
  createdAt: Date;
  state: 'sending' | 'failed';
  error?: string;
}

// Kept outside React so a send in flight or a failed one survives moving between pages.
const sends = new Map<string, PendingSend>();
const listeners = new Set<() => void>();
let snapshot: PendingSend[] = [];

function publish() {
  snapshot = [...sends.values()];
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Optimistic sending: the message shows at once as "sending"; a failure keeps it on screen
 * with its error and a retry, which reuses the same clientId so the server stores it once.
 */
export function usePendingSends(conversationId: string, onSent: () => Promise<unknown>) {
  const client = useTRPCClient();
  const all = useSyncExternalStore(subscribe, () => snapshot);
  const pending = all.filter((send) => send.conversationId === conversationId);

  const deliver = useCallback(
    async (send: PendingSend) => {
      sends.set(send.clientId, { ...send, state: 'sending', error: undefined });
      publish();
      try {
        await client.conversations.send.mutate({
          conversationId: send.conversationId,
          kind: send.kind,
          body: send.body,
          clientId: send.clientId,
        });
        await onSent();
        sends.delete(send.clientId);
      } catch (error) {
        sends.set(send.clientId, { ...send, state: 'failed', error: describeError(error) });
      }
      publish();
    },
    [client, onSent],
  );

  const send = useCallback(
    (kind: ComposerMode, body: string) =>
      deliver({
        clientId: crypto.randomUUID(),
        conversationId,
        kind,
        body,
        createdAt: new Date(),
        state: 'sending',
      }),
    [conversationId, deliver],
  );
  const retry = useCallback(
    (clientId: string) => {
      const failed = sends.get(clientId);
      if (failed) void deliver(failed);
    },
    [deliver],
  );
  const discard = useCallback((clientId: string) => {
    sends.delete(clientId);
    publish();
  }, []);
  return { pending, send, retry, discard };
}
