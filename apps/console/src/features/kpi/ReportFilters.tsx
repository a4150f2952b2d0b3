import '@mantine/dates/styles.css';
import {
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  type SelectProps,
  Stack,
  Text,
} from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { type Audience, CHANNEL_LABELS, CHANNELS, MAX_KPI_PERIOD_DAYS } from '@switchboard/domain';
import type { ListParamChange } from '@switchboard/ui';
import type { RouterOutputs } from '@switchboard/ui/trpc';
import { IconCalendar, IconFilterOff } from '@tabler/icons-react';
import { useEffect, useId, useState } from 'react';
import { describePeriod } from './kpi-format.ts';
import {
  addDays,
  lastDays,
  PERIOD_PRESETS,
  type ReportParam,
  type ReportView,
} from './report-params.ts';

export type KpiFilterOptions = RouterOutputs['kpi']['filterOptions'];
export type ReportUpdate = (change: ListParamChange<ReportParam>) => void;

const AUDIENCE_OPTIONS = [
  { value: 'all', label: 'Guests and drivers' },
  { value: 'guest', label: 'Guests' },
  { value: 'driver', label: 'Drivers' },
];

const CHANNEL_OPTIONS = CHANNELS.map((channel) => ({
  value: channel,
  label: CHANNEL_LABELS[channel],
}));

/** A named option for every id, and one for an id in the URL the options no longer hold. */
function optionsOf(
  rows: ReadonlyArray<{ id: string; name: string }>,
  selected: string | undefined,
): Array<{ value: string; label: string }> {
  const options = rows.map((row) => ({ value: row.id, label: row.name }));
  if (selected && !rows.some((row) => row.id === selected)) {
    options.push({ value: selected, label: 'Unknown (removed?)' });
  }
  return options;
}

function FilterSelect(props: SelectProps & { label: string }) {
  return (
    <Select
      size="sm"
      w={{ base: '100%', xs: 190 }}
      clearable
      searchable
      comboboxProps={{ withinPortal: true }}
      {...props}
    />
  );
}

/** The period: a preset, or any range of whole days up to a year, and the zone days are in. */
export function PeriodControls({
  view,
  update,
  timeZones,
}: {
  view: ReportView;
  update: ReportUpdate;
  timeZones: ReadonlyArray<{ value: string; label: string }>;
}) {
  const { period, preset } = view;
  const [draft, setDraft] = useState<[string | null, string | null]>([period.from, period.to]);
  useEffect(() => setDraft([period.from, period.to]), [period.from, period.to]);
  const periodLabel = useId();
  // "Custom" shows what is chosen; the dates beside it are where a custom period is picked.
  const periodOptions = [
    ...PERIOD_PRESETS.map((days) => ({ value: String(days), label: `Last ${days} days` })),
    ...(preset === undefined ? [{ value: 'custom', label: 'Custom' }] : []),
  ];
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <Stack gap={4}>
        <Text size="sm" fw={500} component="span" id={periodLabel}>
          Period
        </Text>
        <SegmentedControl
          aria-labelledby={periodLabel}
          data={periodOptions}
          value={preset === undefined ? 'custom' : String(preset)}
          onChange={(value) => {
            const days = PERIOD_PRESETS.find((known) => String(known) === value);
            if (days) {
              const next = lastDays(days, period.timeZone);
              update({ from: next.from, to: next.to });
            }
          }}
        />
      </Stack>
      <DatePickerInput
        type="range"
        label="Dates"
        leftSection={<IconCalendar size={16} />}
        value={draft}
        valueFormat="D MMM YYYY"
        maxDate={lastDays(1, period.timeZone).to}
        allowSingleDateInRange
        w={{ base: '100%', xs: 250 }}
        onChange={(next) => {
          setDraft(next);
          const [from, to] = next;
          if (!from || !to) return;
          const length =
            (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
          // The server reports at most a year at once; keep the year that ends on the last day.
          const start =
            length > MAX_KPI_PERIOD_DAYS ? addDays(to, -(MAX_KPI_PERIOD_DAYS - 1)) : from;
          update({ from: start, to });
        }}
      />
      <Select
        label="Time zone"
        data={timeZones}
        value={period.timeZone}
        onChange={(value) => value && update({ tz: value })}
        allowDeselect={false}
        searchable
        w={{ base: '100%', xs: 300 }}
        comboboxProps={{ withinPortal: true }}
      />
    </Group>
  );
}

