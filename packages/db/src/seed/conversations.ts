import {
  type Audience,
  type Channel,
  type ConversationEventType,
  type ConversationStatus,
  conversationKpiFacts,
  nextDueAt,
  replaySlaClocks,
  type SlaSchedule,
} from '@switchboard/domain';
import {
  type KpiFactRow,
  kpiFactRow,
  type SlaOutcomeRow,
  slaOutcomeRow,
} from '../queries/kpi-facts.ts';
import type { conversations, conversationTags } from '../schema/index.ts';
import {
  type BookingRow,
  type BookingStatus,
  bookingId,
  bookingReference,
  bookingStatusAt,
  planTrip,
} from './bookings.ts';
import {
  type CityCode,
  type CityProfile,
  cityClock,
  cityProfile,
  formatAmount,
  localHour,
  localTime,
} from './cities.ts';
import { chooseContactIndex, contactAt, type DemoContact } from './contacts.ts';
import {
  CSAT_COMMENTS,
  dayLabel,
  fill,
  GENERIC,
  type GenericScript,
  LOCALIZED_SCRIPTS,
  type RequestTypeScript,
  SCRIPTS,
  type ScriptLanguage,
} from './content.ts';
import {
  AUTO_CLOSE_AFTER,
  coverageFor,
  DAY,
  HISTORY,
  HOUR,
  HOURLY_VOLUME,
  lowerPriority,
  MINUTE,
  pickAudience,
  pickChannel,
  pickCity,
  pickCsatRating,
  pickExchanges,
  pickRequestType,
  pickStatus,
  RESPONSE_WINDOWS,
  type ResponseWindow,
  raisePriority,
} from './mix.ts';
import { DEMO_AGENT_EMAIL, type Organisation, type StaffMember } from './organisation.ts';
import { Random, UuidSequence, uuidFor } from './random.ts';
import { demoRootCause } from './root-causes.ts';
import { ConversationStory, type EventRow, type MessageRow } from './story.ts';
import type { RequestTypeDefinition, TaxonomyIds } from './taxonomy.ts';

/** A conversation row with its number, which the seed sets itself (see writeConversationBatch). */
export type ConversationRow = typeof conversations.$inferInsert & { number: number };
export type ConversationTagRow = typeof conversationTags.$inferInsert;

/** Everything one batch inserts, in foreign-key order. */
export interface ConversationBatch {
  bookings: BookingRow[];
  conversations: ConversationRow[];
  messages: MessageRow[];
  events: EventRow[];
  conversationTags: ConversationTagRow[];
  kpiFacts: KpiFactRow[];
  slaOutcomes: SlaOutcomeRow[];
}

export function emptyBatch(): ConversationBatch {
  return {
    bookings: [],
    conversations: [],
    messages: [],
    events: [],
    conversationTags: [],
    kpiFacts: [],
    slaOutcomes: [],
  };
}

export interface GeneratorSetup {
  /** The number of conversation 0; later ones count up from it in generation order. */
  firstNumber: number;
  seed: number;
  now: number;
  conversations: number;
  contacts: number;
  /** Bookings with no conversation, per conversation: most trips go fine. */
  quietBookingsPerConversation: number;
  organisation: Organisation;
  taxonomy: TaxonomyIds;
  /** Each inbox's SLA schedule (the defaults for an inbox without a policy). */
  schedules?: ReadonlyMap<string, SlaSchedule>;
}

interface TripFacts {
  id: string;
  reference: string;
  product: string;
  pickup: string;
  dropoff: string;
  fareMinor: number;
  scheduledAt: number;
}

/** What a conversation is about and who is in it, decided before its story is told. */
interface Plan {
  status: ConversationStatus;
  type: RequestTypeDefinition;
  reasonCode: string;
  script: RequestTypeScript;
  hasBooking: boolean;
  window: ResponseWindow;
  generic: GenericScript;
  followUps: readonly string[];
  escalationInboxId: string;
}

