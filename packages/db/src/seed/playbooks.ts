import {
  type Audience,
  type MacroActions,
  type MacroField,
  macroInputSchema,
  type SopStep,
  sopDraftInputSchema,
} from '@switchboard/domain';
import { inArray } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../client.ts';
import { inboxes, macros, requestTypes, sops, sopVersions, users } from '../schema/index.ts';
import { DEMO_AGENT_EMAIL, DEMO_EMAIL_DOMAIN, DEMO_INBOXES } from './organisation.ts';
import type { Random } from './random.ts';

/**
 * The demo's macros and SOP playbooks. Macros for one audience are copied into each inbox of
 * that audience (a shared macro belongs to one inbox or to all), so a Lisbon guest agent sees
 * guest macros and never the driver ones.
 */

export interface DemoMacro {
  name: string;
  body: string;
  /** `all`: one macro for every inbox. */
  audience: Audience | 'all';
  fields?: MacroField[];
  actions?: Partial<MacroActions>;
}

const field = (
  key: string,
  label: string,
  type: MacroField['type'] = 'text',
  required = true,
): MacroField => ({ key, label, type, required });

export const DEMO_SHARED_MACROS: readonly DemoMacro[] = [
  {
    name: 'Greeting — looking into it',
    audience: 'all',
    body: "Hi {{contact.first_name}}, thanks for getting in touch. I'm {{agent.first_name}} and I'm looking into this for you now.",
  },
  {
    name: 'Waiting for your reply',
    audience: 'all',
    body: "Hi {{contact.first_name}}, we need a little more from you to carry on: {{fields.question}}\n\nWe'll keep conversation {{conversation.number}} open for you.",
    fields: [field('question', 'What you need from them')],
    actions: { status: 'pending' },
  },
  {
    name: 'Anything else? (closing)',
    audience: 'all',
    body: "Glad we could sort this out, {{contact.first_name}}. If there's anything else, just reply here. Have a good day!\n\n{{agent.first_name}}, {{city.name}} support",
    actions: { status: 'resolved' },
  },
  {
    name: 'Driver on the way — new ETA',
    audience: 'guest',
    body: "Hi {{contact.first_name}}, I've just been in touch with your driver: they'll be with you in about {{fields.eta}}. I'll stay on this chat until you're on your way.",
    fields: [field('eta', 'How long until the driver arrives')],
    actions: { priority: 'P1' },
  },
  {
    name: 'Pickup rescheduled',
    audience: 'guest',
    body: "Hi {{contact.first_name}}, your pickup for booking {{booking.reference}} is now at {{fields.new_pickup_time}} from {{booking.pickup}}. You'll get a message when your driver is assigned.",
    fields: [field('new_pickup_time', 'New pickup time (city time)', 'datetime')],
    actions: { tags: ['airport'], status: 'pending' },
  },
  {
    name: 'Refund confirmed',
    audience: 'guest',
    body: "Hi {{contact.first_name}}, we've refunded {{fields.refund_amount}} of the {{booking.fare}} you paid for booking {{booking.reference}}. It reaches your card in 5–10 working days. {{fields.note}}",
    fields: [
      field('refund_amount', 'Refund amount', 'money'),
      field('note', 'Anything to add', 'text', false),
    ],
    actions: { tags: ['refund-requested'], status: 'resolved' },
  },
  {
    name: 'Double charge — investigating',
    audience: 'guest',
    body: "Hi {{contact.first_name}}, sorry about the second charge of {{fields.charge_amount}}. I've asked our payments team to check it and we'll come back to you within one working day.",
    fields: [field('charge_amount', 'Amount charged twice', 'money')],
    actions: { tags: ['refund-requested'], priority: 'P2', status: 'pending' },
  },
  {
    name: 'Lost item — contacting the driver',
    audience: 'guest',
    body: "Hi {{contact.first_name}}, I've asked {{booking.driver_name}}, your driver on booking {{booking.reference}}, to look for your {{fields.item}}. We'll let you know as soon as we hear back.",
    fields: [field('item', 'What was lost')],
    actions: { tags: ['lost-property'], status: 'pending' },
  },
  {
    name: 'Payout under review',
    audience: 'driver',
    body: 'Hi {{contact.first_name}}, thanks for flagging the payout of {{fields.payout_amount}}. Finance & Payouts are checking it and expect to answer by {{fields.answer_by}}.',
    fields: [
      field('payout_amount', 'Payout amount', 'money'),
      field('answer_by', 'Answer expected by (city time)', 'datetime'),
    ],
    actions: { tags: ['payout'], priority: 'P2', status: 'pending' },
  },
  {
    name: 'Documents received (KYC)',
    audience: 'driver',
    body: "Hi {{contact.first_name}}, we've received your {{fields.document}}. Our compliance team reviews documents within 48 hours; you'll get a notification in the driver app.",
    fields: [field('document', 'Which document')],
    actions: { tags: ['kyc'], status: 'resolved' },
  },
  {
    name: 'Fine forwarded to Finance',
    audience: 'driver',
    body: 'Hi {{contact.first_name}}, I have forwarded fine {{fields.fine_reference}} to Finance & Payouts. They decide on adjustments and will reply in this conversation ({{conversation.number}}).',
    fields: [field('fine_reference', 'Fine reference')],
    actions: { tags: ['fine'], status: 'pending' },
  },
];

