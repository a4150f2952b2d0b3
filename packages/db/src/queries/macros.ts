import {
  type ApplyMacroInput,
  type ConversationMacrosInput,
  formatMacroFieldValues,
  type MacroActions,
  type MacroContext,
  type MacroField,
  type MacroInput,
  type MacroPreviewInput,
  macroContextOf,
  type PersonalMacroListInput,
  type RenderedMacro,
  renderMacro,
  type SharedMacroListInput,
} from '@switchboard/domain';
import { and, asc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database, DatabaseOrTransaction } from '../client.ts';
import {
  bookings,
  cities,
  contacts,
  conversations,
  inboxes,
  macros,
  tags,
} from '../schema/index.ts';
import {
  addTags,
  type StaffActor,
  sendMessage,
  setPriority,
  setStatus,
} from './conversation-actions.ts';
import { appendEvents } from './conversation-log.ts';
import { allOf, pageOf, textSearch } from './list-helpers.ts';
import { announce } from './live.ts';
import { PlaybookError } from './playbook-errors.ts';
import { unmetRequiredStepTexts } from './sops.ts';

const macroColumns = {
  id: macros.id,
  name: macros.name,
  body: macros.body,
  scope: macros.scope,
  inboxId: macros.inboxId,
  inboxName: inboxes.name,
  ownerId: macros.ownerId,
  fields: macros.fields,
  actions: macros.actions,
  createdAt: macros.createdAt,
  updatedAt: macros.updatedAt,
};

function macroPage(db: Database, where: SQL | undefined, input: { limit: number; offset: number }) {
  return pageOf(
    db
      .select(macroColumns)
      .from(macros)
      .leftJoin(inboxes, eq(inboxes.id, macros.inboxId))
      .where(where)
      .orderBy(asc(macros.name), asc(macros.id))
      .limit(input.limit)
      .offset(input.offset),
    db.select({ total: sql<number>`count(*)::int` }).from(macros).where(where),
    input,
  );
}

/** Shared macros for the console, by inbox (`'all'`: the ones for every inbox). */
export function listSharedMacros(db: Database, input: SharedMacroListInput) {
  const where = allOf([
    eq(macros.scope, 'shared'),
    isNull(macros.archivedAt),
    input.inboxId === 'all'
      ? isNull(macros.inboxId)
      : input.inboxId
        ? eq(macros.inboxId, input.inboxId)
        : undefined,
    textSearch(input.search, [macros.name, macros.body]),
  ]);
  return macroPage(db, where, input);
}

/** An agent's own personal macros. */
export function listPersonalMacros(db: Database, ownerId: string, input: PersonalMacroListInput) {
  const where = allOf([
    eq(macros.scope, 'personal'),
    eq(macros.ownerId, ownerId),
    isNull(macros.archivedAt),
    textSearch(input.search, [macros.name, macros.body]),
  ]);
  return macroPage(db, where, input);
}

/** Which macros a viewer may use on a conversation of `inboxId`. */
function usableIn(inboxId: string, viewerId: string): SQL {
  return and(
    isNull(macros.archivedAt),
    or(
      and(eq(macros.scope, 'shared'), or(isNull(macros.inboxId), eq(macros.inboxId, inboxId))),
      and(eq(macros.scope, 'personal'), eq(macros.ownerId, viewerId)),
    ),
  )!;
}

/**
 * The macros an agent can apply to a conversation: shared ones of its inbox or of every
 * inbox, and their own personal ones; searchable by name and text.
 */
export async function listMacrosForConversation(
  db: Database,
  viewerId: string,
  input: ConversationMacrosInput,
) {
  const inboxId = await inboxOf(db, input.conversationId);
  const where = allOf([
    usableIn(inboxId, viewerId),
    textSearch(input.search, [macros.name, macros.body]),
  ]);
  return macroPage(db, where, input);
}

async function inboxOf(db: DatabaseOrTransaction, conversationId: string): Promise<string> {
  const [row] = await db
    .select({ inboxId: conversations.inboxId })
    .from(conversations)
    .where(eq(conversations.id, conversationId))
    .limit(1);
  if (!row) throw new PlaybookError('NOT_FOUND', 'Conversation not found', 'conversationId');
  return row.inboxId;
}

export async function findMacro(db: DatabaseOrTransaction, macroId: string) {
  const [row] = await db
    .select({ ...macroColumns, archivedAt: macros.archivedAt })
    .from(macros)
    .leftJoin(inboxes, eq(inboxes.id, macros.inboxId))
    .where(eq(macros.id, macroId))
    .limit(1);
  return row ?? null;
}