/**
 * Writes conversations one at a time into a batch. Deterministic: conversation N is the same
 * for the same seed and options — at any time of day, as the clock only moves timestamps —
 * so batches can be flushed and forgotten.
 */
export class ConversationGenerator {
  private readonly random: Random;
  private readonly messageIds: UuidSequence;
  private readonly setup: GeneratorSetup;
  private readonly demoAgent: StaffMember | undefined;
  private readonly leads: readonly StaffMember[];
  private readonly l1FirstNames: readonly string[];
  private readonly l1Pools = new Map<string, StaffMember[]>();
  private readonly l2Pools = new Map<string, StaffMember[]>();

  constructor(setup: GeneratorSetup) {
    this.setup = setup;
    this.random = new Random(setup.seed, 'conversations');
    this.messageIds = new UuidSequence(new Random(setup.seed, 'messages'));
    const { staff } = setup.organisation;
    this.demoAgent = setup.organisation.staffByEmail.get(DEMO_AGENT_EMAIL);
    this.leads = staff.filter((member) => member.definition.role === 'lead');
    this.l1FirstNames = staff
      .filter((member) => member.definition.agentTier === 'L1')
      .map((member) => member.firstName);
  }

  /** Generates conversation `index` (0-based) and the booking it is about into `batch`. */
  generate(index: number, batch: ConversationBatch): void {
    const { setup, random } = this;
    const coverage = coverageFor(index, random);
    const audience = coverage?.audience ?? pickAudience(random);
    const cityCode = pickCity(random);
    const city = cityProfile(cityCode);
    const type = coverage?.requestType ?? pickRequestType(random, audience);
    const requested = coverage?.channel ?? pickChannel(random, audience);
    const { contact, channel } = this.chooseContact(audience, cityCode, requested, index);
    const status = coverage?.status ?? pickStatus(random);
    const createdAt = this.createdAtFor(status, city, index);

    const localized =
      contact.locale === 'en'
        ? undefined
        : LOCALIZED_SCRIPTS[contact.locale as ScriptLanguage]?.[type.code];
    const useLocal = localized !== undefined && random.chance(0.85);
    const language: ScriptLanguage = useLocal ? (contact.locale as ScriptLanguage) : 'en';
    const script = useLocal ? localized : SCRIPTS[type.code]!;
    const generic = GENERIC[language];

    // The other party of the trip: the driver for a guest, the guest for a driver.
    const counterpart = this.contactIn(audience === 'guest' ? 'driver' : 'guest', cityCode, index);
    const booking = random.chance(type.bookingShare)
      ? this.conversationBooking(index, type, city, contact, counterpart, createdAt, batch)
      : null;
    const values = this.templateValues(
      city,
      contact,
      counterpart,
      booking,
      type,
      language,
      createdAt,
    );

    const inboxIds = setup.organisation.inboxIds;
    const firstInboxId = inboxIds.get(`${cityCode}_${audience.toUpperCase()}`)!;
    const plan: Plan = {
      status,
      type,
      reasonCode: random.pick(type.reasons)[0],
      script,
      hasBooking: booking !== null,
      window: RESPONSE_WINDOWS[type.defaultPriority],
      generic,
      followUps: script.followUps ? [...script.followUps, ...generic.followUps] : generic.followUps,
      escalationInboxId: inboxIds.get(`ESCALATIONS_${audience.toUpperCase()}`)!,
    };
    const story = new ConversationStory(
      random,
      this.messageIds,
      channel,
      generic,
      values,
      type.defaultPriority,
    );
    const conversationId = uuidFor(setup.seed, 'conversation', index);

    this.arrive(story, plan, channel, firstInboxId, booking?.product === 'airport_transfer');
    let targetPriority = type.defaultPriority;
    const roll = random.next();
    if (!coverage && roll < 0.04) targetPriority = raisePriority(targetPriority);
    else if (!coverage && roll < 0.06) targetPriority = lowerPriority(targetPriority);

    let assignee: StaffMember | null = null;
    let inboxId = firstInboxId;
    if (status === 'open' && random.chance(0.45)) {
      // Still in the queue, nobody has it yet.
      story.changePriority(targetPriority, null);
      if (random.chance(0.3)) {
        story.wait(5 * MINUTE, 2 * HOUR);
        story.inbound(story.fresh(generic.followUps));
      }
    } else {
      assignee = this.chooseL1(cityCode, audience, language, status);
      story.wait(...plan.window.assign);
      story.event('assigned', 'system', { assigneeId: assignee.id });
      if (status === 'open' && random.chance(0.4)) {
        // Assigned, first reply not written yet.
        story.changePriority(targetPriority, null);
      } else {
        story.wait(...plan.window.reply);
        story.reply(assignee, this.template(story, plan, plan.script.asks));
        story.changePriority(targetPriority, assignee);
        this.agentTags(story, plan, assignee);
        if (status !== 'open' && random.chance(type.escalationShare)) {
          assignee = this.escalate(story, plan, assignee, language, inboxId);
          inboxId = plan.escalationInboxId;
        }
        this.continueStory(story, plan, assignee);
      }
    }

    const snoozedUntil =
      status === 'snoozed'
        ? setup.now + random.int(1, 72) * HOUR + random.int(0, 59) * MINUTE
        : null;
    const rows = story.materialise(conversationId, { createdAt, now: setup.now, snoozedUntil });
    batch.messages.push(...rows.messages);
    batch.events.push(...rows.events);
    for (const [code, addedById] of story.tags) {
      batch.conversationTags.push({
        conversationId,
        tagId: setup.taxonomy.tagIds.get(code)!,
        addedById,
        createdAt: new Date(createdAt),
      });
    }
    const clockEvents = rows.events.map((event) => ({
      type: event.type as ConversationEventType,
      actorType: event.actorType,
      payload: event.payload ?? {},
      occurredAt: event.occurredAt!,
    }));
    const schedule = setup.schedules?.get(inboxId);
    const clocks = replaySlaClocks(
      new Date(createdAt),
      type.defaultPriority,
      clockEvents,
      schedule,
    );
    const csat = rows.events.find((event) => event.type === 'csat_received');
    batch.conversations.push({
      id: conversationId,
      number: setup.firstNumber + index,
      inboxId,
      contactId: contact.id,
      audience,
      channel,
      status,
      priority: story.priority,
      subject: fill(this.template(story, plan, script.subjects), values),
      cityId: setup.organisation.cityIds.get(cityCode)!,
      language,
      bookingId: booking?.id ?? null,
      requestTypeId: setup.taxonomy.requestTypeIds.get(type.code)!,
      reasonId: setup.taxonomy.reasonIds.get(plan.reasonCode)!,
      assigneeId: assignee?.id ?? null,
      lastMessageAt: rows.lastMessageAt,
      lastMessagePreview: rows.lastMessagePreview,
      firstResponseAt: rows.firstResponseAt,
      resolvedAt: rows.resolvedAt,
      rootCauseCode: rows.resolvedAt ? demoRootCause(type.code, index) : null,
      snoozedUntil: snoozedUntil === null ? null : new Date(snoozedUntil),
      ...clocks,
      slaDueAt: nextDueAt(clocks),
      // History's breaches are not news: only breaches after seeding are announced.
      slaAlertedDueAt: pastDue(nextDueAt(clocks), setup.now),
      csatRating: csat ? (csat.payload?.rating as number) : null,
      csatComment: csat ? ((csat.payload?.comment as string | undefined) ?? null) : null,
      csatRatedAt: csat?.occurredAt ?? null,
      createdAt: new Date(createdAt),
      updatedAt: rows.updatedAt,
    });
    // The KPI facts, derived as the server's refresh job would (domain conversationKpiFacts).
    const pushed = batch.conversations.at(-1)!;
    const derived = conversationKpiFacts(
      {
        id: conversationId,
        audience,
        channel,
        cityId: pushed.cityId ?? null,
        inboxId,
        assigneeId: pushed.assigneeId ?? null,
        requestTypeId: pushed.requestTypeId ?? null,
        priority: story.priority,
        status,
        createdAt: new Date(createdAt),
      },
      clockEvents,
      schedule,
    );
    batch.kpiFacts.push(kpiFactRow(derived.facts, new Date(setup.now)));
    batch.slaOutcomes.push(...derived.outcomes.map(slaOutcomeRow));
  }

