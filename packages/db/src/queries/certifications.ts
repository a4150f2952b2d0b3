import {
  type AgentTier,
  type ArchiveCertificationInput,
  type CertificationHoldersInput,
  type CertificationListInput,
  type CertificationSource,
  type CertificationState,
  type CreateCertificationInput,
  certificationExpiry,
  certificationState,
  describeValidity,
  type ExpiringCertificationsInput,
  type FieldLabels,
  type GrantCertificationsInput,
  guardrailTierOf,
  type RevokeCertificationInput,
  type Role,
  summariseCertifications,
  type TierGrant,
  type UpdateCertificationInput,
} from '@switchboard/domain';
import { aliasedTable, and, asc, count, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Database, DatabaseOrTransaction } from '../client.ts';
import {
  certifications,
  curricula,
  memberships,
  requestTypes,
  teams,
  userCertifications,
  users,
} from '../schema/index.ts';
import { recordChange } from './config-changes.ts';
import { allOf, onTeam, pageOf, textSearch } from './list-helpers.ts';
import { notifyPeople } from './notifications.ts';
import { Refusal } from './refusal.ts';

/*
 * Certifications: the catalog trainers keep, who holds what, and the acts of granting,
 * renewing and revoking — each recorded in the change history in the same transaction.
 */

export class CertificationError extends Refusal {}

/** Where the holder and their trainers open a certification notice. */
export const MY_CERTIFICATIONS_LINK = '/workspace/certifications';
export const EXPIRING_CERTIFICATIONS_LINK = '/console/certifications/expiring';

const CERTIFICATION_LABELS: FieldLabels = {
  validityDays: {
    label: 'Validity',
    format: (value) => describeValidity((value as number | null) ?? null),
  },
  renewalReminderDays: {
    label: 'Renewal reminder',
    format: (value) => `${String(value)} days before expiry`,
  },
  grantsTier: {
    label: 'Guardrail tier granted',
    format: (value) => (value ? String(value) : 'None'),
  },
};

/** A date as the change history writes it: unambiguous in every locale. */
function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

// ——— Granting (also used by training and hiring) ———

export interface GrantCertificationInput {
  userId: string;
  certificationId: string;
  grantedById: string | null;
  source: CertificationSource;
  curriculumId?: string | null;
  /** Why (a trainer's words); shown beside the grant. */
  note?: string;
  now?: Date;
}

/**
 * Grants the certification, or renews it for whoever holds it already: a new grant time and an
 * expiry from its validity, and the reminders start over for the new expiry. Returns the expiry.
 */
export async function grantCertification(
  tx: DatabaseOrTransaction,
  input: GrantCertificationInput,
): Promise<{ expiresAt: Date | null }> {
  const now = input.now ?? new Date();
  const [certification] = await tx
    .select({ validityDays: certifications.validityDays })
    .from(certifications)
    .where(eq(certifications.id, input.certificationId));
  if (!certification) throw new Error(`unknown certification ${input.certificationId}`);
  const expiresAt = certificationExpiry(now, certification.validityDays);
  const values = {
    grantedAt: now,
    expiresAt,
    grantedById: input.grantedById,
    source: input.source,
    curriculumId: input.curriculumId ?? null,
    note: input.note ?? '',
    reminderSentForExpiry: null,
    expiredNoticeSentForExpiry: null,
  };
  await tx
    .insert(userCertifications)
    .values({ userId: input.userId, certificationId: input.certificationId, ...values })
    .onConflictDoUpdate({
      target: [userCertifications.userId, userCertifications.certificationId],
      set: values,
    });
  return { expiresAt };
}

// ——— Guardrail tier ———

