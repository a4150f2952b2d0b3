import { Modal, MultiSelect, Select, Stack, Text, Textarea } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { grantCertificationsInputSchema } from '@switchboard/domain';
import { useRefreshArea, useTRPC } from '@switchboard/ui/trpc';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { FormFooter } from '../../lib/FormFooter.tsx';
import { usePlacedServerErrors } from '../../lib/use-server-errors.ts';
import { formatDay } from './certification-format.ts';

/** People offered per search: enough to pick from, few enough to read. */
const PEOPLE_SHOWN = 20;

export interface GrantTarget {
  certificationId: string | null;
  people: { id: string; name: string }[];
  /** They hold it already: the same act renews it from today. */
  renewing: boolean;
}

/** Grants a certification to people, or renews it, with an optional note for the record. */
export function GrantModal({
  target,
  onClose,
}: {
  target: GrantTarget | null;
  onClose: () => void;
}) {
  const title = target?.renewing ? 'Renew certification' : 'Grant certification';
  return (
    <Modal opened={target !== null} onClose={onClose} title={title} size="lg">
      {target ? <GrantForm target={target} onDone={onClose} /> : null}
    </Modal>
  );
}

interface GrantValues {
  certificationId: string;
  userIds: string[];
  note: string;
}

function GrantForm({ target, onDone }: { target: GrantTarget; onDone: () => void }) {
  const trpc = useTRPC();
  const refresh = useRefreshArea('certifications');
  const catalog = useQuery(trpc.certifications.list.queryOptions({}));
  const [known, setKnown] = useState(
    new Map(target.people.map((person) => [person.id, person.name])),
  );
  const form = useForm<GrantValues>({
    mode: 'controlled',
    initialValues: {
      certificationId: target.certificationId ?? '',
      userIds: target.people.map((person) => person.id),
      note: '',
    },
    validate: schemaResolver(grantCertificationsInputSchema, { sync: true }),
  });
  const grant = useMutation(
    trpc.certifications.grant.mutationOptions({
      onSuccess: (result) => {
        const name =
          catalog.data?.find((row) => row.id === form.getValues().certificationId)?.name ??
          'Certification';
        const until = result.expiresAt ? ` until ${formatDay(result.expiresAt)}` : '';
        const parts = [
          result.granted > 0 ? `granted to ${result.granted}` : null,
          result.renewed > 0 ? `renewed for ${result.renewed}` : null,
        ].filter(Boolean);
        notifications.show({ color: 'teal', message: `${name} ${parts.join(', ')}${until}` });
        void refresh();
        onDone();
      },
    }),
  );
  // "userIds.3: not an active colleague" goes on the people field as a whole.
  const unplacedError = usePlacedServerErrors(
    grant.error,
    (path) =>
      ['certificationId', 'note'].includes(path)
        ? path
        : path.startsWith('userIds')
          ? 'userIds'
          : null,
    form.setErrors,
  );
  const values = form.getValues();
  const chosen = catalog.data?.find((row) => row.id === values.certificationId);

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((submitted) =>
        grant.mutate(grantCertificationsInputSchema.parse(submitted)),
      )}
    >
      <Stack>
        <Select
          label="Certification"
          placeholder="Choose a certification"
          withAsterisk
          searchable
          data={(catalog.data ?? []).map((row) => ({ value: row.id, label: row.name }))}
          disabled={target.certificationId !== null}
          {...form.getInputProps('certificationId')}
        />
        {chosen ? (
          <Text size="sm" c="dimmed">
            {chosen.validityDays === null
              ? 'It does not expire.'
              : `Valid for ${chosen.validityDays} days from today; whoever holds it already is renewed.`}
            {chosen.grantsTier ? ` Holders act at the ${chosen.grantsTier} guardrail tier.` : ''}
          </Text>
        ) : null}
        <PeoplePicker
          value={values.userIds}
          known={known}
          locked={target.people.length > 0}
          error={form.errors.userIds}
          onChange={(ids, names) => {
            setKnown((current) => new Map([...current, ...names]));
            form.setFieldValue('userIds', ids);
          }}
        />
        <Textarea
          label="Note"
          description="Optional: why, for the record and for the holder"
          placeholder="Passed the refunds calibration with 94%"
          rows={2}
          resize="vertical"
          {...form.getInputProps('note')}
        />
        <FormFooter
          error={unplacedError}
          errorTitle="Not granted"
          pending={grant.isPending}
          submitLabel={target.renewing ? 'Renew' : 'Grant'}
          onCancel={onDone}
        />
      </Stack>
    </form>
  );
}

/** People found by name or email on the server; the picked ones stay shown between searches. */
function PeoplePicker({
  value,
  known,
  locked,
  error,
  onChange,
}: {
  value: string[];
  known: Map<string, string>;
  locked: boolean;
  error: ReactNode;
  onChange: (ids: string[], names: [string, string][]) => void;
}) {
  const trpc = useTRPC();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const people = useQuery({
    ...trpc.people.list.queryOptions({
      search: debounced.trim() || undefined,
      limit: PEOPLE_SHOWN,
      offset: 0,
    }),
    placeholderData: keepPreviousData,
    enabled: !locked,
  });
  const found = (people.data?.items ?? [])
    .filter((person) => person.active)
    .map((person) => ({ value: person.id, label: person.name }));
  const picked = value
    .filter((id) => !found.some((person) => person.value === id))
    .map((id) => ({ value: id, label: known.get(id) ?? id }));
  return (
    <MultiSelect
      label="People"
      description={locked ? undefined : 'Search by name or email; a whole cohort at once is fine'}
      placeholder={value.length === 0 ? 'Type a name' : undefined}
      withAsterisk
      searchable
      disabled={locked}
      filter={({ options }) => options}
      data={[...picked, ...found]}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(ids) =>
        onChange(
          ids,
          found
            .filter((person) => ids.includes(person.value))
            .map((person) => [person.value, person.label]),
        )
      }
      nothingFoundMessage={people.isFetching ? 'Searching…' : 'Nobody matches'}
      error={error}
    />
  );
}
