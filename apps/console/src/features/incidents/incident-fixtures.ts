import { incidentTimeline, reviewProgress } from '@switchboard/domain';
import { mockViewer, type ProcedureOutput } from '@switchboard/ui/testing';

/* Test data shaped like the incidents API answers. */

type IncidentRow = ProcedureOutput<'incidents.list'>['items'][number];
type IncidentDetail = ProcedureOutput<'incidents.byId'>;
type StaffRow = ProcedureOutput<'incidents.staff'>[number];

export const INCIDENT_ID = '5b7f1a52-2f6c-4d55-9d2b-5fd4f6c0a001';
export const LEAD_ID = '11111111-1111-4111-8111-111111111111';
export const JOAO_ID = '77777777-7777-4777-8777-777777777777';
export const MARTA_ID = '88888888-8888-4888-8888-888888888888';
export const CONVERSATION_ID = '53535353-5353-4353-8353-535353535353';
export const ACTION_ID = '5c5c5c5c-5c5c-4c5c-8c5c-5c5c5c5c5c5c';

export const leadViewer = mockViewer({ id: LEAD_ID, role: 'lead', name: 'Lena Lead' });
export const trainerViewer = mockViewer({
  id: '22222222-2222-4222-8222-222222222222',
  role: 'trainer',
  name: 'Tomás Trainer',
});

export const STAFF: StaffRow[] = [
  { id: JOAO_ID, name: 'João Pereira', role: 'agent' },
  { id: LEAD_ID, name: 'Lena Lead', role: 'lead' },
  { id: MARTA_ID, name: 'Marta Costa', role: 'lead' },
];

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

export function incidentRow(overrides: Partial<IncidentRow> = {}): IncidentRow {
  return {
    id: INCIDENT_ID,
    number: 101,
    title: 'Card payments failing in Lisbon',
    description: 'Riders cannot pay by card',
    severity: 'sev2',
    proposedSeverity: 'sev2',
    facts: { scope: 'city', impact: 'blocked', money: 'none', safety: false },
    state: 'identified',
    cityCodes: ['LIS'],
    requestTypeCode: 'PAYMENT_FAILED',
    commanderId: LEAD_ID,
    commanderName: 'Lena Lead',
    communicationsId: MARTA_ID,
    communicationsName: 'Marta Costa',
    declaredById: LEAD_ID,
    declaredAt: minutesAgo(120),
    lastUpdateAt: minutesAgo(75),
    nextUpdateDueAt: minutesAgo(15),
    resolvedAt: null,
    resolutionSummary: null,
    rootCauseCode: null,
    rootCause: null,
    reviewedAt: null,
    linkedCount: 14,
    ...overrides,
  };
}

const EVENTS = [
  {
    id: 'e1',
    type: 'declared',
    payload: { title: 'Card payments failing in Lisbon', severity: 'sev2' },
    at: minutesAgo(120),
    actorName: 'Lena Lead',
  },
  {
    id: 'e2',
    type: 'status_update',
    payload: { state: 'identified', body: 'The card provider’s webhook is failing' },
    at: minutesAgo(75),
    actorName: 'Marta Costa',
  },
];

export function incidentDetail(
  overrides: Partial<IncidentDetail> = {},
  today = new Date().toISOString().slice(0, 10),
): IncidentDetail {
  const actions = overrides.actions ?? [];
  return {
    ...incidentRow(),
    events: EVENTS,
    timeline: incidentTimeline(EVENTS),
    latestUpdate: EVENTS[1] ?? null,
    actions,
    progress: reviewProgress(
      actions.map((action) => ({ status: action.status as 'open', dueDate: action.dueDate })),
      today,
    ),
    linked: [
      {
        id: CONVERSATION_ID,
        number: 1042,
        status: 'open',
        subject: 'Card declined at drop-off',
        contactName: 'Rita Almeida',
        linkedAt: minutesAgo(100),
      },
    ],
    ...overrides,
  };
}

export function resolvedIncident(overrides: Partial<IncidentDetail> = {}): IncidentDetail {
  return incidentDetail({
    state: 'resolved',
    resolvedAt: minutesAgo(10),
    resolutionSummary: 'The provider fixed its webhook; payments flow again',
    nextUpdateDueAt: null,
    ...overrides,
  });
}

export function correctiveAction(
  overrides: Partial<IncidentDetail['actions'][number]> = {},
): IncidentDetail['actions'][number] {
  return {
    id: ACTION_ID,
    title: 'Alert on payment webhook failures',
    ownerId: JOAO_ID,
    ownerName: 'João Pereira',
    dueDate: '2020-01-15',
    status: 'open',
    completedAt: null,
    ...overrides,
  };
}
