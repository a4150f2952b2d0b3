import type { Audience } from '@switchboard/domain';
import type { contacts } from '../schema/index.ts';
import { asciiSlug, type CityCode, type CityProfile, cityProfile } from './cities.ts';
import { hash32, Random, uuidFor } from './random.ts';

/**
 * Guests and drivers who write in. Every contact is a pure function of (seed, index), so a
 * conversation can refer to its contact — and name its driver — without keeping the
 * contacts in memory, however many there are.
 *
 * Index layout: blocks of ten, slots 0–6 guests and 7–9 drivers; a block's city follows
 * CITY_CYCLE, whose proportions match the cities' share of conversations.
 */

const BLOCK = 10;
const GUEST_SLOTS = 7;
const CITY_CYCLE: readonly CityCode[] = [
  'LIS',
  'MEX',
  'DXB',
  'LIS',
  'LON',
  'MEX',
  'DXB',
  'LIS',
  'MEX',
  'DXB',
  'LON',
  'LIS',
  'MEX',
  'DXB',
  'LIS',
  'MEX',
  'LON',
  'DXB',
  'LIS',
  'MEX',
];
const CITY_POSITIONS: ReadonlyMap<CityCode, readonly number[]> = new Map(
  (['LIS', 'DXB', 'MEX', 'LON'] as const).map((code) => [
    code,
    CITY_CYCLE.flatMap((cycleCode, position) => (cycleCode === code ? [position] : [])),
  ]),
);

export type ContactRow = typeof contacts.$inferInsert;

export interface DemoContact {
  index: number;
  id: string;
  audience: Audience;
  city: CityProfile;
  name: string;
  firstName: string;
  locale: string;
  phone: string;
  email: string | null;
  /** For drivers: the car they drive and its plate. */
  car: string;
  plate: string;
  /** First contact with the platform, in ms since epoch. */
  joinedAt: number;
}

/** At least 400, about one per three conversations, in whole blocks of the city cycle. */
export function contactCount(conversations: number): number {
  const wanted = Math.max(400, Math.ceil(conversations / 3));
  const unit = BLOCK * CITY_CYCLE.length;
  return Math.ceil(wanted / unit) * unit;
}

export function contactAt(seed: number, index: number, now: number): DemoContact {
  const random = new Random(seed, hash32('contact', index));
  const block = Math.floor(index / BLOCK);
  const audience: Audience = index % BLOCK < GUEST_SLOTS ? 'guest' : 'driver';
  const city = cityProfile(CITY_CYCLE[block % CITY_CYCLE.length]!);
  const visitor = audience === 'guest' && random.chance(city.visitorShare);
  const firstName = random.pick(
    audience === 'driver'
      ? city.driverFirstNames
      : visitor
        ? city.visitorFirstNames
        : city.guestFirstNames,
  );
  const lastName = random.pick(
    audience === 'driver'
      ? city.driverLastNames
      : visitor
        ? city.visitorLastNames
        : city.guestLastNames,
  );
  const locale = visitor
    ? 'en'
    : random.weighted(audience === 'driver' ? city.driverLocales : city.guestLocales);
  const name = `${firstName} ${lastName}`;
  // Drivers sign up with an email; a third of guests only ever used WhatsApp or the phone.
  const hasEmail = audience === 'driver' || random.chance(0.7);
  // The index in the local part keeps addresses unique, so intake never matches two people.
  const separator = random.pick(['.', '', '_']);
  const email = hasEmail
    ? `${asciiSlug(firstName)}${separator}${asciiSlug(lastName)}${index}@${random.pick(city.emailDomains)}`
    : null;
  return {
    index,
    id: uuidFor(seed, 'contact', index),
    audience,
    city,
    name,
    firstName,
    locale,
    phone: city.phone(random),
    email,
    car: random.pick(city.cars),
    plate: city.plate(random),
    joinedAt: now - random.int(65, 900) * 86_400_000 - random.int(0, 86_399_999),
  };
}

/**
 * A contact of the given audience in the given city, for something happening at `moment`
 * (0 = the start of the history, 1 = now). Most people write in around one period of their
 * life on the platform, so four in five picks come from a window of contacts around that
 * moment; the rest are regulars from anywhere, low indexes more often, who write again and
 * again. Keeping most picks local also keeps the seed's index writes local.
 */
export function chooseContactIndex(
  random: Random,
  total: number,
  audience: Audience,
  city: CityCode,
  moment: number,
): number {
  const positions = CITY_POSITIONS.get(city)!;
  const position = random.pick(positions);
  const blocks = total / BLOCK;
  const rounds = Math.floor((blocks - 1 - position) / CITY_CYCLE.length) + 1;
  const local = random.chance(0.8);
  const u = random.next();
  const round = local
    ? Math.min(rounds - 1, Math.max(0, Math.floor((moment + (u - 0.5) * 0.08) * rounds)))
    : Math.floor(rounds * u ** 1.4);
  const block = position + round * CITY_CYCLE.length;
  const slot =
    audience === 'guest' ? random.int(0, GUEST_SLOTS - 1) : random.int(GUEST_SLOTS, BLOCK - 1);
  return block * BLOCK + slot;
}

export function contactRow(contact: DemoContact, cityId: string): ContactRow {
  const joined = new Date(contact.joinedAt);
  return {
    id: contact.id,
    audience: contact.audience,
    // Ids in the rider and driver apps: unique per audience because the index is unique.
    externalId: `${contact.audience === 'guest' ? 'rdr' : 'drv'}_${contact.city.code.toLowerCase()}_${(contact.index + 104_729).toString(36)}`,
    name: contact.name,
    phone: contact.phone,
    email: contact.email,
    locale: contact.locale,
    cityId,
    createdAt: joined,
    updatedAt: joined,
  };
}
