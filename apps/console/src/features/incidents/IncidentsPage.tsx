import { Badge, Button, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { ListPagination, ListQueryState } from '@switchboard/ui';
import { useTRPC } from '@switchboard/ui/trpc';
import { IconFlame, IconPlus } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useListParams } from '../../lib/use-list-params.ts';
import { DeclareIncidentModal, type DeclarePrefill } from './DeclareIncidentModal.tsx';
import { IncidentsTable } from './IncidentsTable.tsx';
import { type Spike, SpikesCard } from './SpikesCard.tsx';

const PAGE_SIZE = 50;
const PARAMS = ['state'] as const;
const TABS = [
  { value: 'open', label: 'Open', empty: 'No open incidents' },
  { value: 'review_open', label: 'Review open', empty: 'No review is waiting' },
  { value: 'resolved', label: 'Resolved', empty: 'Nothing resolved yet' },
  { value: 'all', label: 'All', empty: 'No incidents yet' },
] as const;
type ListState = (typeof TABS)[number]['value'];

function listStateOf(value: string | undefined): ListState {
  return TABS.find((tab) => tab.value === value)?.value ?? 'open';
}

/** A spike becomes an incident about that request type in that city. */
function prefillOf(spike: Spike): DeclarePrefill {
  return {
    title: `${spike.requestTypeCode} spike in ${spike.cityCode}`,
    scope: 'city',
    cityCodes: [spike.cityCode],
    requestTypeCode: spike.requestTypeCode,
    spike: { requestTypeCode: spike.requestTypeCode, cityCode: spike.cityCode },
  };
}

/** Incidents being worked and reviewed, the spikes that may be the next one, and declaring. */
export function IncidentsPage() {
  const trpc = useTRPC();
  const { values, page, update } = useListParams(PARAMS);
  const state = listStateOf(values.state);
  const [declaring, setDeclaring] = useState<DeclarePrefill | null>(null);
  const incidents = useQuery({
    ...trpc.incidents.list.queryOptions({
      state,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
    // Updates fall due while the page is open.
    refetchInterval: 60_000,
  });
  const now = new Date();
  const tab = TABS.find((candidate) => candidate.value === state) ?? TABS[0];

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2">
            Incidents
          </Title>
          <Text c="dimmed" size="sm">
            Many customers hit by the same problem: worked in the open with status updates on a
            cadence, one reply to everyone affected, and a review once resolved.
          </Text>
        </div>
        <Button leftSection={<IconPlus size={16} />} color="red" onClick={() => setDeclaring({})}>
          Declare incident
        </Button>
      </Group>
      <SpikesCard onDeclare={(spike) => setDeclaring(prefillOf(spike))} />
      <Tabs
        value={state}
        onChange={(value) => update({ state: value === 'open' ? undefined : (value ?? undefined) })}
      >
        <Tabs.List>
          {TABS.map((candidate) => (
            <Tabs.Tab
              key={candidate.value}
              value={candidate.value}
              rightSection={
                candidate.value === state && incidents.data ? (
                  <Badge size="xs" variant="light" color="gray">
                    {incidents.data.total}
                  </Badge>
                ) : null
              }
            >
              {candidate.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Paper p={0} style={{ overflow: 'hidden' }}>
        <ListQueryState
          query={incidents}
          loadingLabel="Loading incidents"
          empty={{
            icon: <IconFlame />,
            title: tab.empty,
            description: 'Declare an incident when many customers hit the same problem.',
          }}
        >
          {(items) => <IncidentsTable items={items} label={`${tab.label} incidents`} now={now} />}
        </ListQueryState>
      </Paper>
      {incidents.data ? (
        <ListPagination
          page={page}
          pageSize={PAGE_SIZE}
          total={incidents.data.total}
          onChange={(next) => update({ page: next })}
        />
      ) : null}
      <DeclareIncidentModal prefill={declaring} onClose={() => setDeclaring(null)} />
    </Stack>
  );
}
