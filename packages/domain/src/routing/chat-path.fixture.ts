import type { ChatPath } from './chat-paths.ts';

/** A guest path with every kind of step, for the chat path tests. */
export const guestPath: ChatPath = {
  audience: 'guest',
  greeting: 'Hi! I’m the Switchboard assistant.',
  defaultHandover: { inboxCode: 'LIS_GUEST', tags: ['chat-bot'] },
  steps: [
    {
      id: 'start',
      kind: 'menu',
      prompt: 'What can I help with?',
      options: [
        { label: 'Where is my driver?', next: 'booking-ref' },
        { label: 'Refunds', next: 'refund-info' },
        { label: 'Lost something', next: 'lost-info' },
        { label: 'Something else', next: 'describe' },
      ],
    },
    {
      id: 'booking-ref',
      kind: 'question',
      prompt: 'What is your booking reference?',
      field: 'booking_reference',
      fieldKey: 'booking_reference',
      next: 'email',
    },
    {
      id: 'email',
      kind: 'question',
      prompt: 'And your email?',
      field: 'email',
      fieldKey: 'email',
      next: 'driver-handover',
    },
    {
      id: 'driver-handover',
      kind: 'handover',
      inboxCode: 'LIS_GUEST',
      tags: ['no-show'],
      message: 'Connecting you with the pickup team now.',
    },
    {
      id: 'refund-info',
      kind: 'answer',
      text: 'Refunds reach your card within 5 working days.',
      next: 'describe',
    },
    { id: 'lost-info', kind: 'answer', text: 'Lost items go to the desk at arrivals.' },
    {
      id: 'describe',
      kind: 'question',
      prompt: 'Tell us a little more.',
      field: 'free_text',
      fieldKey: 'details',
      next: 'general-handover',
    },
    {
      id: 'general-handover',
      kind: 'handover',
      inboxCode: 'LIS_GUEST',
      tags: [],
      message: 'Thanks! A person will reply here shortly.',
    },
  ],
};
