import type { GuideRequestType, KnownRoutingCodes } from '@switchboard/domain';
import { asc, eq, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../client.ts';
import { cities, inboxes, requestTypes, tags, teams } from '../schema/index.ts';
import { requestTypeIsLive } from './taxonomy-live.ts';

// Configuration tables: a few hundred rows at most, read whole for validation and the guide.

/** The codes routing rules may name, for domain.validateRules. */
export async function knownRoutingCodes(db: DatabaseOrTransaction): Promise<KnownRoutingCodes> {
  const [typeRows, tagRows, inboxRows, teamRows, cityRows] = await Promise.all([
    db.select({ code: requestTypes.code }).from(requestTypes).where(requestTypeIsLive),
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
      // Aliased by hand: Drizzle leaves columns unqualified in a one-table select.
      sopTitle: sql<string | null>`(select v.title from sop_versions v
        join sops s on s.id = v.sop_id
        where s.request_type_id = "request_types"."id" and v.status = 'published'
        order by v.published_at desc limit 1)`,
      macroNames: sql<string[]>`coalesce((select array_agg(m.name order by m.name)
        from request_type_macros rm join macros m on m.id = rm.macro_id
        where rm.request_type_id = "request_types"."id" and m.archived_at is null), '{}')`,
    })
    .from(requestTypes)
    .where(requestTypeIsLive)
    .orderBy(asc(requestTypes.audience), asc(requestTypes.name));
  const inboxRows = await db
    .select({ code: inboxes.code, name: inboxes.name })
    .from(inboxes)
    .where(eq(inboxes.active, true))
    .orderBy(asc(inboxes.name));
  return { requestTypes: types satisfies GuideRequestType[], inboxes: inboxRows };
}