async function tierGrantsOf(
  db: DatabaseOrTransaction,
  userIds: string[],
): Promise<(TierGrant & { userId: string })[]> {
  if (userIds.length === 0) return [];
  return db
    .select({
      userId: userCertifications.userId,
      expiresAt: userCertifications.expiresAt,
      grantsTier: certifications.grantsTier,
      active: certifications.active,
    })
    .from(userCertifications)
    .innerJoin(certifications, eq(certifications.id, userCertifications.certificationId))
    .where(
      and(
        inArray(userCertifications.userId, userIds),
        sql`${certifications.grantsTier} is not null`,
      ),
    );
}

/** The tier a person's guardrail decisions are made at now, from their valid certifications. */
export async function guardrailTierFor(
  db: DatabaseOrTransaction,
  userId: string,
  now: Date = new Date(),
): Promise<AgentTier> {
  const [person] = await db.select({ role: users.role }).from(users).where(eq(users.id, userId));
  const grants = person ? await tierGrantsOf(db, [userId]) : [];
  return guardrailTierOf(person ?? null, grants, now);
}

/**
 * The tier shown beside each person: agents' from their certifications; null for leads,
 * trainers and admins, who are not tiered (they act at the highest tier when they step in).
 */
export async function agentTiersOf(
  db: DatabaseOrTransaction,
  people: readonly { id: string; role: Role }[],
  now: Date = new Date(),
): Promise<Map<string, AgentTier | null>> {
  const agents = people.filter((person) => person.role === 'agent');
  const grants = await tierGrantsOf(
    db,
    agents.map((agent) => agent.id),
  );
  return new Map(
    people.map((person) => [
      person.id,
      person.role === 'agent'
        ? guardrailTierOf(
            person,
            grants.filter((grant) => grant.userId === person.id),
            now,
          )
        : null,
    ]),
  );
}

// ——— The catalog ———

/** Certifications are a catalog of tens; this bounds the page anyway. */
const MAX_CATALOG = 500;

const catalogColumns = {
  id: certifications.id,
  code: certifications.code,
  name: certifications.name,
  description: certifications.description,
  validityDays: certifications.validityDays,
  renewalReminderDays: certifications.renewalReminderDays,
  grantsTier: certifications.grantsTier,
  active: certifications.active,
  updatedAt: certifications.updatedAt,
};

/**
 * Every certification with its holders per state (active people only), the request types that
 * require it and the curricula that grant it.
 */
export async function listCertifications(
  db: Database,
  input: CertificationListInput,
  now: Date = new Date(),
) {
  const rows = await db
    .select({
      ...catalogColumns,
      valid: activeHolders('valid', now),
      expiringSoon: activeHolders('expiring_soon', now),
      expired: activeHolders('expired', now),
    })
    .from(certifications)
    .where(input.includeArchived ? undefined : eq(certifications.active, true))
    .orderBy(asc(certifications.name), asc(certifications.code))
    .limit(MAX_CATALOG);
  const ids = rows.map((row) => row.id);
  const [required, granting] =
    ids.length === 0
      ? [[], []]
      : await Promise.all([
          db
            .select({
              certificationId: requestTypes.requiredCertificationId,
              code: requestTypes.code,
              name: requestTypes.name,
              audience: requestTypes.audience,
            })
            .from(requestTypes)
            .where(
              and(
                inArray(requestTypes.requiredCertificationId, ids),
                eq(requestTypes.deprecated, false),
              ),
            )
            .orderBy(asc(requestTypes.name)),
          db
            .select({
              certificationId: curricula.certificationId,
              id: curricula.id,
              code: curricula.code,
              name: curricula.name,
            })
            .from(curricula)
            .where(and(inArray(curricula.certificationId, ids), isNull(curricula.archivedAt)))
            .orderBy(asc(curricula.name)),
        ]);
  return rows.map((row) => ({
    ...row,
    requiredBy: required
      .filter((type) => type.certificationId === row.id)
      .map(({ certificationId: _, ...type }) => type),
    grantedByCurricula: granting
      .filter((curriculum) => curriculum.certificationId === row.id)
      .map(({ certificationId: _, ...curriculum }) => curriculum),
  }));
}

