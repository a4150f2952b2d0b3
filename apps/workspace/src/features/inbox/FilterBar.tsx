import { Button, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import {
  AUDIENCES,
  CHANNELS,
  type InboxSort,
  PRIORITIES,
  PRIORITY_LABELS,
} from '@switchboard/domain';
import { AUDIENCE_LABELS, CHANNEL_LABELS } from '@switchboard/ui';
import { useTRPC } from '@switchboard/ui/trpc';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import {
  activeFilterCount,
  clearFilters,
  type FilterKey,
  type InboxSelection,
  SORT_OPTIONS,
} from './inbox-filters.ts';

export interface FilterBarProps {
  selection: InboxSelection;
  onChange: (next: InboxSelection) => void;
}

/** Filters and sort of the current view; every change lands in the URL. */
export function FilterBar({ selection, onChange }: FilterBarProps) {
  const trpc = useTRPC();
  const options = useQuery({
    ...trpc.conversations.filterOptions.queryOptions(),
    staleTime: 300_000,
  });
  const [search, setSearch] = useState(selection.search ?? '');
  useEffect(() => setSearch(selection.search ?? ''), [selection.search]);
  const commitSearch = useDebouncedCallback((value: string) => {
    onChange({ ...selection, search: value.trim() || undefined });
  }, 300);

  const set = (key: FilterKey) => (value: string | null) =>
    onChange({ ...selection, [key]: value ?? undefined });
  const common = {
    size: 'xs',
    clearable: true,
    w: 150,
    comboboxProps: { withinPortal: true },
  } as const;
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <TextInput
        size="xs"
        w={220}
        label="Search"
        placeholder="Name, email, #number"
        leftSection={<IconSearch size={14} />}
        value={search}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
          commitSearch(event.currentTarget.value);
        }}
      />
      <Select
        {...common}
        label="Channel"
        data={CHANNELS.map((value) => ({ value, label: CHANNEL_LABELS[value] }))}
        value={selection.channel ?? null}
        onChange={set('channel')}
      />
      <Select
        {...common}
        label="Audience"
        data={AUDIENCES.map((value) => ({ value, label: AUDIENCE_LABELS[value] }))}
        value={selection.audience ?? null}
        onChange={set('audience')}
      />
      <Select
        {...common}
        label="City"
        data={(options.data?.cities ?? []).map((city) => ({ value: city.code, label: city.name }))}
        value={selection.cityCode ?? null}
        onChange={set('cityCode')}
      />
      <Select
        {...common}
        label="Priority"
        data={PRIORITIES.map((value) => ({
          value,
          label: `${value} ${PRIORITY_LABELS[value].label}`,
        }))}
        value={selection.priority ?? null}
        onChange={set('priority')}
      />
      <Select
        {...common}
        w={200}
        searchable
        label="Request type"
        data={(options.data?.requestTypes ?? []).map((type) => ({
          value: type.code,
          label: `${type.name} (${type.audience})`,
        }))}
        value={selection.requestTypeCode ?? null}
        onChange={set('requestTypeCode')}
      />
      <Select
        {...common}
        searchable
        label="Tag"
        data={(options.data?.tags ?? []).map((tag) => ({ value: tag.code, label: tag.name }))}
        value={selection.tag ?? null}
        onChange={set('tag')}
      />
      <Select
        {...common}
        searchable
        label="Assignee"
        data={[
          { value: 'none', label: 'Unassigned' },
          ...(options.data?.colleagues ?? []).map((user) => ({ value: user.id, label: user.name })),
        ]}
        value={selection.assigneeId ?? null}
        onChange={set('assigneeId')}
      />
      <Select
        size="xs"
        w={170}
        label="Sort"
        allowDeselect={false}
        data={SORT_OPTIONS}
        value={selection.sort}
        onChange={(value) => value && onChange({ ...selection, sort: value as InboxSort })}
      />
      {activeFilterCount(selection) > 0 || selection.search ? (
        <Button
          size="xs"
          variant="subtle"
          leftSection={<IconFilterOff size={14} />}
          onClick={() => onChange(clearFilters(selection))}
        >
          Clear filters
        </Button>
      ) : null}
    </Group>
  );
}
