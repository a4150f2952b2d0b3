import type { InboundMessage, RoutingActions, RoutingCondition } from '@switchboard/domain';
import { asc, eq, max } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../client.ts';
import {
  categories,
  certifications,
  conversationEvents,
  conversations,
  conversationTags,
  inboxes,
  memberships,
  messages,
  requestTypes,
  routingRules,
  tags,
  userCertifications,
  users,
} from '../schema/index.ts';
import { createCityInboxFixture, createTestDatabase, uniqueSuffix } from '../testing.ts';
import { drainQueues, reassignOverdue } from './assignment.ts';
import { setStatus } from './conversation-actions.ts';
import { receiveInboundMessage } from './intake.ts';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

const MINUTE = 60_000;
const db = () => handle.db;

/** A routing inbox of its own: its city is unique to the test, so its rules touch nobody else. */
async function routedInbox(policy: typeof inboxes.$inferInsert.assignmentPolicy) {
  const fixture = await createCityInboxFixture(db());
  await db()
    .update(inboxes)
    .set({ assignmentPolicy: policy })
    .where(eq(inboxes.id, fixture.inbox.id));
  return fixture;
}

async function agentIn(
  teamId: string,
  overrides: Partial<typeof users.$inferInsert> = {},
): Promise<string> {
  const suffix = uniqueSuffix().toLowerCase();
  const id = `agent-${suffix}`;
  await db()
    .insert(users)
    .values({
      id,
      name: `Agent ${suffix}`,
      email: `agent.${suffix}@switchboard.test`,
      role: 'agent',
      availability: 'online',
      languages: ['en', 'pt'],
      channelCapacity: { chat: 2, email: 5 },
      ...overrides,
    });
  await db().insert(memberships).values({ teamId, userId: id });
  return id;
}

function chat(cityCode: string, text = 'Hello, I need help with my trip.'): InboundMessage {
  return {
    channel: 'chat',
    audience: 'guest',
    externalMessageId: `chat-${uniqueSuffix()}`,
    contact: { externalId: `rider-${uniqueSuffix()}`, name: 'Marta Costa', city: cityCode },
    text,
  };
}

async function conversationOf(id: string) {
  const [row] = await db().select().from(conversations).where(eq(conversations.id, id));
  return row!;
}

async function addRule(conditions: RoutingCondition[], actions: RoutingActions) {
  const [last] = await db()
    .select({ position: max(routingRules.position) })
    .from(routingRules);
  const [rule] = await db()
    .insert(routingRules)
    .values({
      name: `Rule ${uniqueSuffix()}`,
      position: (last?.position ?? 0) + 1,
      conditions,
      actions,
    })
    .returning();
  return rule!;
}