  /** Trips that went fine (or were cancelled) and never became a conversation. */
  generateQuietBookings(index: number, batch: ConversationBatch): void {
    const { setup, random } = this;
    for (let n = 1; n <= setup.quietBookingsPerConversation; n += 1) {
      const bookingIndex = index * (setup.quietBookingsPerConversation + 1) + n;
      const city = cityProfile(pickCity(random));
      const guest = this.contactIn('guest', city.code, index);
      const driver = this.contactIn('driver', city.code, index);
      const trip = planTrip(random, city, random.chance(0.35));
      // In index order, like the closed conversations: inserts stay near the end of indexes.
      const position = (index + random.next()) / setup.conversations;
      const scheduledAt = setup.now - HISTORY + Math.floor(position * (HISTORY + 7 * DAY));
      const settled: BookingStatus = random.weighted([
        ['completed', 90],
        ['cancelled', 7],
        ['no_show', 3],
      ]);
      const confirmed = random.chance(0.6);
      const upcoming: BookingStatus = confirmed ? 'driver_assigned' : 'scheduled';
      const bookedAt = scheduledAt - random.int(30, 20_160) * MINUTE;
      batch.bookings.push({
        id: bookingId(setup.seed, bookingIndex),
        reference: bookingReference(setup.seed, city, bookingIndex),
        product: trip.product,
        cityId: setup.organisation.cityIds.get(city.code)!,
        guestContactId: guest.id,
        driverContactId: driver.id,
        pickupAddress: trip.pickup,
        dropoffAddress: trip.dropoff,
        scheduledAt: new Date(scheduledAt),
        fareAmountMinor: trip.fareMinor,
        currency: city.currency,
        status:
          scheduledAt > setup.now ? upcoming : bookingStatusAt(scheduledAt, setup.now, settled),
        createdAt: new Date(Math.min(setup.now - MINUTE, bookedAt)),
      });
    }
  }

