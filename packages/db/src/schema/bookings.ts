import { bigint, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { cities } from './cities.ts';
import { createdAt, uuidPrimaryKey } from './columns.ts';
import { contacts } from './contacts.ts';
import { bookingProductEnum, bookingStatusEnum } from './enums.ts';

/** A trip or delivery; conversations about it refer to it. */
export const bookings = pgTable(
  'bookings',
  {
    id: uuidPrimaryKey(),
    reference: text().notNull().unique(),
    product: bookingProductEnum().notNull().default('ride'),
    cityId: uuid()
      .notNull()
      .references(() => cities.id),
    guestContactId: uuid().references(() => contacts.id),
    driverContactId: uuid().references(() => contacts.id),
    pickupAddress: text().notNull(),
    dropoffAddress: text().notNull(),
    scheduledAt: timestamp({ withTimezone: true }).notNull(),
    /** Integer minor units in `currency`. */
    fareAmountMinor: bigint({ mode: 'number' }).notNull(),
    currency: text().notNull(),
    status: bookingStatusEnum().notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    index('bookings_city_scheduled_idx').on(table.cityId, table.scheduledAt),
    // The edges of a report's period when it counts trips of every city (kpi-rollup.ts).
    index('bookings_scheduled_idx').on(table.scheduledAt, table.cityId),
    index('bookings_guest_idx').on(table.guestContactId),
    index('bookings_driver_idx').on(table.driverContactId),
  ],
);
