import type { LiveNotice } from '@switchboard/domain';
import { useSyncExternalStore } from 'react';

type PresenceNotice = Extract<LiveNotice, { kind: 'presence' }>;

export interface Colleague {
  userId: string;
  userName: string;
  state: 'viewing' | 'typing';
  seenAt: number;
}

/** A colleague who stops announcing themselves is gone after this long. */
export const PRESENCE_TTL_MS = 25_000;

const byConversation = new Map<string, Map<string, Colleague>>();
const listeners = new Set<() => void>();
let version = 0;

function changed() {
  version += 1;
  for (const listener of listeners) listener();
}

export function recordPresence(notice: PresenceNotice, now = Date.now()): void {
  const colleagues = byConversation.get(notice.conversationId) ?? new Map<string, Colleague>();
  if (notice.state === 'left') colleagues.delete(notice.userId);
  else {
    colleagues.set(notice.userId, {
      userId: notice.userId,
      userName: notice.userName,
      state: notice.state,
      seenAt: now,
    });
  }
  byConversation.set(notice.conversationId, colleagues);
  changed();
}

/** Colleagues other than `selfId` viewing or typing in the conversation right now. */
export function colleaguesIn(
  conversationId: string,
  selfId: string,
  now = Date.now(),
): Colleague[] {
  const colleagues = byConversation.get(conversationId);
  if (!colleagues) return [];
  return [...colleagues.values()].filter(
    (colleague) => colleague.userId !== selfId && now - colleague.seenAt < PRESENCE_TTL_MS,
  );
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Re-renders when anyone's presence changes, and every few seconds so stale entries fade. */
export function usePresenceVersion(): number {
  return useSyncExternalStore(subscribe, () => version);
}

setInterval(changed, 5_000);
