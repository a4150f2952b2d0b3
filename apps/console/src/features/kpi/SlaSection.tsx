import { Anchor, Group, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { type KpiFigures, SLA_TARGET_KINDS, SLA_TARGET_LABELS } from '@switchboard/domain';
import { IconArrowRight } from '@tabler/icons-react';
import { Link } from 'react-router';
import { ChangeText, FormulaInfo } from './KpiCard.tsx';
import type { KpiDefinitions } from './kpi-figures.ts';
import { describeChange, formatCount, formatRate } from './kpi-format.ts';
import { ReportSection } from './ReportSection.tsx';
import { drilldownHref, type ReportParams } from './report-params.ts';

/** Below 80% a target is in trouble, below 95% it needs watching. */
function attainmentColor(attainment: number | null): string {
  if (attainment === null) return 'gray';
  if (attainment >= 0.95) return 'teal';
  if (attainment >= 0.8) return 'yellow';
  return 'red';
}

/** Attainment per SLA target: met of those that fell due, and the change since last period. */
export function SlaSection({
  figures,
  previous,
  definitions,
  params,
}: {
  figures: KpiFigures;
  previous: KpiFigures;
  definitions: KpiDefinitions;
  params: ReportParams;
}) {
  const missed = SLA_TARGET_KINDS.reduce(
    (sum, target) => sum + figures.sla[target].due - figures.sla[target].met,
    0,
  );
  return (
    <ReportSection
      title="SLA attainment"
      description="Per target: clock runs that met their due time, of those that fell due in the period."
      aside={
        <>
          <FormulaInfo label="SLA attainment" formula={definitions.slaAttainment.formula} />
          {missed > 0 ? (
            <Anchor
              component={Link}
              to={drilldownHref('slaMissed', params)}
              size="sm"
              data-drilldown="slaMissed"
            >
              <Group gap={4} wrap="nowrap">
                Conversations that missed a target <IconArrowRight size={14} />
              </Group>
            </Anchor>
          ) : null}
        </>
      }
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xl">
        {SLA_TARGET_KINDS.map((target) => {
          const figure = figures.sla[target];
          const before = previous.sla[target];
          const label = SLA_TARGET_LABELS[target];
          return (
            <Stack key={target} gap={6} aria-label={`${label} SLA`} role="group">
              <Text size="sm" fw={600} c="dimmed">
                {label}
              </Text>
              <Group gap="xs" align="baseline">
                <Text
                  fz={28}
                  fw={700}
                  lh={1.1}
                  c={figure.attainment === null ? 'dimmed' : undefined}
                >
                  {formatRate(figure.attainment)}
                </Text>
                <Text size="sm" c="dimmed">
                  met
                </Text>
              </Group>
              <Progress
                value={(figure.attainment ?? 0) * 100}
                color={attainmentColor(figure.attainment)}
                size="sm"
                aria-label={`${label} attainment`}
              />
              <ChangeText
                change={describeChange(figure.attainment, before.attainment, 'rate', 'higher')}
                previous={formatRate(before.attainment)}
              />
              <Text size="xs" c="dimmed">
                {formatCount(figure.met)} met of {formatCount(figure.due)} due ·{' '}
                <Text span size="xs" c={figure.due - figure.met > 0 ? 'red' : 'dimmed'} fw={500}>
                  {formatCount(figure.due - figure.met)} missed
                </Text>
              </Text>
            </Stack>
          );
        })}
      </SimpleGrid>
    </ReportSection>
  );
}
