import { hiringFunnel, recommendationTally, rubricAverages } from '@switchboard/domain';
import { mockViewer, type ProcedureOutput } from '@switchboard/ui/testing';

/* Test data shaped like the hiring API answers. */

type Options = ProcedureOutput<'hiring.options'>;
type RequisitionRow = ProcedureOutput<'hiring.requisition'>;
type CandidateRow = ProcedureOutput<'hiring.candidates'>['items'][number];
type CandidateDetail = ProcedureOutput<'hiring.candidate'>;
type BoardColumn = ProcedureOutput<'hiring.board'>[number];

export const trainerViewer = mockViewer({
  id: '22222222-2222-4222-8222-222222222222',
  role: 'trainer',
  name: 'Tomás Trainer',
});

export const TEAM_ID = '99999999-9999-4999-8999-999999999999';
export const REQUISITION_ID = 'a1a1a1a1-a1a1-4a1a-8a1a-a1a1a1a1a1a1';
export const CANDIDATE_ID = 'c1c1c1c1-c1c1-4c1c-8c1c-c1c1c1c1c1c1';
export const OTHER_CANDIDATE_ID = 'c2c2c2c2-c2c2-4c2c-8c2c-c2c2c2c2c2c2';

export const STAGES: Options['stages'] = [
  { id: '5a000000-0000-4000-8000-000000000001', name: 'Applied', kind: 'active', position: 1 },
  { id: '5a000000-0000-4000-8000-000000000002', name: 'Screen', kind: 'active', position: 2 },
  {
    id: '5a000000-0000-4000-8000-000000000003',
    name: 'Written assessment',
    kind: 'active',
    position: 3,
  },
  { id: '5a000000-0000-4000-8000-000000000004', name: 'Interview', kind: 'active', position: 4 },
  { id: '5a000000-0000-4000-8000-000000000005', name: 'Offer', kind: 'active', position: 5 },
  { id: '5a000000-0000-4000-8000-000000000008', name: 'Hired', kind: 'hired', position: 1000 },
  {
    id: '5a000000-0000-4000-8000-000000000009',
    name: 'Rejected',
    kind: 'rejected',
    position: 1001,
  },
];

export const stageNamed = (name: string) => STAGES.find((stage) => stage.name === name)!;

export const OPTIONS: Options = {
  teams: [{ id: TEAM_ID, code: 'SUPPORT_L1', name: 'Support L1' }],
  cities: [
    { code: 'LIS', name: 'Lisbon', languages: ['pt-PT', 'en'] },
    { code: 'MEX', name: 'Mexico City', languages: ['es-MX', 'en'] },
  ],
  staff: [{ id: trainerViewer.id, name: 'Tomás Trainer', role: 'trainer' }],
  stages: STAGES,
};

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

export function requisitionRow(overrides: Partial<RequisitionRow> = {}): RequisitionRow {
  return {
    id: REQUISITION_ID,
    number: 101,
    title: 'Guest support agent, Lisbon (PT/EN)',
    teamId: TEAM_ID,
    teamName: 'Support L1',
    cityCode: 'LIS',
    cityName: 'Lisbon',
    languages: ['pt-PT', 'en'],
    headcount: 4,
    targetStartDate: '2026-06-01',
    status: 'open',
    description: 'Summer peak',
    ownerId: trainerViewer.id,
    ownerName: 'Tomás Trainer',
    filledAt: null,
    createdAt: daysAgo(30),
    updatedAt: daysAgo(30),
    hiredCount: 1,
    candidateCount: 10,
    inProcessCount: 7,
    ...overrides,
  };
}

export function candidateRow(overrides: Partial<CandidateRow> = {}): CandidateRow {
  const stage = stageNamed('Offer');
  return {
    id: CANDIDATE_ID,
    name: 'Inês Costa',
    email: 'ines.costa@example.com',
    phone: '+351 912 345 678',
    languages: ['pt-PT', 'en'],
    source: 'referral',
    location: 'Lisbon',
    requisitionId: REQUISITION_ID,
    requisitionNumber: 101,
    requisitionTitle: 'Guest support agent, Lisbon (PT/EN)',
    stageId: stage.id,
    stageName: stage.name,
    stageKind: 'active',
    stageEnteredAt: daysAgo(3),
    rejectionReason: null,
    rejectionNote: '',
    hiredAt: null,
    hiredUserId: null,
    scorecardCount: 2,
    averageScore: 4.25,
    createdAt: daysAgo(20),
    ...overrides,
  };
}