/** The demo agent's own macros. */
export const DEMO_PERSONAL_MACROS: readonly DemoMacro[] = [
  {
    name: 'My sign-off',
    audience: 'all',
    body: 'Thanks for your patience, {{contact.first_name}}. {{agent.first_name}} 🙂',
  },
  {
    name: 'Meeting point at arrivals',
    audience: 'all',
    body: 'Please wait at the meeting point by the arrivals exit, next to the coffee kiosk. Look for the sign with your name, {{contact.name}}.',
    actions: { tags: ['airport'] },
  },
  {
    name: 'Checking with the team',
    audience: 'all',
    body: "I'm checking this with my team and will be back to you within {{fields.minutes}} minutes.",
    fields: [field('minutes', 'Minutes')],
  },
];

export interface DemoSopVersion {
  title: string;
  steps: SopStep[];
}

export interface DemoSop {
  requestTypeCode: string;
  /** Oldest first: all but the last are archived, the last is published. */
  published: DemoSopVersion[];
  /** An unpublished draft on top. */
  draft?: DemoSopVersion;
}

const step = (id: string, text: string, required = false): SopStep => ({ id, text, required });

export const DEMO_SOPS: readonly DemoSop[] = [
  {
    requestTypeCode: 'PICKUP_ISSUE',
    published: [
      {
        title: 'Driver no-show',
        steps: [
          step('locate-driver', 'Check the **driver GPS** position in the dispatch map', true),
          step('call-driver', 'Call the driver; if no answer in 2 minutes, reassign'),
          step('update-guest', 'Tell the guest the new ETA'),
        ],
      },
      {
        title: 'Driver no-show (guest stranded)',
        steps: [
          step('locate-driver', 'Check the **driver GPS** position in the dispatch map', true),
          step('call-driver', 'Call the driver; if no answer in 2 minutes, **reassign**', true),
          step('update-guest', 'Tell the guest the new ETA with the *Driver on the way* macro'),
          step(
            'offer-gesture',
            'If the wait passed 30 minutes, offer a goodwill credit (see the guardrail limits)',
          ),
          step('tag-airport', 'Tag `airport` when the pickup is at a terminal'),
        ],
      },
    ],
  },
  {
    requestTypeCode: 'LATE_PICKUP',
    published: [
      {
        title: 'Late pickup',
        steps: [
          step('check-eta', 'Check the live ETA against the booked pickup time', true),
          step('inform-guest', 'Tell the guest the new ETA and apologise'),
          step('flight-risk', 'For airport runs, check whether the guest risks missing a flight'),
        ],
      },
    ],
  },
  {
    requestTypeCode: 'CANCELLATION_REFUND',
    published: [
      {
        title: 'Cancellation and refund',
        steps: [
          step(
            'check-policy',
            'Check the cancellation time against the free-cancellation window',
            true,
          ),
          step(
            'check-refunds',
            'Check earlier refunds on the booking: never refund more than was paid',
            true,
          ),
          step('refund', 'Issue the refund through the refund action (the guardrail decides)'),
          step('confirm', 'Confirm with the *Refund confirmed* macro'),
        ],
      },
    ],
  },
  {
    requestTypeCode: 'DOUBLE_CHARGE',
    published: [
      {
        title: 'Double charge',
        steps: [
          step('payment-log', 'Find both charges in the payment log', true),
          step('pending-or-captured', 'Tell apart a pending authorisation from a captured charge'),
          step('escalate', 'Escalate captured duplicates to **Finance & Payouts**', true),
        ],
      },
    ],
  },
  {
    requestTypeCode: 'LOST_ITEM',
    published: [
      {
        title: 'Lost item',
        steps: [
          step('item-details', 'Get a description of the item and where it was left', true),
          step('contact-driver', 'Contact the driver through the driver app'),
          step('return', 'Arrange the return and its fee'),
        ],
      },
    ],
    draft: {
      title: 'Lost item (with lost-property office)',
      steps: [
        step('item-details', 'Get a description of the item and where it was left', true),
        step('contact-driver', 'Contact the driver through the driver app', true),
        step('office', 'If the driver cannot return it, send it to the city lost-property office'),
      ],
    },
  },
  {
    requestTypeCode: 'SAFETY_INCIDENT',
    published: [
      {
        title: 'Safety incident',
        steps: [
          step(
            'safe-now',
            'Ask whether the guest is safe **now**; if not, give the local emergency number',
            true,
          ),
          step('priority', 'Set the priority to P1', true),
          step(
            'escalate',
            'Escalate to Escalations L2 and open an incident if others are affected',
            true,
          ),
          step('suspend', 'Ask Operations & Fleet to suspend the driver pending review'),
        ],
      },
    ],
  },
  {
    requestTypeCode: 'PAYOUT_MISSING',
    published: [
      {
        title: 'Payout missing',
        steps: [
          step('payout-run', 'Check the payout run date and the bank details on file', true),
          step('escalate', 'Escalate to Finance & Payouts with the payout period and amount', true),
          step('expectation', 'Tell the driver when Finance will answer (*Payout under review*)'),
        ],
      },
    ],
  },
  {
    requestTypeCode: 'DOCUMENTS_KYC',
    published: [
      {
        title: 'Documents and KYC',
        steps: [
          step('legible', 'Check the upload is legible and not expired', true),
          step('match', 'Check the name matches the driver account'),
          step('compliance', 'Send doubtful documents to Compliance & Legal'),
        ],
      },
    ],
  },
];