/** Who may change a macro: the console for shared ones, the owner for personal ones. */
export type MacroEditor = { scope: 'shared' } | { scope: 'personal'; ownerId: string };

async function requireEditableMacro(
  db: DatabaseOrTransaction,
  macroId: string,
  editor: MacroEditor,
) {
  const macro = await findMacro(db, macroId);
  if (!macro || macro.archivedAt) {
    throw new PlaybookError('NOT_FOUND', 'Macro not found', 'macroId');
  }
  if (editor.scope === 'shared' && macro.scope !== 'shared') {
    throw new PlaybookError('FORBIDDEN', 'Personal macros are changed only by their owner');
  }
  if (
    editor.scope === 'personal' &&
    (macro.scope !== 'personal' || macro.ownerId !== editor.ownerId)
  ) {
    throw new PlaybookError('FORBIDDEN', 'You can change only your own personal macros');
  }
  return macro;
}

/** Refuses tags that are not live taxonomy tags and inboxes that do not exist. */
async function checkReferences(db: DatabaseOrTransaction, input: MacroInput): Promise<void> {
  if (input.inboxId) {
    const [inbox] = await db
      .select({ id: inboxes.id })
      .from(inboxes)
      .where(eq(inboxes.id, input.inboxId))
      .limit(1);
    if (!inbox) throw new PlaybookError('BAD_REQUEST', 'No such inbox', 'inboxId');
  }
  const codes = input.actions.tags;
  if (codes.length === 0) return;
  const rows = await db
    .select({ code: tags.code, deprecated: tags.deprecated })
    .from(tags)
    .where(inArray(tags.code, [...new Set(codes)]));
  const known = new Map(rows.map((row) => [row.code, row.deprecated]));
  for (const [index, code] of codes.entries()) {
    const deprecated = known.get(code);
    if (deprecated === undefined) {
      throw new PlaybookError(
        'BAD_REQUEST',
        `"${code}" is not a tag in the taxonomy`,
        `actions.tags.${index}`,
      );
    }
    if (deprecated) {
      throw new PlaybookError('BAD_REQUEST', `"${code}" is deprecated`, `actions.tags.${index}`);
    }
  }
}

function macroValues(input: MacroInput) {
  return {
    name: input.name,
    body: input.body,
    inboxId: input.scope === 'shared' ? input.inboxId : null,
    fields: input.fields,
    actions: input.actions,
  };
}

export async function createMacro(db: Database, author: { userId: string }, input: MacroInput) {
  await checkReferences(db, input);
  const [created] = await db
    .insert(macros)
    .values({
      ...macroValues(input),
      scope: input.scope,
      ownerId: input.scope === 'personal' ? author.userId : null,
      createdById: author.userId,
    })
    .returning({ id: macros.id });
  return { id: created!.id };
}

/** Changes a macro's text, fields and actions; its scope and owner stay. */
export async function updateMacro(
  db: Database,
  editor: MacroEditor,
  macroId: string,
  input: MacroInput,
) {
  const macro = await requireEditableMacro(db, macroId, editor);
  if (input.scope !== macro.scope) {
    throw new PlaybookError(
      'BAD_REQUEST',
      `This macro is ${macro.scope}; its scope stays`,
      'scope',
    );
  }
  await checkReferences(db, input);
  await db.update(macros).set(macroValues(input)).where(eq(macros.id, macroId));
  return { id: macroId };
}

/** Archived macros leave every list; applied ones stay in conversations' history. */
export async function archiveMacro(db: Database, editor: MacroEditor, macroId: string) {
  await requireEditableMacro(db, macroId, editor);
  await db.update(macros).set({ archivedAt: new Date() }).where(eq(macros.id, macroId));
  return { id: macroId };
}

/** Live tags a macro may add, for pickers. */
export function listTagOptions(db: Database) {
  return db
    .select({ code: tags.code, name: tags.name, color: tags.color })
    .from(tags)
    .where(eq(tags.deprecated, false))
    .orderBy(asc(tags.name));
}

export interface MacroRenderContext {
  variables: MacroContext;
  /** What money fields are in: the booking's currency, else the city's. */
  currency: string;
  /** Where pickup times are read; datetime fields are entered in it. */
  timeZone: string;
}

const driverContacts = alias(contacts, 'macro_driver_contacts');
const bookingCities = alias(cities, 'macro_booking_cities');
const inboxCities = alias(cities, 'macro_inbox_cities');

