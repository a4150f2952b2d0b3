import { Modal, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { type MembershipRole, teamMemberInputSchema } from '@switchboard/domain';
import { useTRPC } from '@switchboard/ui/trpc';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { FormFooter } from '../../lib/FormFooter.tsx';
import { RolloutNote } from '../../lib/RolloutNote.tsx';
import { useServerErrors } from '../../lib/use-server-errors.ts';
import type { Team } from './TeamsPage.tsx';
import { useRefreshTeams } from './use-refresh-teams.ts';

/** People offered per search: enough to pick from, few enough to read. */
const PEOPLE_SHOWN = 20;
const ROLE_OPTIONS = [
  { value: 'member', label: 'Member' },
  { value: 'lead', label: 'Lead' },
];

export function AddMemberModal({ team, onClose }: { team: Team | null; onClose: () => void }) {
  return (
    <Modal
      opened={team !== null}
      onClose={onClose}
      title={`Add a member to ${team?.name ?? 'the team'}`}
    >
      {team ? <AddMemberForm key={team.id} team={team} onDone={onClose} /> : null}
    </Modal>
  );
}

interface AddMemberValues {
  teamId: string;
  userId: string;
  role: MembershipRole;
  rolloutNote: string;
}

interface Person {
  value: string;
  label: string;
}

function AddMemberForm({ team, onDone }: { team: Team; onDone: () => void }) {
  const trpc = useTRPC();
  const refresh = useRefreshTeams();
  const [picked, setPicked] = useState<Person | null>(null);
  const form = useForm<AddMemberValues>({
    mode: 'controlled',
    initialValues: { teamId: team.id, userId: '', role: 'member', rolloutNote: '' },
    validate: schemaResolver(teamMemberInputSchema, { sync: true }),
  });
  const add = useMutation(
    trpc.people.addTeamMember.mutationOptions({
      onSuccess: (added) => {
        notifications.show({
          color: 'teal',
          message: `${picked?.label ?? 'They'} added to ${team.name}${added.role === 'lead' ? ' as lead' : ''}`,
        });
        void refresh();
        onDone();
      },
    }),
  );
  const unplacedError = useServerErrors(
    add.error,
    ['userId', 'role', 'rolloutNote'],
    form.setErrors,
  );
  const values = form.getValues();

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((submitted) => add.mutate(teamMemberInputSchema.parse(submitted)))}
    >
      <Stack>
        <PersonPicker
          team={team}
          picked={picked}
          error={form.errors.userId}
          onPick={(person) => {
            setPicked(person);
            form.setFieldValue('userId', person?.value ?? '');
          }}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="add-member-role-label">
            Role in the team
          </Text>
          <SegmentedControl
            aria-labelledby="add-member-role-label"
            data={ROLE_OPTIONS}
            value={values.role}
            onChange={(role) => form.setFieldValue('role', role === 'lead' ? 'lead' : 'member')}
            style={{ alignSelf: 'flex-start' }}
          />
        </Stack>
        <RolloutNote {...form.getInputProps('rolloutNote')} />
        <FormFooter
          error={unplacedError}
          errorTitle="Not added"
          pending={add.isPending}
          submitLabel="Add member"
          onCancel={onDone}
        />
      </Stack>
    </form>
  );
}

/**
 * Staff found by name or email on the server (there are too many to list), minus who is on
 * the team already. The picked person stays an option while another search runs, so the
 * field keeps showing them.
 */
function PersonPicker({
  team,
  picked,
  error,
  onPick,
}: {
  team: Team;
  picked: Person | null;
  error: ReactNode;
  onPick: (person: Person | null) => void;
}) {
  const trpc = useTRPC();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  // Picking puts the person's name in the box; that is not a new search.
  const query = picked && debounced === picked.label ? '' : debounced.trim();
  const people = useQuery({
    ...trpc.people.list.queryOptions({
      search: query || undefined,
      limit: PEOPLE_SHOWN,
      offset: 0,
    }),
    placeholderData: keepPreviousData,
  });
  const onTeam = new Set(team.members.map((member) => member.userId));
  const items = people.data?.items ?? [];
  const found = items.map((person) => ({
    value: person.id,
    label: person.name,
    disabled: onTeam.has(person.id) || !person.active,
  }));
  const data =
    picked && !found.some((person) => person.value === picked.value) ? [picked, ...found] : found;

  return (
    <Select
      label="Person"
      description="Search by name or email. People on the team already cannot be picked."
      placeholder="Type a name"
      withAsterisk
      data-autofocus
      searchable
      // The server has filtered already, by name or email.
      filter={({ options }) => options}
      data={data}
      value={picked?.value ?? null}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(value, option) => onPick(value && option ? { value, label: option.label } : null)}
      nothingFoundMessage={people.isFetching ? 'Searching…' : 'Nobody matches'}
      error={error}
      renderOption={({ option }) => {
        const person = items.find((item) => item.id === option.value);
        return (
          <div>
            <Text size="sm">{option.label}</Text>
            <Text size="xs" c="dimmed">
              {onTeam.has(option.value)
                ? `On ${team.name} already`
                : person && !person.active
                  ? 'Deactivated'
                  : (person?.email ?? '')}
            </Text>
          </div>
        );
      }}
    />
  );
}
