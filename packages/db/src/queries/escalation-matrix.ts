import {
  DOWNSTREAM_TEAM_KINDS,
  type DownstreamTeamKind,
  describeEscalationMatrixChange,
  type EscalationMatrixEntry,
  escalationMatrixEntrySchema,
  type VersionedEscalationMatrixEntry,
} from '@switchboard/domain';
import { asc, eq, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../client.ts';
import { escalationMatrix, escalationMatrixVersions, teams, users } from '../schema/index.ts';
import { recordChange } from './config-changes.ts';
import { Refusal } from './refusal.ts';

export class EscalationMatrixError extends Refusal {}

function selectEntries(db: DatabaseOrTransaction) {
  return db
    .select({
      id: escalationMatrix.id,
      teamKind: escalationMatrix.teamKind,
      ownerTeamId: escalationMatrix.ownerTeamId,
      ownerTeamName: teams.name,
      version: escalationMatrix.version,
      definition: escalationMatrix.definition,
      updatedAt: escalationMatrix.updatedAt,
      updatedByName: users.name,
    })
    .from(escalationMatrix)
    .innerJoin(teams, eq(teams.id, escalationMatrix.ownerTeamId))
    .leftJoin(users, eq(users.id, escalationMatrix.updatedById));
}

export type EscalationMatrixRow = Awaited<ReturnType<typeof listEscalationMatrix>>[number];

/** The whole matrix: at most one entry per downstream team kind. */
export async function listEscalationMatrix(db: DatabaseOrTransaction) {
  const rows = await selectEntries(db).orderBy(asc(escalationMatrix.teamKind));
  return rows.sort(
    (a, b) =>
      DOWNSTREAM_TEAM_KINDS.indexOf(a.teamKind as DownstreamTeamKind) -
      DOWNSTREAM_TEAM_KINDS.indexOf(b.teamKind as DownstreamTeamKind),
  );
}

export async function escalationMatrixEntry(db: DatabaseOrTransaction, teamKind: string) {
  const [row] = await selectEntries(db).where(eq(escalationMatrix.teamKind, teamKind));
  return row ?? null;
}

export function versionedEntry(row: {
  version: number;
  definition: EscalationMatrixEntry;
}): VersionedEscalationMatrixEntry {
  return { ...row.definition, version: row.version };
}

/**
 * Creates or replaces a team's matrix entry as a new version. The owner queue must be a team
 * of that kind. Saving what is stored records nothing.
 */
export async function saveEscalationMatrixEntry(
  db: DatabaseOrTransaction,
  input: EscalationMatrixEntry,
  context: { actorId: string | null; rolloutNote?: string | undefined; now?: Date },
) {
  const entry = escalationMatrixEntrySchema.parse(input);
  return db.transaction(async (tx) => {
    const [owner] = await tx
      .select({ id: teams.id, name: teams.name, kind: teams.kind })
      .from(teams)
      .where(eq(teams.code, entry.ownerTeamCode));
    if (!owner) {
      throw new EscalationMatrixError(
        'BAD_REQUEST',
        `No team has the code ${entry.ownerTeamCode}`,
        'ownerTeamCode',
      );
    }
    if (owner.kind !== entry.teamKind) {
      throw new EscalationMatrixError(
        'BAD_REQUEST',
        `${owner.name} is not a ${entry.teamKind.replaceAll('_', ' ')} team`,
        'ownerTeamCode',
      );
    }
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtextextended(${`escalation-matrix:${entry.teamKind}`}, 0))`,
    );
    const [before] = await tx
      .select({
        id: escalationMatrix.id,
        version: escalationMatrix.version,
        definition: escalationMatrix.definition,
      })
      .from(escalationMatrix)
      .where(eq(escalationMatrix.teamKind, entry.teamKind));
    const diff = describeEscalationMatrixChange(before?.definition ?? null, entry);
    if (before && diff[0] === 'No visible change') {
      return (await escalationMatrixEntry(tx, entry.teamKind))!;
    }
    const version = (before?.version ?? 0) + 1;
    const now = context.now ?? new Date();
    const [saved] = before
      ? await tx
          .update(escalationMatrix)
          .set({
            definition: entry,
            ownerTeamId: owner.id,
            version,
            updatedById: context.actorId,
            updatedAt: now,
          })
          .where(eq(escalationMatrix.id, before.id))
          .returning({ id: escalationMatrix.id })
      : await tx
          .insert(escalationMatrix)
          .values({
            teamKind: entry.teamKind,
            ownerTeamId: owner.id,
            version,
            definition: entry,
            updatedById: context.actorId,
            createdAt: now,
            updatedAt: now,
          })
          .returning({ id: escalationMatrix.id });
    await tx.insert(escalationMatrixVersions).values({
      matrixId: saved!.id,
      version,
      definition: entry,
      createdById: context.actorId,
      createdAt: now,
    });
    await recordChange(tx, {
      entityType: 'escalation_matrix',
      entityId: saved!.id,
      entityName: `Escalations to ${owner.name}`,
      action: before ? 'updated' : 'created',
      actorId: context.actorId,
      before: before ? { version: before.version, ...before.definition } : null,
      after: { version, ...entry },
      diff: [`Version ${version}`, ...diff],
      rolloutNote: context.rolloutNote,
    });
    return (await escalationMatrixEntry(tx, entry.teamKind))!;
  });
}
