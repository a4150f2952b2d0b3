import type {
  CreateInboxInput,
  UpdateAgentRoutingInput,
  UpdateInboxInput,
} from '@switchboard/domain';
import { CHANNEL_NAMES, totalCapacity } from '@switchboard/domain';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database, DatabaseOrTransaction } from '../client.ts';
import { cities, inboxes, memberships, teams, users } from '../schema/index.ts';
import { recordChange } from './config-changes.ts';
import { Refusal } from './refusal.ts';

export class RoutingSettingsError extends Refusal {}

const policyText = (value: unknown) => {
  const policy = value as { mode: string; replyLimitMinutes?: number | null };
  const mode = policy.mode.replace('_', ' ');
  return policy.replyLimitMinutes ? `${mode}, reply within ${policy.replyLimitMinutes} min` : mode;
};

const INBOX_LABELS = {
  name: { label: 'Name' },
  description: { label: 'Description' },
  team: { label: 'Team' },
  audience: { label: 'Audience' },
  city: { label: 'City', format: (value: unknown) => (value ? String(value) : 'every city') },
  channels: {
    label: 'Channels',
    format: (value: unknown) => CHANNEL_NAMES[value as keyof typeof CHANNEL_NAMES] ?? String(value),
  },
  active: { label: 'Active', format: (value: unknown) => (value ? 'yes' : 'no') },
  assignmentPolicy: { label: 'Assignment', format: policyText },
};

/** An inbox with its team, its members and their routing settings, for the console. */
export async function inboxSettings(db: Database, id: string) {
  const [inbox] = await db
    .select({
      id: inboxes.id,
      code: inboxes.code,
      name: inboxes.name,
      description: inboxes.description,
      audience: inboxes.audience,
      channels: inboxes.channels,
      active: inboxes.active,
      assignmentPolicy: inboxes.assignmentPolicy,
      cityCode: cities.code,
      teamId: teams.id,
      teamCode: teams.code,
      teamName: teams.name,
    })
    .from(inboxes)
    .innerJoin(teams, eq(teams.id, inboxes.teamId))
    .leftJoin(cities, eq(cities.id, inboxes.cityId))
    .where(eq(inboxes.id, id));
  if (!inbox) throw new RoutingSettingsError('NOT_FOUND', 'Inbox not found', 'id');
  // A team's members: tens of people, not an unbounded table.
  const members = await db
    .select({
      id: users.id,
      name: users.name,
      role: users.role,
      availability: users.availability,
      channelCapacity: users.channelCapacity,
      skills: users.skills,
      languages: users.languages,
      openChats: sql<number>`(select count(*)::int from conversations c
        where c.assignee_id = "users"."id" and c.status = 'open')`,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.teamId, inbox.teamId), eq(users.active, true)))
    .orderBy(asc(users.name))
    .limit(500);
  return { ...inbox, members };
}

/** The team an inbox is to be worked by, refused by name when it does not exist. */
async function teamNamed(tx: DatabaseOrTransaction, teamId: string) {
  const [team] = await tx
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(eq(teams.id, teamId));
  if (!team) throw new RoutingSettingsError('BAD_REQUEST', 'There is no such team', 'teamId');
  return team;
}

