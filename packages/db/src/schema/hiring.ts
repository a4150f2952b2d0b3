import type {
  CandidateRejectionReason,
  CandidateSource,
  HiringRecommendation,
  RequisitionStatus,
  ScorecardKind,
  StageKind,
} from '@switchboard/domain';
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { cities } from './cities.ts';
import { createdAt, updatedAt, uuidPrimaryKey } from './columns.ts';
import { teams } from './teams.ts';
import { users } from './users.ts';

/**
 * The hiring pipeline's stages. `kind`: active (trainers rename, reorder, add and remove
 * these), hired or rejected (one each, fixed, always last). A removed stage is kept with
 * `removedAt` so old moves still point at it; moves also keep the names they had.
 */
export const hiringStages = pgTable(
  'hiring_stages',
  {
    id: uuidPrimaryKey(),
    name: text().notNull(),
    kind: text().$type<StageKind>().notNull(),
    position: integer().notNull(),
    removedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex('hiring_stages_terminal_idx').on(table.kind).where(sql`${table.kind} <> 'active'`),
    uniqueIndex('hiring_stages_name_idx')
      .on(sql`lower(${table.name})`)
      .where(sql`${table.removedAt} is null`),
    check('hiring_stages_kind_check', sql`${table.kind} in ('active', 'hired', 'rejected')`),
  ],
);

/** An approved opening: how many people a team hires, for which languages and city, by when. */
export const requisitions = pgTable(
  'requisitions',
  {
    id: uuidPrimaryKey(),
    /** REQ-101, what people call it. */
    number: integer().generatedAlwaysAsIdentity({ startWith: 101 }).notNull().unique(),
    title: text().notNull(),
    teamId: uuid()
      .notNull()
      .references(() => teams.id),
    cityId: uuid().references(() => cities.id),
    languages: text().array().notNull().default(sql`'{}'::text[]`),
    headcount: integer().notNull(),
    targetStartDate: date({ mode: 'string' }).notNull(),
    /** open | on_hold | filled | cancelled (domain REQUISITION_STATUSES). */
    status: text().$type<RequisitionStatus>().notNull().default('open'),
    description: text().notNull().default(''),
    ownerId: text().references(() => users.id),
    createdById: text().references(() => users.id),
    /** When the last place was hired. */
    filledAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('requisitions_status_idx').on(table.status, table.targetStartDate),
    check('requisitions_headcount_check', sql`${table.headcount} >= 1`),
  ],
);

/** Someone applying to a requisition, and where they are in the pipeline now. */
export const candidates = pgTable(
  'candidates',
  {
    id: uuidPrimaryKey(),
    requisitionId: uuid()
      .notNull()
      .references(() => requisitions.id),
    name: text().notNull(),
    email: text().notNull(),
    phone: text().notNull().default(''),
    languages: text().array().notNull().default(sql`'{}'::text[]`),
    source: text().$type<CandidateSource>().notNull(),
    location: text().notNull().default(''),
    stageId: uuid()
      .notNull()
      .references(() => hiringStages.id),
    stageEnteredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** While rejected: why (domain CANDIDATE_REJECTION_REASONS) and the note that came with it. */
    rejectionReason: text().$type<CandidateRejectionReason>(),
    rejectionNote: text().notNull().default(''),
    /** The account the hire created. */
    hiredUserId: text().references(() => users.id),
    hiredAt: timestamp({ withTimezone: true }),
    createdById: text().references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('candidates_requisition_stage_idx').on(table.requisitionId, table.stageId),
    index('candidates_stage_idx').on(table.stageId, table.stageEnteredAt),
    uniqueIndex('candidates_requisition_email_idx').on(
      table.requisitionId,
      sql`lower(${table.email})`,
    ),
  ],
);

