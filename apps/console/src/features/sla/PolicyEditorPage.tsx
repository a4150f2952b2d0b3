import {
  Alert,
  Anchor,
  Badge,
  Code,
  Group,
  List,
  Paper,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { calendarPreviewText, PRIORITIES, SLA_TARGET_KINDS } from '@switchboard/domain';
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
  IconHistory,
  IconInboxOff,
  IconInfoCircle,
  IconLock,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { EditorSaveBar } from '../../lib/EditorSaveBar.tsx';
import { usePlacedServerErrors } from '../../lib/use-server-errors.ts';
import {
  type PolicyFormValues,
  policyFormPathOf,
  policyFormValuesOf,
  policySaveInputOf,
  validatePolicyForm,
  warningsOf,
} from './policy-form.ts';
import { calendarEditorPath, POLICIES_PATH, slaHistoryPath } from './sla-links.ts';
import { TargetFields } from './TargetFields.tsx';

type PolicyRow = RouterOutputs['sla']['policy'];

/** Server paths the form shows on a field; any other refusal is shown above Save. */
const SHOWN = /^(calendarId|targets|rolloutNote)(\.|$)/;

/**
 * One inbox's SLA: the calendar its business-time targets count in and a target per priority
 * and clock. Team leads and admins save it; trainers read it. Until saved, the inbox runs on
 * the defaults, which the form starts from.
 */
export function PolicyEditorPage() {
  const { inboxId = '' } = useParams();
  const trpc = useTRPC();
  const viewer = useViewer();
  const canEdit = viewer.access.lead;
  const policy = useQuery(trpc.sla.policy.queryOptions({ inboxId }));

  const back = (
    <Anchor component={Link} to={POLICIES_PATH} size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} />
        SLA policies
      </Group>
    </Anchor>
  );

  if (policy.isPending || policy.isError) {
    const code = policy.isError ? trpcErrorCode(policy.error) : null;
    return (
      <Stack gap="md">
        {back}
        <Paper p={0}>
          {policy.isPending ? (
            <TableSkeleton label="Loading the SLA policy" />
          ) : code === 'NOT_FOUND' || code === 'BAD_REQUEST' ? (
            <EmptyState
              icon={<IconInboxOff />}
              title="Inbox not found"
              description="There is no inbox at this address. It may have been removed, or the link is wrong."
            />
          ) : (
            <ErrorState
              message={describeError(policy.error)}
              onRetry={() => void policy.refetch()}
            />
          )}
        </Paper>
      </Stack>
    );
  }

  const row = policy.data;
  return (
    <Stack gap="md">
      {back}
      <div>
        <Group gap="xs" align="center">
          <Title order={1} size="h2">
            SLA of {row.inboxName}
          </Title>
          {row.source === 'policy' ? (
            <Badge variant="light" color="blue">
              Own policy
            </Badge>
          ) : (
            <Badge variant="light" color="yellow">
              Defaults
            </Badge>
          )}
        </Group>
        <Group gap="xs" mt={4}>
          <Code>{row.inboxCode}</Code>
          <Text size="sm" c="dimmed">
            {row.cityName ?? 'All cities'} · {row.teamName}
            {row.updatedAt
              ? ` · changed ${formatDateTime(row.updatedAt)} by ${row.updatedByName ?? 'someone no longer here'}`
              : ''}
          </Text>
          {row.policyId ? (
            <Anchor component={Link} to={slaHistoryPath(row.policyId)} size="sm">
              <Group gap={4} component="span">
                <IconHistory size={14} />
                History of this policy
              </Group>
            </Anchor>
          ) : null}
        </Group>
      </div>
      {canEdit ? null : (
        <Alert color="gray" icon={<IconLock />}>
          Read only: team leads and admins change SLA policies.
        </Alert>
      )}
      {row.source === 'defaults' ? (
        <Alert color="yellow" variant="light">
          {row.inboxName} has no policy of its own: it runs on the default targets, around the
          clock.{canEdit ? ' The form starts from them; nothing changes until you save.' : ''}
        </Alert>
      ) : null}
      <PolicyForm
        // A saved policy starts the form again from what the server keeps.
        key={`${row.inboxId}-${String(row.updatedAt)}`}
        row={row}
        canEdit={canEdit}
      />
    </Stack>
  );
}

function useCalendarOptions() {
  const trpc = useTRPC();
  const calendars = useQuery(trpc.sla.calendars.queryOptions());
  return {
    calendars: calendars.data ?? [],
    options: (calendars.data ?? []).map((calendar) => ({
      value: calendar.id,
      label: calendar.cityName ? `${calendar.name} (${calendar.cityName})` : calendar.name,
    })),
  };
}

