import {
  AUDIENCES,
  type Audience,
  type ChatPath,
  chatPathSchema,
  chatPathSnapshot,
  describeChatPathChange,
  sameChatPath,
  validateChatPath,
} from '@switchboard/domain';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database, DatabaseOrTransaction } from '../client.ts';
import { chatPaths, inboxes, tags, users } from '../schema/index.ts';
import { recordChange } from './config-changes.ts';
import { Refusal } from './refusal.ts';

export class ChatPathError extends Refusal {}

export const CHAT_PATH_NAMES: Record<Audience, string> = {
  guest: 'Guest chat path',
  driver: 'Driver chat path',
};

const pathColumns = {
  id: chatPaths.id,
  audience: chatPaths.audience,
  enabled: chatPaths.enabled,
  definition: chatPaths.definition,
  updatedAt: chatPaths.updatedAt,
  updatedByName: users.name,
};

function selectPaths(db: DatabaseOrTransaction) {
  return db
    .select(pathColumns)
    .from(chatPaths)
    .leftJoin(users, eq(users.id, chatPaths.updatedById));
}

export type ChatPathRow = Awaited<ReturnType<typeof selectPaths>>[number];

/** Something a saved path names that no longer works: an inbox gone inactive, a tag retired. */
export interface ChatPathProblem {
  /** The definition field at fault, e.g. `steps.3.inboxCode`. */
  field: string;
  message: string;
}

export interface ChatPathView {
  audience: Audience;
  /** Null until a lead saves one: the widget then goes straight to a person. */
  path: ChatPathRow | null;
  problems: ChatPathProblem[];
}

/** The path of every audience (saved or not), with what is wrong with each. */
export async function listChatPaths(db: Database): Promise<ChatPathView[]> {
  const rows = await selectPaths(db);
  return Promise.all(
    AUDIENCES.map(async (audience) => {
      const path = rows.find((row) => row.audience === audience) ?? null;
      return { audience, path, problems: path ? await chatPathProblems(db, path.definition) : [] };
    }),
  );
}

export async function chatPathByAudience(db: Database, audience: Audience): Promise<ChatPathView> {
  const [path] = await selectPaths(db).where(eq(chatPaths.audience, audience));
  return {
    audience,
    path: path ?? null,
    problems: path ? await chatPathProblems(db, path.definition) : [],
  };
}

/** The path the web chat runs for this audience, or null when none is switched on. */
export async function enabledChatPath(
  db: DatabaseOrTransaction,
  audience: Audience,
): Promise<ChatPath | null> {
  const [row] = await db
    .select({ definition: chatPaths.definition })
    .from(chatPaths)
    .where(and(eq(chatPaths.audience, audience), eq(chatPaths.enabled, true)));
  return row?.definition ?? null;
}

interface HandoverTarget {
  field: string;
  inboxCode: string | undefined;
  tags: string[];
  tagsField: string;
}

function handoverTargets(path: ChatPath): HandoverTarget[] {
  const targets: HandoverTarget[] = [
    {
      field: 'defaultHandover.inboxCode',
      inboxCode: path.defaultHandover.inboxCode,
      tags: path.defaultHandover.tags,
      tagsField: 'defaultHandover.tags',
    },
  ];
  path.steps.forEach((step, index) => {
    if (step.kind === 'handover') {
      targets.push({
        field: `steps.${index}.inboxCode`,
        inboxCode: step.inboxCode,
        tags: step.tags,
        tagsField: `steps.${index}.tags`,
      });
    }
  });
  return targets;
}

/**
 * What the shape of a path cannot say: every handover goes to an active inbox of the path's
 * audience that takes chat, and every tag exists and is not deprecated. (The steps themselves
 * are checked by domain.validateChatPath, through chatPathSchema.)
 */
export async function chatPathProblems(
  db: DatabaseOrTransaction,
  path: ChatPath,
): Promise<ChatPathProblem[]> {
  const targets = handoverTargets(path);
  const inboxCodes = [
    ...new Set(targets.flatMap((target) => (target.inboxCode ? [target.inboxCode] : []))),
  ];
  const tagCodes = [...new Set(targets.flatMap((target) => target.tags))];
  const [inboxRows, tagRows] = await Promise.all([
    inboxCodes.length > 0
      ? db
          .select({
            code: inboxes.code,
            name: inboxes.name,
            audience: inboxes.audience,
            active: inboxes.active,
            channels: inboxes.channels,
          })
          .from(inboxes)
          .where(inArray(inboxes.code, inboxCodes))
      : Promise.resolve([]),
    tagCodes.length > 0
      ? db
          .select({ code: tags.code, deprecated: tags.deprecated })
          .from(tags)
          .where(inArray(tags.code, tagCodes))
      : Promise.resolve([]),
  ]);
  const problems: ChatPathProblem[] = [];
  for (const target of targets) {
    const inbox = inboxRows.find((row) => row.code === target.inboxCode);
    // No inbox: the routing rules place the conversation, nothing to check here.
    const message = !target.inboxCode
      ? null
      : !inbox
        ? `There is no inbox ${target.inboxCode}`
        : !inbox.active
          ? `${inbox.name} is inactive`
          : inbox.audience !== path.audience
            ? `${inbox.name} is a ${inbox.audience} inbox; this path is for ${path.audience}s`
            : !inbox.channels.includes('chat')
              ? `${inbox.name} does not take chat conversations`
              : null;
    if (message) problems.push({ field: target.field, message });
    target.tags.forEach((code, index) => {
      const tag = tagRows.find((row) => row.code === code);
      if (!tag || tag.deprecated) {
        problems.push({
          field: `${target.tagsField}.${index}`,
          message: tag ? `Tag ${code} is deprecated` : `There is no tag ${code}`,
        });
      }
    });
  }
  for (const issue of validateChatPath(path)) {
    const index = path.steps.findIndex((step) => step.id === issue.stepId);
    problems.push({ field: `steps.${index}`, message: issue.message });
  }
  return problems;
}

