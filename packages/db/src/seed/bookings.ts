import type { bookings } from '../schema/index.ts';
import type { CityProfile } from './cities.ts';
import { type Random, scramble30, uuidFor } from './random.ts';

/** Trips: the ones conversations are about, and the many more that went fine. */

export type BookingRow = typeof bookings.$inferInsert;
export type BookingStatus = NonNullable<BookingRow['status']>;
export type BookingProduct = NonNullable<BookingRow['product']>;

/** Unambiguous characters only: no 0/O, 1/I. 32 symbols, so six of them hold 30 bits. */
const REFERENCE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/**
 * A booking reference such as `LIS-7K3QF2`. Built from a bijection of the booking's index, so
 * references are unique without remembering the ones already handed out.
 */
export function bookingReference(seed: number, city: CityProfile, index: number): string {
  let code = scramble30(index, seed);
  let out = '';
  for (let i = 0; i < 6; i += 1) {
    out = REFERENCE_ALPHABET[code & 31] + out;
    code >>>= 5;
  }
  return `${city.code}-${out}`;
}

export function bookingId(seed: number, index: number): string {
  return uuidFor(seed, 'booking', index);
}

export interface TripPlan {
  product: BookingProduct;
  pickup: string;
  dropoff: string;
  fareMinor: number;
}

/** Where a trip goes and what it costs; airport transfers start or end at an airport. */
export function planTrip(random: Random, city: CityProfile, airport: boolean): TripPlan {
  if (airport) {
    const terminal = random.pick(city.airports);
    const place = random.pick(city.places);
    const [min, max] = city.fares.airport;
    const fromAirport = random.chance(0.65);
    return {
      product: 'airport_transfer',
      pickup: fromAirport ? terminal : place,
      dropoff: fromAirport ? place : terminal,
      fareMinor: Math.round(random.float(min, max) * 100),
    };
  }
  const pickup = random.pick(city.places);
  let dropoff = random.pick(city.places);
  if (dropoff === pickup)
    dropoff = city.places[(city.places.indexOf(pickup) + 1) % city.places.length]!;
  const [min, max] = city.fares.ride;
  return { product: 'ride', pickup, dropoff, fareMinor: Math.round(random.float(min, max) * 100) };
}

/** A status that fits the trip's time: a trip still ahead cannot be completed yet. */
export function bookingStatusAt(
  scheduledAt: number,
  now: number,
  settled: BookingStatus,
): BookingStatus {
  if (scheduledAt > now) return settled === 'cancelled' ? 'cancelled' : 'driver_assigned';
  if (scheduledAt > now - 40 * 60_000 && (settled === 'completed' || settled === 'in_progress')) {
    return 'in_progress';
  }
  return settled === 'scheduled' || settled === 'driver_assigned' || settled === 'in_progress'
    ? 'completed'
    : settled;
}
