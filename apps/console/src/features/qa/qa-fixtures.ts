import type { QaCriterion } from '@switchboard/domain';
import { mockViewer, type ProcedureOutput } from '@switchboard/ui/testing';

/* Test data shaped like the QA API answers. */

type ReviewDetail = ProcedureOutput<'qa.review'>;
type ReviewRow = ProcedureOutput<'qa.reviews'>['items'][number];
type Trends = ProcedureOutput<'qa.trends'>;
type Calibration = ProcedureOutput<'qa.calibration'>;

export const LEAD_ID = '11111111-1111-4111-8111-111111111111';
export const OTHER_LEAD_ID = '33333333-3333-4333-8333-333333333333';
export const TRAINER_ID = '22222222-2222-4222-8222-222222222222';
export const AGENT_ID = 'agent-ana';
export const REVIEW_ID = '5b7f1a52-2f6c-4d55-9d2b-5fd4f6c0a0a1';
export const SCORECARD_ID = '5b7f1a52-2f6c-4d55-9d2b-5fd4f6c0a0b1';
export const VERSION_ID = '5b7f1a52-2f6c-4d55-9d2b-5fd4f6c0a0b2';
export const CONVERSATION_ID = '5b7f1a52-2f6c-4d55-9d2b-5fd4f6c0a0c1';
export const SESSION_ID = '5b7f1a52-2f6c-4d55-9d2b-5fd4f6c0a0d1';
export const TEAM_ID = '5b7f1a52-2f6c-4d55-9d2b-5fd4f6c0a0e1';

export const leadViewer = mockViewer({ id: LEAD_ID, role: 'lead', name: 'Marta Figueiredo' });
export const trainerViewer = mockViewer({ id: TRAINER_ID, role: 'trainer', name: 'Helen Okafor' });

export const CRITERIA: QaCriterion[] = [
  {
    id: 'greets_by_name',
    group: 'tone',
    label: 'Greets the guest by name',
    guidance: '',
    weight: 1,
    scale: { min: 0, max: 1 },
    allowNa: false,
    autoFail: false,
  },
  {
    id: 'acknowledges_feelings',
    group: 'empathy',
    label: 'Acknowledges how the guest feels',
    guidance: 'N/A when the guest only asked for information.',
    weight: 2,
    scale: { min: 0, max: 2 },
    allowNa: true,
    autoFail: false,
  },
  {
    id: 'protects_personal_data',
    group: 'policy_adherence',
    label: 'Protects personal data',
    guidance: '',
    weight: 2,
    scale: { min: 0, max: 1 },
    allowNa: false,
    autoFail: true,
  },
];

const at = (iso: string) => new Date(iso);

export const FILTER_OPTIONS: ProcedureOutput<'qa.filterOptions'> = {
  agents: [{ id: AGENT_ID, name: 'Ana Silva' }],
  reviewers: [
    { id: LEAD_ID, name: 'Marta Figueiredo', role: 'lead' },
    { id: OTHER_LEAD_ID, name: 'Karim Mansour', role: 'lead' },
    { id: TRAINER_ID, name: 'Helen Okafor', role: 'trainer' },
  ],
  teams: [{ id: TEAM_ID, name: 'Support L1' }],
  scorecards: [
    {
      id: SCORECARD_ID,
      name: 'Guest support QA',
      audience: 'guest',
      passMark: 80,
      archivedAt: null,
    },
  ],
};

