import type { DatabaseHandle } from '@switchboard/db/client';
import type { LiveNotice } from '@switchboard/domain';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger.ts';
import { LiveHub } from './hub.ts';

/** A channel that can go deaf, as a LISTEN connection does when its database restarts. */
function fakeChannel() {
  const listeners = new Set<(payload: string) => void>();
  const channel = {
    deaf: false,
    listens: 0,
    handle: {
      kind: 'pglite',
      async listen(_channel: string, onPayload: (payload: string) => void) {
        channel.listens += 1;
        listeners.add(onPayload);
        return async () => {
          listeners.delete(onPayload);
        };
      },
    } as unknown as DatabaseHandle,
    async notify(payload: string) {
      if (channel.deaf) return;
      for (const listener of [...listeners]) listener(payload);
    },
  };
  return channel;
}

const notice: LiveNotice = {
  kind: 'conversation',
  conversationId: '00000000-0000-4000-8000-000000000001',
  inboxId: '00000000-0000-4000-8000-000000000002',
  assigneeId: null,
  contactId: '00000000-0000-4000-8000-000000000003',
  eventType: 'created',
  at: '2026-03-02T10:00:00.000Z',
};

function recordingSubscriber() {
  const subscriber = {
    offered: [] as LiveNotice[],
    closed: 0,
    offer(item: LiveNotice) {
      subscriber.offered.push(item);
    },
    close() {
      subscriber.closed += 1;
    },
  };
  return subscriber;
}

describe('LiveHub', () => {
  it('fans notices out, skipping malformed payloads and other processes’ probes', async () => {
    const channel = fakeChannel();
    const hub = new LiveHub(channel.handle, createLogger('silent'), {
      probeEveryMs: 3_600_000,
      notify: (payload) => channel.notify(payload),
    });
    await hub.start();
    await hub.start();
    expect(channel.listens).toBe(1);
    const first = recordingSubscriber();
    const second = recordingSubscriber();
    hub.subscribe(first);
    const unsubscribe = hub.subscribe(second);
    await channel.notify(JSON.stringify(notice));
    await channel.notify('not json');
    await channel.notify(JSON.stringify({ kind: 'hub-probe', id: 'another-process' }));
    unsubscribe();
    await channel.notify(JSON.stringify({ ...notice, eventType: 'reply_sent' }));
    expect(first.offered.map((item) => item.kind === 'conversation' && item.eventType)).toEqual([
      'created',
      'reply_sent',
    ]);
    expect(second.offered).toHaveLength(1);
    await hub.close();
    expect(first.closed).toBe(1);
  });

  it('listens anew and closes every stream when its own probe goes unanswered', async () => {
    const channel = fakeChannel();
    const hub = new LiveHub(channel.handle, createLogger('silent'), {
      probeEveryMs: 3_600_000,
      notify: (payload) => channel.notify(payload),
    });
    await hub.start();
    const subscriber = recordingSubscriber();
    hub.subscribe(subscriber);

    await hub.checkHearing();
    await hub.checkHearing();
    expect(subscriber.closed).toBe(0);
    expect(channel.listens).toBe(1);

    channel.deaf = true;
    await hub.checkHearing();
    expect(subscriber.closed).toBe(0);
    await hub.checkHearing();
    expect(subscriber.closed).toBe(1);
    expect(hub.subscriberCount).toBe(0);
    expect(channel.listens).toBe(2);

    channel.deaf = false;
    const after = recordingSubscriber();
    hub.subscribe(after);
    await channel.notify(JSON.stringify(notice));
    expect(after.offered).toHaveLength(1);
    await hub.close();
  });
});
