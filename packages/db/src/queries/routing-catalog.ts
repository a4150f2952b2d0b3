import type { GuideRequestType, KnownRoutingCodes } from '@switchboard/domain';
import { asc, eq, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../client.ts';
import {
  cities,
  inboxes,
  macros,
  requestTypeMacros,
  requestTypes,
  sops,
  sopVersions,
  tags,
  teams,
} from '../schema/index.ts';

// Configuration tables: a few hundred rows at most, read whole for validation and the guide.

/** The codes routing rules may name, for domain.validateRules. */
export async function knownRoutingCodes(db: DatabaseOrTransaction): Promise<KnownRoutingCodes> {
  const [typeRows, tagRows, inboxRows, teamRows, cityRows] = await Promise.all([
    db
      .select({ code: requestTypes.code })
      .from(requestTypes)
      .where(eq(requestTypes.deprecated, false)),
    db.select({ code: tags.code }).from(tags).where(eq(tags.deprecated, false)),
    db.select({ code: inboxes.code }).from(inboxes).where(eq(inboxes.active, true)),
    db.select({ code: teams.code }).from(teams),
    db.select({ code: cities.code }).from(cities),
  ]);
  const codes = (rows: { code: string }[]) => rows.map((row) => row.code);
  return {
    requestTypeCodes: codes(typeRows),
    tagCodes: codes(tagRows),
    inboxCodes: codes(inboxRows),
    teamCodes: codes(teamRows),
    cityCodes: codes(cityRows),
  };
}

/** Request types with their published SOP and linked macros, and the inboxes, for the guide. */
export async function routingGuideSources(db: DatabaseOrTransaction) {
  const types = await db
    .select({
      code: requestTypes.code,
      name: requestTypes.name,
      audience: requestTypes.audience,
      defaultPriority: requestTypes.defaultPriority,
      sopTitle: sql<string | null>`(select ${sopVersions.title} from ${sopVersions}
        join ${sops} on ${sops.id} = ${sopVersions.sopId}
        where ${sops.requestTypeId} = ${requestTypes.id} and ${sopVersions.status} = 'published'
        order by ${sopVersions.publishedAt} desc limit 1)`,
      macroNames: sql<string[]>`coalesce((select array_agg(${macros.name} order by ${macros.name})
        from ${requestTypeMacros} join ${macros} on ${macros.id} = ${requestTypeMacros.macroId}
        where ${requestTypeMacros.requestTypeId} = ${requestTypes.id} and ${macros.archivedAt} is null), '{}')`,
    })
    .from(requestTypes)
    .where(eq(requestTypes.deprecated, false))
    .orderBy(asc(requestTypes.audience), asc(requestTypes.name));
  const inboxRows = await db
    .select({ code: inboxes.code, name: inboxes.name })
    .from(inboxes)
    .where(eq(inboxes.active, true))
    .orderBy(asc(inboxes.name));
  return { requestTypes: types satisfies GuideRequestType[], inboxes: inboxRows };
}
