import { ActionIcon, Anchor, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { KPI_DRILLDOWN_LABELS, type KpiDrilldown } from '@switchboard/domain';
import {
  IconArrowDownRight,
  IconArrowUpRight,
  IconInfoCircle,
  IconMinus,
} from '@tabler/icons-react';
import { type ReactNode, useId } from 'react';
import { Link } from 'react-router';
import { type FigureChange, formatCount, TONE_COLORS, TONE_WORDS } from './kpi-format.ts';
import { drilldownHref, type ReportParams } from './report-params.ts';

/** The formula behind a figure, one hover or focus away. */
export function FormulaInfo({ label, formula }: { label: string; formula: string }) {
  return (
    <Tooltip
      label={formula}
      multiline
      w={320}
      withArrow
      position="top-end"
      events={{ hover: true, focus: true, touch: true }}
    >
      <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`How ${label} is counted`}>
        <IconInfoCircle size={16} />
      </ActionIcon>
    </Tooltip>
  );
}

/** A figure's change since the previous period, green when it is good news and red when not. */
export function ChangeText({
  change,
  previous,
  size = 'xs',
}: {
  change: FigureChange;
  /** The previous period's value as shown, e.g. "12 min". */
  previous?: string;
  size?: 'xs' | 'sm';
}) {
  const Icon =
    change.direction > 0 ? IconArrowUpRight : change.direction < 0 ? IconArrowDownRight : IconMinus;
  return (
    <Group gap={4} wrap="nowrap">
      <Text
        size={size}
        fw={600}
        c={TONE_COLORS[change.tone]}
        span
        style={{ display: 'inline-flex', alignItems: 'center', gap: 2 }}
        aria-label={`${change.text} (${TONE_WORDS[change.tone]})`}
      >
        {change.tone === 'unknown' ? null : <Icon size={14} aria-hidden />}
        {change.text}
      </Text>
      {previous === undefined ? null : (
        <Text size={size} c="dimmed" span>
          vs {previous} before
        </Text>
      )}
    </Group>
  );
}

/** A count of conversations that opens the list of them, with the same period and filters. */
export function DrillCount({
  count,
  drilldown,
  params,
  children,
}: {
  count: number;
  drilldown: KpiDrilldown;
  params: ReportParams;
  /** What the link reads as, the count when not given. */
  children?: ReactNode;
}) {
  if (count === 0) return <>{children ?? formatCount(count)}</>;
  return (
    <Anchor
      component={Link}
      to={drilldownHref(drilldown, params)}
      inherit
      fw={600}
      title={`List them: ${KPI_DRILLDOWN_LABELS[drilldown].toLowerCase()}`}
      data-drilldown={drilldown}
    >
      {children ?? formatCount(count)}
    </Anchor>
  );
}

export interface KpiCardProps {
  title: string;
  formula: string;
  /** The headline value as shown, e.g. "87.5%" or "12 min". */
  value: string;
  /** The same figure for the period before. */
  previous: string;
  change: FigureChange;
  /** A second reading beside the value, e.g. "p90 2 h 10 min". */
  aside?: ReactNode;
  children?: ReactNode;
}

/** One KPI: its value, last period's and the change, how it is counted, and what it counts. */
export function KpiCard({
  title,
  formula,
  value,
  previous,
  change,
  aside,
  children,
}: KpiCardProps) {
  const titleId = useId();
  return (
    <Paper p="md" component="section" aria-labelledby={titleId} h="100%">
      <Stack gap={6} h="100%">
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Text id={titleId} size="sm" fw={600} c="dimmed">
            {title}
          </Text>
          <FormulaInfo label={title} formula={formula} />
        </Group>
        <Group gap="xs" align="baseline" wrap="nowrap">
          <Text fz={28} fw={700} lh={1.1} data-kpi-value>
            {value}
          </Text>
          {aside ? (
            <Text size="sm" c="dimmed" span>
              {aside}
            </Text>
          ) : null}
        </Group>
        <ChangeText change={change} previous={previous} />
        {children ? (
          <Stack gap={2} mt="auto" pt={4}>
            {children}
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** A line of detail under a KPI: "Rated · 128". */
export function Detail({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xs" ta="right">
        {children}
      </Text>
    </Group>
  );
}
