import {
  type KpiDrilldown,
  type KpiFigures,
  type KpiKey,
  SLA_TARGET_KINDS,
  SLA_TARGET_LABELS,
} from '@switchboard/domain';
import {
  type Better,
  type FigureKind,
  formatCount,
  formatDecimal,
  formatRate,
  formatSeconds,
} from './kpi-format.ts';

/** What "created" counts; the other figures' formulas come from the domain's definitions. */
export const CREATED_FORMULA =
  'Conversations created in the period (their first message arrived in it), whatever happened to them since.';

/** One headline figure, read the same way on the dashboard, the scorecard and in their CSVs. */
export interface HeadlineFigure {
  key: string;
  label: string;
  kind: FigureKind;
  better: Better;
  /** The definition whose formula explains it (none for plain counts). */
  definition: KpiKey | null;
  read: (figures: KpiFigures) => number | null;
  /** The conversations it counts, when it is a count of conversations. */
  drilldown?: KpiDrilldown;
  /** False when the figure means nothing for one agent (trips are not assigned to agents). */
  perAgent?: false;
}

const seconds = (
  key: string,
  label: string,
  definition: KpiKey,
  read: (figures: KpiFigures) => number | null,
): HeadlineFigure => ({ key, label, kind: 'seconds', better: 'lower', definition, read });

export const HEADLINE_FIGURES: readonly HeadlineFigure[] = [
  {
    key: 'created',
    label: 'Conversations created',
    kind: 'count',
    better: 'neither',
    definition: null,
    read: (f) => f.created,
    drilldown: 'created',
  },
  {
    key: 'firstResponses',
    label: 'First responses sent',
    kind: 'count',
    better: 'neither',
    definition: 'firstResponse',
    read: (f) => f.firstResponse.count,
    drilldown: 'firstResponded',
  },
  seconds(
    'frtP50',
    'First response p50 (business)',
    'firstResponse',
    (f) => f.firstResponse.p50BusinessSeconds,
  ),
  seconds(
    'frtP90',
    'First response p90 (business)',
    'firstResponse',
    (f) => f.firstResponse.p90BusinessSeconds,
  ),
  seconds(
    'frtP50Calendar',
    'First response p50 (calendar)',
    'firstResponse',
    (f) => f.firstResponse.p50Seconds,
  ),
  {
    key: 'resolutions',
    label: 'Resolved',
    kind: 'count',
    better: 'neither',
    definition: 'resolution',
    read: (f) => f.resolution.count,
    drilldown: 'resolved',
  },
  seconds(
    'resolutionP50',
    'Resolution p50 (business)',
    'resolution',
    (f) => f.resolution.p50BusinessSeconds,
  ),
  seconds(
    'resolutionP90',
    'Resolution p90 (business)',
    'resolution',
    (f) => f.resolution.p90BusinessSeconds,
  ),
  seconds(
    'resolutionP50Calendar',
    'Resolution p50 (calendar)',
    'resolution',
    (f) => f.resolution.p50Seconds,
  ),
  ...SLA_TARGET_KINDS.map(
    (target): HeadlineFigure => ({
      key: `sla.${target}`,
      label: `SLA attainment: ${SLA_TARGET_LABELS[target].toLowerCase()}`,
      kind: 'rate',
      better: 'higher',
      definition: 'slaAttainment',
      read: (f) => f.sla[target].attainment,
    }),
  ),
  {
    key: 'csat',
    label: 'CSAT',
    kind: 'rate',
    better: 'higher',
    definition: 'csat',
    read: (f) => f.csat.score,
  },
  {
    key: 'ratings',
    label: 'Rated',
    kind: 'count',
    better: 'neither',
    definition: 'csat',
    read: (f) => f.csat.ratings,
    drilldown: 'rated',
  },
  {
    key: 'detractors',
    label: 'Rated 1–3',
    kind: 'count',
    better: 'lower',
    definition: 'csat',
    read: (f) => f.csat.ratings - f.csat.positive,
    drilldown: 'detractors',
  },
  {
    key: 'csatResponseRate',
    label: 'CSAT response rate',
    kind: 'rate',
    better: 'higher',
    definition: 'csat',
    read: (f) => f.csat.responseRate,
  },
  {
    key: 'fcr',
    label: 'First contact resolution',
    kind: 'rate',
    better: 'higher',
    definition: 'fcr',
    read: (f) => f.fcr.rate,
  },
  {
    key: 'notOneTouch',
    label: 'Not resolved in one touch',
    kind: 'count',
    better: 'lower',
    definition: 'fcr',
    read: (f) => f.fcr.resolved - f.fcr.oneTouch,
    drilldown: 'notOneTouch',
  },
  {
    key: 'reopenRate',
    label: 'Reopen rate',
    kind: 'rate',
    better: 'lower',
    definition: 'reopenRate',
    read: (f) => f.reopen.rate,
  },
  {
    key: 'reopened',
    label: 'Reopened',
    kind: 'count',
    better: 'lower',
    definition: 'reopenRate',
    read: (f) => f.reopen.reopened,
    drilldown: 'reopened',
  },
  {
    key: 'escalationRate',
    label: 'Escalation rate',
    kind: 'rate',
    better: 'lower',
    definition: 'escalationRate',
    read: (f) => f.escalation.rate,
  },
  {
    key: 'escalated',
    label: 'Escalated',
    kind: 'count',
    better: 'lower',
    definition: 'escalationRate',
    read: (f) => f.escalation.escalated,
    drilldown: 'escalated',
  },
  {
    key: 'routingAccuracy',
    label: 'Routing accuracy',
    kind: 'rate',
    better: 'higher',
    definition: 'routingAccuracy',
    read: (f) => f.routingAccuracy.rate,
  },
  {
    key: 'transferred',
    label: 'Transferred after routing',
    kind: 'count',
    better: 'lower',
    definition: 'routingAccuracy',
    read: (f) => f.routingAccuracy.transferred,
    drilldown: 'transferred',
  },
  {
    key: 'contactRate',
    label: 'Contacts per 1,000 trips',
    kind: 'decimal',
    better: 'lower',
    definition: 'contactRate',
    read: (f) => f.contactRate.perThousandTrips,
    perAgent: false,
  },
  {
    key: 'open',
    label: 'Open now',
    kind: 'count',
    better: 'lower',
    definition: 'backlog',
    read: (f) => f.backlog.open,
    drilldown: 'open',
  },
  {
    key: 'breachedOpen',
    label: 'Open with a breached SLA',
    kind: 'count',
    better: 'lower',
    definition: 'backlog',
    read: (f) => f.backlog.breachedOpen,
    drilldown: 'breachedOpen',
  },
];

export function formatFigure(kind: FigureKind, value: number | null): string {
  switch (kind) {
    case 'count':
      return value === null ? '—' : formatCount(value);
    case 'rate':
      return formatRate(value);
    case 'seconds':
      return formatSeconds(value);
    case 'decimal':
      return formatDecimal(value);
  }
}

/** The definitions as the server sent them with the figures (the versions it counted with). */
export type KpiDefinitions = Record<KpiKey, { label: string; formula: string; version: number }>;

export function formulaOf(
  figure: Pick<HeadlineFigure, 'definition'>,
  definitions: KpiDefinitions,
): string {
  return figure.definition ? definitions[figure.definition].formula : CREATED_FORMULA;
}