async function lockedCertification(tx: DatabaseOrTransaction, id: string, field = 'id') {
  const [row] = await tx
    .select(catalogColumns)
    .from(certifications)
    .where(eq(certifications.id, id))
    .for('update');
  if (!row) throw new CertificationError('NOT_FOUND', 'Certification not found', field);
  return row;
}

function settingsOf(row: {
  name: string;
  description: string;
  validityDays: number | null;
  renewalReminderDays: number;
  grantsTier: AgentTier | null;
}) {
  return {
    name: row.name,
    description: row.description,
    validityDays: row.validityDays,
    renewalReminderDays: row.renewalReminderDays,
    grantsTier: row.grantsTier,
  };
}

export async function createCertification(
  db: Database,
  input: CreateCertificationInput,
  actorId: string,
) {
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(certifications)
      .values({ code: input.code, ...settingsOf(input) })
      .onConflictDoNothing({ target: certifications.code })
      .returning(catalogColumns);
    if (!created) {
      throw new CertificationError(
        'CONFLICT',
        `A certification with the code ${input.code} exists already`,
        'code',
      );
    }
    await recordChange(tx, {
      entityType: 'certification',
      entityId: created.id,
      entityName: created.name,
      action: 'created',
      actorId,
      before: null,
      after: { code: created.code, ...settingsOf(created) },
      labels: CERTIFICATION_LABELS,
      rolloutNote: input.rolloutNote,
    });
    return created;
  });
}

/**
 * Changes a certification's settings. A new validity applies to grants and renewals from now
 * on; grants already made keep the expiry they were given.
 */
export async function updateCertification(
  db: Database,
  input: UpdateCertificationInput,
  actorId: string,
) {
  return db.transaction(async (tx) => {
    const current = await lockedCertification(tx, input.id);
    const before = settingsOf(current);
    const after = settingsOf(input);
    const [updated] = await tx
      .update(certifications)
      .set({ ...after, updatedAt: new Date() })
      .where(eq(certifications.id, current.id))
      .returning(catalogColumns);
    if (JSON.stringify(before) !== JSON.stringify(after)) {
      await recordChange(tx, {
        entityType: 'certification',
        entityId: current.id,
        entityName: after.name,
        action: 'updated',
        actorId,
        before,
        after,
        labels: CERTIFICATION_LABELS,
        rolloutNote: input.rolloutNote,
      });
    }
    return updated!;
  });
}

/**
 * Archives a certification: it is no longer granted or reminded about, and its grants give no
 * tier. Refused while a request type requires it (routing would send those to nobody) or a
 * live curriculum grants it — the lead or trainer changes those first.
 */
export async function archiveCertification(
  db: Database,
  input: ArchiveCertificationInput,
  actorId: string,
) {
  return db.transaction(async (tx) => {
    const current = await lockedCertification(tx, input.id);
    if (!current.active) return current;
    const required = await tx
      .select({ name: requestTypes.name })
      .from(requestTypes)
      .where(
        and(
          eq(requestTypes.requiredCertificationId, current.id),
          eq(requestTypes.deprecated, false),
        ),
      )
      .orderBy(asc(requestTypes.name));
    if (required.length > 0) {
      throw new CertificationError(
        'CONFLICT',
        `${required.map((type) => type.name).join(', ')} ${required.length === 1 ? 'requires' : 'require'} ${current.name}: remove the requirement in Taxonomy first`,
        'id',
      );
    }
    const granting = await tx
      .select({ name: curricula.name })
      .from(curricula)
      .where(and(eq(curricula.certificationId, current.id), isNull(curricula.archivedAt)))
      .orderBy(asc(curricula.name));
    if (granting.length > 0) {
      throw new CertificationError(
        'CONFLICT',
        `Completing ${granting.map((curriculum) => curriculum.name).join(', ')} grants ${current.name}: change or archive the curriculum first`,
        'id',
      );
    }
    return setActive(tx, current, false, actorId, input.rolloutNote);
  });
}

