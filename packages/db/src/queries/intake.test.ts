import { DEFAULT_SLA_TARGETS, type InboundMessage, REOPEN_WINDOW_MS } from '@switchboard/domain';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../client.ts';
import {
  bookings,
  contacts,
  conversationEvents,
  conversations,
  inboxes,
  messages,
} from '../schema/index.ts';
import { createCityInboxFixture, createTestDatabase, uniqueSuffix } from '../testing.ts';
import { receiveInboundMessage } from './intake.ts';
import { LIVE_CHANNEL, parseLiveNotice } from './live.ts';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

const HOUR = 3_600_000;

function inbound(
  cityCode: string,
  overrides: Partial<InboundMessage> & { contactId?: string } = {},
): InboundMessage {
  const { contactId, ...rest } = overrides;
  return {
    channel: 'whatsapp',
    audience: 'guest',
    externalMessageId: `wamid.${uniqueSuffix()}`,
    contact: {
      externalId: contactId ?? `rider-${uniqueSuffix()}`,
      name: 'Marta Costa',
      city: cityCode,
    },
    text: 'My driver is not at the meeting point.',
    ...rest,
  };
}

async function eventsOf(conversationId: string) {
  return handle.db
    .select({
      type: conversationEvents.type,
      actorType: conversationEvents.actorType,
      payload: conversationEvents.payload,
    })
    .from(conversationEvents)
    .where(eq(conversationEvents.conversationId, conversationId))
    .orderBy(asc(conversationEvents.id));
}

async function conversationOf(id: string) {
  const [row] = await handle.db.select().from(conversations).where(eq(conversations.id, id));
  return row!;
}

