import {
  type HireInput,
  hireInputSchema,
  hireRefusal,
  type RequisitionStatus,
  requisitionLabel,
  statusAfterHire,
  TRAINEE_PROFILE,
} from '@switchboard/domain';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database, DatabaseOrTransaction } from '../client.ts';
import {
  accounts,
  candidates,
  cities,
  curricula,
  hiringStages,
  memberships,
  requisitions,
  teams,
  users,
} from '../schema/index.ts';
import { recordChange } from './config-changes.ts';
import { insertMove } from './hiring-candidates.ts';
import { terminalStage } from './hiring-pipeline.ts';
import { HiringError } from './hiring-refusal.ts';
import { hiredCountOf } from './hiring-requisitions.ts';
import { type IssuedInvitation, issueInvitation, newAuthId } from './invitations.ts';
import { notifyPeople, teamMemberIds } from './notifications.ts';
import { enrolInCurricula, teamTrainingPlan } from './training-plans.ts';

export interface HireResult {
  candidateId: string;
  userId: string;
  name: string;
  email: string;
  teamName: string;
  invitation: IssuedInvitation;
  /** Curricula of the team's training plan the trainee was enrolled in. */
  enrolledCurricula: string[];
  requisitionStatus: RequisitionStatus;
}

/**
 * Hires a candidate, all in one transaction: they move to Hired; a trainee account is
 * created (agent, on the requisition's team, with the candidate's languages); an invitation
 * link to set their password is issued; they are enrolled in the team's training plan; the
 * requisition is filled by its last hire; the change history and the team's leads hear of it.
 * Only an open requisition with places left takes a hire.
 */
export async function hireCandidate(
  db: Database,
  input: HireInput,
  actorId: string,
  now: Date = new Date(),
): Promise<HireResult> {
  const { candidateId } = hireInputSchema.parse(input);
  return db.transaction(async (tx) => {
    const [candidate] = await tx
      .select({
        id: candidates.id,
        name: candidates.name,
        email: candidates.email,
        languages: candidates.languages,
        requisitionId: candidates.requisitionId,
        hiredAt: candidates.hiredAt,
        stageId: candidates.stageId,
        stageName: hiringStages.name,
        stageKind: hiringStages.kind,
      })
      .from(candidates)
      .innerJoin(hiringStages, eq(hiringStages.id, candidates.stageId))
      .where(eq(candidates.id, candidateId))
      .for('update', { of: candidates });
    if (!candidate) throw new HiringError('NOT_FOUND', 'There is no such candidate', 'candidateId');
    if (candidate.hiredAt) throw new HiringError('CONFLICT', `${candidate.name} is hired already`);
    if (candidate.stageKind === 'rejected') {
      throw new HiringError(
        'CONFLICT',
        `${candidate.name} is rejected: move them back to a stage before hiring`,
      );
    }

    // Locked so two trainers hiring the last place at once cannot both get it.
    const [requisition] = await tx
      .select({
        id: requisitions.id,
        number: requisitions.number,
        title: requisitions.title,
        status: requisitions.status,
        headcount: requisitions.headcount,
        teamId: requisitions.teamId,
        teamName: teams.name,
        timeZone: cities.timeZone,
      })
      .from(requisitions)
      .innerJoin(teams, eq(teams.id, requisitions.teamId))
      .leftJoin(cities, eq(cities.id, requisitions.cityId))
      .where(eq(requisitions.id, candidate.requisitionId))
      .for('update', { of: requisitions });
    const hiredBefore = await hiredCountOf(tx, requisition!.id);
    const refusal = hireRefusal(
      { status: requisition!.status, headcount: requisition!.headcount },
      hiredBefore,
    );
    if (refusal) throw new HiringError('CONFLICT', refusal);

    const [taken] = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = lower(${candidate.email})`);
    if (taken) {
      throw new HiringError(
        'CONFLICT',
        `${candidate.email} already has a Switchboard account; correct the candidate's email or ask an admin`,
      );
    }

    const userId = newAuthId();
    await tx.insert(users).values({
      id: userId,
      name: candidate.name,
      email: candidate.email.toLowerCase(),
      emailVerified: false,
      role: TRAINEE_PROFILE.role,
      availability: TRAINEE_PROFILE.availability,
      channelCapacity: TRAINEE_PROFILE.channelCapacity,
      capacity: TRAINEE_PROFILE.capacity,
      languages: candidate.languages,
      // Their shifts and displayed times follow the requisition's city.
      timeZone: requisition!.timeZone ?? 'UTC',
      createdAt: now,
      updatedAt: now,
    });
    await tx
      .insert(memberships)
      .values({ teamId: requisition!.teamId, userId, role: 'member', createdAt: now });

    const hiredStage = await terminalStage(tx, 'hired');
    await tx
      .update(candidates)
      .set({ stageId: hiredStage.id, stageEnteredAt: now, hiredAt: now, hiredUserId: userId })
      .where(eq(candidates.id, candidate.id));
    await insertMove(tx, {
      candidateId: candidate.id,
      from: { id: candidate.stageId, name: candidate.stageName },
      to: hiredStage,
      rejectionReason: null,
      note: '',
      movedById: actorId,
      movedAt: now,
    });

    const requisitionStatus = statusAfterHire(requisition!.headcount, hiredBefore + 1);
    if (requisitionStatus === 'filled') {
      await tx
        .update(requisitions)
        .set({ status: 'filled', filledAt: now })
        .where(eq(requisitions.id, requisition!.id));
    }

    const invitation = await issueInvitation(tx, {
      userId,
      candidateId: candidate.id,
      createdById: actorId,
      now,
    });
    const plan = await teamTrainingPlan(tx, requisition!.teamId);
    await enrolInCurricula(tx, { userId, curriculumIds: plan, enrolledById: actorId });
    const planNames = await curriculumNames(tx, plan);

    await recordChange(tx, {
      entityType: 'hire',
      entityId: userId,
      entityName: candidate.name,
      action: 'created',
      actorId,
      before: null,
      after: {
        email: candidate.email.toLowerCase(),
        role: 'Agent (trainee)',
        team: requisition!.teamName,
        languages: candidate.languages,
        requisition: `${requisitionLabel(requisition!.number)} ${requisition!.title}`,
        trainingPlan: planNames,
      },
      labels: {
        email: { label: 'Email' },
        role: { label: 'Role' },
        team: { label: 'Team' },
        languages: { label: 'Languages' },
        requisition: { label: 'Requisition' },
        trainingPlan: { label: 'Training plan' },
      },
    });
    const leads = await teamMemberIds(tx, requisition!.teamId, { leadsOnly: true });
    await notifyPeople(
      tx,
      leads.filter((id) => id !== actorId),
      {
        kind: 'hire',
        title: `${candidate.name} joins ${requisition!.teamName}`,
        body: `Hired for ${requisitionLabel(requisition!.number)} ${requisition!.title}; training starts with ${planNames.length} ${planNames.length === 1 ? 'curriculum' : 'curricula'}.`,
        link: `/console/hiring/candidates/${candidate.id}`,
        subjectId: candidate.id,
      },
      now,
    );

    return {
      candidateId: candidate.id,
      userId,
      name: candidate.name,
      email: candidate.email.toLowerCase(),
      teamName: requisition!.teamName,
      invitation,
      enrolledCurricula: planNames,
      requisitionStatus,
    };
  });
}

