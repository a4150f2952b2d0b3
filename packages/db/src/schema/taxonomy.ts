import {
  type AnyPgColumn,
  boolean,
  index,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { certifications } from './certifications.ts';
import { createdAt, updatedAt, uuidPrimaryKey } from './columns.ts';
import { audienceEnum, priorityEnum } from './enums.ts';
import { macros } from './macros.ts';

// The three levels of the taxonomy: category → request type → reason. Codes are unique
// across all three tables (checked by domain.validateTaxonomy) and never change.

export const categories = pgTable('categories', {
  id: uuidPrimaryKey(),
  code: text().notNull().unique(),
  name: text().notNull(),
  deprecated: boolean().notNull().default(false),
  mergedIntoId: uuid().references((): AnyPgColumn => categories.id),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const requestTypes = pgTable(
  'request_types',
  {
    id: uuidPrimaryKey(),
    code: text().notNull().unique(),
    name: text().notNull(),
    categoryId: uuid()
      .notNull()
      .references(() => categories.id),
    audience: audienceEnum().notNull(),
    defaultPriority: priorityEnum().notNull().default('P3'),
    /** Routing gives this request type only to agents holding the certification. */
    requiredCertificationId: uuid().references(() => certifications.id),
    description: text().notNull().default(''),
    deprecated: boolean().notNull().default(false),
    mergedIntoId: uuid().references((): AnyPgColumn => requestTypes.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index('request_types_category_idx').on(table.categoryId)],
);

export const reasons = pgTable(
  'reasons',
  {
    id: uuidPrimaryKey(),
    code: text().notNull().unique(),
    name: text().notNull(),
    requestTypeId: uuid()
      .notNull()
      .references(() => requestTypes.id),
    deprecated: boolean().notNull().default(false),
    mergedIntoId: uuid().references((): AnyPgColumn => reasons.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index('reasons_request_type_idx').on(table.requestTypeId)],
);

/** The macros a request type suggests (shown first in the picker and in the routing guide). */
export const requestTypeMacros = pgTable(
  'request_type_macros',
  {
    requestTypeId: uuid()
      .notNull()
      .references(() => requestTypes.id),
    macroId: uuid()
      .notNull()
      .references(() => macros.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.requestTypeId, table.macroId] }),
    index('request_type_macros_macro_idx').on(table.macroId),
  ],
);