describe('receiveInboundMessage', () => {
  it('creates a contact and a routed, clocked conversation for a first message', async () => {
    const { city, inbox } = await createCityInboxFixture(handle.db);
    const now = new Date('2026-03-02T10:00:00Z');
    const message = inbound(city.code, {
      contact: {
        externalId: `rider-${uniqueSuffix()}`,
        name: 'Marta Costa',
        email: 'marta@example.com',
        phone: '+351 912 345 678',
        locale: 'pt-PT',
        city: city.code,
      },
      text: `  Olá!\n\nO motorista não apareceu no terminal 1 e o voo aterrou há uma hora. ${'Preciso de ajuda. '.repeat(10)}`,
    });
    const result = await receiveInboundMessage(handle.db, message, now);
    expect(result).toMatchObject({ duplicate: false, outcome: 'new' });

    const conversation = await conversationOf(result.conversationId);
    expect(conversation).toMatchObject({
      inboxId: inbox.id,
      cityId: city.id,
      status: 'open',
      priority: 'P3',
      channel: 'whatsapp',
      audience: 'guest',
      language: 'pt-PT',
      assigneeId: null,
      lastMessageAt: now,
    });
    expect(conversation.subject.length).toBeLessThanOrEqual(80);
    expect(conversation.subject).toMatch(/^Olá! O motorista/);
    expect(conversation.lastMessagePreview).toMatch(/^Olá! O motorista/);
    expect(conversation.firstResponseDueAt).toEqual(
      new Date(now.getTime() + DEFAULT_SLA_TARGETS.P3.firstResponseMs),
    );
    expect(conversation.slaDueAt).toEqual(conversation.firstResponseDueAt);

    const [contact] = await handle.db
      .select()
      .from(contacts)
      .where(eq(contacts.id, result.contactId));
    expect(contact).toMatchObject({
      audience: 'guest',
      name: 'Marta Costa',
      email: 'marta@example.com',
      locale: 'pt-PT',
      cityId: city.id,
    });
    const events = await eventsOf(result.conversationId);
    expect(events.map((event) => [event.type, event.actorType])).toEqual([
      ['created', 'contact'],
      ['message_received', 'contact'],
      ['routed', 'system'],
    ]);
    expect(events[1]!.payload).toEqual({ messageId: result.messageId });
    // No rule matched: the audience's inbox for the city, at the default priority.
    expect(events[2]!.payload).toMatchObject({ ruleIds: [], priority: 'P3', tags: [] });
  });

  it('appends to the active conversation and refreshes what the contact told us', async () => {
    const { city } = await createCityInboxFixture(handle.db);
    const contactId = `rider-${uniqueSuffix()}`;
    const first = await receiveInboundMessage(handle.db, inbound(city.code, { contactId }));
    const second = await receiveInboundMessage(
      handle.db,
      inbound(city.code, {
        contact: { externalId: contactId, name: 'Marta C.', email: 'm@example.com' },
        text: 'Any news?',
      }),
    );
    expect(second).toMatchObject({
      conversationId: first.conversationId,
      contactId: first.contactId,
      outcome: 'appended',
    });
    const [contact] = await handle.db
      .select()
      .from(contacts)
      .where(eq(contacts.id, first.contactId));
    // Given fields are refreshed; fields left out keep their value.
    expect(contact).toMatchObject({ name: 'Marta C.', email: 'm@example.com', cityId: city.id });
    expect((await conversationOf(first.conversationId)).lastMessagePreview).toBe('Any news?');
  });

  it('wakes a pending conversation: open again, status_changed, clocks resumed', async () => {
    const { city } = await createCityInboxFixture(handle.db);
    const contactId = `rider-${uniqueSuffix()}`;
    const start = new Date('2026-03-02T10:00:00Z');
    const first = await receiveInboundMessage(handle.db, inbound(city.code, { contactId }), start);
    const pausedAt = new Date(start.getTime() + HOUR);
    await handle.db
      .update(conversations)
      .set({
        status: 'snoozed',
        snoozedUntil: new Date('2026-03-09T00:00:00Z'),
        slaPausedAt: pausedAt,
        slaDueAt: null,
      })
      .where(eq(conversations.id, first.conversationId));
    const later = new Date(start.getTime() + 3 * HOUR);
    const second = await receiveInboundMessage(handle.db, inbound(city.code, { contactId }), later);
    expect(second.outcome).toBe('appended');
    const conversation = await conversationOf(first.conversationId);
    expect(conversation).toMatchObject({ status: 'open', snoozedUntil: null, slaPausedAt: null });
    // Two paused hours push the first-response due time back by two hours.
    expect(conversation.firstResponseDueAt).toEqual(
      new Date(start.getTime() + DEFAULT_SLA_TARGETS.P3.firstResponseMs + 2 * HOUR),
    );
    const events = await eventsOf(first.conversationId);
    expect(events.slice(-2).map((event) => event.type)).toEqual([
      'message_received',
      'status_changed',
    ]);
    expect(events.at(-1)!.payload).toMatchObject({ from: 'snoozed', to: 'open' });
  });

  it('reopens a conversation resolved within seven days, and starts anew after', async () => {
    const { city } = await createCityInboxFixture(handle.db);
    const contactId = `rider-${uniqueSuffix()}`;
    const start = new Date('2026-03-02T10:00:00Z');
    const first = await receiveInboundMessage(handle.db, inbound(city.code, { contactId }), start);
    const resolvedAt = new Date(start.getTime() + HOUR);
    await handle.db
      .update(conversations)
      .set({ status: 'resolved', resolvedAt, firstResponseAt: resolvedAt, slaDueAt: null })
      .where(eq(conversations.id, first.conversationId));

    const withinWindow = new Date(resolvedAt.getTime() + REOPEN_WINDOW_MS - 60_000);
    const reopen = await receiveInboundMessage(
      handle.db,
      inbound(city.code, { contactId }),
      withinWindow,
    );
    expect(reopen).toMatchObject({ conversationId: first.conversationId, outcome: 'reopened' });
    const reopened = await conversationOf(first.conversationId);
    expect(reopened).toMatchObject({ status: 'open', resolvedAt: null });
    expect(reopened.nextResponseDueAt).toEqual(
      new Date(withinWindow.getTime() + DEFAULT_SLA_TARGETS.P3.nextResponseMs),
    );
    expect((await eventsOf(first.conversationId)).slice(-2).map((event) => event.type)).toEqual([
      'message_received',
      'reopened',
    ]);

    const resolvedAgain = new Date(withinWindow.getTime() + HOUR);
    await handle.db
      .update(conversations)
      .set({ status: 'resolved', resolvedAt: resolvedAgain })
      .where(eq(conversations.id, first.conversationId));
    const afterWindow = new Date(resolvedAgain.getTime() + REOPEN_WINDOW_MS + 60_000);
    const fresh = await receiveInboundMessage(
      handle.db,
      inbound(city.code, { contactId }),
      afterWindow,
    );
    expect(fresh.outcome).toBe('new');
    expect(fresh.conversationId).not.toBe(first.conversationId);
  });

  it('starts a new conversation when the latest one is closed, even the same day', async () => {
    const { city } = await createCityInboxFixture(handle.db);
    const contactId = `rider-${uniqueSuffix()}`;
    const first = await receiveInboundMessage(handle.db, inbound(city.code, { contactId }));
    await handle.db
      .update(conversations)
      .set({ status: 'closed', resolvedAt: new Date() })
      .where(eq(conversations.id, first.conversationId));
    const next = await receiveInboundMessage(handle.db, inbound(city.code, { contactId }));
    expect(next.outcome).toBe('new');
    expect(next.conversationId).not.toBe(first.conversationId);
  });

  it('keeps channels apart: the same contact on another channel gets its own conversation', async () => {
    const { city } = await createCityInboxFixture(handle.db);
    const contactId = `rider-${uniqueSuffix()}`;
    const whatsapp = await receiveInboundMessage(handle.db, inbound(city.code, { contactId }));
    const email = await receiveInboundMessage(
      handle.db,
      inbound(city.code, { contactId, channel: 'email' }),
    );
    expect(email.outcome).toBe('new');
    expect(email.contactId).toBe(whatsapp.contactId);
    expect(email.conversationId).not.toBe(whatsapp.conversationId);
  });

  it('links the booking by reference and routes by its city when the contact has none', async () => {
    const { city, inbox } = await createCityInboxFixture(handle.db, { audience: 'driver' });
    const reference = `BK-${uniqueSuffix()}`;
    await handle.db.insert(bookings).values({
      reference,
      cityId: city.id,
      pickupAddress: 'Terminal 1',
      dropoffAddress: 'Baixa',
      scheduledAt: new Date(),
      fareAmountMinor: 3500,
      currency: 'EUR',
      status: 'completed',
    });
    const result = await receiveInboundMessage(handle.db, {
      channel: 'chat',
      audience: 'driver',
      externalMessageId: `chat-${uniqueSuffix()}`,
      contact: { externalId: `driver-${uniqueSuffix()}`, name: 'Rui Alves' },
      text: 'The payout for this trip is missing.',
      bookingReference: reference,
    });
    const conversation = await conversationOf(result.conversationId);
    expect(conversation.bookingId).not.toBeNull();
    expect(conversation).toMatchObject({ inboxId: inbox.id, cityId: city.id, audience: 'driver' });
  });

  it('prefers the city inbox, then an inbox for every city, and skips inactive ones', async () => {
    const { city, inbox, team } = await createCityInboxFixture(handle.db);
    await handle.db.update(inboxes).set({ active: false }).where(eq(inboxes.id, inbox.id));
    const [everyCity] = await handle.db
      .insert(inboxes)
      .values({
        code: `ALL_${uniqueSuffix()}`,
        name: 'Every city',
        audience: 'guest',
        cityId: null,
        teamId: team.id,
        // Older than any city-less inbox an earlier run left behind, so it is the one chosen.
        createdAt: new Date(Date.UTC(2000, 0, 1) - (Date.now() - Date.UTC(2026, 0, 1))),
      })
      .returning();
    const result = await receiveInboundMessage(handle.db, inbound(city.code));
    expect((await conversationOf(result.conversationId)).inboxId).toBe(everyCity!.id);
    await handle.db.update(inboxes).set({ active: false }).where(eq(inboxes.id, everyCity!.id));
  });

  it('stores a message delivered twice once, and says what it did the first time', async () => {
    const { city } = await createCityInboxFixture(handle.db);
    const message = inbound(city.code);
    const first = await receiveInboundMessage(handle.db, message);
    const again = await receiveInboundMessage(handle.db, { ...message, text: 'changed body' });
    expect(again).toEqual({ ...first, duplicate: true });
    const stored = await handle.db
      .select()
      .from(messages)
      .where(eq(messages.externalId, message.externalMessageId));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.body).toBe(message.text);
  });

  it('stores one message and one conversation under 20 concurrent deliveries', async () => {
    const { city } = await createCityInboxFixture(handle.db);
    const message = inbound(city.code);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => receiveInboundMessage(handle.db, message)),
    );
    expect(new Set(results.map((result) => result.conversationId)).size).toBe(1);
    expect(new Set(results.map((result) => result.messageId)).size).toBe(1);
    expect(results.filter((result) => !result.duplicate)).toHaveLength(1);
    const stored = await handle.db
      .select()
      .from(messages)
      .where(eq(messages.externalId, message.externalMessageId));
    expect(stored).toHaveLength(1);
  });

  it('gives one conversation to a contact whose first messages arrive at once', async () => {
    const { city } = await createCityInboxFixture(handle.db);
    const contactId = `rider-${uniqueSuffix()}`;
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        receiveInboundMessage(handle.db, inbound(city.code, { contactId })),
      ),
    );
    expect(new Set(results.map((result) => result.conversationId)).size).toBe(1);
    expect(results.filter((result) => result.outcome === 'new')).toHaveLength(1);
  });

  it('announces the change on the live channel when it commits', async () => {
    const { city, inbox } = await createCityInboxFixture(handle.db);
    const heard: string[] = [];
    const unlisten = await handle.listen(LIVE_CHANNEL, (payload) => heard.push(payload));
    try {
      const result = await receiveInboundMessage(handle.db, inbound(city.code));
      const deadline = Date.now() + 2000;
      const mine = () =>
        heard
          .map(parseLiveNotice)
          .find(
            (notice) =>
              notice?.kind === 'conversation' && notice.conversationId === result.conversationId,
          );
      while (!mine() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(mine()).toMatchObject({
        kind: 'conversation',
        eventType: 'created',
        inboxId: inbox.id,
        contactId: result.contactId,
        assigneeId: null,
      });
    } finally {
      await unlisten();
    }
  });

  it('refuses a blank message before writing anything', async () => {
    await expect(
      receiveInboundMessage(handle.db, { ...inbound('LIS'), text: '   ' }),
    ).rejects.toThrow(/Write a message first/);
  });
});