export async function restoreCertification(
  db: Database,
  input: ArchiveCertificationInput,
  actorId: string,
) {
  return db.transaction(async (tx) => {
    const current = await lockedCertification(tx, input.id);
    if (current.active) return current;
    return setActive(tx, current, true, actorId, input.rolloutNote);
  });
}

async function setActive(
  tx: DatabaseOrTransaction,
  current: { id: string; name: string },
  active: boolean,
  actorId: string,
  rolloutNote: string | undefined,
) {
  const [updated] = await tx
    .update(certifications)
    .set({ active, updatedAt: new Date() })
    .where(eq(certifications.id, current.id))
    .returning(catalogColumns);
  await recordChange(tx, {
    entityType: 'certification',
    entityId: current.id,
    entityName: current.name,
    action: active ? 'enabled' : 'disabled',
    actorId,
    before: null,
    after: null,
    diff: [active ? 'Restored: it can be granted again' : 'Archived'],
    rolloutNote,
  });
  return updated!;
}

// ——— Holders ———

const HOLDER_ROLES: Role[] = ['agent', 'lead'];

/** Grants of active certifications, with who granted them and the curriculum behind them. */
async function grantsOf(db: DatabaseOrTransaction, userIds: string[]) {
  if (userIds.length === 0) return [];
  const grantor = aliasedTable(users, 'grantor');
  return db
    .select({
      userId: userCertifications.userId,
      certificationId: userCertifications.certificationId,
      certificationCode: certifications.code,
      certificationName: certifications.name,
      description: certifications.description,
      renewalReminderDays: certifications.renewalReminderDays,
      grantsTier: certifications.grantsTier,
      active: certifications.active,
      grantedAt: userCertifications.grantedAt,
      expiresAt: userCertifications.expiresAt,
      source: userCertifications.source,
      note: userCertifications.note,
      grantedByName: grantor.name,
      curriculumName: curricula.name,
    })
    .from(userCertifications)
    .innerJoin(certifications, eq(certifications.id, userCertifications.certificationId))
    .leftJoin(grantor, eq(grantor.id, userCertifications.grantedById))
    .leftJoin(curricula, eq(curricula.id, userCertifications.curriculumId))
    .where(and(inArray(userCertifications.userId, userIds), eq(certifications.active, true)))
    .orderBy(asc(certifications.name));
}

/** People whose grant of `certificationId` is in `state` (or who lack it), as SQL on "users". */
function holderStateFilter(
  certificationId: string,
  state: NonNullable<CertificationHoldersInput['state']>,
  now: Date,
): SQL {
  const grant = sql`select 1 from user_certifications uc
    join certifications c on c.id = uc.certification_id
    where uc.user_id = "users"."id" and uc.certification_id = ${certificationId}`;
  if (state === 'missing') return sql`not exists (${grant})`;
  return sql`exists (${grant} and ${grantInState(state, now, sql.raw('c.renewal_reminder_days'))})`;
}

/**
 * A grant (aliased uc) in `state` at `now`: the SQL twin of the domain's certification state,
 * with the reminder window of its certification.
 */
function grantInState(state: CertificationState, now: Date, reminderDays: SQL): SQL {
  const at = sql`${now.toISOString()}::timestamptz`;
  const windowEnd = sql`${at} + ${reminderDays} * interval '1 day'`;
  switch (state) {
    case 'expired':
      return sql`uc.expires_at <= ${at}`;
    case 'expiring_soon':
      return sql`(uc.expires_at > ${at} and uc.expires_at <= ${windowEnd})`;
    case 'valid':
      return sql`(uc.expires_at is null or uc.expires_at > ${windowEnd})`;
  }
}