  /** The first message, routing's triage, an automatic acknowledgement. */
  private arrive(
    story: ConversationStory,
    plan: Plan,
    channel: Channel,
    inboxId: string,
    airport: boolean,
  ): void {
    const { random } = this;
    const { type, script } = plan;
    story.event('created', 'contact', { channel, inboxId });
    story.inbound(this.template(story, plan, script.openings), true);
    // Intake's rules placed it in this inbox (routing accuracy counts from here).
    story.event('routed', 'system', {
      inboxId,
      ruleIds: [],
      requestTypeCode: type.code,
      priority: type.defaultPriority,
    });
    story.pause(2, 20);
    story.event('request_type_set', 'system', { requestType: type.code, reason: plan.reasonCode });
    for (const code of type.ruleTags) story.tag(code, null);
    if (airport) story.tag('airport', null);
    if (
      plan.reasonCode === 'FLIGHT_CHANGED' ||
      (type.code === 'PICKUP_ISSUE' && random.chance(0.15))
    ) {
      story.tag('flight-delay', null);
    }
    if (random.chance(0.03)) story.tag('vip', null);
    if ((channel === 'chat' || channel === 'whatsapp') && random.chance(0.3)) {
      story.pause(2, 5);
      story.botReply(random.pick(plan.generic.botAcks));
    }
    if (random.chance(0.15)) {
      story.wait(MINUTE, 10 * MINUTE);
      story.inbound(story.fresh(plan.followUps));
    }
  }

