import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../client.ts';
import {
  contacts,
  conversationEvents,
  conversations,
  memberships,
  notifications,
  users,
} from '../schema/index.ts';
import { createCityInboxFixture, createIsolatedTestDatabase, uniqueSuffix } from '../testing.ts';
import { announceSlaBreaches } from './sla-breaches.ts';

let handle: DatabaseHandle;
// A database of its own: announcing breaches sweeps every overdue conversation, and on a shared
// PostgreSQL that would add events to other test files' conversations while they count them.
beforeAll(async () => {
  handle = await createIsolatedTestDatabase();
});
afterAll(() => handle.close());

const MINUTE = 60_000;

async function breachingConversation() {
  const { db } = handle;
  const suffix = uniqueSuffix();
  const [agent, lead] = await db
    .insert(users)
    .values([
      { id: `agent-${suffix}`, name: 'Ana Silva', email: `agent-${suffix}@switchboard.test` },
      {
        id: `lead-${suffix}`,
        name: 'Lia Costa',
        email: `lead-${suffix}@switchboard.test`,
        role: 'lead' as const,
      },
    ])
    .returning();
  const { inbox, team } = await createCityInboxFixture(db);
  await db.insert(memberships).values([
    { teamId: team.id, userId: agent!.id },
    { teamId: team.id, userId: lead!.id, role: 'lead' as const },
  ]);
  const [contact] = await db
    .insert(contacts)
    .values({ audience: 'guest', name: 'Marta Costa' })
    .returning();
  const now = new Date();
  const due = new Date(now.getTime() - MINUTE);
  const [conversation] = await db
    .insert(conversations)
    .values({
      inboxId: inbox.id,
      contactId: contact!.id,
      audience: 'guest',
      channel: 'chat',
      subject: 'Driver never came',
      assigneeId: agent!.id,
      createdAt: new Date(now.getTime() - 16 * MINUTE),
      firstResponseDueAt: due,
      resolutionDueAt: new Date(now.getTime() + 200 * MINUTE),
      slaDueAt: due,
    })
    .returning();
  return { conversation: conversation!, agent: agent!, lead: lead!, now };
}

async function breachEvents(conversationId: string) {
  return handle.db
    .select()
    .from(conversationEvents)
    .where(
      and(
        eq(conversationEvents.conversationId, conversationId),
        eq(conversationEvents.type, 'sla_breached'),
      ),
    );
}

async function notified(userId: string, conversationId: string) {
  return handle.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.subjectId, conversationId)));
}

describe('SLA breach announcements', () => {
  it('appends an event and tells the assignee and the lead, exactly once per due time', async () => {
    const { conversation, agent, lead, now } = await breachingConversation();
    await announceSlaBreaches(handle.db, now);
    // A second run — or a restarted server — finds nothing left to announce.
    await announceSlaBreaches(handle.db, now);
    await announceSlaBreaches(handle.db, new Date(now.getTime() + MINUTE));
    const events = await breachEvents(conversation.id);
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toMatchObject({ target: 'firstResponse' });
    const [toAgent] = await notified(agent.id, conversation.id);
    expect(toAgent).toMatchObject({
      kind: 'sla_breach',
      title: `#${conversation.number}: first response SLA breached`,
      link: `/workspace/conversations/${conversation.id}`,
    });
    expect(await notified(agent.id, conversation.id)).toHaveLength(1);
    expect(await notified(lead.id, conversation.id)).toHaveLength(1);

    // The next clock running out is news again.
    const nextDue = new Date(now.getTime() + 5 * MINUTE);
    await handle.db
      .update(conversations)
      .set({ firstResponseDueAt: null, nextResponseDueAt: nextDue, slaDueAt: nextDue })
      .where(eq(conversations.id, conversation.id));
    await announceSlaBreaches(handle.db, now);
    expect(await breachEvents(conversation.id)).toHaveLength(1);
    await announceSlaBreaches(handle.db, new Date(now.getTime() + 6 * MINUTE));
    const later = await breachEvents(conversation.id);
    expect(later).toHaveLength(2);
    expect(later[1]!.payload).toMatchObject({ target: 'nextResponse' });
  });

  it('two servers running at once announce a breach once', async () => {
    const { conversation, now } = await breachingConversation();
    await Promise.all([announceSlaBreaches(handle.db, now), announceSlaBreaches(handle.db, now)]);
    expect(await breachEvents(conversation.id)).toHaveLength(1);
  });
});