/** How many active people hold a catalog row's certification in `state`. */
function activeHolders(state: CertificationState, now: Date) {
  // Spelled out: Drizzle leaves columns unqualified in a one-table select.
  return sql<number>`(select count(*)::int from user_certifications uc
    join users u on u.id = uc.user_id and u.active
    where uc.certification_id = "certifications"."id"
      and ${grantInState(state, now, sql.raw('"certifications"."renewal_reminder_days"'))})`;
}

async function teamsOf(db: DatabaseOrTransaction, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db
    .select({ userId: memberships.userId, id: teams.id, name: teams.name })
    .from(memberships)
    .innerJoin(teams, eq(teams.id, memberships.teamId))
    .where(inArray(memberships.userId, userIds))
    .orderBy(asc(teams.name));
}

/**
 * The holders matrix: active agents and leads (the people routing assigns to) against the
 * active certifications, each cell the grant's state, paged by person.
 */
export async function listCertificationHolders(
  db: Database,
  input: CertificationHoldersInput,
  now: Date = new Date(),
) {
  const where = allOf([
    eq(users.active, true),
    inArray(users.role, HOLDER_ROLES),
    textSearch(input.search, [users.name, users.email]),
    onTeam(input.teamId, users.id),
    input.certificationId && input.state
      ? holderStateFilter(input.certificationId, input.state, now)
      : undefined,
  ]);
  const [page, columns] = await Promise.all([
    pageOf(
      db
        .select({ id: users.id, name: users.name, email: users.email, role: users.role })
        .from(users)
        .where(where)
        .orderBy(asc(users.name), asc(users.id))
        .limit(input.limit)
        .offset(input.offset),
      db.select({ total: count() }).from(users).where(where),
      input,
    ),
    db
      .select({
        id: certifications.id,
        code: certifications.code,
        name: certifications.name,
        validityDays: certifications.validityDays,
        grantsTier: certifications.grantsTier,
      })
      .from(certifications)
      .where(eq(certifications.active, true))
      .orderBy(asc(certifications.name), asc(certifications.code))
      .limit(MAX_CATALOG),
  ]);
  const ids = page.items.map((person) => person.id);
  const [grants, memberTeams] = await Promise.all([grantsOf(db, ids), teamsOf(db, ids)]);
  return {
    ...page,
    certifications: columns,
    items: page.items.map((person) => {
      const held = grants.filter((grant) => grant.userId === person.id);
      return {
        ...person,
        teams: memberTeams
          .filter((team) => team.userId === person.id)
          .map(({ userId: _, ...team }) => team),
        agentTier: person.role === 'agent' ? guardrailTierOf(person, held, now) : null,
        grants: held.map((grant) => ({
          certificationId: grant.certificationId,
          state: certificationState(grant, now),
          grantedAt: grant.grantedAt,
          expiresAt: grant.expiresAt,
          source: grant.source,
          note: grant.note,
          grantedByName: grant.grantedByName,
          curriculumName: grant.curriculumName,
        })),
      };
    }),
  };
}

/**
 * Grants (or renews) one certification to each person, with the trainer's note, and tells each
 * of them. One transaction: everyone is granted, or nobody.
 */