  /** After the first reply: how the conversation got to its status. */
  private continueStory(story: ConversationStory, plan: Plan, agent: StaffMember): void {
    const { random } = this;
    const { script } = plan;
    const { generic } = plan;
    const exchange = () => {
      story.wait(2 * MINUTE, 3 * HOUR);
      story.inbound(story.fresh(plan.followUps));
      story.wait(...plan.window.reply);
      story.reply(agent, story.fresh(generic.updates));
    };

    switch (plan.status) {
      case 'open':
        if (random.chance(0.25)) {
          // Resolved once; the contact wrote back, so it is open again and waiting on the agent.
          story.wait(10 * MINUTE, 6 * HOUR);
          story.reply(agent, this.template(story, plan, script.resolutions));
          story.resolve(agent);
          story.wait(HOUR, DAY);
          story.reopen(story.fresh(generic.reopens));
        } else {
          story.wait(2 * MINUTE, 2 * HOUR);
          story.inbound(story.fresh(plan.followUps));
        }
        return;
      case 'pending':
        // Waiting on the contact: the agent's last reply asked for something.
        if (random.chance(0.4)) {
          story.wait(2 * MINUTE, 3 * HOUR);
          story.inbound(story.fresh(plan.followUps));
          story.wait(...plan.window.reply);
          story.reply(agent, this.template(story, plan, script.asks));
        }
        story.pause(2, 30);
        story.setStatus('pending', agent);
        return;
      case 'snoozed':
        if (random.chance(0.3)) exchange();
        if (random.chance(0.5)) story.note(agent, this.template(story, plan, script.notes));
        story.wait(5 * MINUTE, HOUR);
        story.reply(agent, story.fresh(generic.snoozes));
        story.setStatus('snoozed', agent);
        return;
      default:
        this.resolveStory(story, plan, agent, exchange);
    }
  }

  private resolveStory(
    story: ConversationStory,
    plan: Plan,
    agent: StaffMember,
    exchange: () => void,
  ): void {
    const { random } = this;
    const { script } = plan;
    const { generic } = plan;
    const exchanges = pickExchanges(random);
    for (let i = 0; i < exchanges; i += 1) {
      if (random.chance(0.2)) {
        // Asked the contact for something and waited for the answer.
        story.setStatus('pending', agent);
        story.wait(30 * MINUTE, DAY);
        story.inbound(story.fresh(plan.followUps));
        story.setStatus('open', null);
        story.wait(...plan.window.reply);
        story.reply(agent, story.fresh(generic.updates));
      } else {
        exchange();
      }
    }
    if (random.chance(0.25)) {
      story.wait(MINUTE, 30 * MINUTE);
      story.note(agent, this.template(story, plan, script.notes));
    }
    if (random.chance(0.05) && this.leads.length > 0) {
      story.wait(MINUTE, HOUR);
      story.note(random.pick(this.leads), 'Reviewed — approved, within policy. Go ahead.');
    }
    story.wait(5 * MINUTE, 20 * HOUR);
    story.reply(agent, this.template(story, plan, script.resolutions));
    if (random.chance(0.3)) {
      story.wait(MINUTE, 30 * MINUTE);
      story.inbound(story.fresh(generic.thanks));
    }
    story.pause(5, 120);
    story.resolve(agent);
    if (random.chance(0.35)) {
      story.wait(10 * MINUTE, 8 * HOUR);
      const rating = pickCsatRating(random);
      const comments = CSAT_COMMENTS[rating] ?? [];
      const comment = comments.length > 0 && random.chance(0.4) ? random.pick(comments) : null;
      story.event('csat_received', 'contact', comment ? { rating, comment } : { rating });
    }
    if (random.chance(0.06)) {
      story.wait(2 * HOUR, 2 * DAY);
      story.reopen(story.fresh(generic.reopens));
      story.wait(...plan.window.reply);
      story.reply(agent, story.fresh(generic.updates));
      story.wait(30 * MINUTE, 12 * HOUR);
      story.reply(agent, this.template(story, plan, script.resolutions));
      story.pause(5, 120);
      story.resolve(agent);
    }
    if (plan.status === 'closed') story.close(AUTO_CLOSE_AFTER);
  }

