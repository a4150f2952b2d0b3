import type {
  CandidateRejectionReason,
  CandidateSource,
  DEFAULT_ACTIVE_STAGES,
  HiringRecommendation,
  RequisitionStatus,
  ScorecardKind,
  ScorecardRatings,
} from '@switchboard/domain';
import { inArray } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { hireCandidate } from '../queries/hiring-hire.ts';
import { pipelineStages } from '../queries/hiring-pipeline.ts';
import {
  candidateNotes,
  candidateScorecards,
  candidateStageMoves,
  candidates,
  cities,
  requisitions,
  teams,
  users,
} from '../schema/index.ts';
import { demoEmail, type TeamCode } from './organisation.ts';

/*
 * The demo's hiring: four requisitions of the Lisbon operator (guest support in Lisbon,
 * driver support, the airport-transfers night shift on hold, and a Mexico City escalations
 * specialist already filled), 25 candidates spread over the pipeline with scorecards, notes
 * and a few rejections. Two hires went through the real hire, so their accounts, invitations
 * and training enrolments are what the console would have made: Beatriz Lopes's link is
 * waiting for her password, Valentina Cruz's has expired and wants a new one.
 */

const DAY = 86_400_000;
const TRAINER = demoEmail('trainer');
const LEAD = demoEmail('lead');

type StageName = (typeof DEFAULT_ACTIVE_STAGES)[number];

interface DemoScorecard {
  kind: ScorecardKind;
  by: string;
  ratings: ScorecardRatings;
  recommendation: HiringRecommendation;
  comments: string;
}

interface DemoCandidate {
  name: string;
  languages: string[];
  source: CandidateSource;
  location: string;
  appliedDaysAgo: number;
  /** The active stages walked after Applied, in order. */
  path: StageName[];
  outcome?: { rejected: CandidateRejectionReason; note: string } | { hiredDaysAgo: number };
  scorecards?: DemoScorecard[];
  notes?: Array<{ by: string; body: string }>;
}

interface DemoRequisition {
  title: string;
  team: TeamCode;
  city: string | null;
  languages: string[];
  headcount: number;
  startsInDays: number;
  status: Exclude<RequisitionStatus, 'filled'>;
  owner: string;
  description: string;
  openedDaysAgo: number;
  candidates: DemoCandidate[];
}

const ratings = (
  writtenEnglish: number,
  empathy: number,
  problemSolving: number,
  otherLanguages: number | null,
): ScorecardRatings => ({ writtenEnglish, empathy, problemSolving, otherLanguages });

const UP_TO_INTERVIEW: StageName[] = ['Screen', 'Written assessment', 'Interview'];
const UP_TO_OFFER: StageName[] = [...UP_TO_INTERVIEW, 'Offer'];

