import {
  type CreateTeamInput,
  type RemoveTeamMemberInput,
  TEAM_KIND_LABELS,
  type TeamKind,
  type TeamMemberInput,
  type UpdateTeamInput,
} from '@switchboard/domain';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database, DatabaseOrTransaction } from '../client.ts';
import { inboxes, memberships, teams, users } from '../schema/index.ts';
import { recordChange } from './config-changes.ts';
import { Refusal } from './refusal.ts';

export class TeamError extends Refusal {}

const TEAM_LABELS = {
  kind: { label: 'Kind', format: (value: unknown) => TEAM_KIND_LABELS[value as TeamKind] },
};

/** A team is a few dozen people at most; members beyond this are not shown, only counted. */
const MEMBERS_SHOWN = 500;

/**
 * Every team with the inboxes it works and its members (teams are configuration: tens of
 * rows, each with tens of people), for the console's Teams page and inbox forms.
 */
export async function listTeams(db: Database) {
  const [teamRows, inboxRows, memberRows] = await Promise.all([
    db
      .select({
        id: teams.id,
        code: teams.code,
        name: teams.name,
        kind: teams.kind,
        description: teams.description,
        memberCount: sql<number>`(select count(*)::int from memberships m
          where m.team_id = "teams"."id")`,
      })
      .from(teams)
      .orderBy(asc(teams.name)),
    db
      .select({
        id: inboxes.id,
        code: inboxes.code,
        name: inboxes.name,
        teamId: inboxes.teamId,
        active: inboxes.active,
      })
      .from(inboxes)
      .orderBy(asc(inboxes.name)),
    db
      .select({
        teamId: memberships.teamId,
        userId: users.id,
        name: users.name,
        email: users.email,
        role: memberships.role,
        staffRole: users.role,
        availability: users.availability,
        active: users.active,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .orderBy(asc(users.name))
      .limit(MEMBERS_SHOWN * 50),
  ]);
  return teamRows.map((team) => ({
    ...team,
    inboxes: inboxRows.filter((inbox) => inbox.teamId === team.id),
    members: memberRows.filter((member) => member.teamId === team.id).slice(0, MEMBERS_SHOWN),
  }));
}

async function lockedTeam(tx: DatabaseOrTransaction, id: string, field = 'teamId') {
  const [team] = await tx
    .select({ id: teams.id, code: teams.code, name: teams.name, description: teams.description })
    .from(teams)
    .where(eq(teams.id, id))
    .for('update');
  if (!team) throw new TeamError('NOT_FOUND', 'Team not found', field);
  return team;
}

export async function createTeam(db: Database, input: CreateTeamInput, actorId: string) {
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(teams)
      .values({
        code: input.code,
        name: input.name,
        kind: input.kind,
        description: input.description,
      })
      .onConflictDoNothing({ target: teams.code })
      .returning();
    if (!created) {
      throw new TeamError('CONFLICT', `A team with the code ${input.code} exists already`, 'code');
    }
    await recordChange(tx, {
      entityType: 'team',
      entityId: created.id,
      entityName: created.name,
      action: 'created',
      actorId,
      before: null,
      after: { code: created.code, name: created.name, kind: created.kind },
      labels: TEAM_LABELS,
      rolloutNote: input.rolloutNote,
    });
    return created;
  });
}

export async function updateTeam(db: Database, input: UpdateTeamInput, actorId: string) {
  return db.transaction(async (tx) => {
    const { id, code, ...before } = await lockedTeam(tx, input.id, 'id');
    const after = { name: input.name, description: input.description };
    await tx.update(teams).set(after).where(eq(teams.id, id));
    await recordChange(tx, {
      entityType: 'team',
      entityId: id,
      entityName: input.name,
      action: 'updated',
      actorId,
      before,
      after,
      rolloutNote: input.rolloutNote,
    });
    return { id, code, ...after };
  });
}

/**
 * Adds a person to a team (or changes their role in it): they then work every inbox of the
 * team, and assignment considers them from the next conversation on.
 */
export async function addTeamMember(db: Database, input: TeamMemberInput, actorId: string) {
  return db.transaction(async (tx) => {
    const team = await lockedTeam(tx, input.teamId);
    const [person] = await tx
      .select({ id: users.id, name: users.name, active: users.active })
      .from(users)
      .where(eq(users.id, input.userId));
    if (!person) throw new TeamError('NOT_FOUND', 'No such person', 'userId');
    if (!person.active) {
      throw new TeamError('BAD_REQUEST', `${person.name} is deactivated`, 'userId');
    }
    const [current] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.teamId, team.id), eq(memberships.userId, person.id)));
    if (current?.role === input.role)
      return { teamId: team.id, userId: person.id, role: input.role };
    await tx
      .insert(memberships)
      .values({ teamId: team.id, userId: person.id, role: input.role })
      .onConflictDoUpdate({
        target: [memberships.teamId, memberships.userId],
        set: { role: input.role },
      });
    await recordChange(tx, {
      entityType: 'team',
      entityId: team.id,
      entityName: team.name,
      action: current ? 'member_role_changed' : 'member_added',
      actorId,
      before: current ? { member: person.name, role: current.role } : null,
      after: { member: person.name, role: input.role },
      diff: [
        current
          ? `${person.name}: ${current.role} → ${input.role}`
          : `Added ${person.name} as ${input.role === 'lead' ? 'team lead' : 'a member'}`,
      ],
      rolloutNote: input.rolloutNote,
    });
    return { teamId: team.id, userId: person.id, role: input.role };
  });
}

/**
 * Takes a person off a team. Conversations they hold stay theirs (a lead reassigns them);
 * new ones from the team's inboxes no longer reach them.
 */
export async function removeTeamMember(
  db: Database,
  input: RemoveTeamMemberInput,
  actorId: string,
) {
  return db.transaction(async (tx) => {
    const team = await lockedTeam(tx, input.teamId);
    const [removed] = await tx
      .delete(memberships)
      .where(and(eq(memberships.teamId, team.id), eq(memberships.userId, input.userId)))
      .returning({ role: memberships.role });
    if (!removed) {
      throw new TeamError('NOT_FOUND', `That person is not on ${team.name}`, 'userId');
    }
    const [person] = await tx
      .select({ name: users.name })
      .from(users)
      .where(eq(users.id, input.userId));
    const name = person?.name ?? input.userId;
    await recordChange(tx, {
      entityType: 'team',
      entityId: team.id,
      entityName: team.name,
      action: 'member_removed',
      actorId,
      before: { member: name, role: removed.role },
      after: null,
      diff: [`Removed ${name}`],
      rolloutNote: input.rolloutNote,
    });
    return { teamId: team.id, userId: input.userId };
  });
}
