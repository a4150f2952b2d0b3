import {
  type SopDraftInput,
  type SopListInput,
  type SopStep,
  type SopStepCheck,
  type SopStepCheckChange,
  type SopStepState,
  unmetRequiredSteps,
} from '@switchboard/domain';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database, DatabaseOrTransaction } from '../client.ts';
import {
  categories,
  conversationSopChecks,
  conversations,
  requestTypes,
  sops,
  sopVersions,
  users,
} from '../schema/index.ts';
import type { StaffActor } from './conversation-actions.ts';
import { appendEvents } from './conversation-log.ts';
import { allOf, pageOf, textSearch } from './list-helpers.ts';
import { announce } from './live.ts';
import { PlaybookError } from './playbook-errors.ts';
import { askToReacknowledgeSop } from './training-sop-updates.ts';

const publishedVersions = alias(sopVersions, 'published_versions');
const draftVersions = alias(sopVersions, 'draft_versions');

const publishedStepCount = sql<number | null>`jsonb_array_length(${publishedVersions.steps})::int`;
const publishedRequiredCount = sql<
  number | null
>`case when ${publishedVersions.id} is null then null
  else (select count(*) from jsonb_array_elements(${publishedVersions.steps}) as step
    where (step->>'required')::boolean)::int end`;

/** Every live request type with the state of its playbook: published version and open draft. */
export function listSopOverview(db: Database, input: SopListInput) {
  const where = allOf([
    eq(requestTypes.deprecated, false),
    input.audience ? eq(requestTypes.audience, input.audience) : undefined,
    textSearch(input.search, [requestTypes.name, requestTypes.code]),
  ]);
  return pageOf(
    db
      .select({
        requestTypeCode: requestTypes.code,
        requestTypeName: requestTypes.name,
        audience: requestTypes.audience,
        categoryName: categories.name,
        publishedVersion: publishedVersions.version,
        publishedTitle: publishedVersions.title,
        publishedAt: publishedVersions.publishedAt,
        stepCount: publishedStepCount,
        requiredCount: publishedRequiredCount,
        draftVersion: draftVersions.version,
        draftUpdatedAt: draftVersions.updatedAt,
      })
      .from(requestTypes)
      .innerJoin(categories, eq(categories.id, requestTypes.categoryId))
      .leftJoin(sops, eq(sops.requestTypeId, requestTypes.id))
      .leftJoin(
        publishedVersions,
        and(eq(publishedVersions.sopId, sops.id), eq(publishedVersions.status, 'published')),
      )
      .leftJoin(
        draftVersions,
        and(eq(draftVersions.sopId, sops.id), eq(draftVersions.status, 'draft')),
      )
      .where(where)
      .orderBy(asc(requestTypes.audience), asc(categories.name), asc(requestTypes.name))
      .limit(input.limit)
      .offset(input.offset),
    db.select({ total: sql<number>`count(*)::int` }).from(requestTypes).where(where),
    input,
  );
}

const creators = alias(users, 'sop_creators');
const publishers = alias(users, 'sop_publishers');

const versionColumns = {
  id: sopVersions.id,
  sopId: sopVersions.sopId,
  version: sopVersions.version,
  status: sopVersions.status,
  title: sopVersions.title,
  steps: sopVersions.steps,
  createdAt: sopVersions.createdAt,
  updatedAt: sopVersions.updatedAt,
  createdByName: creators.name,
  publishedAt: sopVersions.publishedAt,
  publishedByName: publishers.name,
  requestTypeCode: requestTypes.code,
  requestTypeName: requestTypes.name,
};

function selectVersions(db: DatabaseOrTransaction) {
  return db
    .select(versionColumns)
    .from(sopVersions)
    .innerJoin(sops, eq(sops.id, sopVersions.sopId))
    .innerJoin(requestTypes, eq(requestTypes.id, sops.requestTypeId))
    .leftJoin(creators, eq(creators.id, sopVersions.createdById))
    .leftJoin(publishers, eq(publishers.id, sopVersions.publishedById));
}

export type SopVersionDetail = Awaited<ReturnType<typeof findSopVersion>> & {};

/** One version with its steps, for the editor and the read-only view of old versions. */
export async function findSopVersion(db: DatabaseOrTransaction, versionId: string) {
  const [row] = await selectVersions(db).where(eq(sopVersions.id, versionId)).limit(1);
  return row ?? null;
}

