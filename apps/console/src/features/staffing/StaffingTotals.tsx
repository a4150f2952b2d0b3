import { Paper, SimpleGrid, Text } from '@mantine/core';
import { formatMoney } from '@switchboard/domain';
import type { ReactNode } from 'react';
import { agentsText, arrivalsText, type StaffingOverview } from './staffing-format.ts';

function Figure({
  label,
  value,
  detail,
  color,
}: {
  label: string;
  value: ReactNode;
  detail?: ReactNode;
  color?: string;
}) {
  return (
    <Paper p="sm" role="group" aria-label={label}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700} c={color}>
        {value}
      </Text>
      {detail ? (
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      ) : null}
    </Paper>
  );
}

/** The week in numbers: contacts, agent-hours required and scheduled, and what each costs. */
export function StaffingTotals({ overview }: { overview: StaffingOverview }) {
  const { totals, plan } = overview;
  const money = (amountMinor: number) => formatMoney({ amountMinor, currency: totals.currency });
  const difference = totals.scheduledCostMinor - totals.requiredCostMinor;
  const noRate = plan.settings.hourlyRateMinor === 0;
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
      <Figure
        label="Forecast contacts"
        value={arrivalsText(totals.forecastArrivals)}
        detail={`a week, from ${overview.history.conversations} in ${overview.history.weeks} weeks`}
      />
      <Figure label="Required agent-hours" value={agentsText(totals.requiredAgentHours)} />
      <Figure label="Scheduled agent-hours" value={agentsText(totals.scheduledAgentHours)} />
      <Figure
        label="Hours short"
        value={totals.understaffedHours}
        color={totals.understaffedHours > 0 ? 'red' : 'teal'}
        detail={`${agentsText(totals.shortfallAgentHours)} agent-hours missing`}
      />
      <Figure
        label="Cost as scheduled"
        value={money(totals.scheduledCostMinor)}
        detail={noRate ? 'Set an hourly cost in the plan' : 'a week'}
      />
      <Figure
        label="Cost as required"
        value={money(totals.requiredCostMinor)}
        detail={
          noRate
            ? 'Set an hourly cost in the plan'
            : `${difference >= 0 ? money(difference) : `−${money(-difference)}`} scheduled over it`
        }
      />
    </SimpleGrid>
  );
}
