import { Badge } from '@mantine/core';
import type { HiringRecommendation, RequisitionStatus, StageKind } from '@switchboard/domain';
import { recommendationLabel, statusLabel } from './hiring-format.ts';

const STATUS_COLORS: Record<RequisitionStatus, string> = {
  open: 'teal',
  on_hold: 'yellow',
  filled: 'blue',
  cancelled: 'gray',
};

export function RequisitionStatusBadge({ status }: { status: RequisitionStatus }) {
  return (
    <Badge color={STATUS_COLORS[status]} variant="light">
      {statusLabel(status)}
    </Badge>
  );
}

const STAGE_COLORS: Record<StageKind, string> = {
  active: 'indigo',
  hired: 'teal',
  rejected: 'red',
};

export function StageBadge({ name, kind }: { name: string; kind: StageKind }) {
  return (
    <Badge color={STAGE_COLORS[kind]} variant={kind === 'active' ? 'light' : 'filled'}>
      {name}
    </Badge>
  );
}

const RECOMMENDATION_COLORS: Record<HiringRecommendation, string> = {
  strong_yes: 'teal',
  yes: 'green',
  no: 'orange',
  strong_no: 'red',
};

export function RecommendationBadge({ value }: { value: HiringRecommendation }) {
  return (
    <Badge color={RECOMMENDATION_COLORS[value]} variant="light">
      {recommendationLabel(value)}
    </Badge>
  );
}