async function findRequestType(db: DatabaseOrTransaction, code: string) {
  const [row] = await db
    .select({
      id: requestTypes.id,
      code: requestTypes.code,
      name: requestTypes.name,
      audience: requestTypes.audience,
      deprecated: requestTypes.deprecated,
    })
    .from(requestTypes)
    .where(eq(requestTypes.code, code))
    .limit(1);
  if (!row) throw new PlaybookError('NOT_FOUND', 'No such request type', 'requestTypeCode');
  return row;
}

/** The editor's view of a request type's playbook: its published version and its draft. */
export async function findSopEditor(db: Database, requestTypeCode: string) {
  const requestType = await findRequestType(db, requestTypeCode);
  const rows = await selectVersions(db)
    .where(and(eq(sops.requestTypeId, requestType.id), sql`${sopVersions.status} <> 'archived'`))
    .orderBy(desc(sopVersions.version));
  const [{ total } = { total: 0 }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(sopVersions)
    .innerJoin(sops, eq(sops.id, sopVersions.sopId))
    .where(eq(sops.requestTypeId, requestType.id));
  return {
    requestType,
    published: rows.find((row) => row.status === 'published') ?? null,
    draft: rows.find((row) => row.status === 'draft') ?? null,
    versionCount: total,
  };
}

/** Every version of a request type's playbook, newest first, with who wrote and published it. */
export async function listSopVersions(db: Database, requestTypeCode: string) {
  const requestType = await findRequestType(db, requestTypeCode);
  const rows = await selectVersions(db)
    .where(eq(sops.requestTypeId, requestType.id))
    .orderBy(desc(sopVersions.version));
  return rows.map(({ steps, ...row }) => ({
    ...row,
    stepCount: steps.length,
    requiredCount: steps.filter((step) => step.required).length,
  }));
}

/** The request type's SOP row, created on first use and locked for the transaction. */
async function lockSop(tx: DatabaseOrTransaction, requestTypeId: string) {
  await tx.insert(sops).values({ requestTypeId }).onConflictDoNothing();
  const [sop] = await tx
    .select({ id: sops.id })
    .from(sops)
    .where(eq(sops.requestTypeId, requestTypeId))
    .for('update')
    .limit(1);
  return sop!;
}

/**
 * Saves the playbook's draft: the one open draft is edited in place, or a new one is started
 * numbered after every earlier version. The SOP row lock keeps it to one draft at a time.
 */
export async function saveSopDraft(db: Database, actor: { userId: string }, input: SopDraftInput) {
  return db.transaction(async (tx) => {
    const requestType = await findRequestType(tx, input.requestTypeCode);
    if (requestType.deprecated) {
      throw new PlaybookError(
        'BAD_REQUEST',
        'This request type is deprecated; write playbooks for live ones',
        'requestTypeCode',
      );
    }
    const sop = await lockSop(tx, requestType.id);
    const [draft] = await tx
      .select({ id: sopVersions.id })
      .from(sopVersions)
      .where(and(eq(sopVersions.sopId, sop.id), eq(sopVersions.status, 'draft')))
      .limit(1);
    let versionId: string;
    if (draft) {
      await tx
        .update(sopVersions)
        .set({ title: input.title, steps: input.steps, updatedAt: new Date() })
        .where(eq(sopVersions.id, draft.id));
      versionId = draft.id;
    } else {
      const [latest] = await tx
        .select({ version: sql<number>`coalesce(max(${sopVersions.version}), 0)::int` })
        .from(sopVersions)
        .where(eq(sopVersions.sopId, sop.id));
      const [created] = await tx
        .insert(sopVersions)
        .values({
          sopId: sop.id,
          version: (latest?.version ?? 0) + 1,
          status: 'draft',
          title: input.title,
          steps: input.steps,
          createdById: actor.userId,
        })
        .returning({ id: sopVersions.id });
      versionId = created!.id;
    }
    await tx.update(sops).set({ updatedAt: new Date() }).where(eq(sops.id, sop.id));
    return (await findSopVersion(tx, versionId))!;
  });
}

/** Publishes the draft; the version published before it is archived (conversations keep it). */
export async function publishSopDraft(
  db: Database,
  actor: { userId: string },
  requestTypeCode: string,
) {
  return db.transaction(async (tx) => {
    const requestType = await findRequestType(tx, requestTypeCode);
    const sop = await lockSop(tx, requestType.id);
    const [draft] = await tx
      .select({ id: sopVersions.id })
      .from(sopVersions)
      .where(and(eq(sopVersions.sopId, sop.id), eq(sopVersions.status, 'draft')))
      .limit(1);
    if (!draft) {
      throw new PlaybookError('CONFLICT', 'There is no draft to publish; save one first');
    }
    const now = new Date();
    await tx
      .update(sopVersions)
      .set({ status: 'archived', updatedAt: now })
      .where(and(eq(sopVersions.sopId, sop.id), eq(sopVersions.status, 'published')));
    await tx
      .update(sopVersions)
      .set({ status: 'published', publishedAt: now, publishedById: actor.userId, updatedAt: now })
      .where(eq(sopVersions.id, draft.id));
    await tx.update(sops).set({ updatedAt: now }).where(eq(sops.id, sop.id));
    const published = (await findSopVersion(tx, draft.id))!;
    // People trained on an older version of this playbook are asked to read it again.
    await askToReacknowledgeSop(tx, published, now);
    return published;
  });
}

/** Throws away the open draft; published and archived versions are never deleted. */
export async function discardSopDraft(db: Database, requestTypeCode: string) {
  return db.transaction(async (tx) => {
    const requestType = await findRequestType(tx, requestTypeCode);
    const sop = await lockSop(tx, requestType.id);
    const deleted = await tx
      .delete(sopVersions)
      .where(and(eq(sopVersions.sopId, sop.id), eq(sopVersions.status, 'draft')))
      .returning({ id: sopVersions.id });
    if (deleted.length === 0) throw new PlaybookError('CONFLICT', 'There is no draft to discard');
    return { id: deleted[0]!.id };
  });
}

export interface ConversationSopCheck extends SopStepCheck {
  checkedAt: Date;
  checkedByName: string | null;
}

export interface ConversationSop {
  version: {
    id: string;
    version: number;
    title: string;
    steps: SopStep[];
    requestTypeCode: string;
    requestTypeName: string;
  };
  checks: ConversationSopCheck[];
  /** Whether the conversation has started following this version (a step was checked). */
  pinned: boolean;
}

const conversationVersionColumns = {
  id: sopVersions.id,
  version: sopVersions.version,
  title: sopVersions.title,
  steps: sopVersions.steps,
  requestTypeId: sops.requestTypeId,
  requestTypeCode: requestTypes.code,
  requestTypeName: requestTypes.name,
};

/**
 * The playbook a conversation follows: the version pinned on it when a step was first
 * checked (kept when the SOP is republished), else the currently published version of its
 * request type; with the checks made against that version. A pin left over from an earlier
 * request type gives way to the current type's playbook.
 */
export async function findConversationSop(
  db: DatabaseOrTransaction,
  conversationId: string,
): Promise<ConversationSop | null> {
  const [conversation] = await db
    .select({
      requestTypeId: conversations.requestTypeId,
      sopVersionId: conversations.sopVersionId,
    })
    .from(conversations)
    .where(eq(conversations.id, conversationId))
    .limit(1);
  if (!conversation?.requestTypeId) return null;
  const base = () =>
    db
      .select(conversationVersionColumns)
      .from(sopVersions)
      .innerJoin(sops, eq(sops.id, sopVersions.sopId))
      .innerJoin(requestTypes, eq(requestTypes.id, sops.requestTypeId));
  const [pinned] = conversation.sopVersionId
    ? await base().where(eq(sopVersions.id, conversation.sopVersionId)).limit(1)
    : [];
  const [version] =
    pinned && pinned.requestTypeId === conversation.requestTypeId
      ? [pinned]
      : await base()
          .where(
            and(
              eq(sops.requestTypeId, conversation.requestTypeId),
              eq(sopVersions.status, 'published'),
            ),
          )
          .orderBy(desc(sopVersions.version))
          .limit(1);
  if (!version) return null;
  const checks = await db
    .select({
      stepId: conversationSopChecks.stepId,
      state: conversationSopChecks.state,
      skipReason: conversationSopChecks.skipReason,
      checkedAt: conversationSopChecks.checkedAt,
      checkedByName: users.name,
    })
    .from(conversationSopChecks)
    .leftJoin(users, eq(users.id, conversationSopChecks.checkedById))
    .where(
      and(
        eq(conversationSopChecks.conversationId, conversationId),
        eq(conversationSopChecks.sopVersionId, version.id),
      ),
    );
  const { requestTypeId: _requestTypeId, ...shown } = version;
  return { version: shown, checks, pinned: conversation.sopVersionId === version.id };
}

/** The text of required steps still open: resolving is refused while there are any. */
export async function unmetRequiredStepTexts(
  db: DatabaseOrTransaction,
  conversationId: string,
): Promise<string[]> {
  const sop = await findConversationSop(db, conversationId);
  return sop ? unmetRequiredSteps(sop.version.steps, sop.checks).map((step) => step.text) : [];
}

/**
 * Ticks, skips (with a reason) or clears one step. The first check pins the version on the
 * conversation; each change appends an event with the step's before and after.
 */
export async function setSopStepCheck(
  db: Database,
  actor: StaffActor,
  input: {
    conversationId: string;
    stepId: string;
    state: SopStepState | null;
    skipReason?: string;
  },
): Promise<ConversationSop> {
  return db.transaction(async (tx) => {
    const [conversation] = await tx
      .select()
      .from(conversations)
      .where(eq(conversations.id, input.conversationId))
      .for('update')
      .limit(1);
    if (!conversation) {
      throw new PlaybookError('NOT_FOUND', 'Conversation not found', 'conversationId');
    }
    if (conversation.status === 'closed') {
      throw new PlaybookError(
        'CONFLICT',
        'This conversation is closed; its playbook can no longer change',
      );
    }
    const sop = await findConversationSop(tx, conversation.id);
    if (!sop) {
      throw new PlaybookError('NOT_FOUND', 'There is no playbook for this request type');
    }
    const step = sop.version.steps.find((candidate) => candidate.id === input.stepId);
    if (!step) {
      throw new PlaybookError(
        'BAD_REQUEST',
        `Version ${sop.version.version} of the playbook has no such step`,
        'stepId',
      );
    }
    const previous = sop.checks.find((check) => check.stepId === step.id);
    const before = previous ? { state: previous.state, skipReason: previous.skipReason } : null;
    const after = input.state
      ? {
          state: input.state,
          skipReason: input.state === 'skipped' ? (input.skipReason?.trim() ?? null) : null,
        }
      : null;

    const key = and(
      eq(conversationSopChecks.conversationId, conversation.id),
      eq(conversationSopChecks.stepId, step.id),
    );
    if (after) {
      const values = {
        sopVersionId: sop.version.id,
        state: after.state,
        skipReason: after.skipReason,
        checkedById: actor.userId,
        checkedAt: new Date(),
      };
      await tx
        .insert(conversationSopChecks)
        .values({ conversationId: conversation.id, stepId: step.id, ...values })
        .onConflictDoUpdate({
          target: [conversationSopChecks.conversationId, conversationSopChecks.stepId],
          set: values,
        });
    } else {
      await tx.delete(conversationSopChecks).where(key);
    }
    if (conversation.sopVersionId !== sop.version.id) {
      await tx
        .update(conversations)
        .set({ sopVersionId: sop.version.id, updatedAt: new Date() })
        .where(eq(conversations.id, conversation.id));
    }
    const unchanged = before?.state === after?.state && before?.skipReason === after?.skipReason;
    if (!unchanged) {
      const change: SopStepCheckChange = {
        stepId: step.id,
        stepText: step.text,
        sopVersionId: sop.version.id,
        version: sop.version.version,
        before,
        after,
      };
      const type = after ? 'sop_step_checked' : 'sop_step_unchecked';
      await appendEvents(tx, conversation.id, { type: 'agent', userId: actor.userId }, [
        { type, payload: { ...change } },
      ]);
      await announce(tx, {
        kind: 'conversation',
        conversationId: conversation.id,
        inboxId: conversation.inboxId,
        assigneeId: conversation.assigneeId,
        contactId: conversation.contactId,
        eventType: type,
        at: new Date().toISOString(),
      });
    }
    return (await findConversationSop(tx, conversation.id))!;
  });
}
