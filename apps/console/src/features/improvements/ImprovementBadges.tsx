import { Badge } from '@mantine/core';
import { IMPROVEMENT_STATUS_LABELS, type ThemeTrend } from '@switchboard/domain';
import { improvementStatusOf, STATUS_COLORS } from './improvement-options.ts';

const TREND_STYLE: Record<ThemeTrend, { label: string; color: string }> = {
  new: { label: 'New', color: 'violet' },
  rising: { label: 'Rising', color: 'red' },
  steady: { label: 'Steady', color: 'gray' },
  falling: { label: 'Falling', color: 'teal' },
};

export function TrendBadge({ trend }: { trend: ThemeTrend }) {
  const { label, color } = TREND_STYLE[trend];
  return (
    <Badge color={color} variant="light" size="sm">
      {label}
    </Badge>
  );
}

export function ImprovementStatusBadge({ status }: { status: string }) {
  const known = improvementStatusOf(status);
  return (
    <Badge color={known ? STATUS_COLORS[known] : 'gray'} variant="light" size="sm">
      {known ? IMPROVEMENT_STATUS_LABELS[known] : status}
    </Badge>
  );
}