describe('routing at intake', () => {
  it('applies the first matching rule: inbox, request type, priority, tags, auto-reply, and explains it', async () => {
    const { city } = await createCityInboxFixture(db());
    const target = await createCityInboxFixture(db());
    const suffix = uniqueSuffix();
    const [tag] = await db()
      .insert(tags)
      .values({ code: `stranded-${suffix.toLowerCase()}`, name: 'Stranded' })
      .returning();
    const [category] = await db()
      .insert(categories)
      .values({ code: `PICKUP_CAT_${suffix}`, name: 'Pickup' })
      .returning();
    const [type] = await db()
      .insert(requestTypes)
      .values({
        code: `DRIVER_NO_SHOW_${suffix}`,
        name: 'Driver no-show',
        categoryId: category!.id,
        audience: 'guest',
        defaultPriority: 'P2',
      })
      .returning();
    const rule = await addRule(
      [
        { field: 'city', op: 'in', values: [city.code] },
        { field: 'text', op: 'contains_any', values: ['airport'] },
      ],
      {
        inboxCode: target.inbox.code,
        priority: 'P1',
        addTags: [tag!.code],
        autoReply: 'We are on it: stay where you are.',
        onMatch: 'stop',
        requestTypeCode: type!.code,
      },
    );
    const result = await receiveInboundMessage(
      db(),
      chat(city.code, 'I am at the Airport and my driver is not here'),
    );
    const conversation = await conversationOf(result.conversationId);
    expect(conversation).toMatchObject({
      inboxId: target.inbox.id,
      priority: 'P1',
      requestTypeId: type!.id,
    });
    expect(conversation.routingDecision).toMatchObject({
      outcome: { matchedRuleIds: [rule.id], inboxCode: target.inbox.code },
      matched: [expect.objectContaining({ ruleId: rule.id, status: 'matched' })],
      inbox: { code: target.inbox.code, choice: 'rule_inbox' },
    });
    const tagged = await db()
      .select()
      .from(conversationTags)
      .where(eq(conversationTags.conversationId, result.conversationId));
    expect(tagged.map((row) => row.tagId)).toEqual([tag!.id]);
    const bot = await db()
      .select()
      .from(messages)
      .where(eq(messages.conversationId, result.conversationId))
      .orderBy(asc(messages.createdAt));
    expect(bot.map((message) => [message.authorType, message.body])).toEqual([
      ['contact', 'I am at the Airport and my driver is not here'],
      ['bot', 'We are on it: stay where you are.'],
    ]);
    // A bot reply is not a response: the first-response clock still runs.
    expect(conversation.firstResponseAt).toBeNull();
    const events = await db()
      .select({ type: conversationEvents.type, payload: conversationEvents.payload })
      .from(conversationEvents)
      .where(eq(conversationEvents.conversationId, result.conversationId))
      .orderBy(asc(conversationEvents.id));
    expect(events.map((event) => event.type)).toEqual([
      'created',
      'message_received',
      'routed',
      'tagged',
      'auto_replied',
    ]);
    expect(events[2]!.payload).toMatchObject({ ruleIds: [rule.id], priority: 'P1' });
  });

  it('falls back to the audience inbox and says why when a rule names an inbox that does not take the channel', async () => {
    const { city, inbox } = await createCityInboxFixture(db());
    const emailOnly = await createCityInboxFixture(db());
    await db()
      .update(inboxes)
      .set({ channels: ['email'] })
      .where(eq(inboxes.id, emailOnly.inbox.id));
    await addRule([{ field: 'city', op: 'in', values: [city.code] }], {
      inboxCode: emailOnly.inbox.code,
      onMatch: 'stop',
    });
    const result = await receiveInboundMessage(db(), chat(city.code));
    const conversation = await conversationOf(result.conversationId);
    expect(conversation.inboxId).toBe(inbox.id);
    expect(conversation.routingDecision?.inbox).toMatchObject({
      choice: 'audience_city_default',
      note: expect.stringMatching(/does not take chat/),
    });
  });
});

