import {
  Alert,
  Anchor,
  Autocomplete,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import {
  describeError,
  EmptyState,
  ErrorState,
  formatDateTime,
  TableSkeleton,
  trpcErrorCode,
} from '@switchboard/ui';
import { useViewer } from '@switchboard/ui/auth';
import { type RouterOutputs, useTRPC } from '@switchboard/ui/trpc';
import {
  IconAlertTriangle,
  IconArrowLeft,
  IconCalendarOff,
  IconClock,
  IconHistory,
  IconInfoCircle,
  IconLock,
  IconTrash,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { EditorSaveBar } from '../../lib/EditorSaveBar.tsx';
import { usePlacedServerErrors } from '../../lib/use-server-errors.ts';
import { TIME_ZONES, WeeklyHoursFields } from '../escalations/CalendarFields.tsx';
import {
  type CalendarFormValues,
  calendarFormPathOf,
  calendarFormValuesOf,
  calendarSaveInputOf,
  newCalendarValues,
  previewOf,
  validateCalendarForm,
} from './calendar-form.ts';
import { HolidayFields } from './HolidayFields.tsx';
import {
  CALENDARS_PATH,
  calendarEditorPath,
  policyEditorPath,
  slaHistoryPath,
} from './sla-links.ts';

type CalendarRow = RouterOutputs['sla']['calendar'];

/** Server paths the form shows on a field; any other refusal is shown above Save. */
const SHOWN = /^(name|cityCode|timeZone|alwaysOpen|weekly|holidays|rolloutNote)(\.|$)/;

function Section({
  title,
  description,
  children,
}: {
  title: string;
  description: ReactNode;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4">
            {title}
          </Title>
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        </div>
        {children}
      </Stack>
    </Paper>
  );
}

/**
 * A business calendar, or a new one: its city and time zone, weekly hours, holidays, and a
 * live line saying how open it is. Team leads and admins save it; trainers read it.
 */
export function CalendarEditorPage() {
  const { calendarId = 'new' } = useParams();
  const isNew = calendarId === 'new';
  const trpc = useTRPC();
  const viewer = useViewer();
  const canEdit = viewer.access.lead;
  const calendar = useQuery({
    ...trpc.sla.calendar.queryOptions({ id: calendarId }),
    enabled: !isNew,
  });

  const back = (
    <Anchor component={Link} to={CALENDARS_PATH} size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} />
        Business calendars
      </Group>
    </Anchor>
  );

  if (!isNew && (calendar.isPending || calendar.isError)) {
    const code = calendar.isError ? trpcErrorCode(calendar.error) : null;
    return (
      <Stack gap="md">
        {back}
        <Paper p={0}>
          {calendar.isPending ? (
            <TableSkeleton label="Loading the calendar" />
          ) : code === 'NOT_FOUND' || code === 'BAD_REQUEST' ? (
            <EmptyState
              icon={<IconCalendarOff />}
              title="Calendar not found"
              description="There is no calendar at this address. It may have been deleted, or the link is wrong."
            />
          ) : (
            <ErrorState
              message={describeError(calendar.error)}
              onRetry={() => void calendar.refetch()}
            />
          )}
        </Paper>
      </Stack>
    );
  }

  const row = isNew ? null : (calendar.data ?? null);
  if (isNew && !canEdit) {
    return (
      <Stack gap="md">
        {back}
        <Alert color="gray" icon={<IconLock />}>
          Read only: team leads and admins create business calendars.
        </Alert>
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      {back}
      <div>
        <Title order={1} size="h2">
          {row ? row.name : 'New business calendar'}
        </Title>
        {row ? (
          <Group gap="xs" mt={4}>
            <Text size="sm" c="dimmed">
              Changed {formatDateTime(row.updatedAt)}
            </Text>
            <Anchor component={Link} to={slaHistoryPath(row.id)} size="sm">
              <Group gap={4} component="span">
                <IconHistory size={14} />
                History of this calendar
              </Group>
            </Anchor>
          </Group>
        ) : null}
        {row ? <UsedBy row={row} /> : null}
      </div>
      {canEdit ? null : (
        <Alert color="gray" icon={<IconLock />}>
          Read only: team leads and admins change business calendars.
        </Alert>
      )}
      <CalendarForm
        // A saved calendar starts the form again from what the server keeps.
        key={row ? `${row.id}-${String(row.updatedAt)}` : 'new'}
        row={row}
        canEdit={canEdit}
      />
    </Stack>
  );
}

function UsedBy({ row }: { row: CalendarRow }) {
  if (row.inboxes.length === 0) {
    return (
      <Text size="sm" c="dimmed" mt={4}>
        No inbox’s SLA counts in this calendar yet.
      </Text>
    );
  }
  return (
    <Group gap={6} mt={4}>
      <Text size="sm" c="dimmed">
        SLA of
      </Text>
      {row.inboxes.map((inbox) => (
        <Badge
          key={inbox.id}
          variant="light"
          component={Link}
          to={policyEditorPath(inbox.id)}
          style={{ cursor: 'pointer' }}
        >
          {inbox.name}
        </Badge>
      ))}
    </Group>
  );
}

function useCityOptions() {
  const trpc = useTRPC();
  const cities = useQuery(trpc.sla.cities.queryOptions());
  return {
    cities: cities.data ?? [],
    options: (cities.data ?? []).map((city) => ({ value: city.code, label: city.name })),
  };
}

function CalendarForm({ row, canEdit }: { row: CalendarRow | null; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useForm<CalendarFormValues>({
    mode: 'controlled',
    initialValues: row ? calendarFormValuesOf(row) : newCalendarValues(),
    validate: validateCalendarForm,
  });
  const { cities, options: cityOptions } = useCityOptions();
  const afterSave = (saved: CalendarRow, message: string) => {
    notifications.show({ color: 'teal', message });
    queryClient.setQueryData(trpc.sla.calendar.queryKey({ id: saved.id }), saved);
    void queryClient.invalidateQueries({ queryKey: trpc.sla.calendars.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.sla.policies.queryKey() });
  };
  const create = useMutation(
    trpc.sla.createCalendar.mutationOptions({
      onSuccess: (saved) => {
        afterSave(saved, `Calendar ${saved.name} created`);
        void navigate(calendarEditorPath(saved.id), { replace: true });
      },
    }),
  );
  const update = useMutation(
    trpc.sla.updateCalendar.mutationOptions({
      onSuccess: (saved) => {
        // The note went out with the change (or nowhere, if nothing changed): clear it.
        const kept = { ...form.getValues(), rolloutNote: '' };
        form.setValues(kept);
        form.resetDirty(kept);
        afterSave(saved, 'Calendar saved');
      },
    }),
  );
  const save = row ? update : create;

  // A refusal naming a field shows on it.
  const unplacedError = usePlacedServerErrors(
    save.error,
    (serverPath) => {
      const path = calendarFormPathOf(serverPath.split('.'));
      return SHOWN.test(path) ? path : null;
    },
    form.setErrors,
  );
  const hasErrors = Object.keys(form.errors).length > 0;
  const disabled = !canEdit;
  const values = form.getValues();
  const weeklyError = form.errors.weekly;

  const pickCity = (code: string | null) => {
    const previous = cities.find((city) => city.code === values.cityCode);
    const next = cities.find((city) => city.code === code);
    form.setFieldValue('cityCode', code);
    // The city's time zone, unless the lead chose another one on purpose.
    const zone = values.timeZone.trim();
    if (next && (zone === '' || zone === 'UTC' || zone === previous?.timeZone)) {
      form.setFieldValue('timeZone', next.timeZone);
    }
  };

  return (
    <form
      noValidate
      aria-label="Business calendar"
      onSubmit={form.onSubmit((submitted) => {
        const input = calendarSaveInputOf(submitted);
        if (row) update.mutate({ ...input, id: row.id });
        else create.mutate(input);
      })}
    >
      <Stack gap="md">
        <Paper withBorder p="sm" bg="var(--mantine-color-blue-light)">
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <IconClock size={18} />
            <div>
              <Text size="sm" fw={500} aria-label="Preview">
                {previewOf(values)}
              </Text>
              <Text size="xs" c="dimmed">
                In the calendar’s own time zone. Saved changes apply to SLA clocks that start or
                restart afterwards; due times already set stay as they are.
              </Text>
            </div>
          </Group>
        </Paper>
        <Section
          title="Calendar"
          description="Name it so leads recognise it when they choose an inbox's calendar."
        >
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
            <TextInput
              label="Name"
              placeholder="Lisbon support hours"
              withAsterisk={canEdit}
              disabled={disabled}
              {...form.getInputProps('name')}
            />
            <Select
              label="City"
              description="Whose support hours and public holidays these are"
              placeholder="No city (shared)"
              data={cityOptions}
              clearable
              searchable
              disabled={disabled}
              value={values.cityCode}
              onChange={pickCity}
              error={form.errors.cityCode}
            />
            <Autocomplete
              label="Time zone"
              description="IANA name, e.g. Europe/Lisbon"
              data={TIME_ZONES}
              limit={30}
              withAsterisk={canEdit}
              disabled={disabled}
              {...form.getInputProps('timeZone')}
            />
          </SimpleGrid>
        </Section>
        <Section
          title="Opening hours"
          description="Business-time SLA targets count only while the calendar is open."
        >
          <Switch
            label="Open 24/7"
            description="Every minute counts; weekly hours and holidays are kept but ignored"
            disabled={disabled}
            {...form.getInputProps('alwaysOpen', { type: 'checkbox' })}
          />
          {values.alwaysOpen ? null : (
            <>
              <Text size="xs" c="dimmed">
                Times are HH:MM; 24:00 closes at midnight. A shift past midnight is two intervals:
                Friday 20:00–24:00 and Saturday 00:00–02:00. A day can have several intervals, e.g.
                a lunch break.
              </Text>
              <WeeklyHoursFields
                form={form}
                path="weekly"
                weekly={values.weekly}
                disabled={disabled}
              />
              {typeof weeklyError === 'string' ? (
                <Text size="sm" c="red">
                  {weeklyError}
                </Text>
              ) : null}
            </>
          )}
        </Section>
        {values.alwaysOpen ? null : (
          <Section title="Holidays" description="Local dates the calendar is closed all day.">
            <HolidayFields form={form} disabled={disabled} />
          </Section>
        )}
        {canEdit ? (
          <EditorSaveBar
            rolloutNote={form.getInputProps('rolloutNote')}
            rolloutPlaceholder="From 1 March, Lisbon support closes at 22:00."
            error={unplacedError}
            hasErrors={hasErrors}
            dirty={form.isDirty()}
            saving={save.isPending}
            onDiscard={() => {
              form.reset();
              save.reset();
            }}
            saveLabel={row ? 'Save calendar' : 'Create calendar'}
            saveDisabled={row !== null && !form.isDirty()}
            leading={row ? <DeleteCalendar row={row} /> : null}
          />
        ) : null}
      </Stack>
    </form>
  );
}

/** Deleting asks first; a calendar in use is refused, naming its inboxes. */
function DeleteCalendar({ row }: { row: CalendarRow }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [asking, setAsking] = useState(false);
  const remove = useMutation(
    trpc.sla.deleteCalendar.mutationOptions({
      onSuccess: () => {
        notifications.show({ color: 'teal', message: `Calendar ${row.name} deleted` });
        void queryClient.invalidateQueries({ queryKey: trpc.sla.calendars.queryKey() });
        void navigate(CALENDARS_PATH);
      },
    }),
  );
  const inUse = row.inboxes.length > 0;
  return (
    <>
      <Button
        variant="subtle"
        color="red"
        leftSection={<IconTrash size={16} />}
        onClick={() => setAsking(true)}
      >
        Delete calendar
      </Button>
      <Modal opened={asking} onClose={() => setAsking(false)} title={`Delete ${row.name}?`}>
        <Stack gap="sm">
          {inUse ? (
            <Alert color="yellow" icon={<IconInfoCircle />}>
              The SLA of {row.inboxes.map((inbox) => inbox.name).join(', ')} counts in this
              calendar: give {row.inboxes.length === 1 ? 'that inbox' : 'those inboxes'} another
              calendar first.
            </Alert>
          ) : (
            <Text size="sm">No inbox uses it. The change history keeps what it was.</Text>
          )}
          {remove.isError ? (
            <Alert color="red" icon={<IconAlertTriangle />} title="Not deleted">
              {describeError(remove.error)}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(false)}>
              Keep it
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              disabled={inUse}
              onClick={() => remove.mutate({ id: row.id })}
            >
              Delete
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
