import { Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import {
  createTeamInputSchema,
  TEAM_KIND_LABELS,
  TEAM_KINDS,
  type TeamKind,
  updateTeamInputSchema,
} from '@switchboard/domain';
import { useTRPC } from '@switchboard/ui/trpc';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FormFooter } from '../../lib/FormFooter.tsx';
import { NameAndCodeFields } from '../../lib/NameAndCodeFields.tsx';
import { RolloutNote } from '../../lib/RolloutNote.tsx';
import { useServerErrors } from '../../lib/use-server-errors.ts';
import type { Team } from './TeamsPage.tsx';

/** Team codes are at most 40 characters (teamCodeSchema). */
const CODE_LENGTH = 40;
const KIND_OPTIONS = TEAM_KINDS.map((kind) => ({ value: kind, label: TEAM_KIND_LABELS[kind] }));

export function CreateTeamModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  /** With the new team's code, to open it. */
  onCreated: (code: string) => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title="New team" size="lg">
      {/* Mounted only while open, so every opening starts from an empty form. */}
      {opened ? (
        <CreateTeamForm
          onCancel={onClose}
          onCreated={(code) => {
            onClose();
            onCreated(code);
          }}
        />
      ) : null}
    </Modal>
  );
}

export function EditTeamModal({ team, onClose }: { team: Team | null; onClose: () => void }) {
  return (
    <Modal opened={team !== null} onClose={onClose} title={`Edit ${team?.name ?? 'team'}`}>
      {team ? <EditTeamForm key={team.id} team={team} onDone={onClose} /> : null}
    </Modal>
  );
}

interface NewTeamValues {
  code: string;
  name: string;
  kind: TeamKind | null;
  description: string;
  rolloutNote: string;
}

function CreateTeamForm({
  onCancel,
  onCreated,
}: {
  onCancel: () => void;
  onCreated: (code: string) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<NewTeamValues>({
    mode: 'controlled',
    initialValues: { code: '', name: '', kind: null, description: '', rolloutNote: '' },
    validate: schemaResolver(createTeamInputSchema, { sync: true }),
  });
  const create = useMutation(
    trpc.people.createTeam.mutationOptions({
      onSuccess: (team) => {
        notifications.show({ color: 'teal', message: `Team ${team.name} created` });
        void queryClient.invalidateQueries({ queryKey: trpc.people.teams.queryKey() });
        onCreated(team.code);
      },
    }),
  );
  const unplacedError = useServerErrors(
    create.error,
    ['code', 'name', 'kind', 'description', 'rolloutNote'],
    form.setErrors,
  );

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((submitted) => create.mutate(createTeamInputSchema.parse(submitted)))}
    >
      <Stack>
        <NameAndCodeFields
          form={form}
          codeLength={CODE_LENGTH}
          namePlaceholder="Porto Support L1"
          codeDescription="UPPER_SNAKE_CASE; it never changes"
          codePlaceholder="OPO_L1"
        />
        <Select
          label="Kind"
          description="Support and escalations teams work conversations; the others take handoffs"
          placeholder="What the team does"
          data={KIND_OPTIONS}
          withAsterisk
          {...form.getInputProps('kind')}
        />
        <Textarea
          label="Description"
          placeholder="Who is on it and what they handle"
          rows={2}
          resize="vertical"
          {...form.getInputProps('description')}
        />
        <RolloutNote {...form.getInputProps('rolloutNote')} />
        <FormFooter
          error={unplacedError}
          errorTitle="Not created"
          pending={create.isPending}
          submitLabel="Create team"
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}

function EditTeamForm({ team, onDone }: { team: Team; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm({
    mode: 'controlled',
    initialValues: { id: team.id, name: team.name, description: team.description, rolloutNote: '' },
    validate: schemaResolver(updateTeamInputSchema, { sync: true }),
  });
  const save = useMutation(
    trpc.people.updateTeam.mutationOptions({
      onSuccess: (saved) => {
        notifications.show({ color: 'teal', message: `Team ${saved.name} saved` });
        // Inbox pages name the team that owns them.
        void queryClient.invalidateQueries({ queryKey: trpc.people.teams.queryKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.routing.pathKey() });
        onDone();
      },
    }),
  );
  const unplacedError = useServerErrors(
    save.error,
    ['name', 'description', 'rolloutNote'],
    form.setErrors,
  );
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((submitted) => save.mutate(updateTeamInputSchema.parse(submitted)))}
    >
      <Stack>
        <Text size="sm">
          The code <b>{team.code}</b> and the kind stay: reports and the escalation matrix refer to
          them.
        </Text>
        <TextInput label="Name" withAsterisk data-autofocus {...form.getInputProps('name')} />
        <Textarea
          label="Description"
          placeholder="Who is on it and what they handle"
          rows={2}
          resize="vertical"
          {...form.getInputProps('description')}
        />
        <RolloutNote {...form.getInputProps('rolloutNote')} />
        <FormFooter
          error={unplacedError}
          errorTitle="Not saved"
          pending={save.isPending}
          submitLabel="Save team"
          onCancel={onDone}
        />
      </Stack>
    </form>
  );
}