const SCORECARDS: CandidateDetail['scorecards'] = [
  {
    id: 'd1d1d1d1-d1d1-4d1d-8d1d-d1d1d1d1d1d1',
    kind: 'assessment',
    interviewerId: trainerViewer.id,
    interviewerName: 'Tomás Trainer',
    writtenEnglish: 5,
    empathy: 4,
    problemSolving: 4,
    otherLanguages: 5,
    ratings: { writtenEnglish: 5, empathy: 4, problemSolving: 4, otherLanguages: 5 },
    recommendation: 'strong_yes',
    comments: 'Refund reply needed no edits.',
    stageName: 'Written assessment',
    submittedAt: daysAgo(10),
  },
  {
    id: 'd2d2d2d2-d2d2-4d2d-8d2d-d2d2d2d2d2d2',
    kind: 'interview',
    interviewerId: '33333333-3333-4333-8333-333333333333',
    interviewerName: 'Lena Lead',
    writtenEnglish: 4,
    empathy: 5,
    problemSolving: 3,
    otherLanguages: null,
    ratings: { writtenEnglish: 4, empathy: 5, problemSolving: 3, otherLanguages: null },
    recommendation: 'yes',
    comments: 'Calm in the role play.',
    stageName: 'Interview',
    submittedAt: daysAgo(5),
  },
];

export function candidateDetail(overrides: Partial<CandidateDetail> = {}): CandidateDetail {
  const scorecards = overrides.scorecards ?? SCORECARDS;
  return {
    candidate: candidateRow(),
    requisition: requisitionRow(),
    history: [
      {
        id: 'e3e3e3e3-e3e3-4e3e-8e3e-e3e3e3e3e3e3',
        fromStageName: 'Interview',
        toStageName: 'Offer',
        rejectionReason: null,
        note: 'Offer sent',
        movedByName: 'Lena Lead',
        movedAt: daysAgo(3),
      },
      {
        id: 'e1e1e1e1-e1e1-4e1e-8e1e-e1e1e1e1e1e1',
        fromStageName: null,
        toStageName: 'Applied',
        rejectionReason: null,
        note: '',
        movedByName: 'Tomás Trainer',
        movedAt: daysAgo(20),
      },
    ],
    scorecards,
    rubricAverages: rubricAverages(scorecards),
    recommendations: recommendationTally(scorecards),
    notes: [
      {
        id: 'f1f1f1f1-f1f1-4f1f-8f1f-f1f1f1f1f1f1',
        body: 'Referred by Ana Silva',
        authorName: 'Lena Lead',
        createdAt: daysAgo(19),
      },
    ],
    attachments: [
      {
        id: 'b1b1b1b1-b1b1-4b1b-8b1b-b1b1b1b1b1b1',
        fileName: 'CV Inês Costa.pdf',
        contentType: 'application/pdf',
        sizeBytes: 182_000,
        uploadedByName: 'Tomás Trainer',
        createdAt: daysAgo(19),
      },
    ],
    hire: null,
    ...overrides,
  };
}

export function boardColumns(cards: CandidateRow[]): BoardColumn[] {
  return STAGES.map((stage) => {
    const here = cards.filter((card) => card.stageId === stage.id);
    return { ...stage, total: here.length, candidates: here };
  });
}

export function funnelOf(): ProcedureOutput<'hiring.funnel'> {
  const at = (days: number) => daysAgo(days);
  return hiringFunnel(
    STAGES,
    [
      {
        visits: [
          { stageId: STAGES[0]!.id, enteredAt: at(20), leftAt: at(18) },
          { stageId: STAGES[1]!.id, enteredAt: at(18), leftAt: null },
        ],
      },
      { visits: [{ stageId: STAGES[0]!.id, enteredAt: at(4), leftAt: null }] },
    ],
    new Date(),
  );
}