/** Every stage move, append-only: the candidate's history and the funnel's raw material. */
export const candidateStageMoves = pgTable(
  'candidate_stage_moves',
  {
    id: uuidPrimaryKey(),
    /** Writing order: moves in one transaction share a timestamp. */
    seq: bigint({ mode: 'number' }).generatedAlwaysAsIdentity().notNull(),
    candidateId: uuid()
      .notNull()
      .references(() => candidates.id),
    /** Null for the first stage a candidate enters. */
    fromStageId: uuid().references(() => hiringStages.id),
    toStageId: uuid()
      .notNull()
      .references(() => hiringStages.id),
    fromStageName: text(),
    toStageName: text().notNull(),
    rejectionReason: text().$type<CandidateRejectionReason>(),
    note: text().notNull().default(''),
    movedById: text().references(() => users.id),
    movedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('candidate_stage_moves_candidate_idx').on(table.candidateId, table.seq)],
);

/**
 * An interviewer's scorecard: written assessment or interview, 1–5 per rubric (other
 * languages may be unrated), a recommendation and comments. One per interviewer and kind;
 * filling it again replaces it.
 */
export const candidateScorecards = pgTable(
  'candidate_scorecards',
  {
    id: uuidPrimaryKey(),
    candidateId: uuid()
      .notNull()
      .references(() => candidates.id),
    kind: text().$type<ScorecardKind>().notNull(),
    interviewerId: text()
      .notNull()
      .references(() => users.id),
    writtenEnglish: integer().notNull(),
    empathy: integer().notNull(),
    problemSolving: integer().notNull(),
    otherLanguages: integer(),
    recommendation: text().$type<HiringRecommendation>().notNull(),
    comments: text().notNull().default(''),
    /** The stage the candidate was in when it was filled. */
    stageName: text().notNull().default(''),
    submittedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex('candidate_scorecards_interviewer_idx').on(
      table.candidateId,
      table.kind,
      table.interviewerId,
    ),
    check(
      'candidate_scorecards_ratings_check',
      sql`${table.writtenEnglish} between 1 and 5 and ${table.empathy} between 1 and 5
        and ${table.problemSolving} between 1 and 5
        and (${table.otherLanguages} is null or ${table.otherLanguages} between 1 and 5)`,
    ),
  ],
);

export const candidateNotes = pgTable(
  'candidate_notes',
  {
    id: uuidPrimaryKey(),
    candidateId: uuid()
      .notNull()
      .references(() => candidates.id),
    authorId: text().references(() => users.id),
    body: text().notNull(),
    createdAt: createdAt(),
  },
  (table) => [index('candidate_notes_candidate_idx').on(table.candidateId, table.createdAt)],
);

/**
 * A file kept for a candidate (a CV). The bytes live on the server's disk under the data
 * directory, named by `storageKey` (never the uploaded name); the row is what lists them.
 */
export const candidateAttachments = pgTable(
  'candidate_attachments',
  {
    id: uuidPrimaryKey(),
    candidateId: uuid()
      .notNull()
      .references(() => candidates.id),
    fileName: text().notNull(),
    contentType: text().notNull(),
    sizeBytes: integer().notNull(),
    sha256: text().notNull(),
    storageKey: text().notNull().unique(),
    uploadedById: text().references(() => users.id),
    createdAt: createdAt(),
  },
  (table) => [index('candidate_attachments_candidate_idx').on(table.candidateId, table.createdAt)],
);

/**
 * A new hire's link to set their password. Only a SHA-256 of the token is stored, so the
 * database never holds a usable link; single use, expires after a week.
 */
export const invitations = pgTable(
  'invitations',
  {
    id: uuidPrimaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    candidateId: uuid().references(() => candidates.id),
    tokenHash: text().notNull().unique(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    acceptedAt: timestamp({ withTimezone: true }),
    /** Replaced by a newer link for the same person. */
    revokedAt: timestamp({ withTimezone: true }),
    createdById: text().references(() => users.id),
    createdAt: createdAt(),
  },
  (table) => [index('invitations_user_idx').on(table.userId, table.createdAt)],
);
