import type {
  QuizAttemptStatus,
  TrainingModuleKind,
  TrainingProgressStatus,
} from '@switchboard/domain';
import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { certifications } from './certifications.ts';
import { createdAt, updatedAt, uuidPrimaryKey } from './columns.ts';
import { sops } from './sops.ts';
import { teams } from './teams.ts';
import { users } from './users.ts';

/**
 * A curriculum: ordered modules a trainee completes; finishing it can grant a certification.
 * Trainers edit it; a team's training plan is the curricula every new hire of the team gets.
 */
export const curricula = pgTable('curricula', {
  id: uuidPrimaryKey(),
  code: text().notNull().unique(),
  name: text().notNull(),
  description: text().notNull().default(''),
  /** Granted when every module is complete (and, if required, the trainer signs off). */
  certificationId: uuid().references(() => certifications.id),
  requiresSignOff: boolean().notNull().default(true),
  archivedAt: timestamp({ withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/**
 * One step of a curriculum. `kind`: sop_reading (an SOP at a version, acknowledged),
 * walkthrough (product or tool), quiz (questions with a pass mark and attempts), shadowing
 * (watching N live conversations), nesting (handling N live conversations at a QA threshold).
 * The kind's settings live in `settings` (domain `trainingModuleSettingsSchema`).
 */
export const trainingModules = pgTable(
  'training_modules',
  {
    id: uuidPrimaryKey(),
    curriculumId: uuid()
      .notNull()
      .references(() => curricula.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    kind: text().$type<TrainingModuleKind>().notNull(),
    title: text().notNull(),
    /** Instructions or walkthrough content (Markdown). */
    body: text().notNull().default(''),
    /** sop_reading: the SOP and the version to read. */
    sopId: uuid().references(() => sops.id),
    sopVersion: integer(),
    settings: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    estimatedMinutes: integer().notNull().default(15),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index('training_modules_curriculum_idx').on(table.curriculumId, table.position)],
);

/** The curricula every new hire of a team is enrolled in (the team's training plan). */
export const teamTrainingPlans = pgTable(
  'team_training_plans',
  {
    teamId: uuid()
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    curriculumId: uuid()
      .notNull()
      .references(() => curricula.id, { onDelete: 'cascade' }),
    position: integer().notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.teamId, table.curriculumId] })],
);

/** A person following a curriculum: their training record's header. */
export const trainingEnrolments = pgTable(
  'training_enrolments',
  {
    id: uuidPrimaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    curriculumId: uuid()
      .notNull()
      .references(() => curricula.id),
    enrolledAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    enrolledById: text().references(() => users.id),
    dueAt: timestamp({ withTimezone: true }),
    /** Every module complete. */
    completedAt: timestamp({ withTimezone: true }),
    signedOffById: text().references(() => users.id),
    signedOffAt: timestamp({ withTimezone: true }),
  },
  (table) => [
    uniqueIndex('training_enrolments_user_curriculum_idx').on(table.userId, table.curriculumId),
    index('training_enrolments_curriculum_idx').on(table.curriculumId),
  ],
);

/**
 * Progress of one enrolment through one module: status (not_started, in_progress,
 * awaiting_marking, completed, failed), best score, attempts, time spent, the SOP version
 * acknowledged, and the trainer's sign-off where the module needs one.
 */
export const trainingProgress = pgTable(
  'training_progress',
  {
    enrolmentId: uuid()
      .notNull()
      .references(() => trainingEnrolments.id, { onDelete: 'cascade' }),
    moduleId: uuid()
      .notNull()
      .references(() => trainingModules.id, { onDelete: 'cascade' }),
    status: text().$type<TrainingProgressStatus>().notNull().default('not_started'),
    startedAt: timestamp({ withTimezone: true }),
    /**
     * When the trainee last opened the module (server time): the time until they finish it
     * is added to `timeSpentSeconds`, capped, so a tab left open overnight does not count.
     */
    openedAt: timestamp({ withTimezone: true }),
    completedAt: timestamp({ withTimezone: true }),
    timeSpentSeconds: integer().notNull().default(0),
    /** Best quiz score, percent. */
    score: integer(),
    attempts: integer().notNull().default(0),
    acknowledgedSopVersion: integer(),
    /** Shadowing and nesting: the live conversations counted so far. */
    conversationIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    signedOffById: text().references(() => users.id),
    signedOffAt: timestamp({ withTimezone: true }),
    updatedAt: updatedAt(),
  },
  (table) => [primaryKey({ columns: [table.enrolmentId, table.moduleId] })],
);

/**
 * One attempt at a quiz: the answers, the automatic marks (multiple choice) and the
 * trainer's marks (short answers). Status: awaiting_marking, passed, failed.
 */
export const quizAttempts = pgTable(
  'quiz_attempts',
  {
    id: uuidPrimaryKey(),
    enrolmentId: uuid()
      .notNull()
      .references(() => trainingEnrolments.id, { onDelete: 'cascade' }),
    moduleId: uuid()
      .notNull()
      .references(() => trainingModules.id, { onDelete: 'cascade' }),
    number: integer().notNull(),
    answers: jsonb().$type<Record<string, unknown>>().notNull(),
    /** Points per question id, once known. */
    marks: jsonb().$type<Record<string, number>>().notNull().default({}),
    status: text().$type<QuizAttemptStatus>().notNull(),
    /** Percent, once every question is marked. */
    score: integer(),
    submittedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    markedById: text().references(() => users.id),
    markedAt: timestamp({ withTimezone: true }),
    feedback: text().notNull().default(''),
  },
  (table) => [
    uniqueIndex('quiz_attempts_number_idx').on(table.enrolmentId, table.moduleId, table.number),
    index('quiz_attempts_marking_idx')
      .on(table.submittedAt)
      .where(sql`${table.status} = 'awaiting_marking'`),
  ],
);