  /** L1 hands over to Escalations L2: a note, a transfer, a new owner who writes. */
  private escalate(
    story: ConversationStory,
    plan: Plan,
    from: StaffMember,
    language: string,
    fromInboxId: string,
  ): StaffMember {
    story.wait(MINUTE, 20 * MINUTE);
    story.note(
      from,
      `Handing over to Escalations L2 — needs ${plan.type.handoffTeam}. ${this.template(story, plan, plan.script.notes)}`,
    );
    story.event('unassigned', from, { assigneeId: from.id });
    story.event('transferred', from, { fromInboxId, toInboxId: plan.escalationInboxId });
    const specialist = this.chooseL2(language);
    story.wait(2 * MINUTE, 30 * MINUTE);
    story.event('assigned', 'system', { assigneeId: specialist.id });
    story.wait(...plan.window.reply);
    story.reply(specialist, story.fresh(plan.generic.updates));
    return specialist;
  }

  private agentTags(story: ConversationStory, plan: Plan, agent: StaffMember): void {
    const { random } = this;
    for (const code of plan.type.agentTags) if (random.chance(0.5)) story.tag(code, agent);
    if (random.chance(0.06)) story.tag('repeat-contact', agent);
    if (random.chance(0.01)) story.tag('social-media', agent);
  }

  /** A template for this conversation: no booking reference when there is no booking. */
  private template(story: ConversationStory, plan: Plan, templates: readonly string[]): string {
    return story.fresh(plan.hasBooking ? templates : withoutBooking(templates));
  }

  /** A contact for conversation or booking number `index` (contacts are picked by period). */
  private contactIn(audience: Audience, city: CityCode, index: number): DemoContact {
    const { setup } = this;
    const moment = index / Math.max(1, setup.conversations);
    return contactAt(
      setup.seed,
      chooseContactIndex(this.random, setup.contacts, audience, city, moment),
      setup.now,
    );
  }

  /** Email conversations need a contact with an address; a third of guests have none. */
  private chooseContact(
    audience: Audience,
    city: CityCode,
    channel: Channel,
    index: number,
  ): { contact: DemoContact; channel: Channel } {
    let contact = this.contactIn(audience, city, index);
    for (let attempt = 0; channel === 'email' && !contact.email && attempt < 12; attempt += 1) {
      contact = this.contactIn(audience, city, index);
    }
    return { contact, channel: channel === 'email' && !contact.email ? 'whatsapp' : channel };
  }

  private createdAtFor(status: ConversationStatus, city: CityProfile, index: number): number {
    const { random } = this;
    const { now, conversations } = this.setup;
    const oldest = HISTORY;
    const newestClosed = AUTO_CLOSE_AFTER + 12 * HOUR;
    // Closed conversations — most of them — follow the index through the 60 days, so the
    // history is written roughly oldest first and time-ordered indexes grow at one end.
    const closedAge = oldest - ((index + 0.5) / conversations) * (oldest - newestClosed);
    // Always six candidates and twelve draws, so the random stream (and every later choice)
    // does not depend on the clock.
    let chosen: number | null = null;
    let last = now;
    for (let attempt = 0; attempt < 6; attempt += 1) {
      const u = random.next();
      const accept = random.next();
      let age: number;
      switch (status) {
        case 'open':
          age = 3 * MINUTE + Math.min(36 * HOUR, -Math.log(1 - u) * 6 * HOUR);
          break;
        case 'pending':
          age = HOUR + u * (4 * DAY - HOUR);
          break;
        case 'snoozed':
          age = 2 * HOUR + u * (4 * DAY - 2 * HOUR);
          break;
        case 'resolved':
          age = HOUR + u * (AUTO_CLOSE_AFTER - HOUR);
          break;
        default:
          age = Math.min(oldest, Math.max(newestClosed, closedAge + (u - 0.5) * 12 * HOUR));
      }
      last = Math.floor(now - age);
      // Fewer conversations start at night, local time.
      if (chosen === null && accept < HOURLY_VOLUME[localHour(city, last)]!) chosen = last;
    }
    return chosen ?? last;
  }