export async function grantCertifications(
  db: Database,
  input: GrantCertificationsInput,
  actorId: string,
  now: Date = new Date(),
) {
  return db.transaction(async (tx) => {
    const certification = await lockedCertification(tx, input.certificationId, 'certificationId');
    if (!certification.active) {
      throw new CertificationError(
        'CONFLICT',
        `${certification.name} is archived: restore it before granting it`,
        'certificationId',
      );
    }
    const userIds = [...new Set(input.userIds)];
    const people = await tx
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(and(inArray(users.id, userIds), eq(users.active, true)));
    const names = new Map(people.map((person) => [person.id, person.name]));
    const unknown = input.userIds.findIndex((id) => !names.has(id));
    if (unknown !== -1) {
      throw new CertificationError(
        'BAD_REQUEST',
        'People: not an active colleague',
        `userIds.${unknown}`,
      );
    }
    const held = await tx
      .select({ userId: userCertifications.userId })
      .from(userCertifications)
      .where(
        and(
          eq(userCertifications.certificationId, certification.id),
          inArray(userCertifications.userId, userIds),
        ),
      )
      .for('update');
    const renewing = new Set(held.map((row) => row.userId));
    let expiresAt: Date | null = null;
    for (const userId of userIds) {
      ({ expiresAt } = await grantCertification(tx, {
        userId,
        certificationId: certification.id,
        grantedById: actorId,
        source: 'trainer',
        note: input.note,
        now,
      }));
      const renewed = renewing.has(userId);
      const until = expiresAt ? `valid until ${isoDay(expiresAt)}` : 'does not expire';
      await recordChange(tx, {
        entityType: 'certification',
        entityId: certification.id,
        entityName: certification.name,
        action: renewed ? 'renewed' : 'granted',
        actorId,
        before: null,
        after: { holderId: userId, expiresAt: expiresAt?.toISOString() ?? null, note: input.note },
        diff: [
          `${renewed ? 'Renewed for' : 'Granted to'} ${names.get(userId)}: ${until}`,
          ...(input.note ? [`Note: ${input.note}`] : []),
        ],
      });
      await notifyPeople(
        tx,
        [userId],
        {
          kind: 'certification_granted',
          title: `${renewed ? 'Renewed' : 'Certified'}: ${certification.name}`,
          body: `${expiresAt ? `Valid until ${isoDay(expiresAt)}` : 'It does not expire'}.${input.note ? ` ${input.note}` : ''}`,
          link: MY_CERTIFICATIONS_LINK,
          subjectId: certification.id,
        },
        now,
      );
    }
    return {
      granted: userIds.filter((id) => !renewing.has(id)).length,
      renewed: renewing.size,
      expiresAt,
    };
  });
}

/**
 * Takes a certification away: routing stops giving its request types to the person at once and
 * any tier it gave goes. The reason goes to the change history and to the person.
 */
export async function revokeCertification(
  db: Database,
  input: RevokeCertificationInput,
  actorId: string,
  now: Date = new Date(),
) {
  return db.transaction(async (tx) => {
    const [grant] = await tx
      .select({
        expiresAt: userCertifications.expiresAt,
        grantedAt: userCertifications.grantedAt,
        certificationName: certifications.name,
        holderName: users.name,
      })
      .from(userCertifications)
      .innerJoin(certifications, eq(certifications.id, userCertifications.certificationId))
      .innerJoin(users, eq(users.id, userCertifications.userId))
      .where(
        and(
          eq(userCertifications.certificationId, input.certificationId),
          eq(userCertifications.userId, input.userId),
        ),
      )
      .for('update', { of: userCertifications });
    if (!grant) {
      throw new CertificationError(
        'NOT_FOUND',
        'This person does not hold that certification',
        'userId',
      );
    }
    await tx
      .delete(userCertifications)
      .where(
        and(
          eq(userCertifications.certificationId, input.certificationId),
          eq(userCertifications.userId, input.userId),
        ),
      );
    await recordChange(tx, {
      entityType: 'certification',
      entityId: input.certificationId,
      entityName: grant.certificationName,
      action: 'revoked',
      actorId,
      before: {
        holderId: input.userId,
        grantedAt: grant.grantedAt.toISOString(),
        expiresAt: grant.expiresAt?.toISOString() ?? null,
      },
      after: null,
      diff: [`Revoked from ${grant.holderName}`, `Reason: ${input.reason}`],
    });
    await notifyPeople(
      tx,
      [input.userId],
      {
        kind: 'certification_revoked',
        title: `Certification revoked: ${grant.certificationName}`,
        body: input.reason,
        link: MY_CERTIFICATIONS_LINK,
        subjectId: input.certificationId,
      },
      now,
    );
    return { revoked: true as const };
  });
}

// ——— Expiring ———

