import {
  type NestingProgress,
  type NestingSettings,
  nestingProgress,
  type ShadowingProgress,
  shadowingProgress,
  statusWhenTraineeFinished,
} from '@switchboard/domain';
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../client.ts';
import { conversations, qaReviews, trainingEnrolments, users } from '../schema/index.ts';
import {
  type EnrolmentModule,
  enrolmentHeader,
  type LoadedEnrolment,
  loadEnrolment,
  loadEnrolmentsOf,
  settleEnrolment,
  updateProgress,
} from './training-enrolment.ts';

/*
 * Counting live practice. Shadowing counts the conversations logged on the module (by the
 * trainee or their trainer). Nesting counts conversations the trainee resolved as assignee
 * since starting the module, and averages the submitted QA reviews of those conversations
 * (drafts and calibration scores left out). Counts are re-evaluated whenever the trainee opens
 * My training and whenever a trainer opens their record.
 */

interface NestingFacts {
  conversationIds: string[];
  conversationsResolved: number;
  reviewScores: number[];
}

async function nestingFacts(
  tx: DatabaseOrTransaction,
  userId: string,
  startedAt: Date,
  settings: NestingSettings,
): Promise<NestingFacts> {
  const resolvedSinceStart = and(
    eq(conversations.assigneeId, userId),
    isNotNull(conversations.resolvedAt),
    gte(conversations.resolvedAt, startedAt),
  );
  const [resolved, [counted], reviews] = await Promise.all([
    tx
      .select({ id: conversations.id })
      .from(conversations)
      .where(resolvedSinceStart)
      .orderBy(asc(conversations.resolvedAt))
      .limit(settings.conversations),
    tx.select({ total: sql<number>`count(*)::int` }).from(conversations).where(resolvedSinceStart),
    tx
      .select({ score: qaReviews.score })
      .from(qaReviews)
      .innerJoin(conversations, eq(conversations.id, qaReviews.conversationId))
      .where(
        and(
          eq(qaReviews.agentId, userId),
          ne(qaReviews.status, 'draft'),
          isNull(qaReviews.calibrationSessionId),
          isNotNull(qaReviews.score),
          resolvedSinceStart,
        ),
      ),
  ]);
  return {
    conversationIds: resolved.map((row) => row.id),
    conversationsResolved: counted?.total ?? 0,
    reviewScores: reviews.map((row) => row.score!),
  };
}

export type LivePracticeProgress =
  | { kind: 'shadowing'; shadowing: ShadowingProgress }
  | { kind: 'nesting'; nesting: NestingProgress };

/** Where a live-practice module stands from what is stored (no new counting). */
export async function livePracticeProgressOf(
  tx: DatabaseOrTransaction,
  userId: string,
  module: EnrolmentModule,
): Promise<LivePracticeProgress | null> {
  const { definition, progress } = module;
  if (definition.kind === 'shadowing') {
    return {
      kind: 'shadowing',
      shadowing: shadowingProgress(definition.settings, progress.conversationIds.length),
    };
  }
  if (definition.kind !== 'nesting') return null;
  const facts = progress.startedAt
    ? await nestingFacts(tx, userId, progress.startedAt, definition.settings)
    : { conversationIds: [], conversationsResolved: 0, reviewScores: [] };
  return { kind: 'nesting', nesting: nestingProgress(definition.settings, facts) };
}

/**
 * Re-counts the open live-practice modules of the enrolment and moves them on: met → complete
 * (or awaiting sign-off); a module awaiting sign-off that no longer meets its bar (a QA review
 * was lowered on dispute) goes back to in progress. Completed modules are never reopened.
 * Returns whether anything changed.
 */
export async function evaluateLivePractice(
  tx: DatabaseOrTransaction,
  enrolment: LoadedEnrolment,
  actorId: string | null,
  now: Date = new Date(),
): Promise<boolean> {
  if (enrolment.completedAt) return false;
  let changed = false;
  for (const module of enrolment.modules) {
    const { definition, progress } = module;
    if (module.locked || progress.status === 'completed' || !progress.startedAt) continue;
    let met: boolean;
    let conversationIds = progress.conversationIds;
    if (definition.kind === 'shadowing') {
      met = shadowingProgress(definition.settings, conversationIds.length).met;
    } else if (definition.kind === 'nesting') {
      const facts = await nestingFacts(
        tx,
        enrolment.userId,
        progress.startedAt,
        definition.settings,
      );
      met = nestingProgress(definition.settings, facts).met;
      conversationIds = facts.conversationIds;
    } else {
      continue;
    }
    const status = met
      ? statusWhenTraineeFinished(definition.settings.requiresSignOff)
      : 'in_progress';
    const sameIds =
      conversationIds.length === progress.conversationIds.length &&
      conversationIds.every((id, index) => progress.conversationIds[index] === id);
    if (status === progress.status && sameIds) continue;
    await updateProgress(tx, enrolment.id, module.id, {
      status,
      conversationIds,
      completedAt: status === 'completed' ? now : null,
    });
    changed = true;
  }
  if (changed) await settleEnrolment(tx, enrolment.id, actorId, now);
  return changed;
}

/** Re-evaluates and reloads, so the caller reads the counts it just wrote. */
export async function freshEnrolment(
  tx: DatabaseOrTransaction,
  enrolment: LoadedEnrolment,
  actorId: string | null,
  now: Date = new Date(),
): Promise<LoadedEnrolment> {
  const changed = await evaluateLivePractice(tx, enrolment, actorId, now);
  return changed ? ((await loadEnrolment(tx, enrolment.id)) ?? enrolment) : enrolment;
}

/**
 * A person's enrolments, newest first, each re-counted as it is read. Completion found by
 * re-counting is nobody's grant: no actor.
 */
export async function freshEnrolmentsOf(
  tx: DatabaseOrTransaction,
  userId: string,
  now: Date,
): Promise<LoadedEnrolment[]> {
  const headers = await tx
    .select(enrolmentHeader)
    .from(trainingEnrolments)
    .where(eq(trainingEnrolments.userId, userId))
    .orderBy(desc(trainingEnrolments.enrolledAt));
  const enrolments: LoadedEnrolment[] = [];
  for (const enrolment of await loadEnrolmentsOf(tx, headers)) {
    enrolments.push(await freshEnrolment(tx, enrolment, null, now));
  }
  return enrolments;
}

/** The conversations behind live-practice ids, for listing what was counted. */
export async function countedConversations(
  tx: DatabaseOrTransaction,
  conversationIds: readonly string[],
) {
  if (conversationIds.length === 0) return [];
  const rows = await tx
    .select({
      id: conversations.id,
      number: conversations.number,
      subject: conversations.subject,
      status: conversations.status,
      resolvedAt: conversations.resolvedAt,
      assigneeName: users.name,
    })
    .from(conversations)
    .leftJoin(users, eq(users.id, conversations.assigneeId))
    .where(inArray(conversations.id, [...conversationIds]));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return conversationIds.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}