/** The zones a lead would read a report in: UTC, their own, and each city's. */
export function timeZoneOptions(
  options: KpiFilterOptions | undefined,
  viewerTimeZone: string,
  current: string,
): Array<{ value: string; label: string }> {
  const zones = new Map<string, string[]>();
  const add = (zone: string, name?: string) => {
    const names = zones.get(zone) ?? [];
    if (name && !names.includes(name)) names.push(name);
    zones.set(zone, names);
  };
  add('UTC');
  add(viewerTimeZone, 'yours');
  for (const city of options?.cities ?? []) add(city.timeZone, city.name);
  add(current);
  return [...zones].map(([zone, names]) => ({
    value: zone,
    label: names.length > 0 ? `${zone} (${names.join(', ')})` : zone,
  }));
}

/** The slices a report is filtered on; changing one keeps the rest and the period. */
export function SliceFilters({
  view,
  update,
  options,
  exclude = [],
}: {
  view: ReportView;
  update: ReportUpdate;
  options: KpiFilterOptions | undefined;
  /** Slices the page fixes itself (the scorecard's agent). */
  exclude?: ReadonlyArray<'agent'>;
}) {
  const audienceLabel = useId();
  const { filter } = view;
  const audience = filter.audience;
  const inboxes = (options?.inboxes ?? []).filter(
    (inbox) =>
      (!audience || inbox.audience === audience) &&
      (!filter.teamId || inbox.teamId === filter.teamId),
  );
  const requestTypes = (options?.requestTypes ?? []).filter(
    (type) => !audience || type.audience === audience,
  );
  const active = Object.values(filter).filter((value) => value !== undefined).length;
  const cleared = Object.fromEntries(
    (['audience', 'channel', 'city', 'inbox', 'team', 'agent', 'requestType'] as const)
      .filter((param) => !exclude.includes(param as 'agent'))
      .map((param) => [param, undefined]),
  );

  return (
    <Paper p="sm" component="section" aria-label="Filters">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Stack gap={4}>
          <Text size="sm" fw={500} component="span" id={audienceLabel}>
            Audience
          </Text>
          <SegmentedControl
            aria-labelledby={audienceLabel}
            data={AUDIENCE_OPTIONS}
            value={audience ?? 'all'}
            onChange={(value) => {
              const next = value === 'all' ? undefined : (value as Audience);
              const inbox = options?.inboxes.find((row) => row.id === filter.inboxId);
              const type = options?.requestTypes.find((row) => row.id === filter.requestTypeId);
              update({
                audience: next,
                // An inbox or request type of the other audience would leave nothing to report.
                ...(next && inbox && inbox.audience !== next ? { inbox: undefined } : {}),
                ...(next && type && type.audience !== next ? { requestType: undefined } : {}),
              });
            }}
          />
        </Stack>
        <FilterSelect
          label="Channel"
          placeholder="Every channel"
          data={CHANNEL_OPTIONS}
          value={filter.channel ?? null}
          onChange={(value) => update({ channel: value ?? undefined })}
        />
        <FilterSelect
          label="City"
          placeholder="Every city"
          data={optionsOf(options?.cities ?? [], filter.cityId)}
          value={filter.cityId ?? null}
          onChange={(value) => update({ city: value ?? undefined })}
        />
        <FilterSelect
          label="Team"
          placeholder="Every team"
          data={optionsOf(options?.teams ?? [], filter.teamId)}
          value={filter.teamId ?? null}
          onChange={(value) => update({ team: value ?? undefined })}
        />
        <FilterSelect
          label="Inbox"
          placeholder="Every inbox"
          data={optionsOf(inboxes, filter.inboxId)}
          value={filter.inboxId ?? null}
          onChange={(value) => update({ inbox: value ?? undefined })}
        />
        {exclude.includes('agent') ? null : (
          <FilterSelect
            label="Agent"
            placeholder="Every agent"
            data={optionsOf(options?.agents ?? [], filter.agentId)}
            value={filter.agentId ?? null}
            onChange={(value) => update({ agent: value ?? undefined })}
          />
        )}
        <FilterSelect
          label="Request type"
          placeholder="Every request type"
          data={optionsOf(requestTypes, filter.requestTypeId)}
          value={filter.requestTypeId ?? null}
          onChange={(value) => update({ requestType: value ?? undefined })}
        />
        <Button
          variant="subtle"
          color="gray"
          leftSection={<IconFilterOff size={16} />}
          disabled={active === 0}
          onClick={() => update(cleared)}
        >
          Clear filters
        </Button>
      </Group>
      <Text size="xs" c="dimmed" mt={6}>
        {describePeriod(view.period)} · days in {view.period.timeZone}
      </Text>
    </Paper>
  );
}
