import { recommendationTally, rubricAverages } from '@switchboard/domain';
import { asc, count, desc, eq } from 'drizzle-orm';
import type { Database } from '../client.ts';
import {
  candidateAttachments,
  candidateNotes,
  candidateScorecards,
  candidateStageMoves,
  trainingEnrolments,
  users,
} from '../schema/index.ts';
import { candidateRow } from './hiring-candidates.ts';
import { requisitionById } from './hiring-requisitions.ts';
import { latestInvitationOf } from './invitations.ts';
import { listTeamsOfUser } from './people.ts';

/**
 * Everything a trainer reads on a candidate's page: profile, requisition, history of moves,
 * scorecards with the average per rubric, notes, files, and — once hired — their account,
 * invitation and training.
 */
export async function candidateDetail(db: Database, id: string, now: Date = new Date()) {
  const candidate = await candidateRow(db, id);
  const [requisition, history, scorecards, notes, attachments, hire] = await Promise.all([
    requisitionById(db, candidate.requisitionId),
    db
      .select({
        id: candidateStageMoves.id,
        fromStageName: candidateStageMoves.fromStageName,
        toStageName: candidateStageMoves.toStageName,
        rejectionReason: candidateStageMoves.rejectionReason,
        note: candidateStageMoves.note,
        movedByName: users.name,
        movedAt: candidateStageMoves.movedAt,
      })
      .from(candidateStageMoves)
      .leftJoin(users, eq(users.id, candidateStageMoves.movedById))
      .where(eq(candidateStageMoves.candidateId, id))
      .orderBy(desc(candidateStageMoves.seq)),
    db
      .select({
        id: candidateScorecards.id,
        kind: candidateScorecards.kind,
        interviewerId: candidateScorecards.interviewerId,
        interviewerName: users.name,
        writtenEnglish: candidateScorecards.writtenEnglish,
        empathy: candidateScorecards.empathy,
        problemSolving: candidateScorecards.problemSolving,
        otherLanguages: candidateScorecards.otherLanguages,
        recommendation: candidateScorecards.recommendation,
        comments: candidateScorecards.comments,
        stageName: candidateScorecards.stageName,
        submittedAt: candidateScorecards.submittedAt,
      })
      .from(candidateScorecards)
      .innerJoin(users, eq(users.id, candidateScorecards.interviewerId))
      .where(eq(candidateScorecards.candidateId, id))
      .orderBy(asc(candidateScorecards.submittedAt)),
    db
      .select({
        id: candidateNotes.id,
        body: candidateNotes.body,
        authorName: users.name,
        createdAt: candidateNotes.createdAt,
      })
      .from(candidateNotes)
      .leftJoin(users, eq(users.id, candidateNotes.authorId))
      .where(eq(candidateNotes.candidateId, id))
      .orderBy(desc(candidateNotes.createdAt)),
    db
      .select({
        id: candidateAttachments.id,
        fileName: candidateAttachments.fileName,
        contentType: candidateAttachments.contentType,
        sizeBytes: candidateAttachments.sizeBytes,
        uploadedByName: users.name,
        createdAt: candidateAttachments.createdAt,
      })
      .from(candidateAttachments)
      .leftJoin(users, eq(users.id, candidateAttachments.uploadedById))
      .where(eq(candidateAttachments.candidateId, id))
      .orderBy(desc(candidateAttachments.createdAt)),
    candidate.hiredUserId ? hireOf(db, candidate.hiredUserId, now) : Promise.resolve(null),
  ]);
  const cards = scorecards.map((card) => ({
    ...card,
    ratings: {
      writtenEnglish: card.writtenEnglish,
      empathy: card.empathy,
      problemSolving: card.problemSolving,
      otherLanguages: card.otherLanguages,
    },
  }));
  return {
    candidate,
    requisition,
    history,
    scorecards: cards,
    rubricAverages: rubricAverages(cards),
    recommendations: recommendationTally(cards),
    notes,
    attachments,
    hire,
  };
}

/** The account a hire made: who, which teams, whether the password is set, training begun. */
async function hireOf(db: Database, userId: string, now: Date) {
  const [[user], teamRows, invitation, [enrolments]] = await Promise.all([
    db
      .select({ id: users.id, name: users.name, email: users.email, active: users.active })
      .from(users)
      .where(eq(users.id, userId)),
    listTeamsOfUser(db, userId),
    latestInvitationOf(db, userId, now),
    db
      .select({ total: count() })
      .from(trainingEnrolments)
      .where(eq(trainingEnrolments.userId, userId)),
  ]);
  if (!user) return null;
  return {
    user,
    teams: teamRows.map((team) => team.name),
    invitation,
    enrolments: enrolments?.total ?? 0,
  };
}