describe('assignment', () => {
  it('spreads chats round-robin within capacity, queues the rest, and hands them out as agents free up', async () => {
    const { city, team, inbox } = await routedInbox({ mode: 'round_robin' });
    const ana = await agentIn(team.id);
    const rui = await agentIn(team.id);
    await agentIn(team.id, { availability: 'away' });
    const placed = [];
    for (let index = 0; index < 5; index += 1) {
      placed.push(await receiveInboundMessage(db(), chat(city.code)));
    }
    const rows = await Promise.all(placed.map((result) => conversationOf(result.conversationId)));
    const assignees = rows.map((row) => row.assigneeId);
    expect(assignees.filter((id) => id === ana)).toHaveLength(2);
    expect(assignees.filter((id) => id === rui)).toHaveLength(2);
    const waiting = rows.find((row) => row.assigneeId === null)!;
    expect(waiting.queuedAt).toBeInstanceOf(Date);
    expect(waiting.assignmentReason).toMatch(/capacity/i);

    // Ana resolves one: the waiting chat goes to her on the next queue run.
    const anasFirst = rows.find((row) => row.assigneeId === ana)!;
    await setStatus(
      db(),
      { userId: ana, name: 'Ana', role: 'agent' },
      { conversationId: anasFirst.id, status: 'resolved' },
      { publicUrl: 'http://127.0.0.1:3999' },
    );
    expect(await drainQueues(db(), { inboxIds: [inbox.id] })).toBe(1);
    const after = await conversationOf(waiting.id);
    expect(after).toMatchObject({ assigneeId: ana, queuedAt: null });
    const [assigned] = await db()
      .select({ payload: conversationEvents.payload })
      .from(conversationEvents)
      .where(eq(conversationEvents.conversationId, waiting.id))
      .orderBy(asc(conversationEvents.id))
      .then((events) => events.filter((event) => event.payload.to === ana));
    expect(assigned?.payload).toMatchObject({ auto: 'round_robin' });
  });

  it('never gives a gated request type to an agent without the certification', async () => {
    const { city, team, inbox } = await routedInbox({ mode: 'least_loaded' });
    const suffix = uniqueSuffix();
    const [certification] = await db()
      .insert(certifications)
      .values({ code: `SAFETY_${suffix}`, name: 'Safety' })
      .returning();
    const [category] = await db()
      .insert(categories)
      .values({ code: `SAFETY_CAT_${suffix}`, name: 'Safety' })
      .returning();
    const [gated] = await db()
      .insert(requestTypes)
      .values({
        code: `SAFETY_INCIDENT_${suffix}`,
        name: 'Safety incident',
        categoryId: category!.id,
        audience: 'guest',
        defaultPriority: 'P1',
        requiredCertificationId: certification!.id,
      })
      .returning();
    await addRule(
      [
        { field: 'city', op: 'in', values: [city.code] },
        { field: 'text', op: 'contains_any', values: ['threatened'] },
      ],
      { requestTypeCode: gated!.code, onMatch: 'stop' },
    );
    const uncertified = await agentIn(team.id);
    const first = await receiveInboundMessage(db(), chat(city.code, 'The driver threatened me'));
    const waiting = await conversationOf(first.conversationId);
    expect(waiting).toMatchObject({ assigneeId: null, priority: 'P1' });
    expect(waiting.assignmentReason).toMatch(/certif/i);

    const certified = await agentIn(team.id);
    await db().insert(userCertifications).values({
      userId: certified,
      certificationId: certification!.id,
    });
    await drainQueues(db(), { inboxIds: [inbox.id] });
    expect((await conversationOf(first.conversationId)).assigneeId).toBe(certified);
    expect(certified).not.toBe(uncertified);
  });

  it('gives every inbox its turn: a full inbox neither starves another nor holds back gated work', async () => {
    const full = await routedInbox({ mode: 'round_robin' });
    const open = await routedInbox({ mode: 'round_robin' });
    await agentIn(full.team.id, { availability: 'away' });
    for (let index = 0; index < 3; index += 1) {
      await receiveInboundMessage(db(), chat(full.city.code));
    }
    const waiting = await receiveInboundMessage(db(), chat(open.city.code));
    expect((await conversationOf(waiting.conversationId)).assigneeId).toBeNull();
    const agent = await agentIn(open.team.id);
    expect(await drainQueues(db(), { inboxIds: [full.inbox.id, open.inbox.id] })).toBe(1);
    expect((await conversationOf(waiting.conversationId)).assigneeId).toBe(agent);
  });

  it('hands a conversation to the next agent when the assignee misses the reply limit', async () => {
    const { city, team, inbox } = await routedInbox({ mode: 'round_robin', replyLimitMinutes: 5 });
    const first = await agentIn(team.id);
    const second = await agentIn(team.id);
    const start = new Date();
    const result = await receiveInboundMessage(db(), chat(city.code), start);
    const assigned = await conversationOf(result.conversationId);
    expect([first, second]).toContain(assigned.assigneeId);
    expect(assigned.assigneeReplyDueAt).toEqual(new Date(start.getTime() + 5 * MINUTE));

    const inboxIds = [inbox.id];
    expect(
      await reassignOverdue(db(), { now: new Date(start.getTime() + 4 * MINUTE), inboxIds }),
    ).toBe(0);
    expect(
      await reassignOverdue(db(), { now: new Date(start.getTime() + 6 * MINUTE), inboxIds }),
    ).toBe(1);
    const handedOn = await conversationOf(result.conversationId);
    const other = assigned.assigneeId === first ? second : first;
    expect(handedOn.assigneeId).toBe(other);
    const events = await db()
      .select({ type: conversationEvents.type, payload: conversationEvents.payload })
      .from(conversationEvents)
      .where(eq(conversationEvents.conversationId, result.conversationId))
      .orderBy(asc(conversationEvents.id));
    expect(events.slice(-2)).toMatchObject([
      { type: 'unassigned', payload: { reason: 'no_reply_in_time' } },
      { type: 'assigned', payload: { to: other } },
    ]);
  });

  it('leaves a manual inbox to the agents, saying so', async () => {
    const { city, team } = await routedInbox({ mode: 'manual' });
    await agentIn(team.id);
    const result = await receiveInboundMessage(db(), chat(city.code));
    const conversation = await conversationOf(result.conversationId);
    expect(conversation.assigneeId).toBeNull();
    expect(conversation.assignmentReason).toMatch(/by hand/);
  });
});