/**
 * Grants of active people and certifications expiring within the window, soonest first (with
 * `includeExpired`, also those that expired within the window's length before now).
 */
export async function listExpiringCertifications(
  db: Database,
  input: ExpiringCertificationsInput,
  now: Date = new Date(),
) {
  const at = now.toISOString();
  const windowDays = sql`${input.withinDays} * interval '1 day'`;
  const where = allOf([
    eq(users.active, true),
    eq(certifications.active, true),
    sql`${userCertifications.expiresAt} <= ${at}::timestamptz + ${windowDays}`,
    input.includeExpired
      ? sql`${userCertifications.expiresAt} > ${at}::timestamptz - ${windowDays}`
      : sql`${userCertifications.expiresAt} > ${at}::timestamptz`,
    input.certificationId
      ? eq(userCertifications.certificationId, input.certificationId)
      : undefined,
    onTeam(input.teamId, userCertifications.userId),
  ]);
  const from = () =>
    db
      .select({
        userId: users.id,
        name: users.name,
        email: users.email,
        certificationId: certifications.id,
        certificationCode: certifications.code,
        certificationName: certifications.name,
        renewalReminderDays: certifications.renewalReminderDays,
        grantedAt: userCertifications.grantedAt,
        expiresAt: userCertifications.expiresAt,
        source: userCertifications.source,
        reminderSentForExpiry: userCertifications.reminderSentForExpiry,
      })
      .from(userCertifications)
      .innerJoin(users, eq(users.id, userCertifications.userId))
      .innerJoin(certifications, eq(certifications.id, userCertifications.certificationId));
  const page = await pageOf(
    from()
      .where(where)
      .orderBy(asc(userCertifications.expiresAt), asc(users.name))
      .limit(input.limit)
      .offset(input.offset),
    db
      .select({ total: count() })
      .from(userCertifications)
      .innerJoin(users, eq(users.id, userCertifications.userId))
      .innerJoin(certifications, eq(certifications.id, userCertifications.certificationId))
      .where(where),
    input,
  );
  return {
    ...page,
    items: page.items.map(({ reminderSentForExpiry, renewalReminderDays, ...row }) => ({
      ...row,
      state: certificationState({ expiresAt: row.expiresAt, renewalReminderDays }, now),
      reminded:
        reminderSentForExpiry !== null &&
        row.expiresAt !== null &&
        reminderSentForExpiry.getTime() === row.expiresAt.getTime(),
    })),
  };
}

// ——— The agent's own ———

/** A person's certifications with their states, what each lets them handle, and their tier. */
export async function myCertifications(
  db: Database,
  viewer: { id: string; role: Role },
  now: Date = new Date(),
) {
  const grants = await grantsOf(db, [viewer.id]);
  const ids = grants.map((grant) => grant.certificationId);
  const unlocks =
    ids.length === 0
      ? []
      : await db
          .select({
            certificationId: requestTypes.requiredCertificationId,
            name: requestTypes.name,
          })
          .from(requestTypes)
          .where(
            and(
              inArray(requestTypes.requiredCertificationId, ids),
              eq(requestTypes.deprecated, false),
            ),
          )
          .orderBy(asc(requestTypes.name));
  return {
    tier: guardrailTierOf(viewer, grants, now),
    summary: summariseCertifications(grants, now),
    items: grants.map((grant) => ({
      certificationId: grant.certificationId,
      code: grant.certificationCode,
      name: grant.certificationName,
      description: grant.description,
      grantsTier: grant.grantsTier,
      state: certificationState(grant, now),
      grantedAt: grant.grantedAt,
      expiresAt: grant.expiresAt,
      source: grant.source,
      grantedByName: grant.grantedByName,
      curriculumName: grant.curriculumName,
      note: grant.note,
      requiredFor: unlocks
        .filter((type) => type.certificationId === grant.certificationId)
        .map((type) => type.name),
    })),
  };
}
