import {
  ActionIcon,
  Autocomplete,
  Badge,
  Button,
  Group,
  Stack,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import type { FormErrors, GetInputPropsReturnType, UseFormReturnType } from '@mantine/form';
import { WEEKDAY_LABELS, WEEKDAYS, type Weekday } from '@switchboard/domain';
import { IconClock24, IconPlus, IconX } from '@tabler/icons-react';
import {
  errorAt,
  type IntervalValues,
  isRoundTheClock,
  type MatrixFormValues,
  newInterval,
  roundTheClock,
} from './matrix-form.ts';

type MatrixForm = UseFormReturnType<MatrixFormValues>;

/**
 * What the weekly-hours editor needs of a form: any form keeping a weekday → intervals record
 * at some path (the matrix entry's `calendar.weekly`, a business calendar's `weekly`).
 */
export interface WeeklyHoursForm {
  getInputProps: (path: string) => GetInputPropsReturnType;
  insertListItem: (path: string, item: IntervalValues) => void;
  removeListItem: (path: string, index: number) => void;
  errors: FormErrors;
}

/** IANA zones the browser knows, UTC first (it is not in the list on every engine). */
export const TIME_ZONES = [
  'UTC',
  ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC'),
];

function DayHours({
  form,
  path,
  day,
  intervals,
  disabled,
}: {
  form: WeeklyHoursForm;
  path: string;
  day: Weekday;
  intervals: IntervalValues[];
  disabled: boolean;
}) {
  const label = WEEKDAY_LABELS[day];
  const dayPath = `${path}.${day}`;
  const dayError = errorAt(form.errors, dayPath);
  return (
    <Group align="flex-start" gap="sm" wrap="nowrap">
      <Text size="sm" fw={500} w={100} pt={4}>
        {label}
      </Text>
      <Stack gap={4} style={{ flex: 1 }}>
        {intervals.length === 0 ? (
          <Text size="sm" c="dimmed" pt={4}>
            Closed
          </Text>
        ) : null}
        {intervals.map((interval, index) => {
          const name = `${label} hours ${index + 1}`;
          return (
            <Group key={interval.key} gap="xs" align="flex-start" wrap="nowrap">
              <TextInput
                aria-label={`${name} from`}
                placeholder="09:00"
                size="xs"
                w={90}
                disabled={disabled}
                {...form.getInputProps(`${dayPath}.${index}.from`)}
              />
              <Text size="sm" pt={4}>
                –
              </Text>
              <TextInput
                aria-label={`${name} to`}
                placeholder="18:00"
                size="xs"
                w={90}
                disabled={disabled}
                {...form.getInputProps(`${dayPath}.${index}.to`)}
              />
              {disabled ? null : (
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  mt={2}
                  aria-label={`Remove ${name}`}
                  onClick={() => form.removeListItem(dayPath, index)}
                >
                  <IconX size={14} />
                </ActionIcon>
              )}
            </Group>
          );
        })}
        {dayError ? (
          <Text size="xs" c="red">
            {dayError}
          </Text>
        ) : null}
      </Stack>
      {disabled ? null : (
        <Button
          variant="subtle"
          size="xs"
          leftSection={<IconPlus size={14} />}
          aria-label={`Add hours on ${label}`}
          onClick={() => form.insertListItem(dayPath, newInterval())}
        >
          Add hours
        </Button>
      )}
    </Group>
  );
}

/**
 * Opening hours per weekday, one or more intervals a day ("24:00" for midnight), shared by
 * the escalation matrix and the SLA business calendars. A day's own error (overlapping
 * intervals) shows under it.
 */
export function WeeklyHoursFields({
  form,
  path,
  weekly,
  disabled,
}: {
  form: WeeklyHoursForm;
  /** Where the form keeps the weekday → intervals record, e.g. `calendar.weekly`. */
  path: string;
  weekly: Record<Weekday, IntervalValues[]>;
  disabled: boolean;
}) {
  return (
    <Stack gap={6} role="group" aria-label="Weekly hours">
      {WEEKDAYS.map((day) => (
        <DayHours
          key={day}
          form={form}
          path={path}
          day={day}
          intervals={weekly[day]}
          disabled={disabled}
        />
      ))}
    </Stack>
  );
}

/**
 * The owner team's business calendar: its time zone, opening hours per weekday (one or more
 * intervals, "24:00" for midnight) and local holidays. The SLA clocks run only while open.
 */
export function CalendarFields({ form, disabled }: { form: MatrixForm; disabled: boolean }) {
  const { calendar } = form.getValues();
  const allDay = isRoundTheClock(calendar.weekly);
  return (
    <Stack gap="sm">
      <Group align="flex-end">
        <Autocomplete
          label="Time zone"
          description="IANA name, e.g. Europe/Lisbon"
          data={TIME_ZONES}
          limit={30}
          w={280}
          disabled={disabled}
          {...form.getInputProps('calendar.timeZone')}
        />
        {allDay ? (
          <Badge color="teal" variant="light" leftSection={<IconClock24 size={12} />} mb={8}>
            Open 24/7
          </Badge>
        ) : disabled ? null : (
          <Button
            variant="default"
            size="xs"
            mb={4}
            leftSection={<IconClock24 size={14} />}
            onClick={() => form.setFieldValue('calendar.weekly', roundTheClock())}
          >
            Open 24/7
          </Button>
        )}
      </Group>
      <WeeklyHoursFields
        form={form}
        path="calendar.weekly"
        weekly={calendar.weekly}
        disabled={disabled}
      />
      <TagsInput
        label="Holidays"
        description="Local dates the team is closed, YYYY-MM-DD"
        placeholder={calendar.holidays.length ? undefined : 'e.g. 2026-12-25, press Enter'}
        disabled={disabled}
        value={calendar.holidays}
        onChange={(holidays) =>
          form.setFieldValue('calendar.holidays', [...new Set(holidays.map((day) => day.trim()))])
        }
        error={errorAt(form.errors, 'calendar.holidays')}
      />
    </Stack>
  );
}
