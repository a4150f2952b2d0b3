import type { Database } from '@switchboard/db/client';
import {
  cities,
  contacts,
  conversationEvents,
  conversations,
  inboxes,
  memberships,
  messages,
  teams,
} from '@switchboard/db/schema';
import { uniqueSuffix } from '@switchboard/db/testing';

/** A city, a team and an inbox of that team, with unique codes. */
export async function createInboxFixture(db: Database, memberIds: string[] = []) {
  const suffix = uniqueSuffix();
  const [city] = await db
    .insert(cities)
    .values({
      code: suffix
        .slice(-3)
        .replace(/[^A-Z]/g, 'X')
        .padEnd(3, 'X'),
      name: `Test city ${suffix}`,
      countryCode: 'PT',
      timeZone: 'Europe/Lisbon',
      currency: 'EUR',
      languages: ['pt-PT', 'en'],
    })
    .onConflictDoNothing()
    .returning();
  const [team] = await db
    .insert(teams)
    .values({ code: `TEAM_${suffix}`, name: `Team ${suffix}`, kind: 'support_l1' })
    .returning();
  const [inbox] = await db
    .insert(inboxes)
    .values({
      code: `INBOX_${suffix}`,
      name: `Inbox ${suffix}`,
      audience: 'guest',
      cityId: city?.id ?? null,
      teamId: team!.id,
    })
    .returning();
  if (memberIds.length > 0) {
    await db.insert(memberships).values(memberIds.map((userId) => ({ teamId: team!.id, userId })));
  }
  return { city: city ?? null, team: team!, inbox: inbox! };
}

/** A guest conversation with one inbound message and its created/received events. */
export async function createConversationFixture(
  db: Database,
  options: { inboxId: string; assigneeId?: string | null; subject?: string },
) {
  const suffix = uniqueSuffix();
  const [contact] = await db
    .insert(contacts)
    .values({
      audience: 'guest',
      externalId: `guest-${suffix}`,
      name: `Guest ${suffix}`,
      email: `g${suffix}@example.com`,
    })
    .returning();
  const body = 'I am at the airport and my driver is not here.';
  const [conversation] = await db
    .insert(conversations)
    .values({
      inboxId: options.inboxId,
      contactId: contact!.id,
      audience: 'guest',
      channel: 'chat',
      priority: 'P1',
      subject: options.subject ?? `Stranded at arrivals ${suffix}`,
      assigneeId: options.assigneeId ?? null,
      lastMessagePreview: body,
    })
    .returning();
  await db.insert(messages).values({
    conversationId: conversation!.id,
    direction: 'inbound',
    authorType: 'contact',
    channel: 'chat',
    externalId: `msg-${suffix}`,
    body,
  });
  await db.insert(conversationEvents).values([
    { conversationId: conversation!.id, type: 'created', actorType: 'contact' },
    { conversationId: conversation!.id, type: 'message_received', actorType: 'contact' },
  ]);
  return { contact: contact!, conversation: conversation! };
}