async function curriculumNames(tx: DatabaseOrTransaction, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await tx
    .select({ id: curricula.id, name: curricula.name })
    .from(curricula)
    .where(inArray(curricula.id, ids));
  const byId = new Map(rows.map((row) => [row.id, row.name]));
  return ids.map((id) => byId.get(id) ?? id);
}

/**
 * A new link for a hire who has not set their password yet (the first expired, or was
 * lost); earlier links stop working.
 */
export async function reissueInvitation(
  db: Database,
  input: HireInput,
  actorId: string,
  now: Date = new Date(),
): Promise<IssuedInvitation> {
  const { candidateId } = hireInputSchema.parse(input);
  return db.transaction(async (tx) => {
    const [candidate] = await tx
      .select({ name: candidates.name, hiredUserId: candidates.hiredUserId })
      .from(candidates)
      .where(eq(candidates.id, candidateId))
      .for('update');
    if (!candidate) throw new HiringError('NOT_FOUND', 'There is no such candidate', 'candidateId');
    if (!candidate.hiredUserId) {
      throw new HiringError('CONFLICT', `${candidate.name} is not hired: hire them first`);
    }
    const [account] = await tx
      .select({ id: accounts.id })
      .from(accounts)
      .where(
        and(eq(accounts.userId, candidate.hiredUserId), eq(accounts.providerId, 'credential')),
      );
    if (account) {
      throw new HiringError(
        'CONFLICT',
        `${candidate.name} has set their password already; they sign in with it`,
      );
    }
    return issueInvitation(tx, {
      userId: candidate.hiredUserId,
      candidateId,
      createdById: actorId,
      now,
    });
  });
}
