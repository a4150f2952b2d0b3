import { type InboxViewInput, SLA_AT_RISK_MS } from '@switchboard/domain';
import { and, asc, desc, eq, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../client.ts';
import {
  cities,
  contacts,
  conversations,
  conversationTags,
  inboxes,
  mentions,
  requestTypes,
  tags,
  users,
} from '../schema/index.ts';
import { allOf, pageOf, textSearch } from './list-helpers.ts';

/** Which conversations a viewer may list: every inbox, or their teams' inboxes and their own. */
export interface ViewScope {
  userId: string;
  seesEveryInbox: boolean;
  inboxIds: readonly string[];
}

function inScope(scope: ViewScope): SQL | undefined {
  if (scope.seesEveryInbox) return undefined;
  const mine = eq(conversations.assigneeId, scope.userId);
  return scope.inboxIds.length > 0
    ? or(inArray(conversations.inboxId, [...scope.inboxIds]), mine)
    : mine;
}

/** Conversations in the viewer's inboxes (for Unassigned): their teams', or all for admins. */
function inMyInboxes(scope: ViewScope): SQL {
  if (scope.seesEveryInbox) return sql`true`;
  return scope.inboxIds.length > 0
    ? inArray(conversations.inboxId, [...scope.inboxIds])
    : sql`false`;
}

// lte() binds the Date through the column's encoder; a bare Date in sql`` fails on postgres-js.
const slaSoon = (now: Date) =>
  lte(conversations.slaDueAt, new Date(now.getTime() + SLA_AT_RISK_MS));

/** Unread mentions: opening the conversation (byId) marks them read, as the count does. */
function mentionedIn(userId: string) {
  return sql`exists (select 1 from ${mentions} where ${mentions.conversationId} = ${conversations.id}
    and ${mentions.mentionedUserId} = ${userId} and ${mentions.readAt} is null)`;
}

function viewCondition(scope: ViewScope, input: InboxViewInput, now: Date): SQL | undefined {
  switch (input.view) {
    case 'mine':
      return and(eq(conversations.assigneeId, scope.userId), eq(conversations.status, 'open'));
    case 'unassigned':
      return and(
        inMyInboxes(scope),
        isNull(conversations.assigneeId),
        eq(conversations.status, 'open'),
      );
    case 'inbox':
      return and(eq(conversations.inboxId, input.inboxId!), eq(conversations.status, 'open'));
    case 'pending':
      return and(inScope(scope), eq(conversations.status, 'pending'));
    case 'snoozed':
      return and(inScope(scope), eq(conversations.status, 'snoozed'));
    case 'sla':
      return and(inScope(scope), eq(conversations.status, 'open'), slaSoon(now));
    case 'mentions':
      return mentionedIn(scope.userId);
    case 'resolved':
      return and(eq(conversations.assigneeId, scope.userId), eq(conversations.status, 'resolved'));
  }
}

function filterConditions(input: InboxViewInput): (SQL | undefined)[] {
  // exists() does not parenthesise raw SQL, which PostgreSQL rejects; spell it out.
  const tagged = input.tag
    ? sql`exists (select 1 from ${conversationTags} inner join ${tags} on ${tags.id} = ${conversationTags.tagId}
          where ${conversationTags.conversationId} = ${conversations.id} and ${tags.code} = ${input.tag})`
    : undefined;
  const numberSearch = input.search?.replace(/^#/, '');
  return [
    input.channel ? eq(conversations.channel, input.channel) : undefined,
    input.audience ? eq(conversations.audience, input.audience) : undefined,
    input.priority ? eq(conversations.priority, input.priority) : undefined,
    input.cityCode
      ? sql`${conversations.cityId} = (select ${cities.id} from ${cities} where ${cities.code} = ${input.cityCode})`
      : undefined,
    input.requestTypeCode
      ? sql`${conversations.requestTypeId} = (select ${requestTypes.id} from ${requestTypes} where ${requestTypes.code} = ${input.requestTypeCode})`
      : undefined,
    input.assigneeId === 'none'
      ? isNull(conversations.assigneeId)
      : input.assigneeId
        ? eq(conversations.assigneeId, input.assigneeId)
        : undefined,
    tagged,
    input.search
      ? numberSearch && /^\d+$/.test(numberSearch)
        ? eq(conversations.number, Number(numberSearch))
        : or(
            textSearch(input.search, [conversations.subject]),
            sql`${conversations.contactId} in (select ${contacts.id} from ${contacts} where ${textSearch(input.search, [contacts.name, contacts.email, contacts.phone])})`,
          )
      : undefined,
  ];
}

const SORTS = {
  sla: [
    sql`${conversations.slaDueAt} asc nulls last`,
    desc(conversations.lastMessageAt),
    desc(conversations.id),
  ],
  newest: [desc(conversations.lastMessageAt), desc(conversations.id)],
  oldest: [asc(conversations.lastMessageAt), asc(conversations.id)],
  priority: [
    asc(conversations.priority),
    sql`${conversations.slaDueAt} asc nulls last`,
    desc(conversations.id),
  ],
} as const;

/** One page of an inbox view: the rows an agent's list shows, sorted and filtered in SQL. */
export function listInboxView(
  db: DatabaseOrTransaction,
  scope: ViewScope,
  input: InboxViewInput,
  now: Date = new Date(),
) {
  const where = allOf([viewCondition(scope, input, now), ...filterConditions(input)]);
  // Sort and cut the page on conversations alone, then join the page's 50 rows: joining
  // first would look up a contact, inbox and assignee for every row of a large view.
  const page = db
    .select({ id: conversations.id })
    .from(conversations)
    .where(where)
    .orderBy(...SORTS[input.sort])
    .limit(input.limit)
    .offset(input.offset)
    .as('page');
  return pageOf(
    db
      .select({
        id: conversations.id,
        number: conversations.number,
        subject: conversations.subject,
        status: conversations.status,
        priority: conversations.priority,
        channel: conversations.channel,
        audience: conversations.audience,
        lastMessageAt: conversations.lastMessageAt,
        lastMessagePreview: conversations.lastMessagePreview,
        slaDueAt: conversations.slaDueAt,
        snoozedUntil: conversations.snoozedUntil,
        createdAt: conversations.createdAt,
        inboxId: conversations.inboxId,
        assigneeId: conversations.assigneeId,
        assigneeName: users.name,
        contactName: contacts.name,
        inboxName: inboxes.name,
        cityCode: cities.code,
        requestTypeName: requestTypes.name,
      })
      .from(page)
      .innerJoin(conversations, eq(conversations.id, page.id))
      .innerJoin(contacts, eq(contacts.id, conversations.contactId))
      .innerJoin(inboxes, eq(inboxes.id, conversations.inboxId))
      .leftJoin(users, eq(users.id, conversations.assigneeId))
      .leftJoin(cities, eq(cities.id, conversations.cityId))
      .leftJoin(requestTypes, eq(requestTypes.id, conversations.requestTypeId))
      .orderBy(...SORTS[input.sort]),
    db.select({ total: sql<number>`count(*)::int` }).from(conversations).where(where),
    input,
  );
}

export type InboxViewRow = Awaited<ReturnType<typeof listInboxView>>['items'][number];

export interface InboxViewCounts {
  mine: number;
  unassigned: number;
  pending: number;
  snoozed: number;
  sla: number;
  mentions: number;
  resolved: number;
  inboxes: { id: string; name: string; code: string; open: number; unassigned: number }[];
}

/**
 * Statuses written as literals rather than bound parameters, so the planner can always prove
 * the partial index `conversations_active_idx` applies (generic plans included).
 */
const isOpen = sql`${conversations.status} = 'open'`;
const isParked = sql`${conversations.status} in ('pending', 'snoozed')`;

/**
 * The live counts beside each view, aggregated in SQL over active conversations only.
 * `memberInboxIds` must lie within the scope (the viewer's own inboxes, or any for those who
 * see every inbox). Each count is a narrow index-only scan, and they run side by side: at a
 * million conversations one pass over every active conversation in scope took several times
 * longer than these together.
 */
export async function countInboxViews(
  db: DatabaseOrTransaction,
  scope: ViewScope,
  memberInboxIds: readonly string[],
  now: Date = new Date(),
): Promise<InboxViewCounts> {
  const me = scope.userId;
  const [openByInbox, mineRows, parkedRows, mentionRows, resolvedRows, inboxRows] =
    await Promise.all([
      // Open conversations in scope per inbox: the inbox list, Unassigned and SLA counts.
      db
        .select({
          inboxId: conversations.inboxId,
          open: sql<number>`count(*)::int`,
          unassigned: sql<number>`(count(*) filter (where ${conversations.assigneeId} is null))::int`,
          sla: sql<number>`(count(*) filter (where ${slaSoon(now)}))::int`,
        })
        .from(conversations)
        .where(allOf([isOpen, inScope(scope)]))
        .groupBy(conversations.inboxId),
      db
        .select({ count: sql<number>`count(*)::int` })
        .from(conversations)
        .where(and(eq(conversations.assigneeId, me), isOpen)),
      db
        .select({ status: conversations.status, count: sql<number>`count(*)::int` })
        .from(conversations)
        .where(allOf([isParked, inScope(scope)]))
        .groupBy(conversations.status),
      db
        .select({ count: sql<number>`count(distinct ${mentions.conversationId})::int` })
        .from(mentions)
        .where(and(eq(mentions.mentionedUserId, me), isNull(mentions.readAt))),
      db
        .select({ count: sql<number>`count(*)::int` })
        .from(conversations)
        .where(and(eq(conversations.assigneeId, me), eq(conversations.status, 'resolved'))),
      memberInboxIds.length === 0
        ? Promise.resolve([])
        : db
            .select({ id: inboxes.id, name: inboxes.name, code: inboxes.code })
            .from(inboxes)
            .where(inArray(inboxes.id, [...memberInboxIds]))
            .orderBy(asc(inboxes.name)),
    ]);
  const byInbox = new Map(openByInbox.map((row) => [row.inboxId, row]));
  const sum = (key: 'unassigned' | 'sla') =>
    openByInbox.reduce((total, row) => total + row[key], 0);
  const parked = (status: 'pending' | 'snoozed') =>
    parkedRows.find((row) => row.status === status)?.count ?? 0;
  return {
    mine: mineRows[0]?.count ?? 0,
    // Unassigned conversations are in scope only through the viewer's inboxes.
    unassigned: sum('unassigned'),
    pending: parked('pending'),
    snoozed: parked('snoozed'),
    sla: sum('sla'),
    mentions: mentionRows[0]?.count ?? 0,
    resolved: resolvedRows[0]?.count ?? 0,
    inboxes: inboxRows.map((inbox) => ({
      ...inbox,
      open: byInbox.get(inbox.id)?.open ?? 0,
      unassigned: byInbox.get(inbox.id)?.unassigned ?? 0,
    })),
  };
}