  private conversationBooking(
    index: number,
    type: RequestTypeDefinition,
    city: CityProfile,
    contact: DemoContact,
    counterpart: DemoContact,
    createdAt: number,
    batch: ConversationBatch,
  ): TripFacts {
    const { setup, random } = this;
    const bookingIndex = index * (setup.quietBookingsPerConversation + 1);
    const trip = planTrip(random, city, random.chance(type.airportShare));
    let scheduledAt: number;
    let settled: BookingStatus = 'completed';
    switch (type.booking) {
      case 'pickup':
        scheduledAt = createdAt - random.int(5, 45) * MINUTE;
        if (type.code === 'PICKUP_ISSUE' || type.code === 'VEHICLE_ISSUE') {
          settled = random.chance(0.5) ? 'cancelled' : 'completed';
        }
        if (type.code === 'GUEST_NO_SHOW_REPORT') settled = 'no_show';
        break;
      case 'upcoming':
        scheduledAt = createdAt + random.int(3, 240) * HOUR;
        settled = type.code === 'PAYMENT_FAILED' ? 'scheduled' : 'driver_assigned';
        break;
      default:
        scheduledAt = createdAt - random.int(30, 72 * 60) * MINUTE;
        if (type.code === 'CANCELLATION_REFUND') settled = 'cancelled';
    }
    const status =
      settled === 'scheduled' && scheduledAt > setup.now
        ? 'scheduled'
        : bookingStatusAt(scheduledAt, setup.now, settled);
    const guest = contact.audience === 'guest' ? contact : counterpart;
    const driver = contact.audience === 'driver' ? contact : counterpart;
    const bookedAt = scheduledAt - random.int(20, 14 * 24 * 60) * MINUTE;
    const row: BookingRow = {
      id: bookingId(setup.seed, bookingIndex),
      reference: bookingReference(setup.seed, city, bookingIndex),
      product: trip.product,
      cityId: setup.organisation.cityIds.get(city.code)!,
      guestContactId: guest.id,
      driverContactId: driver.id,
      pickupAddress: trip.pickup,
      dropoffAddress: trip.dropoff,
      scheduledAt: new Date(scheduledAt),
      fareAmountMinor: trip.fareMinor,
      currency: city.currency,
      status,
      createdAt: new Date(Math.min(createdAt - MINUTE, bookedAt)),
    };
    batch.bookings.push(row);
    return {
      id: row.id!,
      reference: row.reference,
      product: trip.product,
      pickup: trip.pickup,
      dropoff: trip.dropoff,
      fareMinor: trip.fareMinor,
      scheduledAt,
    };
  }

