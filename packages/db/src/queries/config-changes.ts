import { type ChangeListInput, describeChange, type FieldLabels } from '@switchboard/domain';
import { and, desc, eq, inArray, isNotNull, notExists, sql } from 'drizzle-orm';
import type { Database, DatabaseOrTransaction } from '../client.ts';
import { configChanges, rolloutAcknowledgements, users } from '../schema/index.ts';
import { allOf, pageOf } from './list-helpers.ts';

export interface ConfigChangeInput {
  entityType: string;
  entityId: string;
  entityName: string;
  action: 'created' | 'updated' | 'deleted' | 'reordered' | 'enabled' | 'disabled' | string;
  actorId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  labels?: FieldLabels;
  /** Lines to use instead of the computed diff (e.g. a reorder: "Moved to position 3"). */
  diff?: string[];
  rolloutNote?: string | undefined;
}

/**
 * Records one configuration change in the same transaction as the change itself, so the
 * history never misses one and never shows one that did not happen.
 */
export async function recordChange(tx: DatabaseOrTransaction, change: ConfigChangeInput) {
  const diff = change.diff ?? describeChange(change.before, change.after, change.labels);
  const [row] = await tx
    .insert(configChanges)
    .values({
      entityType: change.entityType,
      entityId: change.entityId,
      entityName: change.entityName,
      action: change.action,
      actorId: change.actorId,
      before: change.before,
      after: change.after,
      diff,
      rolloutNote: change.rolloutNote ?? null,
    })
    .returning({ id: configChanges.id, createdAt: configChanges.createdAt });
  return row!;
}

/** The change history, newest first, with who made each change. */
export function listChanges(db: Database, input: ChangeListInput) {
  const where = allOf([
    input.entityType ? eq(configChanges.entityType, input.entityType) : undefined,
    input.entityId ? eq(configChanges.entityId, input.entityId) : undefined,
    input.withRolloutNote ? isNotNull(configChanges.rolloutNote) : undefined,
  ]);
  return pageOf(
    db
      .select({
        id: configChanges.id,
        entityType: configChanges.entityType,
        entityId: configChanges.entityId,
        entityName: configChanges.entityName,
        action: configChanges.action,
        diff: configChanges.diff,
        rolloutNote: configChanges.rolloutNote,
        actorName: users.name,
        createdAt: configChanges.createdAt,
        acknowledgedCount: sql<number>`(select count(*)::int from ${rolloutAcknowledgements}
          where ${rolloutAcknowledgements.changeId} = ${configChanges.id})`,
      })
      .from(configChanges)
      .leftJoin(users, eq(users.id, configChanges.actorId))
      .where(where)
      .orderBy(desc(configChanges.createdAt), desc(configChanges.id))
      .limit(input.limit)
      .offset(input.offset),
    db.select({ total: sql<number>`count(*)::int` }).from(configChanges).where(where),
    input,
  );
}

/** The full before/after of one change, for the console's detail view. */
export async function changeById(db: Database, id: string) {
  const [row] = await db.select().from(configChanges).where(eq(configChanges.id, id));
  return row ?? null;
}

/** Rollout notes this person has not acknowledged yet, newest first. */
export function unacknowledgedNotes(db: Database, userId: string, limit = 20) {
  return db
    .select({
      id: configChanges.id,
      entityType: configChanges.entityType,
      entityName: configChanges.entityName,
      rolloutNote: configChanges.rolloutNote,
      diff: configChanges.diff,
      createdAt: configChanges.createdAt,
      actorName: users.name,
    })
    .from(configChanges)
    .leftJoin(users, eq(users.id, configChanges.actorId))
    .where(
      and(
        isNotNull(configChanges.rolloutNote),
        notExists(
          db
            .select({ one: sql`1` })
            .from(rolloutAcknowledgements)
            .where(
              and(
                eq(rolloutAcknowledgements.changeId, configChanges.id),
                eq(rolloutAcknowledgements.userId, userId),
              ),
            ),
        ),
      ),
    )
    .orderBy(desc(configChanges.createdAt), desc(configChanges.id))
    .limit(limit);
}

export class RolloutNoteNotFoundError extends Error {}

/** Acknowledging twice is fine: the first time counts. */
export async function acknowledgeNote(db: Database, userId: string, changeId: string) {
  const [change] = await db
    .select({ id: configChanges.id })
    .from(configChanges)
    .where(and(eq(configChanges.id, changeId), isNotNull(configChanges.rolloutNote)));
  if (!change) throw new RolloutNoteNotFoundError('No rollout note with that id');
  await db.insert(rolloutAcknowledgements).values({ changeId, userId }).onConflictDoNothing();
}

/** Who has and has not acknowledged a rollout note: every active agent and lead. */
export async function acknowledgementsOf(db: Database, changeId: string) {
  const staff = await db
    .select({
      id: users.id,
      name: users.name,
      role: users.role,
      acknowledgedAt: rolloutAcknowledgements.acknowledgedAt,
    })
    .from(users)
    .leftJoin(
      rolloutAcknowledgements,
      and(
        eq(rolloutAcknowledgements.userId, users.id),
        eq(rolloutAcknowledgements.changeId, changeId),
      ),
    )
    .where(and(eq(users.active, true), inArray(users.role, ['agent', 'lead'])))
    .orderBy(users.name);
  return {
    acknowledged: staff.filter((person) => person.acknowledgedAt !== null),
    pending: staff.filter((person) => person.acknowledgedAt === null),
  };
}
