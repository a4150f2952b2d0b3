import { SimpleGrid } from '@mantine/core';
import type { KpiFigures } from '@switchboard/domain';
import { Detail, DrillCount, KpiCard } from './KpiCard.tsx';
import { CREATED_FORMULA, type KpiDefinitions } from './kpi-figures.ts';
import {
  describeChange,
  formatCount,
  formatDecimal,
  formatRate,
  formatSeconds,
} from './kpi-format.ts';
import type { ReportParams } from './report-params.ts';

interface CardsProps {
  figures: KpiFigures;
  previous: KpiFigures;
  definitions: KpiDefinitions;
  params: ReportParams;
}

/** A rate's card: the rate, last period's, and the change in percentage points. */
function rateProps(current: number | null, before: number | null, better: 'higher' | 'lower') {
  return {
    value: formatRate(current),
    previous: formatRate(before),
    change: describeChange(current, before, 'rate', better),
  };
}

/**
 * Every conversation-level KPI of the period beside the period before. Durations are business
 * time (what the SLAs promise) with calendar time under them; every count of conversations
 * opens the list of them.
 */
export function HeadlineCards({ figures: f, previous: p, definitions: d, params }: CardsProps) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
      <KpiCard
        title="Conversations created"
        formula={CREATED_FORMULA}
        value={formatCount(f.created)}
        previous={formatCount(p.created)}
        change={describeChange(f.created, p.created, 'count', 'neither')}
      >
        <Detail label="Created">
          <DrillCount count={f.created} drilldown="created" params={params} />
        </Detail>
        <Detail label="Open now">
          <DrillCount count={f.backlog.open} drilldown="open" params={params} />
        </Detail>
      </KpiCard>

      <KpiCard
        title={d.firstResponse.label}
        formula={d.firstResponse.formula}
        value={formatSeconds(f.firstResponse.p50BusinessSeconds)}
        aside="median"
        previous={formatSeconds(p.firstResponse.p50BusinessSeconds)}
        change={describeChange(
          f.firstResponse.p50BusinessSeconds,
          p.firstResponse.p50BusinessSeconds,
          'seconds',
          'lower',
        )}
      >
        <Detail label="Business time">
          p50 {formatSeconds(f.firstResponse.p50BusinessSeconds)} · p90{' '}
          {formatSeconds(f.firstResponse.p90BusinessSeconds)}
        </Detail>
        <Detail label="Calendar time">
          p50 {formatSeconds(f.firstResponse.p50Seconds)} · p90{' '}
          {formatSeconds(f.firstResponse.p90Seconds)}
        </Detail>
        <Detail label="First responded">
          <DrillCount count={f.firstResponse.count} drilldown="firstResponded" params={params} />
        </Detail>
      </KpiCard>

      <KpiCard
        title={d.resolution.label}
        formula={d.resolution.formula}
        value={formatSeconds(f.resolution.p50BusinessSeconds)}
        aside="median"
        previous={formatSeconds(p.resolution.p50BusinessSeconds)}
        change={describeChange(
          f.resolution.p50BusinessSeconds,
          p.resolution.p50BusinessSeconds,
          'seconds',
          'lower',
        )}
      >
        <Detail label="Business time">
          p50 {formatSeconds(f.resolution.p50BusinessSeconds)} · p90{' '}
          {formatSeconds(f.resolution.p90BusinessSeconds)}
        </Detail>
        <Detail label="Calendar time">
          p50 {formatSeconds(f.resolution.p50Seconds)} · p90{' '}
          {formatSeconds(f.resolution.p90Seconds)}
        </Detail>
        <Detail label="Resolved">
          <DrillCount count={f.resolution.count} drilldown="resolved" params={params} />
        </Detail>
      </KpiCard>

      <KpiCard
        title={d.csat.label}
        formula={d.csat.formula}
        {...rateProps(f.csat.score, p.csat.score, 'higher')}
      >
        <Detail label="Rated">
          <DrillCount count={f.csat.ratings} drilldown="rated" params={params} /> ·{' '}
          {formatCount(f.csat.positive)} rated 4–5
        </Detail>
        <Detail label="Rated 1–3">
          <DrillCount
            count={f.csat.ratings - f.csat.positive}
            drilldown="detractors"
            params={params}
          />
        </Detail>
        <Detail label="Response rate">
          {formatRate(f.csat.responseRate)} ({formatCount(f.csat.responded)} of{' '}
          {formatCount(f.csat.requested)} surveys)
        </Detail>
      </KpiCard>

      <KpiCard
        title={d.fcr.label}
        formula={d.fcr.formula}
        {...rateProps(f.fcr.rate, p.fcr.rate, 'higher')}
      >
        <Detail label="One-touch">
          {formatCount(f.fcr.oneTouch)} of {formatCount(f.fcr.resolved)} first resolved
        </Detail>
        <Detail label="Not one-touch">
          <DrillCount
            count={f.fcr.resolved - f.fcr.oneTouch}
            drilldown="notOneTouch"
            params={params}
          />
        </Detail>
      </KpiCard>

      <KpiCard
        title={d.reopenRate.label}
        formula={d.reopenRate.formula}
        {...rateProps(f.reopen.rate, p.reopen.rate, 'lower')}
      >
        <Detail label="Reopened within 7 days">
          <DrillCount count={f.reopen.reopened} drilldown="reopened" params={params} />
        </Detail>
        <Detail label="First resolved">{formatCount(f.reopen.resolved)}</Detail>
      </KpiCard>

      <KpiCard
        title={d.escalationRate.label}
        formula={d.escalationRate.formula}
        {...rateProps(f.escalation.rate, p.escalation.rate, 'lower')}
      >
        <Detail label="Escalated">
          <DrillCount count={f.escalation.escalated} drilldown="escalated" params={params} />
        </Detail>
        <Detail label="Handled">{formatCount(f.escalation.handled)}</Detail>
      </KpiCard>

      <KpiCard
        title={d.routingAccuracy.label}
        formula={d.routingAccuracy.formula}
        {...rateProps(f.routingAccuracy.rate, p.routingAccuracy.rate, 'higher')}
      >
        <Detail label="Resolved where routed">
          {formatCount(f.routingAccuracy.accurate)} of {formatCount(f.routingAccuracy.routed)}{' '}
          routed
        </Detail>
        <Detail label="Transferred">
          <DrillCount
            count={f.routingAccuracy.transferred}
            drilldown="transferred"
            params={params}
          />
        </Detail>
        <Detail label="Still open">{formatCount(f.routingAccuracy.open)}</Detail>
      </KpiCard>

      <KpiCard
        title={d.contactRate.label}
        formula={d.contactRate.formula}
        value={formatDecimal(f.contactRate.perThousandTrips)}
        aside="per 1,000 trips"
        previous={formatDecimal(p.contactRate.perThousandTrips)}
        change={describeChange(
          f.contactRate.perThousandTrips,
          p.contactRate.perThousandTrips,
          'decimal',
          'lower',
        )}
      >
        <Detail label="Conversations">
          <DrillCount count={f.contactRate.conversations} drilldown="created" params={params} />
        </Detail>
        <Detail label={params.city ? 'Trips in the city' : 'Trips, every city'}>
          {formatCount(f.contactRate.trips)}
        </Detail>
      </KpiCard>
    </SimpleGrid>
  );
}