export interface DemoPlaybookCounts {
  macros: number;
  sopVersions: number;
}

/**
 * Writes the demo macros and SOPs, looking the organisation up by its codes and emails so it
 * can also top up a database seeded before playbooks existed. Does nothing when any macro or
 * SOP is already there.
 */
export async function insertDemoPlaybooks(
  db: DatabaseOrTransaction,
  random: Random,
  createdAt: Date,
): Promise<DemoPlaybookCounts> {
  const [anyMacro] = await db.select({ id: macros.id }).from(macros).limit(1);
  const [anySop] = await db.select({ id: sops.id }).from(sops).limit(1);
  if (anyMacro || anySop) return { macros: 0, sopVersions: 0 };

  const inboxRows = await db
    .select({ id: inboxes.id, code: inboxes.code })
    .from(inboxes)
    .where(
      inArray(
        inboxes.code,
        DEMO_INBOXES.map((inbox) => inbox.code),
      ),
    );
  const inboxIds = new Map(inboxRows.map((row) => [row.code, row.id]));
  const staffRows = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      inArray(users.email, [
        DEMO_AGENT_EMAIL,
        `lead@${DEMO_EMAIL_DOMAIN}`,
        `trainer@${DEMO_EMAIL_DOMAIN}`,
      ]),
    );
  const staff = new Map(staffRows.map((row) => [row.email, row.id]));
  const agentId = staff.get(DEMO_AGENT_EMAIL) ?? null;
  const leadId = staff.get(`lead@${DEMO_EMAIL_DOMAIN}`) ?? null;
  const trainerId = staff.get(`trainer@${DEMO_EMAIL_DOMAIN}`) ?? null;

  const macroRows: (typeof macros.$inferInsert)[] = [];
  let minute = 0;
  const stamp = () => {
    minute += 7;
    return new Date(createdAt.getTime() + minute * 60_000);
  };
  const row = (macro: DemoMacro, scope: 'shared' | 'personal', inboxId: string | null) => {
    // The same schema as the console form: demo data could have been typed there.
    const parsed = macroInputSchema.parse({
      name: macro.name,
      body: macro.body,
      scope,
      inboxId: scope === 'shared' ? inboxId : null,
      fields: macro.fields ?? [],
      actions: { tags: [], priority: null, status: null, ...macro.actions },
    });
    const at = stamp();
    return {
      id: random.uuid(),
      ...parsed,
      ownerId: scope === 'personal' ? agentId : null,
      createdById: scope === 'personal' ? agentId : leadId,
      createdAt: at,
      updatedAt: at,
    };
  };
  for (const macro of DEMO_SHARED_MACROS) {
    const targets =
      macro.audience === 'all'
        ? [null]
        : DEMO_INBOXES.filter((inbox) => inbox.audience === macro.audience).map(
            (inbox) => inboxIds.get(inbox.code) ?? null,
          );
    for (const inboxId of targets) macroRows.push(row(macro, 'shared', inboxId));
  }
  if (agentId) {
    for (const macro of DEMO_PERSONAL_MACROS) macroRows.push(row(macro, 'personal', null));
  }
  if (macroRows.length > 0) await db.insert(macros).values(macroRows);

  const typeRows = await db
    .select({ id: requestTypes.id, code: requestTypes.code })
    .from(requestTypes)
    .where(
      inArray(
        requestTypes.code,
        DEMO_SOPS.map((sop) => sop.requestTypeCode),
      ),
    );
  const typeIds = new Map(typeRows.map((type) => [type.code, type.id]));
  const sopRows: (typeof sops.$inferInsert)[] = [];
  const versionRows: (typeof sopVersions.$inferInsert)[] = [];
  for (const sop of DEMO_SOPS) {
    const requestTypeId = typeIds.get(sop.requestTypeCode);
    if (!requestTypeId) continue;
    const sopId = random.uuid();
    const first = stamp();
    sopRows.push({ id: sopId, requestTypeId, createdAt: first, updatedAt: first });
    const versions = [
      ...sop.published.map((version, index) => ({
        ...version,
        status: index === sop.published.length - 1 ? ('published' as const) : ('archived' as const),
      })),
      ...(sop.draft ? [{ ...sop.draft, status: 'draft' as const }] : []),
    ];
    for (const [index, version] of versions.entries()) {
      const parsed = sopDraftInputSchema.parse({
        requestTypeCode: sop.requestTypeCode,
        ...version,
      });
      const at = stamp();
      versionRows.push({
        id: random.uuid(),
        sopId,
        version: index + 1,
        status: version.status,
        title: parsed.title,
        steps: parsed.steps,
        createdById: trainerId,
        createdAt: at,
        updatedAt: at,
        publishedAt: version.status === 'draft' ? null : at,
        publishedById: version.status === 'draft' ? null : trainerId,
      });
    }
  }
  if (sopRows.length > 0) {
    await db.insert(sops).values(sopRows);
    await db.insert(sopVersions).values(versionRows);
  }
  return { macros: macroRows.length, sopVersions: versionRows.length };
}
