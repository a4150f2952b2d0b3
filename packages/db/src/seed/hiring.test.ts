import {
  candidateInputSchema,
  requisitionInputSchema,
  scorecardRatingsSchema,
} from '@switchboard/domain';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../client.ts';
import { requisitionFunnel } from '../queries/hiring-requisitions.ts';
import { latestInvitationOf } from '../queries/invitations.ts';
import {
  accounts,
  candidateScorecards,
  candidateStageMoves,
  candidates,
  hiringStages,
  memberships,
  requisitions,
  users,
} from '../schema/index.ts';
import { createIsolatedTestDatabase } from '../testing.ts';
import { DEMO_REQUISITIONS, insertDemoHiring } from './hiring.ts';
import { insertOrganisation } from './organisation.ts';
import { Random } from './random.ts';

const NOW = new Date('2026-03-02T10:30:00Z').getTime();

let handle: DatabaseHandle;
const db = () => handle.db;

beforeAll(async () => {
  handle = await createIsolatedTestDatabase();
  await handle.db.transaction((tx) =>
    insertOrganisation(tx, new Random(42, 'organisation'), new Date(NOW - 400 * 86_400_000)),
  );
  await insertDemoHiring(handle.db, NOW);
});
afterAll(() => handle?.close());

describe('demo hiring', () => {
  it('defines requisitions and candidates the console forms would accept', () => {
    const teamId = '2f7f8c1e-6d3a-4c3e-9a51-0b6f1d2a3c4e';
    const requisitionId = '2f7f8c1e-6d3a-4c3e-9a51-0b6f1d2a3c4f';
    for (const requisition of DEMO_REQUISITIONS) {
      const parsed = requisitionInputSchema.safeParse({
        ...requisition,
        teamId,
        cityCode: requisition.city,
        targetStartDate: '2026-06-01',
        ownerId: null,
      });
      expect(parsed.error).toBeUndefined();
      for (const person of requisition.candidates) {
        const candidate = candidateInputSchema.safeParse({
          ...person,
          requisitionId,
          email: 'someone@example.com',
        });
        expect(candidate.error).toBeUndefined();
        for (const card of person.scorecards ?? []) {
          expect(scorecardRatingsSchema.safeParse(card.ratings).error).toBeUndefined();
        }
      }
    }
  });

  it('writes four requisitions and 25 candidates in every stage, with reasons for rejections', async () => {
    const rows = await db()
      .select({ title: requisitions.title, status: requisitions.status })
      .from(requisitions)
      .orderBy(asc(requisitions.number));
    expect(rows.map((row) => row.status)).toEqual(['open', 'open', 'on_hold', 'filled']);
    const perStage = await db()
      .select({
        name: hiringStages.name,
        kind: hiringStages.kind,
        total: sql<number>`count(*)::int`,
      })
      .from(candidates)
      .innerJoin(hiringStages, eq(hiringStages.id, candidates.stageId))
      .groupBy(hiringStages.name, hiringStages.kind);
    expect(perStage.reduce((sum, row) => sum + row.total, 0)).toBe(25);
    expect(perStage.map((row) => row.name).sort()).toEqual(
      ['Applied', 'Hired', 'Interview', 'Offer', 'Rejected', 'Screen', 'Written assessment'].sort(),
    );
    const rejected = await db()
      .select({ reason: candidates.rejectionReason })
      .from(candidates)
      .innerJoin(hiringStages, eq(hiringStages.id, candidates.stageId))
      .where(eq(hiringStages.kind, 'rejected'));
    expect(rejected.length).toBeGreaterThanOrEqual(5);
    expect(rejected.every((row) => row.reason !== null)).toBe(true);
    expect(
      (await db().select({ id: candidateScorecards.id }).from(candidateScorecards)).length,
    ).toBeGreaterThan(10);
  });

  it('keeps each candidate’s history ending where they are, in time order', async () => {
    const all = await db().select().from(candidates);
    for (const candidate of all) {
      const moves = await db()
        .select()
        .from(candidateStageMoves)
        .where(eq(candidateStageMoves.candidateId, candidate.id))
        .orderBy(asc(candidateStageMoves.seq));
      expect(moves[0]!.fromStageId).toBeNull();
      expect(moves.at(-1)!.toStageId).toBe(candidate.stageId);
      for (let i = 1; i < moves.length; i += 1) {
        expect(moves[i]!.movedAt.getTime()).toBeGreaterThan(moves[i - 1]!.movedAt.getTime());
        expect(moves[i]!.fromStageId).toBe(moves[i - 1]!.toStageId);
      }
      expect(candidate.createdAt.getTime()).toBeLessThanOrEqual(NOW);
    }
  });

  it('hires through the real hire: accounts on the team, links waiting or expired', async () => {
    const hired = await db()
      .select({
        name: candidates.name,
        userId: candidates.hiredUserId,
        requisitionId: candidates.requisitionId,
      })
      .from(candidates)
      .where(sql`${candidates.hiredAt} is not null`)
      .orderBy(asc(candidates.name));
    expect(hired.map((row) => row.name)).toEqual(['Beatriz Lopes', 'Valentina Cruz']);
    for (const row of hired) {
      const [user] = await db().select().from(users).where(eq(users.id, row.userId!));
      expect(user).toMatchObject({ role: 'agent', availability: 'offline' });
      expect(
        await db().select().from(memberships).where(eq(memberships.userId, row.userId!)),
      ).toHaveLength(1);
      // Nobody has a password until they open their link.
      expect(await db().select().from(accounts).where(eq(accounts.userId, row.userId!))).toEqual(
        [],
      );
    }
    const states = await Promise.all(
      hired.map(async (row) => (await latestInvitationOf(db(), row.userId!, new Date(NOW)))?.state),
    );
    expect(states).toEqual(['pending', 'expired']);

    const funnel = await requisitionFunnel(db(), hired[0]!.requisitionId, new Date(NOW));
    expect(funnel).toMatchObject({ candidates: 10, hired: 1, rejected: 1 });
    const reached = funnel.stages.map((stage) => stage.reached);
    expect(reached).toEqual([...reached].sort((a, b) => b - a));
  });

  it('adds nothing a second time', async () => {
    expect(await insertDemoHiring(db(), NOW)).toBe(0);
    expect((await db().select().from(candidates)).length).toBe(25);
  });
});
