import {
  Anchor,
  Checkbox,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import {
  type DownstreamTeamKind,
  durationText,
  type EscalationMatrixEntry,
  HANDOFF_FIELD_LABELS,
  HANDOFF_FIELDS,
  TEAM_KIND_LABELS,
} from '@switchboard/domain';
import { type RouterOutputs, useTRPC } from '@switchboard/ui/trpc';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { EditorSaveBar } from '../../lib/EditorSaveBar.tsx';
import { usePlacedServerErrors } from '../../lib/use-server-errors.ts';
import { CalendarFields } from './CalendarFields.tsx';
import {
  formPathOf,
  formValuesOf,
  isShownPath,
  type MatrixFormValues,
  saveInputOf,
  validateMatrixForm,
} from './matrix-form.ts';
import { SlaFields } from './SlaFields.tsx';
import { TriggerFields } from './TriggerFields.tsx';

type MatrixRow = NonNullable<RouterOutputs['escalations']['matrixEntry']>;

/** What the last save did: a new version, or nothing because nothing changed. */
export interface SaveOutcome {
  id: string;
  version: number;
  changed: boolean;
}

function Section({
  title,
  description,
  children,
}: {
  title: string;
  description: string;
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
 * Teams of the entry's kind, by code. A code the list lacks (the saved owner while the list
 * loads, or the example's code where no such team exists) stays an option, so it shows.
 */
function useOwnerTeamOptions(
  teamKind: DownstreamTeamKind,
  current: string,
  saved: { code: string; name: string } | null,
) {
  const trpc = useTRPC();
  const teams = useQuery(trpc.people.teams.queryOptions());
  const ofKind = (teams.data ?? [])
    .filter((team) => team.kind === teamKind)
    .map((team) => ({ value: team.code, label: `${team.name} (${team.code})` }));
  const missing = current !== '' && !ofKind.some((option) => option.value === current);
  const currentLabel =
    saved?.code === current
      ? `${saved.name} (${current})`
      : teams.isSuccess
        ? `${current} (no such team)`
        : current;
  return {
    data: missing ? [...ofKind, { value: current, label: currentLabel }] : ofKind,
    noTeams: teams.isSuccess && ofKind.length === 0,
  };
}

/** Request types and tags of the taxonomy, by code, for the trigger pickers. */
function useTaxonomyOptions() {
  const trpc = useTRPC();
  const catalogue = useQuery(trpc.conversations.filterOptions.queryOptions());
  return {
    requestTypeOptions: (catalogue.data?.requestTypes ?? []).map((type) => ({
      value: type.code,
      label: `${type.name} (${type.code})`,
    })),
    tagOptions: (catalogue.data?.tags ?? []).map((tag) => ({
      value: tag.code,
      label: `${tag.name} (${tag.code})`,
    })),
  };
}

/**
 * The whole matrix entry of one downstream team. Leads and admins save it as a new version
 * (server refusals land on the field they name); trainers see it disabled.
 */
export function MatrixEntryForm({
  row,
  initial,
  canEdit,
  onSaved,
}: {
  row: MatrixRow | null;
  initial: EscalationMatrixEntry;
  canEdit: boolean;
  onSaved: (outcome: SaveOutcome) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<MatrixFormValues>({
    mode: 'controlled',
    initialValues: formValuesOf(initial),
    validate: validateMatrixForm,
  });
  const owners = useOwnerTeamOptions(
    initial.teamKind,
    form.getValues().ownerTeamCode,
    row ? { code: row.definition.ownerTeamCode, name: row.ownerTeamName } : null,
  );
  const { requestTypeOptions, tagOptions } = useTaxonomyOptions();
  const save = useMutation(
    trpc.escalations.saveMatrixEntry.mutationOptions({
      onSuccess: (saved) => {
        const changed = !row || saved.version !== row.version;
        onSaved({ id: saved.id, version: saved.version, changed });
        notifications.show({
          color: 'teal',
          message: changed ? `Matrix entry saved as version ${saved.version}` : 'Nothing changed',
        });
        const values = { ...form.getValues(), rolloutNote: '' };
        form.setValues(values);
        form.resetDirty(values);
        queryClient.setQueryData(
          trpc.escalations.matrixEntry.queryKey({ teamKind: initial.teamKind }),
          saved,
        );
        void queryClient.invalidateQueries({ queryKey: trpc.escalations.matrix.queryKey() });
      },
    }),
  );

  // A refusal naming a field shows on it; the server names paths under `entry.`.
  const unplacedError = usePlacedServerErrors(
    save.error,
    (serverPath) => {
      const path = formPathOf(serverPath.split('.'));
      return isShownPath(path) ? path : null;
    },
    form.setErrors,
  );
  const hasErrors = Object.keys(form.errors).length > 0;
  const disabled = !canEdit;
  const values = form.getValues();
  const teamLabel = TEAM_KIND_LABELS[initial.teamKind];
  const reminder = values.reminderMinutesBefore;

  return (
    <form
      noValidate
      aria-label="Escalation matrix entry"
      onSubmit={form.onSubmit((submitted) => save.mutate(saveInputOf(submitted)))}
    >
      <Stack gap="md">
        <Section
          title="Owner queue"
          description={`The ${teamLabel} team whose members acknowledge and work these escalations.`}
        >
          <Select
            label="Owner team"
            placeholder="Choose a team"
            data={owners.data}
            searchable
            allowDeselect={false}
            withAsterisk
            maw={420}
            disabled={disabled}
            nothingFoundMessage={`No ${teamLabel} team`}
            {...form.getInputProps('ownerTeamCode')}
          />
          {owners.noTeams ? (
            <Text size="sm" c="orange">
              No team is a {teamLabel} team yet.{' '}
              <Anchor component={Link} to="/teams" size="sm">
                Create one on the Teams page
              </Anchor>
              , then choose it here.
            </Text>
          ) : null}
        </Section>
        <Section
          title="Triggers"
          description="When the workspace suggests escalating to this team, and the severity it proposes."
        >
          <TriggerFields
            form={form}
            requestTypeOptions={requestTypeOptions}
            tagOptions={tagOptions}
            disabled={disabled}
          />
        </Section>
        <Section
          title="Required handoff fields"
          description="What support must fill in before the escalation can be sent."
        >
          <Checkbox.Group
            aria-label="Required handoff fields"
            disabled={disabled}
            {...form.getInputProps('requiredFields')}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt={4}>
              {HANDOFF_FIELDS.map((field) => (
                <Checkbox
                  key={field}
                  value={field}
                  label={HANDOFF_FIELD_LABELS[field].label}
                  description={HANDOFF_FIELD_LABELS[field].help}
                />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
        </Section>
        <Section
          title="SLA"
          description="How fast the owner team acknowledges and resolves, per severity, in business minutes of its calendar."
        >
          <SlaFields form={form} disabled={disabled} />
        </Section>
        <Section
          title="Business calendar"
          description="When the owner team is open; the SLA clocks stop while it is closed."
        >
          <CalendarFields form={form} disabled={disabled} />
        </Section>
        <Section
          title="Reminder"
          description="The owner queue is reminded this long before a clock is due."
        >
          <NumberInput
            label="Reminder before due (minutes)"
            description={
              typeof reminder === 'number' && Number.isInteger(reminder) && reminder >= 0
                ? `${durationText(reminder)} before due`
                : undefined
            }
            allowDecimal={false}
            allowNegative={false}
            maw={260}
            disabled={disabled}
            {...form.getInputProps('reminderMinutesBefore')}
          />
        </Section>
        {canEdit ? (
          <EditorSaveBar
            rolloutNote={form.getInputProps('rolloutNote')}
            rolloutPlaceholder="From today, payout disputes need the payout week."
            error={unplacedError}
            hasErrors={hasErrors}
            dirty={form.isDirty()}
            saving={save.isPending}
            onDiscard={() => {
              form.reset();
              save.reset();
            }}
            saveLabel={row ? 'Save matrix entry' : 'Set up matrix entry'}
            saveDisabled={row !== null && !form.isDirty()}
          />
        ) : null}
      </Stack>
    </form>
  );
}
