import { Badge, Button, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { ListPagination, ListQueryState } from '@switchboard/ui';
import { useTRPC } from '@switchboard/ui/trpc';
import { IconBriefcase, IconPlus } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { SearchInput } from '../../lib/SearchInput.tsx';
import { useListParams } from '../../lib/use-list-params.ts';
import { HiringTabs } from './HiringTabs.tsx';
import { requisitionPath } from './hiring-paths.ts';
import { RequisitionModal } from './RequisitionModal.tsx';
import { RequisitionsTable } from './RequisitionsTable.tsx';

const PAGE_SIZE = 50;
const PARAMS = ['status', 'search'] as const;
const TABS = [
  { value: 'open', label: 'Open', empty: 'No open requisitions' },
  { value: 'on_hold', label: 'On hold', empty: 'Nothing on hold' },
  { value: 'filled', label: 'Filled', empty: 'Nothing filled yet' },
  { value: 'cancelled', label: 'Cancelled', empty: 'Nothing cancelled' },
  { value: 'all', label: 'All', empty: 'No requisitions yet' },
] as const;
type StatusTab = (typeof TABS)[number]['value'];

function tabOf(value: string | undefined): StatusTab {
  return TABS.find((tab) => tab.value === value)?.value ?? 'open';
}

/** The openings being hired for, by status, with how full each is. */
export function RequisitionsPage() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const { values, page, update } = useListParams(PARAMS);
  const status = tabOf(values.status);
  const [creating, setCreating] = useState(false);
  const requisitions = useQuery({
    ...trpc.hiring.requisitions.queryOptions({
      status: status === 'all' ? undefined : status,
      search: values.search || undefined,
      sort: 'targetStartDate',
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  });
  const tab = TABS.find((candidate) => candidate.value === status) ?? TABS[0];

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2">
            Hiring
          </Title>
          <Text c="dimmed" size="sm">
            Approved openings per team, with their candidates through the pipeline. The last hire of
            a requisition fills it.
          </Text>
        </div>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
          New requisition
        </Button>
      </Group>
      <HiringTabs />
      <Group justify="space-between" align="flex-end">
        <Tabs
          value={status}
          onChange={(value) =>
            update({ status: value === 'open' ? undefined : (value ?? undefined) })
          }
        >
          <Tabs.List aria-label="Requisition status">
            {TABS.map((candidate) => (
              <Tabs.Tab
                key={candidate.value}
                value={candidate.value}
                rightSection={
                  candidate.value === status && requisitions.data ? (
                    <Badge size="xs" variant="light" color="gray">
                      {requisitions.data.total}
                    </Badge>
                  ) : null
                }
              >
                {candidate.label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
        <SearchInput
          label="Search requisitions"
          placeholder="Title or REQ-101"
          value={values.search ?? ''}
          onSearch={(search) => update({ search })}
        />
      </Group>
      <Paper p={0} style={{ overflow: 'hidden' }}>
        <ListQueryState
          query={requisitions}
          loadingLabel="Loading requisitions"
          empty={{
            icon: <IconBriefcase />,
            title: tab.empty,
            description: 'Open a requisition when a team is approved to hire.',
          }}
        >
          {(items) => <RequisitionsTable items={items} label={`${tab.label} requisitions`} />}
        </ListQueryState>
      </Paper>
      {requisitions.data ? (
        <ListPagination
          page={page}
          pageSize={PAGE_SIZE}
          total={requisitions.data.total}
          onChange={(next) => update({ page: next })}
        />
      ) : null}
      <RequisitionModal
        opened={creating}
        requisition={null}
        onClose={() => setCreating(false)}
        onSaved={(saved) => void navigate(requisitionPath(saved.id))}
      />
    </Stack>
  );
}
