import {
  type ChatPath,
  chatPathSchema,
  chatPathSnapshot,
  describeChatPathChange,
} from '@switchboard/domain';
import type { DatabaseOrTransaction } from '../client.ts';
import { CHAT_PATH_NAMES } from '../queries/chat-paths.ts';
import { recordChange } from '../queries/config-changes.ts';
import { chatPaths } from '../schema/index.ts';

/*
 * The demo's web chat bots. Handovers name no inbox: the routing rules place the chat by the
 * visitor's city like any other. The driver path is on; the guest path is saved but off, so
 * the walkthrough's guest chats go straight to a person — a lead switches it on under Chat
 * paths to see the bot in the guest widget.
 */

const GUEST_PATH: ChatPath = {
  audience: 'guest',
  greeting: 'Hi! I’m the Switchboard assistant. I can help right away or pass you to a person.',
  defaultHandover: { tags: [] },
  steps: [
    {
      id: 'start',
      kind: 'menu',
      prompt: 'What can I help with?',
      options: [
        { label: 'My driver is not here', next: 'booking-ref' },
        { label: 'A refund or a charge', next: 'refund-info' },
        { label: 'I left something in the car', next: 'lost-info' },
        { label: 'Something else', next: 'describe' },
      ],
    },
    {
      id: 'booking-ref',
      kind: 'question',
      prompt: 'What is your booking reference? It is in your confirmation email, e.g. LIS-7K3QF2.',
      field: 'booking_reference',
      fieldKey: 'booking_reference',
      next: 'driver-handover',
    },
    {
      id: 'driver-handover',
      kind: 'handover',
      tags: ['airport'],
      message: 'Thanks — I’m passing you to our pickup team now. Please stay where you are.',
    },
    {
      id: 'refund-info',
      kind: 'answer',
      text: 'Refunds go back to the card you paid with and show within 5 working days. A cancellation more than 24 hours before pickup is refunded in full.',
      next: 'refund-ref',
    },
    {
      id: 'refund-ref',
      kind: 'question',
      prompt: 'Which booking is it about? Your booking reference, please.',
      field: 'booking_reference',
      fieldKey: 'booking_reference',
      next: 'refund-handover',
    },
    {
      id: 'refund-handover',
      kind: 'handover',
      tags: ['refund-requested'],
      message: 'Thanks — a person from our team will look at the charge and reply here.',
    },
    {
      id: 'lost-info',
      kind: 'answer',
      text: 'Drivers hand lost items to our depot within 24 hours. You can collect them there, or we can arrange a courier for a fee.',
      next: 'lost-ref',
    },
    {
      id: 'lost-ref',
      kind: 'question',
      prompt: 'Which trip was it? Your booking reference, please.',
      field: 'booking_reference',
      fieldKey: 'booking_reference',
      next: 'lost-handover',
    },
    {
      id: 'lost-handover',
      kind: 'handover',
      tags: ['lost-property'],
      message: 'Thanks — we will check with the driver and reply here.',
    },
    {
      id: 'describe',
      kind: 'question',
      prompt: 'Tell us a little about it.',
      field: 'free_text',
      fieldKey: 'details',
      next: 'general-handover',
    },
    {
      id: 'general-handover',
      kind: 'handover',
      tags: [],
      message: 'Thanks! A person will reply here shortly.',
    },
  ],
};

const DRIVER_PATH: ChatPath = {
  audience: 'driver',
  greeting: 'Hi! I’m the driver support assistant.',
  defaultHandover: { tags: [] },
  steps: [
    {
      id: 'start',
      kind: 'menu',
      prompt: 'What do you need help with?',
      options: [
        { label: 'My payout', next: 'payout-info' },
        { label: 'My documents', next: 'documents-info' },
        { label: 'A trip', next: 'trip-ref' },
        { label: 'Something else', next: 'describe' },
      ],
    },
    {
      id: 'payout-info',
      kind: 'answer',
      text: 'Payouts are sent every Tuesday for the week to Sunday, and reach your bank in 1–2 working days. Your weekly statement is under Earnings in the driver app.',
      next: 'payout-handover',
    },
    {
      id: 'payout-handover',
      kind: 'handover',
      tags: ['payout'],
      message: 'Thanks — a person from the payouts team will reply here.',
    },
    {
      id: 'documents-info',
      kind: 'answer',
      text: 'Upload documents under Profile → Documents in the driver app. We review them within 2 working days and notify you in the app.',
      next: 'documents-handover',
    },
    {
      id: 'documents-handover',
      kind: 'handover',
      tags: ['kyc'],
      message: 'Thanks — a person will check your documents and reply here.',
    },
    {
      id: 'trip-ref',
      kind: 'question',
      prompt: 'Which trip? Its booking reference, please.',
      field: 'booking_reference',
      fieldKey: 'booking_reference',
      next: 'describe',
    },
    {
      id: 'describe',
      kind: 'question',
      prompt: 'Tell us what happened.',
      field: 'free_text',
      fieldKey: 'details',
      next: 'general-handover',
    },
    {
      id: 'general-handover',
      kind: 'handover',
      tags: [],
      message: 'Thanks! A person will reply here shortly.',
    },
  ],
};

export const DEMO_CHAT_PATHS: readonly { enabled: boolean; definition: ChatPath }[] = [
  { enabled: false, definition: GUEST_PATH },
  { enabled: true, definition: DRIVER_PATH },
];

export async function insertDemoChatPaths(
  db: DatabaseOrTransaction,
  leadId: string | null,
  createdAt: Date,
): Promise<number> {
  for (const demo of DEMO_CHAT_PATHS) {
    const path = { enabled: demo.enabled, definition: chatPathSchema.parse(demo.definition) };
    const [row] = await db
      .insert(chatPaths)
      .values({
        audience: path.definition.audience,
        ...path,
        updatedById: leadId,
        createdAt,
        updatedAt: createdAt,
      })
      .returning({ id: chatPaths.id });
    await recordChange(db, {
      entityType: 'chat_path',
      entityId: row!.id,
      entityName: CHAT_PATH_NAMES[path.definition.audience],
      action: 'created',
      actorId: leadId,
      before: null,
      after: chatPathSnapshot(path),
      diff: describeChatPathChange(null, path),
    });
  }
  return DEMO_CHAT_PATHS.length;
}