export const DEMO_REQUISITIONS: readonly DemoRequisition[] = [
  {
    title: 'Guest support agent, Lisbon (PT/EN)',
    team: 'SUPPORT_L1',
    city: 'LIS',
    languages: ['pt-PT', 'en'],
    headcount: 4,
    startsInDays: 21,
    status: 'open',
    owner: TRAINER,
    description:
      'Riders and airport travellers in Lisbon over chat and WhatsApp ahead of the summer peak. Day shifts 08:00–16:00 and 14:00–22:00, weekends on rotation.',
    openedDaysAgo: 45,
    candidates: [
      {
        name: 'Beatriz Lopes',
        languages: ['pt-PT', 'en', 'es'],
        source: 'referral',
        location: 'Lisbon',
        appliedDaysAgo: 38,
        path: UP_TO_OFFER,
        outcome: { hiredDaysAgo: 2 },
        scorecards: [
          {
            kind: 'assessment',
            by: TRAINER,
            ratings: ratings(5, 4, 4, 5),
            recommendation: 'strong_yes',
            comments:
              'Refund reply for a missed airport pickup was clear, warm and within policy; no edits needed.',
          },
          {
            kind: 'interview',
            by: LEAD,
            ratings: ratings(4, 5, 4, 5),
            recommendation: 'strong_yes',
            comments: 'Stayed calm in the angry-guest role play and offered the rebooking first.',
          },
        ],
        notes: [{ by: LEAD, body: 'Referred by Ana Silva. Can start on the 1st.' }],
      },
      {
        name: 'Tiago Fernandes',
        languages: ['pt-PT', 'en'],
        source: 'job_board',
        location: 'Almada',
        appliedDaysAgo: 30,
        path: UP_TO_OFFER,
        scorecards: [
          {
            kind: 'assessment',
            by: TRAINER,
            ratings: ratings(4, 4, 5, 5),
            recommendation: 'yes',
            comments: 'Found the double charge in the booking facts straight away.',
          },
          {
            kind: 'interview',
            by: LEAD,
            ratings: ratings(4, 3, 5, 5),
            recommendation: 'yes',
            comments: 'Strong on process; coach on acknowledging the guest before the fix.',
          },
        ],
        notes: [{ by: TRAINER, body: 'Offer sent; waiting on his notice period (2 weeks).' }],
      },
      {
        name: 'Marta Ribeiro',
        languages: ['pt-PT', 'en', 'fr'],
        source: 'linkedin',
        location: 'Lisbon',
        appliedDaysAgo: 24,
        path: UP_TO_INTERVIEW,
        scorecards: [
          {
            kind: 'assessment',
            by: TRAINER,
            ratings: ratings(4, 5, 3, 4),
            recommendation: 'yes',
            comments: 'Lovely tone; missed that the cancellation fee was already refunded.',
          },
        ],
      },
      {
        name: 'Duarte Almeida',
        languages: ['pt-PT', 'en'],
        source: 'careers_page',
        location: 'Oeiras',
        appliedDaysAgo: 20,
        path: UP_TO_INTERVIEW,
        scorecards: [
          {
            kind: 'assessment',
            by: TRAINER,
            ratings: ratings(3, 4, 4, 5),
            recommendation: 'yes',
            comments: 'A few grammar slips in English; content right.',
          },
        ],
        notes: [{ by: LEAD, body: 'Interview booked for Thursday 10:00 (video).' }],
      },
      {
        name: 'Inês Carvalho',
        languages: ['pt-PT', 'en'],
        source: 'university',
        location: 'Lisbon',
        appliedDaysAgo: 14,
        path: ['Screen', 'Written assessment'],
        notes: [{ by: TRAINER, body: 'Assessment sent on Monday; due by Friday.' }],
      },
      {
        name: 'Ricardo Sousa',
        languages: ['pt-PT', 'en', 'es'],
        source: 'job_board',
        location: 'Sintra',
        appliedDaysAgo: 9,
        path: ['Screen'],
      },
      {
        name: 'Catarina Nunes',
        languages: ['pt-PT', 'en'],
        source: 'careers_page',
        location: 'Lisbon',
        appliedDaysAgo: 6,
        path: ['Screen'],
      },
      {
        name: 'Hugo Martins',
        languages: ['pt-PT', 'en'],
        source: 'careers_page',
        location: 'Setúbal',
        appliedDaysAgo: 3,
        path: [],
      },
      {
        name: 'Sara Gomes',
        languages: ['pt-PT', 'en', 'it'],
        source: 'linkedin',
        location: 'Lisbon',
        appliedDaysAgo: 1,
        path: [],
      },
      {
        name: 'Pedro Vieira',
        languages: ['pt-PT', 'en'],
        source: 'job_board',
        location: 'Amadora',
        appliedDaysAgo: 28,
        path: ['Screen', 'Written assessment'],
        outcome: {
          rejected: 'written_english',
          note: 'Replies needed heavy edits; welcome to reapply in six months.',
        },
        scorecards: [
          {
            kind: 'assessment',
            by: TRAINER,
            ratings: ratings(2, 3, 3, 5),
            recommendation: 'no',
            comments: 'Meaning changed in two of the four replies.',
          },
        ],
      },
    ],
  },
  {
    title: 'Driver support agent (PT/EN)',
    team: 'SUPPORT_L1',
    city: 'LIS',
    languages: ['pt-PT', 'en'],
    headcount: 2,
    startsInDays: 35,
    status: 'open',
    owner: LEAD,
    description:
      'Drivers and supplier companies: payouts, documents, app issues. Phone and WhatsApp; driving-app experience a plus.',
    openedDaysAgo: 30,
    candidates: [
      {
        name: 'Nuno Pires',
        languages: ['pt-PT', 'en'],
        source: 'referral',
        location: 'Lisbon',
        appliedDaysAgo: 25,
        path: UP_TO_INTERVIEW,
        scorecards: [
          {
            kind: 'assessment',
            by: TRAINER,
            ratings: ratings(4, 4, 4, 5),
            recommendation: 'yes',
            comments: 'Explained the payout cycle to an upset driver clearly.',
          },
        ],
        notes: [
          { by: LEAD, body: 'Drove for a ride-hailing app for two years: knows the driver side.' },
        ],
      },
      {
        name: 'Joana Teixeira',
        languages: ['pt-PT', 'en'],
        source: 'job_board',
        location: 'Loures',
        appliedDaysAgo: 16,
        path: ['Screen', 'Written assessment'],
      },
      {
        name: 'André Moreira',
        languages: ['pt-PT', 'en', 'uk'],
        source: 'agency',
        location: 'Lisbon',
        appliedDaysAgo: 10,
        path: ['Screen'],
      },
      {
        name: 'Filipa Correia',
        languages: ['pt-PT', 'en'],
        source: 'careers_page',
        location: 'Odivelas',
        appliedDaysAgo: 4,
        path: [],
      },
      {
        name: 'Rafael Lima',
        languages: ['pt-BR', 'en'],
        source: 'linkedin',
        location: 'Lisbon',
        appliedDaysAgo: 2,
        path: [],
      },
      {
        name: 'Vasco Mendes',
        languages: ['pt-PT'],
        source: 'job_board',
        location: 'Barreiro',
        appliedDaysAgo: 22,
        path: ['Screen'],
        outcome: {
          rejected: 'language_level',
          note: 'English not yet at support level on the call.',
        },
      },
      {
        name: 'Leonor Batista',
        languages: ['pt-PT', 'en'],
        source: 'careers_page',
        location: 'Lisbon',
        appliedDaysAgo: 19,
        path: ['Screen', 'Written assessment', 'Interview'],
        outcome: { rejected: 'availability', note: 'Cannot work weekends, which the rota needs.' },
        scorecards: [
          {
            kind: 'interview',
            by: LEAD,
            ratings: ratings(4, 4, 3, 5),
            recommendation: 'yes',
            comments: 'Good candidate; availability is the blocker.',
          },
        ],
      },
    ],
  },
  {
    title: 'Airport transfers night shift (EN/AR)',
    team: 'SUPPORT_L1',
    city: null,
    languages: ['en', 'ar'],
    headcount: 3,
    startsInDays: 50,
    status: 'on_hold',
    owner: TRAINER,
    description:
      'Night cover 22:00–06:00 for airport transfers in every city: flight delays, meet-and-greet no-shows, drivers at the wrong terminal. On hold while the night-shift budget is reviewed.',
    openedDaysAgo: 40,
    candidates: [
      {
        name: 'Layla Hassan',
        languages: ['ar', 'en'],
        source: 'linkedin',
        location: 'Dubai',
        appliedDaysAgo: 33,
        path: UP_TO_OFFER,
        scorecards: [
          {
            kind: 'interview',
            by: TRAINER,
            ratings: ratings(5, 4, 4, 5),
            recommendation: 'strong_yes',
            comments: 'Handled the delayed-flight rebooking scenario end to end.',
          },
        ],
        notes: [{ by: TRAINER, body: 'Offer paused with the requisition; she knows.' }],
      },
      {
        name: 'Karim Saleh',
        languages: ['ar', 'en', 'fr'],
        source: 'agency',
        location: 'Lisbon',
        appliedDaysAgo: 27,
        path: UP_TO_INTERVIEW,
        scorecards: [
          {
            kind: 'interview',
            by: LEAD,
            ratings: ratings(3, 4, 4, 4),
            recommendation: 'yes',
            comments: 'Comfortable with nights; written English a touch formal.',
          },
        ],
      },
      {
        name: 'Nadia Rahman',
        languages: ['en', 'ar', 'ur'],
        source: 'job_board',
        location: 'London',
        appliedDaysAgo: 21,
        path: UP_TO_INTERVIEW,
      },
      {
        name: 'Daniel Okafor',
        languages: ['en'],
        source: 'careers_page',
        location: 'London',
        appliedDaysAgo: 12,
        path: ['Screen'],
      },
      {
        name: 'Omar Farouk',
        languages: ['ar', 'en'],
        source: 'job_board',
        location: 'Dubai',
        appliedDaysAgo: 30,
        path: ['Screen', 'Written assessment', 'Interview'],
        outcome: { rejected: 'salary', note: 'Expectations well above the night-shift band.' },
      },
    ],
  },
  {
    title: 'Escalations specialist, Mexico City (ES/EN)',
    team: 'ESCALATIONS_L2',
    city: 'MEX',
    languages: ['es-MX', 'en'],
    headcount: 1,
    startsInDays: -10,
    status: 'open',
    owner: LEAD,
    description:
      'Complex refunds, chargebacks and handoffs to Finance & Payouts for Mexico City; three years in support escalations.',
    openedDaysAgo: 60,
    candidates: [
      {
        name: 'Valentina Cruz',
        languages: ['es-MX', 'en'],
        source: 'referral',
        location: 'Mexico City',
        appliedDaysAgo: 52,
        path: UP_TO_OFFER,
        outcome: { hiredDaysAgo: 20 },
        scorecards: [
          {
            kind: 'interview',
            by: LEAD,
            ratings: ratings(5, 5, 5, 5),
            recommendation: 'strong_yes',
            comments: 'Ran the chargeback case like a senior; ready for L2 limits after training.',
          },
        ],
      },
      {
        name: 'Jorge Navarro',
        languages: ['es-MX', 'en'],
        source: 'linkedin',
        location: 'Guadalajara',
        appliedDaysAgo: 48,
        path: UP_TO_OFFER,
        outcome: {
          rejected: 'offer_declined',
          note: 'Accepted a counter-offer from his employer.',
        },
      },
      {
        name: 'Paula Herrera',
        languages: ['es-MX', 'en'],
        source: 'job_board',
        location: 'Mexico City',
        appliedDaysAgo: 40,
        path: UP_TO_INTERVIEW,
        outcome: {
          rejected: 'position_filled',
          note: 'Strong second choice: keep in mind for the next opening.',
        },
      },
    ],
  },
];

