import { and, desc, eq, gte, ne, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { createImprovement, setImprovementStatus } from '../queries/improvements.ts';
import {
  addCorrectiveAction,
  declareIncident,
  linkConversations,
  postStatusUpdate,
  recordIncidentReview,
  resolveIncident,
  setCorrectiveActionStatus,
} from '../queries/incidents.ts';
import { cities, conversations } from '../schema/index.ts';
import { demoStaff } from './organisation.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * The demo's incidents and improvement work, through the app's own queries: one open SEV2 in
 * Mexico City with linked conversations and an update, one resolved last week with its
 * review and corrective actions, and improvement items on the themes leads would see first.
 */
export async function insertDemoIncidents(db: Database, now: number): Promise<number> {
  const lead = { userId: (await demoStaff(db, 'lead')).id, role: 'lead' as const };
  const karim = (await demoStaff(db, 'karim.mansour')).id;
  const mei = (await demoStaff(db, 'mei.tan')).id;
  const admin = (await demoStaff(db, 'admin')).id;

  // Open: card payments failing in Mexico City, declared 50 minutes ago.
  const declaredAt = new Date(now - 50 * MINUTE);
  const open = await declareIncident(
    db,
    lead,
    {
      title: 'Card payments failing for guests in Mexico City',
      description:
        'Checkout returns “payment declined” for Visa and Mastercard since about 10:00 local time.',
      scope: 'city',
      impact: 'blocked',
      money: 'some',
      safety: false,
      severity: 'sev2',
      cityCodes: ['MEX'],
      requestTypeCode: 'PAYMENT_FAILED',
      commanderId: lead.userId,
      communicationsId: karim,
      conversationId: null,
    },
    declaredAt,
  );
  // Guests in Mexico City who wrote in before it was declared (so their history stays in order).
  const affected = await db
    .select({ id: conversations.id })
    .from(conversations)
    .innerJoin(cities, eq(cities.id, conversations.cityId))
    .where(
      and(
        eq(cities.code, 'MEX'),
        gte(conversations.createdAt, new Date(now - 3 * DAY)),
        eq(conversations.audience, 'guest'),
        ne(conversations.status, 'closed'),
        sql`(select max(e.occurred_at) from conversation_events e where e.conversation_id = ${conversations.id}) < ${declaredAt.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(desc(conversations.createdAt))
    .limit(8);
  if (affected.length > 0) {
    await linkConversations(
      db,
      lead,
      { incidentId: open.id, conversationIds: affected.map((row) => row.id) },
      { visibleInboxIds: 'all' },
      new Date(declaredAt.getTime() + 5 * MINUTE),
    );
  }
  await postStatusUpdate(
    db,
    { userId: karim, role: 'lead' },
    {
      incidentId: open.id,
      state: 'identified',
      body: 'The card processor confirms an expired certificate on their Mexico endpoint; they are renewing it. Cash and wallet payments work.',
    },
    new Date(now - 20 * MINUTE),
  );

  // Resolved last week, reviewed, one action done and one still open.
  const lastWeek = now - 8 * DAY;
  const resolved = await declareIncident(
    db,
    { userId: mei, role: 'agent' },
    {
      title: 'Driver app crashes at login on Android 14',
      description: 'Drivers on Android 14 cannot log in after the 5.12.0 release.',
      scope: 'several_cities',
      impact: 'blocked',
      money: 'none',
      safety: false,
      severity: 'sev2',
      cityCodes: ['LIS', 'LON'],
      requestTypeCode: 'LOGIN_PROBLEM',
      commanderId: mei,
      communicationsId: karim,
      conversationId: null,
    },
    new Date(lastWeek),
  );
  await postStatusUpdate(
    db,
    { userId: mei, role: 'agent' },
    {
      incidentId: resolved.id,
      state: 'monitoring',
      body: 'Hotfix 5.12.1 is live in the store; crash rate is falling.',
    },
    new Date(lastWeek + 95 * MINUTE),
  );
  await resolveIncident(
    db,
    { userId: mei, role: 'agent' },
    {
      incidentId: resolved.id,
      summary: 'Hotfix 5.12.1 fixed the crash; no new reports for 24 hours.',
    },
    new Date(lastWeek + DAY),
  );
  await recordIncidentReview(
    db,
    lead,
    {
      incidentId: resolved.id,
      rootCauseCode: 'product_bug',
      rootCause:
        'A permissions change in 5.12.0 was not tested on Android 14; the release checklist had no Android 14 device.',
    },
    new Date(lastWeek + 2 * DAY),
  );
  const done = await addCorrectiveAction(
    db,
    lead,
    {
      incidentId: resolved.id,
      title: 'Add Android 14 devices to the release test matrix',
      ownerId: mei,
      dueDate: isoDate(lastWeek + 4 * DAY),
    },
    new Date(lastWeek + 2 * DAY),
  );
  await setCorrectiveActionStatus(
    db,
    { userId: mei, role: 'agent' },
    { actionId: done.id, status: 'done' },
    new Date(lastWeek + 3 * DAY),
  );
  await addCorrectiveAction(
    db,
    lead,
    {
      incidentId: resolved.id,
      title: 'Staged rollout (10% first) for driver app releases',
      ownerId: admin,
      dueDate: isoDate(now + 10 * DAY),
    },
    new Date(lastWeek + 2 * DAY),
  );

  // Improvement items on the themes that come up most.
  const items = [
    {
      title: 'Reassign airport pickups automatically when the driver is 10 minutes late',
      kind: 'process',
      requestTypeCode: 'PICKUP_ISSUE',
      rootCauseCode: 'driver_no_show',
      status: 'in_progress',
    },
    {
      title: 'Show the payout date for each trip in the driver app',
      kind: 'product',
      requestTypeCode: 'PAYOUT_MISSING',
      rootCauseCode: 'payout_delay',
      status: 'planned',
    },
    {
      title: 'Rewrite the cancellation and refund policy page in plain words',
      kind: 'policy',
      requestTypeCode: 'CANCELLATION_REFUND',
      rootCauseCode: 'policy_unclear',
      status: 'proposed',
    },
  ] as const;
  for (const [index, item] of items.entries()) {
    const created = await createImprovement(
      db,
      lead,
      {
        title: item.title,
        kind: item.kind,
        requestTypeCode: item.requestTypeCode,
        rootCauseCode: item.rootCauseCode,
        ownerId: index === 1 ? admin : lead.userId,
        dueDate: isoDate(now + (14 + index * 14) * DAY),
        notes: '',
      },
      new Date(now - (20 - index) * DAY),
    );
    if (item.status !== 'proposed') {
      await setImprovementStatus(
        db,
        lead,
        { improvementId: created.id, status: item.status, note: '' },
        new Date(now - 5 * DAY),
      );
    }
  }
  return 2;
}

function isoDate(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}