export function conversationDetail(): ReviewDetail['conversation'] {
  const createdAt = at('2026-03-10T09:00:00Z');
  return {
    conversation: {
      id: CONVERSATION_ID,
      number: 10423,
      subject: 'Driver not at arrivals',
      status: 'resolved',
      priority: 'P2',
      channel: 'whatsapp',
      audience: 'guest',
      language: 'en',
      inboxId: '5b7f1a52-2f6c-4d55-9d2b-5fd4f6c0a0f1',
      assigneeId: AGENT_ID,
      createdAt,
      lastMessageAt: at('2026-03-10T09:20:00Z'),
      firstResponseAt: at('2026-03-10T09:02:00Z'),
      resolvedAt: at('2026-03-10T09:20:00Z'),
      snoozedUntil: null,
      slaDueAt: null,
      firstResponseDueAt: null,
      nextResponseDueAt: null,
      resolutionDueAt: null,
      slaPausedAt: null,
      csatRating: 2,
      csatComment: 'Waited too long',
      csatRatedAt: at('2026-03-10T10:00:00Z'),
      routingDecision: null,
      assignmentReason: null,
      queuedAt: null,
      assigneeReplyDueAt: null,
      requestTypeId: null,
      bookingId: null,
      contactId: '5b7f1a52-2f6c-4d55-9d2b-5fd4f6c0a0f2',
      inboxName: 'Lisbon guests',
      assigneeName: 'Ana Silva',
      requestTypeCode: null,
      requestTypeName: null,
      reasonCode: null,
      reasonName: null,
      cityCode: 'LIS',
      cityName: 'Lisbon',
      cityTimeZone: 'Europe/Lisbon',
    },
    contact: {
      id: '5b7f1a52-2f6c-4d55-9d2b-5fd4f6c0a0f2',
      name: 'Grace Guest',
      audience: 'guest',
      email: null,
      phone: null,
      locale: 'en',
      cityName: 'Lisbon',
    },
    booking: null,
    messages: [
      {
        id: 'm1',
        direction: 'inbound',
        kind: 'message',
        authorType: 'contact',
        authorName: null,
        channel: 'whatsapp',
        body: 'I am at arrivals and there is no driver.',
        clientId: null,
        createdAt,
      },
      {
        id: 'm2',
        direction: 'outbound',
        kind: 'message',
        authorType: 'agent',
        authorName: 'Ana Silva',
        channel: 'whatsapp',
        body: 'Your driver is at door 3 and will be there in 5 minutes.',
        clientId: null,
        createdAt: at('2026-03-10T09:02:00Z'),
      },
    ],
    events: [],
    tags: [],
  };
}

export function reviewDetail(overrides: Partial<ReviewDetail['review']> = {}): ReviewDetail {
  return {
    review: {
      id: REVIEW_ID,
      status: 'submitted',
      sample: 'low_csat',
      score: 60,
      autoFailed: false,
      passMark: 80,
      submittedAt: at('2026-03-11T10:00:00Z'),
      updatedAt: at('2026-03-11T10:00:00Z'),
      disputedAt: null,
      conversationId: CONVERSATION_ID,
      conversationNumber: 10423,
      subject: 'Driver not at arrivals',
      audience: 'guest',
      channel: 'whatsapp',
      agentId: AGENT_ID,
      agentName: 'Ana Silva',
      reviewerId: TRAINER_ID,
      reviewerName: 'Helen Okafor',
      scorecardId: SCORECARD_ID,
      scorecardName: 'Guest support QA',
      version: 2,
      scorecardVersionId: VERSION_ID,
      calibrationSessionId: null,
      calibrationStatus: null,
      scores: {
        greets_by_name: { score: 0, comment: 'Open with the guest’s name.' },
        acknowledges_feelings: { score: 1 },
        protects_personal_data: { score: 1 },
      },
      comment: 'Good resolution; greet by name.',
      acknowledgedAt: null,
      disputeReason: null,
      settledByName: null,
      settledAt: null,
      settlementNote: null,
      settlement: null,
      createdAt: at('2026-03-11T09:30:00Z'),
      disputableUntil: at('2026-03-25T10:00:00Z'),
      ...overrides,
    },
    scorecard: {
      id: SCORECARD_ID,
      name: 'Guest support QA',
      version: 2,
      passMark: 80,
      criteria: CRITERIA,
    },
    events: [
      {
        id: 'e1',
        type: 'started',
        actorName: 'Helen Okafor',
        payload: { sample: 'low_csat' },
        occurredAt: at('2026-03-11T09:30:00Z'),
      },
      {
        id: 'e2',
        type: 'submitted',
        actorName: 'Helen Okafor',
        payload: { score: 60 },
        occurredAt: at('2026-03-11T10:00:00Z'),
      },
    ],
    conversation: conversationDetail(),
  };
}