/** Everything MACRO_VARIABLES can quote from a conversation, for the given agent. */
export async function macroContextFor(
  db: DatabaseOrTransaction,
  conversationId: string,
  agent: { name: string },
): Promise<MacroRenderContext | null> {
  const [row] = await db
    .select({
      number: conversations.number,
      contactName: contacts.name,
      contactEmail: contacts.email,
      contactPhone: contacts.phone,
      locale: conversations.language,
      cityName: cities.name,
      cityCurrency: cities.currency,
      cityTimeZone: cities.timeZone,
      inboxCityName: inboxCities.name,
      inboxCityCurrency: inboxCities.currency,
      inboxCityTimeZone: inboxCities.timeZone,
      bookingReference: bookings.reference,
      pickupAddress: bookings.pickupAddress,
      dropoffAddress: bookings.dropoffAddress,
      scheduledAt: bookings.scheduledAt,
      fareAmountMinor: bookings.fareAmountMinor,
      bookingCurrency: bookings.currency,
      bookingCityName: bookingCities.name,
      bookingTimeZone: bookingCities.timeZone,
      driverName: driverContacts.name,
    })
    .from(conversations)
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .innerJoin(inboxes, eq(inboxes.id, conversations.inboxId))
    .leftJoin(inboxCities, eq(inboxCities.id, inboxes.cityId))
    .leftJoin(cities, eq(cities.id, conversations.cityId))
    .leftJoin(bookings, eq(bookings.id, conversations.bookingId))
    .leftJoin(bookingCities, eq(bookingCities.id, bookings.cityId))
    .leftJoin(driverContacts, eq(driverContacts.id, bookings.driverContactId))
    .where(eq(conversations.id, conversationId))
    .limit(1);
  if (!row) return null;
  const cityName = row.cityName ?? row.bookingCityName ?? row.inboxCityName;
  const timeZone = row.bookingTimeZone ?? row.cityTimeZone ?? row.inboxCityTimeZone ?? 'UTC';
  const variables = macroContextOf({
    conversationNumber: row.number,
    contact: { name: row.contactName, email: row.contactEmail, phone: row.contactPhone },
    booking:
      row.bookingReference && row.scheduledAt && row.bookingCurrency
        ? {
            reference: row.bookingReference,
            pickupAddress: row.pickupAddress ?? '',
            dropoffAddress: row.dropoffAddress ?? '',
            scheduledAt: row.scheduledAt,
            fareAmountMinor: row.fareAmountMinor ?? 0,
            currency: row.bookingCurrency,
            timeZone,
            driverName: row.driverName,
          }
        : null,
    agent,
    city: cityName ? { name: cityName } : null,
  });
  return {
    variables,
    currency: row.bookingCurrency ?? row.cityCurrency ?? row.inboxCityCurrency ?? 'EUR',
    timeZone,
  };
}

export interface MacroPreview extends RenderedMacro {
  macro: { id: string; name: string; fields: MacroField[] };
  /** Field values that could not be read (a money field with letters in it). */
  fieldProblems: { key: string; message: string }[];
  /** What applying it also does, with the tags' names. */
  actions: {
    tags: { code: string; name: string; color: string }[];
    priority: MacroActions['priority'];
    status: MacroActions['status'];
  };
  /** Required playbook steps still open, when the macro would resolve. */
  blockingSteps: string[];
  currency: string;
  timeZone: string;
}

async function usableMacro(
  db: DatabaseOrTransaction,
  macroId: string,
  conversationId: string,
  viewerId: string,
) {
  const inboxId = await inboxOf(db, conversationId);
  const [macro] = await db
    .select({
      id: macros.id,
      name: macros.name,
      body: macros.body,
      fields: macros.fields,
      actions: macros.actions,
    })
    .from(macros)
    .where(and(eq(macros.id, macroId), usableIn(inboxId, viewerId)))
    .limit(1);
  if (!macro) {
    throw new PlaybookError('NOT_FOUND', 'Macro not found for this conversation', 'macroId');
  }
  return macro;
}