export async function createInbox(db: Database, input: CreateInboxInput, actorId: string) {
  return db.transaction(async (tx) => {
    const team = await teamNamed(tx, input.teamId);
    const [city] = input.cityCode
      ? await tx
          .select({ id: cities.id, code: cities.code })
          .from(cities)
          .where(eq(cities.code, input.cityCode))
      : [];
    if (input.cityCode && !city) {
      throw new RoutingSettingsError(
        'BAD_REQUEST',
        `There is no city ${input.cityCode}`,
        'cityCode',
      );
    }
    const [created] = await tx
      .insert(inboxes)
      .values({
        code: input.code,
        name: input.name,
        description: input.description,
        audience: input.audience,
        cityId: city?.id ?? null,
        teamId: team.id,
        channels: input.channels,
        assignmentPolicy: input.assignmentPolicy,
      })
      .onConflictDoNothing({ target: inboxes.code })
      .returning({ id: inboxes.id, code: inboxes.code, name: inboxes.name });
    if (!created) {
      throw new RoutingSettingsError(
        'CONFLICT',
        `An inbox with the code ${input.code} exists already`,
        'code',
      );
    }
    await recordChange(tx, {
      entityType: 'inbox',
      entityId: created.id,
      entityName: created.name,
      action: 'created',
      actorId,
      before: null,
      after: {
        name: input.name,
        audience: input.audience,
        city: city?.code ?? null,
        team: team.name,
        channels: input.channels,
        assignmentPolicy: input.assignmentPolicy,
      },
      labels: INBOX_LABELS,
      rolloutNote: input.rolloutNote,
    });
    return created;
  });
}

export async function updateInbox(db: Database, input: UpdateInboxInput, actorId: string) {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({
        name: inboxes.name,
        description: inboxes.description,
        team: teams.name,
        channels: inboxes.channels,
        active: inboxes.active,
        assignmentPolicy: inboxes.assignmentPolicy,
      })
      .from(inboxes)
      .innerJoin(teams, eq(teams.id, inboxes.teamId))
      .where(eq(inboxes.id, input.id))
      .for('update', { of: inboxes });
    if (!before) throw new RoutingSettingsError('NOT_FOUND', 'Inbox not found', 'id');
    const team = await teamNamed(tx, input.teamId);
    const stored = {
      name: input.name,
      description: input.description,
      teamId: team.id,
      channels: input.channels,
      active: input.active,
      assignmentPolicy: input.assignmentPolicy,
    };
    await tx.update(inboxes).set(stored).where(eq(inboxes.id, input.id));
    const { teamId: _teamId, ...rest } = stored;
    await recordChange(tx, {
      entityType: 'inbox',
      entityId: input.id,
      entityName: input.name,
      action: 'updated',
      actorId,
      before,
      after: { ...rest, team: team.name },
      labels: INBOX_LABELS,
      rolloutNote: input.rolloutNote,
    });
    return { id: input.id, ...stored };
  });
}

const AGENT_LABELS = {
  channelCapacity: {
    label: 'Capacity',
    format: (value: unknown) =>
      Object.entries(value as Record<string, number>)
        .map(([channel, max]) => `${max} ${channel}`)
        .join(', ') || 'none',
  },
  skills: { label: 'Skills' },
  languages: { label: 'Languages' },
};

export async function updateAgentRouting(
  db: Database,
  input: UpdateAgentRoutingInput,
  actorId: string,
) {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({
        name: users.name,
        channelCapacity: users.channelCapacity,
        skills: users.skills,
        languages: users.languages,
      })
      .from(users)
      .where(eq(users.id, input.userId))
      .for('update');
    if (!before) throw new RoutingSettingsError('NOT_FOUND', 'No such person', 'userId');
    const after = {
      channelCapacity: input.channelCapacity,
      skills: input.skills,
      languages: input.languages,
    };
    const capacity = totalCapacity(input.channelCapacity);
    await tx
      .update(users)
      .set({ ...after, capacity })
      .where(eq(users.id, input.userId));
    const { name, ...routingBefore } = before;
    await recordChange(tx, {
      entityType: 'agent_capacity',
      entityId: input.userId,
      entityName: name,
      action: 'updated',
      actorId,
      before: routingBefore,
      after,
      labels: AGENT_LABELS,
      rolloutNote: input.rolloutNote,
    });
    return { userId: input.userId, ...after };
  });
}

export async function setAvailability(
  db: Database,
  userId: string,
  availability: 'online' | 'away' | 'offline',
) {
  const [row] = await db
    .update(users)
    .set({ availability, lastSeenAt: new Date() })
    .where(eq(users.id, userId))
    .returning({ id: users.id, availability: users.availability });
  if (!row) throw new RoutingSettingsError('NOT_FOUND', 'No such person', 'userId');
  return row;
}