export function reviewRow(overrides: Partial<ReviewRow> = {}): ReviewRow {
  const { review } = reviewDetail();
  return {
    id: review.id,
    status: review.status,
    sample: review.sample,
    score: review.score,
    autoFailed: review.autoFailed,
    passMark: review.passMark,
    submittedAt: review.submittedAt,
    updatedAt: review.updatedAt,
    disputedAt: review.disputedAt,
    conversationId: review.conversationId,
    conversationNumber: review.conversationNumber,
    subject: review.subject,
    audience: review.audience,
    channel: review.channel,
    agentId: review.agentId,
    agentName: review.agentName,
    reviewerId: review.reviewerId,
    reviewerName: review.reviewerName,
    scorecardId: review.scorecardId,
    scorecardName: review.scorecardName,
    version: review.version,
    ...overrides,
  };
}

export function trends(overrides: Partial<Trends> = {}): Trends {
  const figures = { reviews: 3, averageScore: 70, passRate: 1 / 3, autoFails: 1, disputes: 1 };
  return {
    overall: figures,
    weeks: [
      { weekStart: '2026-03-02', ...figures, reviews: 1, averageScore: 90, passRate: 1 },
      { weekStart: '2026-03-09', ...figures, reviews: 2, averageScore: 60, passRate: 0 },
    ],
    agents: [{ agentId: AGENT_ID, agentName: 'Ana Silva', ...figures }],
    teams: [{ teamId: TEAM_ID, teamName: 'Support L1', ...figures }],
    criteria: [
      {
        criterionId: 'greets_by_name',
        label: 'Greets the guest by name',
        group: 'tone',
        autoFail: false,
        scored: 3,
        notApplicable: 0,
        average: 33.3,
        autoFailures: 0,
      },
    ],
    ...overrides,
  };
}

export function calibrationDetail(overrides: Partial<Calibration> = {}): Calibration {
  return {
    session: {
      id: SESSION_ID,
      title: 'Airport pickup, #10423',
      status: 'open',
      conversationId: CONVERSATION_ID,
      conversationNumber: 10423,
      subject: 'Driver not at arrivals',
      scorecardVersionId: VERSION_ID,
      scorecardName: 'Guest support QA',
      version: 2,
      reviewerIds: [LEAD_ID, TRAINER_ID, OTHER_LEAD_ID],
      createdById: LEAD_ID,
      createdByName: 'Marta Figueiredo',
      createdAt: at('2026-03-12T09:00:00Z'),
      revealedAt: null,
    },
    scorecard: {
      id: SCORECARD_ID,
      name: 'Guest support QA',
      version: 2,
      passMark: 80,
      criteria: CRITERIA,
    },
    conversation: conversationDetail(),
    reviewers: [
      {
        reviewerId: TRAINER_ID,
        reviewerName: 'Helen Okafor',
        reviewId: 'r-helen',
        status: 'submitted',
        submittedAt: at('2026-03-12T10:00:00Z'),
        scores: null,
        score: null,
        comment: null,
      },
      {
        reviewerId: OTHER_LEAD_ID,
        reviewerName: 'Karim Mansour',
        reviewId: 'r-karim',
        status: 'draft',
        submittedAt: null,
        scores: null,
        score: null,
        comment: null,
      },
      {
        reviewerId: LEAD_ID,
        reviewerName: 'Marta Figueiredo',
        reviewId: 'r-marta',
        status: 'draft',
        submittedAt: null,
        scores: {},
        score: null,
        comment: '',
      },
    ],
    myReviewId: 'r-marta',
    result: null,
    revealRefusal: 'Wait until at least 2 reviewers have submitted their scores',
    ...overrides,
  };
}
