import { Modal, MultiSelect, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { describeError } from '@switchboard/ui';
import { serverFieldErrors } from '@switchboard/ui/playbooks';
import { useRefreshArea, useTRPC } from '@switchboard/ui/trpc';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { FormFooter } from '../../lib/FormFooter.tsx';

/** Enrols one person or a whole cohort (pick people, or add a team's members at once). */
export function EnrolModal({
  curriculumId,
  curriculumName,
  opened,
  onClose,
}: {
  curriculumId: string;
  curriculumName: string;
  opened: boolean;
  onClose: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={`Enrol in ${curriculumName}`} size="lg">
      {opened ? <EnrolForm curriculumId={curriculumId} onDone={onClose} /> : null}
    </Modal>
  );
}

function EnrolForm({ curriculumId, onDone }: { curriculumId: string; onDone: () => void }) {
  const trpc = useTRPC();
  const refreshTraining = useRefreshArea('training');
  const [chosen, setChosen] = useState<Map<string, string>>(new Map());
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [dueDate, setDueDate] = useState('');
  const staff = useQuery({
    ...trpc.people.list.queryOptions({ search: debounced.trim() || undefined, limit: 50 }),
    placeholderData: keepPreviousData,
  });
  const teams = useQuery(trpc.people.teams.queryOptions());
  const enrol = useMutation(
    trpc.training.enrol.mutationOptions({
      onSuccess: (result) => {
        const already =
          result.alreadyEnrolled.length > 0
            ? ` ${result.alreadyEnrolled.join(', ')} ${result.alreadyEnrolled.length === 1 ? 'was' : 'were'} already enrolled.`
            : '';
        notifications.show({
          color: 'teal',
          message: `Enrolled ${result.enrolled.length} ${result.enrolled.length === 1 ? 'person' : 'people'}.${already}`,
        });
        void refreshTraining();
        onDone();
      },
    }),
  );
  const fieldErrors = serverFieldErrors(enrol.error);
  const peopleError = Object.entries(fieldErrors).find(([path]) => path.startsWith('userIds'));
  const otherError =
    enrol.error && !peopleError && !fieldErrors.dueDate ? describeError(enrol.error) : null;

  const options = [
    ...[...chosen].map(([value, label]) => ({ value, label })),
    ...(staff.data?.items ?? [])
      .filter((person) => person.active && !chosen.has(person.id))
      .map((person) => ({ value: person.id, label: person.name })),
  ];
  const choose = (ids: string[]) => {
    const names = new Map(options.map((option) => [option.value, option.label]));
    setChosen(new Map(ids.map((id) => [id, names.get(id) ?? id])));
  };
  const addTeam = (teamId: string | null) => {
    const team = teams.data?.find((candidate) => candidate.id === teamId);
    if (!team) return;
    const next = new Map(chosen);
    for (const member of team.members) {
      if (member.active && member.staffRole === 'agent') next.set(member.userId, member.name);
    }
    setChosen(next);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    enrol.mutate({ curriculumId, userIds: [...chosen.keys()], dueDate: dueDate || null });
  };

  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack>
        <MultiSelect
          label="People"
          placeholder="Search by name or email"
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options: all }) => all}
          data={options}
          value={[...chosen.keys()]}
          onChange={choose}
          error={peopleError?.[1]}
          nothingFoundMessage={staff.isFetching ? 'Searching…' : 'Nobody found'}
        />
        <Select
          label="Add a team's agents"
          placeholder="Choose a team"
          data={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
          value={null}
          onChange={addTeam}
        />
        <TextInput
          type="date"
          label="Due date"
          description="Optional; after it, unfinished enrolments show as overdue"
          value={dueDate}
          onChange={(event) => setDueDate(event.currentTarget.value)}
          error={fieldErrors.dueDate}
          w={220}
        />
        <Text size="sm" c="dimmed">
          {chosen.size} {chosen.size === 1 ? 'person' : 'people'} chosen. Each is told in their
          workspace and finds the curriculum under My training.
        </Text>
        <FormFooter
          error={otherError}
          errorTitle="Not enrolled"
          pending={enrol.isPending}
          submitLabel="Enrol"
          submitDisabled={chosen.size === 0}
          onCancel={onDone}
        />
      </Stack>
    </form>
  );
}
