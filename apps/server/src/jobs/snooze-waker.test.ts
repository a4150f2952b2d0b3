import type { DatabaseHandle } from '@switchboard/db/client';
import { receiveInboundMessage } from '@switchboard/db/queries/intake';
import { conversationEvents, conversations } from '@switchboard/db/schema';
import { createCityInboxFixture, createTestDatabase, uniqueSuffix } from '@switchboard/db/testing';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../logger.ts';
import { startSnoozeWaker } from './snooze-waker.ts';

let handle: DatabaseHandle;
let cityCode: string;
beforeAll(async () => {
  handle = await createTestDatabase();
  cityCode = (await createCityInboxFixture(handle.db)).city.code;
});
afterAll(() => handle.close());

const MINUTE = 60_000;
const logger = createLogger('silent');

async function snoozedConversation(until: Date): Promise<string> {
  const { conversationId } = await receiveInboundMessage(handle.db, {
    channel: 'email',
    audience: 'guest',
    externalMessageId: `mail-${uniqueSuffix()}`,
    contact: { externalId: `rider-${uniqueSuffix()}`, name: 'Marta Costa', city: cityCode },
    text: 'Please check my receipt when you can.',
  });
  await handle.db
    .update(conversations)
    .set({ status: 'snoozed', snoozedUntil: until, slaPausedAt: new Date(), slaDueAt: null })
    .where(eq(conversations.id, conversationId));
  return conversationId;
}

async function stateOf(conversationId: string) {
  const [row] = await handle.db
    .select({ status: conversations.status, snoozedUntil: conversations.snoozedUntil })
    .from(conversations)
    .where(eq(conversations.id, conversationId));
  const events = await handle.db
    .select({ type: conversationEvents.type, payload: conversationEvents.payload })
    .from(conversationEvents)
    .where(eq(conversationEvents.conversationId, conversationId))
    .orderBy(asc(conversationEvents.id));
  return { ...row!, events };
}

describe('the snooze waker', () => {
  it('reopens what is due once, and leaves a snooze that has not ended', async () => {
    const due = await snoozedConversation(new Date(Date.now() - MINUTE));
    const later = await snoozedConversation(new Date(Date.now() + 60 * MINUTE));
    const waker = startSnoozeWaker({
      database: handle,
      publicUrl: 'http://127.0.0.1:3999',
      logger,
      everyMs: 3_600_000,
    });
    try {
      expect(await waker.runOnce()).toBeGreaterThanOrEqual(1);
      const woken = await stateOf(due);
      expect(woken).toMatchObject({ status: 'open', snoozedUntil: null });
      expect(woken.events.at(-1)).toMatchObject({
        type: 'status_changed',
        payload: { from: 'snoozed', to: 'open' },
      });
      expect((await stateOf(later)).status).toBe('snoozed');

      // A second run (or a second server process) finds nothing left to do.
      await waker.runOnce();
      expect((await stateOf(due)).events).toHaveLength(woken.events.length);
    } finally {
      await waker.stop();
    }
  });

  it('runs by itself on its interval, so a restart needs nobody to remember the snooze', async () => {
    const due = await snoozedConversation(new Date(Date.now() - MINUTE));
    const waker = startSnoozeWaker({
      database: handle,
      publicUrl: 'http://127.0.0.1:3999',
      logger,
      everyMs: 25,
    });
    try {
      await vi.waitFor(async () => expect((await stateOf(due)).status).toBe('open'), {
        timeout: 10_000,
      });
    } finally {
      await waker.stop();
    }
  });
});
