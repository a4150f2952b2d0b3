import {
  Alert,
  Button,
  Grid,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import {
  FORECAST_WEIGHTING_LABELS,
  FORECAST_WEIGHTINGS,
  type ForecastWeighting,
  WEEKDAY_LABELS,
  WEEKDAYS,
  type Weekday,
} from '@switchboard/domain';
import { describeError, downloadFile, EmptyState, ErrorState } from '@switchboard/ui';
import { useViewer } from '@switchboard/ui/auth';
import { useTRPC } from '@switchboard/ui/trpc';
import { IconCalendarStats, IconDownload, IconLock } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useListParams } from '../../lib/use-list-params.ts';
import { HourlyTable } from './HourlyTable.tsx';
import { PlanSettingsForm } from './PlanSettingsForm.tsx';
import { ShiftsTable } from './ShiftsTable.tsx';
import { StaffingTotals } from './StaffingTotals.tsx';
import { StaffingWeekChart } from './StaffingWeekChart.tsx';
import { StaffingWeekGrid } from './StaffingWeekGrid.tsx';
import { intervalsCsv } from './staffing-format.ts';

/** The inbox, history window, weighting and open day are in the URL, to share a view. */
const PARAMS = ['inbox', 'weeks', 'weighting', 'day'] as const;
const WEEK_OPTIONS = [4, 8, 12] as const;
const DEFAULT_WEEKS = 8;

function weeksOf(raw: string | undefined): number {
  return WEEK_OPTIONS.find((weeks) => String(weeks) === raw) ?? DEFAULT_WEEKS;
}

function weightingOf(raw: string | undefined): ForecastWeighting {
  return FORECAST_WEIGHTINGS.find((weighting) => weighting === raw) ?? 'equal';
}

function dayOf(raw: string | undefined): Weekday {
  return WEEKDAYS.find((day) => day === raw) ?? 'mon';
}

/**
 * Staffing for an inbox: the week's forecast from its history, the agents the plan requires
 * (Erlang C) against the agents its shifts schedule, where the week is short, and what it
 * costs. Team leads and admins; trainers are told so.
 */
export function StaffingPage() {
  const viewer = useViewer();
  if (!viewer.access.lead) {
    return (
      <Stack gap="md">
        <Title order={1} size="h2">
          Staffing
        </Title>
        <Alert color="gray" icon={<IconLock />}>
          Team leads and admins plan staffing: forecasts, shifts and their cost.
        </Alert>
      </Stack>
    );
  }
  return <StaffingPlanner />;
}

function StaffingPlanner() {
  const trpc = useTRPC();
  const { values, update } = useListParams(PARAMS);
  const weeks = weeksOf(values.weeks);
  const weighting = weightingOf(values.weighting);
  const day = dayOf(values.day);
  const inboxes = useQuery(trpc.staffing.inboxes.queryOptions());
  const inboxId = values.inbox;
  const overview = useQuery({
    ...trpc.staffing.overview.queryOptions({ inboxId: inboxId ?? '', weeks, weighting }),
    enabled: Boolean(inboxId),
    placeholderData: keepPreviousData,
  });
  const inboxOptions = (inboxes.data ?? []).map((inbox) => ({
    value: inbox.id,
    label: inbox.cityName ? `${inbox.name}` : `${inbox.name} (every city)`,
  }));
  const data = overview.data?.inbox.id === inboxId ? overview.data : undefined;

  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          Staffing
        </Title>
        <Text c="dimmed" size="sm">
          How many agents each hour of the week needs to meet the service level (Erlang C), against
          the shifts you have, forecast from the inbox’s history.
        </Text>
      </div>
      <Group align="flex-end" gap="md">
        <Select
          label="Inbox"
          placeholder={inboxes.isPending ? 'Loading inboxes…' : 'Pick an inbox'}
          data={inboxOptions}
          value={inboxId ?? null}
          onChange={(next) => update({ inbox: next ?? undefined })}
          searchable
          w={320}
        />
        <div>
          <Text size="sm" fw={500} mb={4}>
            History
          </Text>
          <SegmentedControl
            aria-label="Weeks of history"
            data={WEEK_OPTIONS.map((option) => ({
              value: String(option),
              label: `${option} weeks`,
            }))}
            value={String(weeks)}
            onChange={(next) =>
              update({ weeks: next === String(DEFAULT_WEEKS) ? undefined : next })
            }
          />
        </div>
        <div>
          <Text size="sm" fw={500} mb={4}>
            Weighting
          </Text>
          <SegmentedControl
            aria-label="Weighting"
            data={FORECAST_WEIGHTINGS.map((option) => ({
              value: option,
              label: FORECAST_WEIGHTING_LABELS[option],
            }))}
            value={weighting}
            onChange={(next) => update({ weighting: next === 'equal' ? undefined : next })}
          />
        </div>
      </Group>
      {inboxes.isError ? (
        <ErrorState message={describeError(inboxes.error)} onRetry={() => void inboxes.refetch()} />
      ) : null}
      {!inboxId ? (
        <EmptyState
          icon={<IconCalendarStats />}
          title="Pick an inbox"
          description="Its history gives the forecast; its plan and shifts the rest."
        />
      ) : overview.isError ? (
        <ErrorState
          message={describeError(overview.error)}
          onRetry={() => void overview.refetch()}
        />
      ) : !data ? (
        <Skeleton h={400} aria-label="Loading the staffing plan" />
      ) : (
        <>
          <StaffingTotals overview={data} />
          <Paper p="md">
            <Stack gap="sm">
              <Group justify="space-between">
                <div>
                  <Title order={2} size="h4">
                    The week
                  </Title>
                  <Text size="sm" c="dimmed">
                    Hours in {data.inbox.timeZone} time. Each cell: scheduled − required agents.
                  </Text>
                </div>
                <Button
                  variant="default"
                  size="xs"
                  leftSection={<IconDownload size={14} />}
                  onClick={() =>
                    downloadFile(
                      `staffing-${data.inbox.code.toLowerCase()}-${weeks}w.csv`,
                      intervalsCsv(data.intervals),
                      'text/csv',
                    )
                  }
                >
                  Export CSV
                </Button>
              </Group>
              <StaffingWeekGrid
                intervals={data.intervals}
                selectedDay={day}
                onSelectDay={(next) =>
                  update({ day: next === 'mon' ? undefined : next }, { replace: true })
                }
              />
              <StaffingWeekChart intervals={data.intervals} />
              <Title order={3} size="h5" mt="sm">
                {WEEKDAY_LABELS[day]} by hour
              </Title>
              <HourlyTable intervals={data.intervals} day={day} />
            </Stack>
          </Paper>
          <Grid>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <PlanSettingsForm
                key={`${data.inbox.id}:${String(data.plan.updatedAt ?? 'defaults')}`}
                overview={data}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <ShiftsTable overview={data} />
            </Grid.Col>
          </Grid>
        </>
      )}
    </Stack>
  );
}