export interface ChatPathChangeContext {
  actorId: string;
  rolloutNote?: string | undefined;
}

export interface SaveChatPathInput {
  audience: Audience;
  enabled: boolean;
  definition: ChatPath;
}

/** One path edit at a time per audience, so two leads' saves cannot interleave. */
async function lockAudience(tx: DatabaseOrTransaction, audience: Audience) {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`chat_paths:${audience}`}, 0))`,
  );
}

/**
 * Creates or replaces an audience's path. Refuses, naming the field, a definition for another
 * audience, steps that do not hang together, and handovers to inboxes or tags that do not work.
 * Saving what is already stored records nothing.
 */
export async function saveChatPath(
  db: Database,
  input: SaveChatPathInput,
  context: ChatPathChangeContext,
): Promise<ChatPathRow> {
  if (input.definition.audience !== input.audience) {
    throw new ChatPathError(
      'BAD_REQUEST',
      `This path is for ${input.audience}s; its definition says ${input.definition.audience}`,
      'definition.audience',
    );
  }
  const parsed = chatPathSchema.safeParse(input.definition);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    throw new ChatPathError(
      'BAD_REQUEST',
      issue?.message ?? 'The chat path is not valid',
      ['definition', ...(issue?.path ?? [])].join('.'),
    );
  }
  const definition = parsed.data;
  const [problem] = await chatPathProblems(db, definition);
  if (problem) {
    throw new ChatPathError('BAD_REQUEST', problem.message, `definition.${problem.field}`);
  }
  return db.transaction(async (tx) => {
    await lockAudience(tx, input.audience);
    const [before] = await selectPaths(tx).where(eq(chatPaths.audience, input.audience));
    const after = { enabled: input.enabled, definition };
    if (before && sameChatPath(before, after)) return before;
    const now = new Date();
    const [saved] = before
      ? await tx
          .update(chatPaths)
          .set({ ...after, updatedById: context.actorId, updatedAt: now })
          .where(eq(chatPaths.id, before.id))
          .returning({ id: chatPaths.id })
      : await tx
          .insert(chatPaths)
          .values({
            audience: input.audience,
            ...after,
            updatedById: context.actorId,
            createdAt: now,
            updatedAt: now,
          })
          .returning({ id: chatPaths.id });
    await recordChange(tx, {
      entityType: 'chat_path',
      entityId: saved!.id,
      entityName: CHAT_PATH_NAMES[input.audience],
      action: before ? 'updated' : 'created',
      actorId: context.actorId,
      before: before ? chatPathSnapshot(before) : null,
      after: chatPathSnapshot(after),
      diff: describeChatPathChange(before ?? null, after),
      rolloutNote: context.rolloutNote,
    });
    const [row] = await selectPaths(tx).where(eq(chatPaths.id, saved!.id));
    return row!;
  });
}

/** Switches an audience's saved path on or off (off: the widget goes straight to a person). */
export async function setChatPathEnabled(
  db: Database,
  audience: Audience,
  enabled: boolean,
  context: ChatPathChangeContext,
): Promise<ChatPathRow> {
  return db.transaction(async (tx) => {
    await lockAudience(tx, audience);
    const [before] = await selectPaths(tx).where(eq(chatPaths.audience, audience));
    if (!before) {
      throw new ChatPathError(
        'NOT_FOUND',
        `There is no ${audience} chat path yet; save one first`,
        'audience',
      );
    }
    if (before.enabled === enabled) return before;
    if (enabled) {
      // Switching on what stopped working since it was saved would strand visitors.
      const [problem] = await chatPathProblems(tx, before.definition);
      if (problem) {
        throw new ChatPathError(
          'BAD_REQUEST',
          `Fix the path before switching it on: ${problem.message}`,
          `definition.${problem.field}`,
        );
      }
    }
    await tx
      .update(chatPaths)
      .set({ enabled, updatedById: context.actorId, updatedAt: new Date() })
      .where(eq(chatPaths.id, before.id));
    await recordChange(tx, {
      entityType: 'chat_path',
      entityId: before.id,
      entityName: CHAT_PATH_NAMES[audience],
      action: enabled ? 'enabled' : 'disabled',
      actorId: context.actorId,
      before: chatPathSnapshot(before),
      after: chatPathSnapshot({ ...before, enabled }),
      diff: describeChatPathChange(before, { ...before, enabled }),
      rolloutNote: context.rolloutNote,
    });
    const [row] = await selectPaths(tx).where(eq(chatPaths.id, before.id));
    return row!;
  });
}