function PolicyForm({ row, canEdit }: { row: PolicyRow; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<PolicyFormValues>({
    mode: 'controlled',
    initialValues: policyFormValuesOf(row),
    validate: (values) => validatePolicyForm(values, row.inboxId),
  });
  const { calendars, options } = useCalendarOptions();
  const save = useMutation(
    trpc.sla.savePolicy.mutationOptions({
      onSuccess: (saved) => {
        const kept = { ...form.getValues(), rolloutNote: '' };
        form.setValues(kept);
        form.resetDirty(kept);
        notifications.show({
          color: saved.warnings.length > 0 ? 'yellow' : 'teal',
          message: saved.changed
            ? `SLA of ${saved.inboxName} saved${saved.warnings.length > 0 ? ', with warnings' : ''}`
            : 'Nothing changed',
        });
        queryClient.setQueryData(trpc.sla.policy.queryKey({ inboxId: row.inboxId }), saved);
        void queryClient.invalidateQueries({ queryKey: trpc.sla.policies.queryKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.sla.calendars.queryKey() });
      },
    }),
  );

  const unplacedError = usePlacedServerErrors(
    save.error,
    (serverPath) => {
      const path = policyFormPathOf(serverPath.split('.'));
      return SHOWN.test(path) ? path : null;
    },
    form.setErrors,
  );
  const hasErrors = Object.keys(form.errors).length > 0;
  const disabled = !canEdit;
  const values = form.getValues();
  const warnings = warningsOf(values);
  const calendar = calendars.find((candidate) => candidate.id === values.calendarId);
  const countsInBusinessHours = PRIORITIES.some((priority) =>
    SLA_TARGET_KINDS.some((kind) => values.targets[priority][kind].businessHours),
  );

  return (
    <form
      noValidate
      aria-label="SLA policy"
      onSubmit={form.onSubmit((submitted) =>
        save.mutate(policySaveInputOf(submitted, row.inboxId)),
      )}
    >
      <Stack gap="md">
        <Alert color="blue" variant="light" icon={<IconInfoCircle />}>
          Changes apply to SLA clocks that start or restart after you save. Conversations already
          open keep the due times they have.
        </Alert>
        <Paper withBorder p="md" component="section" aria-label="Calendar">
          <Stack gap="xs">
            <Title order={2} size="h4">
              Calendar
            </Title>
            <Select
              label="Business calendar"
              description="Targets in business hours count only while it is open"
              placeholder="None: business hours count around the clock"
              data={options}
              clearable
              searchable
              maw={420}
              disabled={disabled}
              value={values.calendarId}
              onChange={(value) => form.setFieldValue('calendarId', value)}
              error={form.errors.calendarId}
            />
            {calendar ? (
              <Group gap="xs">
                <Text size="sm" c="dimmed">
                  {calendarPreviewText(calendar)} ({calendar.timeZone})
                </Text>
                <Anchor component={Link} to={calendarEditorPath(calendar.id)} size="sm">
                  Open the calendar
                </Anchor>
              </Group>
            ) : countsInBusinessHours ? (
              <Text size="sm" c="dimmed">
                Without a calendar, targets in business hours count around the clock.
              </Text>
            ) : null}
          </Stack>
        </Paper>
        <Paper withBorder p="md" component="section" aria-label="Targets">
          <Stack gap="xs">
            <Title order={2} size="h4">
              Targets
            </Title>
            <Text size="sm" c="dimmed">
              How long each clock may run, per priority. Tick “Business hours” to count only while
              the calendar is open; leave it to count every minute (calendar time).
            </Text>
            <TargetFields form={form} disabled={disabled} />
            {warnings.length > 0 ? (
              <Alert color="yellow" icon={<IconAlertTriangle />} title="Check these targets">
                <List size="sm">
                  {warnings.map((warning) => (
                    <List.Item key={warning.path}>{warning.message}</List.Item>
                  ))}
                </List>
                <Text size="xs" mt={4}>
                  You can still save: business hours and calendar time do not compare exactly.
                </Text>
              </Alert>
            ) : null}
          </Stack>
        </Paper>
        {canEdit ? (
          <EditorSaveBar
            rolloutNote={form.getInputProps('rolloutNote')}
            rolloutPlaceholder="From today, Lisbon guests get a first reply within 30 business minutes."
            error={unplacedError}
            hasErrors={hasErrors}
            dirty={form.isDirty()}
            saving={save.isPending}
            onDiscard={() => {
              form.reset();
              save.reset();
            }}
            saveLabel={row.source === 'policy' ? 'Save policy' : 'Save as own policy'}
            saveDisabled={row.source === 'policy' && !form.isDirty()}
          />
        ) : null}
      </Stack>
    </form>
  );
}