/** Renders a macro for a conversation exactly as applying it would send it. */
export async function previewMacro(
  db: DatabaseOrTransaction,
  actor: StaffActor,
  input: MacroPreviewInput,
): Promise<MacroPreview> {
  const macro = await usableMacro(db, input.macroId, input.conversationId, actor.userId);
  const context = await macroContextFor(db, input.conversationId, { name: actor.name });
  if (!context) throw new PlaybookError('NOT_FOUND', 'Conversation not found', 'conversationId');
  const formatted = formatMacroFieldValues(macro.fields, input.fieldValues, {
    currency: context.currency,
  });
  const rendered = renderMacro(macro.body, context.variables, macro.fields, formatted.values);
  const tagRows =
    macro.actions.tags.length > 0
      ? await db
          .select({ code: tags.code, name: tags.name, color: tags.color })
          .from(tags)
          .where(inArray(tags.code, macro.actions.tags))
      : [];
  const byCode = new Map(tagRows.map((tag) => [tag.code, tag]));
  return {
    ...rendered,
    // A field that failed to parse is reported as a problem, not also as missing.
    missingFields: rendered.missingFields.filter(
      (key) => !formatted.problems.some((problem) => problem.key === key),
    ),
    macro: { id: macro.id, name: macro.name, fields: macro.fields },
    fieldProblems: formatted.problems,
    actions: {
      tags: macro.actions.tags.map(
        (code) => byCode.get(code) ?? { code, name: code, color: 'gray' },
      ),
      priority: macro.actions.priority,
      status: macro.actions.status,
    },
    blockingSteps:
      macro.actions.status === 'resolved'
        ? await unmetRequiredStepTexts(db, input.conversationId)
        : [],
    currency: context.currency,
    timeZone: context.timeZone,
  };
}

export interface ApplyMacroOptions {
  /** Origin of the public survey page (resolving sends a CSAT link). */
  publicUrl: string;
}

/**
 * Sends the macro's reply and applies its tags, priority and status in one transaction:
 * a refusal at any step (a required field, a closed conversation, an open playbook step)
 * leaves the conversation as it was. A retry with the same clientId does nothing again.
 */
export async function applyMacro(
  db: Database,
  actor: StaffActor,
  input: ApplyMacroInput,
  options: ApplyMacroOptions,
): Promise<{ messageId: string; duplicate: boolean }> {
  return db.transaction(async (tx) => {
    const preview = await previewMacro(tx, actor, input);
    const labels = new Map(preview.macro.fields.map((field) => [field.key, field.label]));
    const [problem] = preview.fieldProblems;
    if (problem) {
      throw new PlaybookError('BAD_REQUEST', problem.message, `fieldValues.${problem.key}`);
    }
    const [missing] = preview.missingFields;
    if (missing) {
      throw new PlaybookError(
        'BAD_REQUEST',
        `Fill in ${labels.get(missing) ?? missing}`,
        `fieldValues.${missing}`,
      );
    }
    if (preview.missingVariables.length > 0) {
      throw new PlaybookError(
        'CONFLICT',
        `This conversation has nothing to fill ${preview.missingVariables
          .map((name) => `{{${name}}}`)
          .join(', ')} with; choose another macro or write the reply`,
      );
    }
    const sent = await sendMessage(tx, actor, {
      conversationId: input.conversationId,
      kind: 'reply',
      body: preview.text,
      clientId: input.clientId,
    });
    if (sent.duplicate) return sent;
    const { tags: tagList, priority, status } = preview.actions;
    if (tagList.length > 0) {
      await addTags(
        tx,
        actor,
        input.conversationId,
        tagList.map((tag) => tag.code),
      );
    }
    if (priority) {
      await setPriority(tx, actor, { conversationId: input.conversationId, priority });
    }
    if (status) {
      await setStatus(
        tx,
        actor,
        { conversationId: input.conversationId, status },
        { publicUrl: options.publicUrl, unmetRequiredSteps: unmetRequiredStepTexts },
      );
    }
    await appendEvents(tx, input.conversationId, { type: 'agent', userId: actor.userId }, [
      {
        type: 'macro_applied',
        payload: {
          macroId: preview.macro.id,
          macroName: preview.macro.name,
          messageId: sent.messageId,
          tags: tagList.map((tag) => tag.code),
          priority,
          status,
        },
      },
    ]);
    const [conversation] = await tx
      .select({
        inboxId: conversations.inboxId,
        assigneeId: conversations.assigneeId,
        contactId: conversations.contactId,
      })
      .from(conversations)
      .where(eq(conversations.id, input.conversationId));
    await announce(tx, {
      kind: 'conversation',
      conversationId: input.conversationId,
      inboxId: conversation!.inboxId,
      assigneeId: conversation!.assigneeId,
      contactId: conversation!.contactId,
      eventType: 'macro_applied',
      at: new Date().toISOString(),
    });
    return sent;
  });
}