function emailOf(name: string): string {
  const local = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '.');
  return `${local}@example.com`;
}

function isoDate(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/**
 * Writes the demo requisitions and candidates with their history (backdated from `now`),
 * then hires through the real hire. Does nothing when requisitions exist already.
 * Returns how many candidates it wrote.
 */
export async function insertDemoHiring(db: Database, now: number): Promise<number> {
  const [existing] = await db.select({ id: requisitions.id }).from(requisitions).limit(1);
  if (existing) return 0;
  const stages = await pipelineStages(db);
  const stage = (name: string) => {
    const found = stages.find((candidate) => candidate.name === name);
    if (!found) throw new Error(`the hiring pipeline has no stage “${name}”`);
    return found;
  };
  const rejectedStage = stages.find((candidate) => candidate.kind === 'rejected')!;
  const staff = new Map(
    (
      await db
        .select({ id: users.id, email: users.email })
        .from(users)
        .where(inArray(users.email, [TRAINER, LEAD]))
    ).map((row) => [row.email, row.id]),
  );
  const staffId = (email: string) => {
    const id = staff.get(email);
    if (!id) throw new Error(`the demo has no ${email}`);
    return id;
  };
  const teamIds = new Map(
    (await db.select({ id: teams.id, code: teams.code }).from(teams)).map((row) => [
      row.code,
      row.id,
    ]),
  );
  const cityIds = new Map(
    (await db.select({ id: cities.id, code: cities.code }).from(cities)).map((row) => [
      row.code,
      row.id,
    ]),
  );

  const hires: Array<{ candidateId: string; at: Date; by: string }> = [];
  let written = 0;
  await db.transaction(async (tx) => {
    for (const definition of DEMO_REQUISITIONS) {
      const openedAt = new Date(now - definition.openedDaysAgo * DAY);
      const [requisition] = await tx
        .insert(requisitions)
        .values({
          title: definition.title,
          teamId: teamIds.get(definition.team)!,
          cityId: definition.city ? cityIds.get(definition.city)! : null,
          languages: definition.languages,
          headcount: definition.headcount,
          targetStartDate: isoDate(now + definition.startsInDays * DAY),
          status: definition.status,
          description: definition.description,
          ownerId: staffId(definition.owner),
          createdById: staffId(definition.owner),
          createdAt: openedAt,
          updatedAt: openedAt,
        })
        .returning({ id: requisitions.id });

      for (const person of definition.candidates) {
        const appliedAt = now - person.appliedDaysAgo * DAY;
        const hiredDaysAgo =
          person.outcome && 'hiredDaysAgo' in person.outcome ? person.outcome.hiredDaysAgo : 0;
        // Moves spread evenly between applying and today (or the hire).
        const walked = [stage('Applied'), ...person.path.map(stage)];
        const rejection = person.outcome && 'rejected' in person.outcome ? person.outcome : null;
        const visits = rejection ? [...walked, rejectedStage] : walked;
        const end = now - Math.max(hiredDaysAgo, 0.5) * DAY;
        const step = (end - appliedAt) / visits.length;
        const movedAt = visits.map((_, index) => new Date(appliedAt + index * step));
        const last = visits.at(-1)!;
        const [candidate] = await tx
          .insert(candidates)
          .values({
            requisitionId: requisition!.id,
            name: person.name,
            email: emailOf(person.name),
            phone: '',
            languages: person.languages,
            source: person.source,
            location: person.location,
            stageId: last.id,
            stageEnteredAt: movedAt.at(-1)!,
            rejectionReason: rejection?.rejected ?? null,
            rejectionNote: rejection?.note ?? '',
            createdById: staffId(definition.owner),
            createdAt: new Date(appliedAt),
            updatedAt: movedAt.at(-1)!,
          })
          .returning({ id: candidates.id });
        await tx.insert(candidateStageMoves).values(
          visits.map((to, index) => ({
            candidateId: candidate!.id,
            fromStageId: index === 0 ? null : visits[index - 1]!.id,
            fromStageName: index === 0 ? null : visits[index - 1]!.name,
            toStageId: to.id,
            toStageName: to.name,
            rejectionReason: to.kind === 'rejected' ? rejection!.rejected : null,
            note: to.kind === 'rejected' ? rejection!.note : '',
            movedById: staffId(definition.owner),
            movedAt: movedAt[index]!,
          })),
        );
        const cards = person.scorecards ?? [];
        if (cards.length > 0) {
          await tx.insert(candidateScorecards).values(
            cards.map((card) => {
              // Filled while the candidate was in the stage the card is about.
              const about = card.kind === 'assessment' ? 'Written assessment' : 'Interview';
              const index = Math.max(
                0,
                visits.findIndex((visit) => visit.name === about),
              );
              const at = new Date(movedAt[index]!.getTime() + step / 2);
              return {
                candidateId: candidate!.id,
                kind: card.kind,
                interviewerId: staffId(card.by),
                ...card.ratings,
                recommendation: card.recommendation,
                comments: card.comments,
                stageName: about,
                submittedAt: at,
                updatedAt: at,
              };
            }),
          );
        }
        for (const [index, note] of (person.notes ?? []).entries()) {
          await tx.insert(candidateNotes).values({
            candidateId: candidate!.id,
            authorId: staffId(note.by),
            body: note.body,
            createdAt: new Date(movedAt.at(-1)!.getTime() + (index + 1) * 3_600_000),
          });
        }
        if (person.outcome && 'hiredDaysAgo' in person.outcome) {
          hires.push({
            candidateId: candidate!.id,
            at: new Date(now - person.outcome.hiredDaysAgo * DAY),
            by: staffId(definition.owner),
          });
        }
        written += 1;
      }
    }
  });

  // The real hire: account, team, training plan, invitation, and the requisition filled.
  for (const hire of hires) {
    await hireCandidate(db, { candidateId: hire.candidateId }, hire.by, hire.at);
  }
  return written;
}