  private templateValues(
    city: CityProfile,
    contact: DemoContact,
    counterpart: DemoContact,
    booking: TripFacts | null,
    type: RequestTypeDefinition,
    language: ScriptLanguage,
    createdAt: number,
  ): Record<string, string> {
    const { random } = this;
    const trip = booking ?? {
      reference: '',
      pickup: random.pick(city.places),
      dropoff: random.pick(city.places),
      fareMinor: Math.round(random.float(city.fares.ride[0], city.fares.ride[1]) * 100),
      scheduledAt: createdAt - random.int(1, 48) * HOUR,
    };
    const refundMinor = random.chance(0.5)
      ? trip.fareMinor
      : Math.round(trip.fareMinor * random.float(0.15, 0.5));
    const rideMax = city.fares.ride[1] * 100;
    const driver = contact.audience === 'driver' ? contact : counterpart;
    const guest = contact.audience === 'guest' ? contact : counterpart;
    return {
      firstName: contact.firstName,
      name: contact.name,
      phone: contact.phone,
      // Who helped last time, for contacts who mention an agent before one is assigned.
      agent: random.pick(this.l1FirstNames),
      ref: trip.reference,
      pickup: trip.pickup,
      dropoff: trip.dropoff,
      fare: formatAmount(city, trip.fareMinor),
      refund: formatAmount(city, refundMinor),
      city: city.name,
      time: localTime(city, trip.scheduledAt),
      date: dayLabel(language, cityClock(city, trip.scheduledAt), 'date'),
      plate: driver.plate,
      car: driver.car,
      flight: random.pick(city.flights),
      driver: driver.firstName,
      guest: guest.firstName,
      payout: formatAmount(city, Math.round(rideMax * random.float(14, 42))),
      payoutRef: `PO-${random.token(8, '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ')}`,
      week: dayLabel(language, cityClock(city, createdAt - random.int(7, 13) * DAY), 'week'),
      fine: formatAmount(city, Math.round((rideMax * random.float(2, 8)) / 500) * 500),
      toll: formatAmount(city, Math.round(city.fares.ride[0] * 100 * random.float(0.3, 1.5))),
      trips: String(random.int(24, 71)),
      bonus: formatAmount(city, Math.round((rideMax * random.float(2, 5)) / 100) * 100),
      minutes: String(random.int(15, 45)),
      eta: String(random.int(4, 14)),
      team: type.handoffTeam,
    };
  }

  /** An L1 agent who works this city and audience and speaks the language. */
  private chooseL1(
    city: CityCode,
    audience: Audience,
    language: string,
    status: ConversationStatus,
  ): StaffMember {
    const key = `${city}:${audience}:${language}`;
    let pool = this.l1Pools.get(key);
    if (!pool) {
      const covering = this.setup.organisation.staff.filter(
        (member) =>
          member.definition.agentTier === 'L1' &&
          member.definition.covers?.cities.includes(city) &&
          member.definition.covers.audiences.includes(audience),
      );
      const speaking = covering.filter((member) => member.definition.languages.includes(language));
      pool = speaking.length > 0 ? speaking : covering;
      this.l1Pools.set(key, pool);
    }
    // The demo agent carries a good share of the live queue, so their inbox is never empty.
    const demo = this.demoAgent;
    const live = status === 'open' || status === 'pending' || status === 'snoozed';
    if (demo && live && pool.includes(demo) && this.random.chance(0.3)) return demo;
    return this.random.pick(pool);
  }

  private chooseL2(language: string): StaffMember {
    let pool = this.l2Pools.get(language);
    if (!pool) {
      const members = this.setup.organisation.staff.filter((member) =>
        member.definition.teams.some(([team]) => team === 'ESCALATIONS_L2'),
      );
      const speaking = members.filter((member) => member.definition.languages.includes(language));
      pool = speaking.length > 0 ? speaking : members;
      this.l2Pools.set(language, pool);
    }
    return this.random.pick(pool);
  }
}

/** Templates that do not mention a booking, for conversations without one. */
const withoutBookingCache = new WeakMap<readonly string[], readonly string[]>();
function withoutBooking(templates: readonly string[]): readonly string[] {
  let usable = withoutBookingCache.get(templates);
  if (!usable) {
    const filtered = templates.filter((template) => !template.includes('{ref}'));
    usable = filtered.length > 0 ? filtered : templates;
    withoutBookingCache.set(templates, usable);
  }
  return usable;
}

function pastDue(dueAt: Date | null, now: number): Date | null {
  return dueAt && dueAt.getTime() < now ? dueAt : null;
}
