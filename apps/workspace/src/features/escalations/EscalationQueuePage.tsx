import {
  Anchor,
  Group,
  Paper,
  Select,
  Stack,
  Switch,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { DOWNSTREAM_TEAM_KINDS, escalationLabel } from '@switchboard/domain';
import {
  EscalationStateBadge,
  ListPagination,
  ListQueryState,
  SeverityBadge,
} from '@switchboard/ui';
import { useTRPC } from '@switchboard/ui/trpc';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { EscalationClock, teamLabel } from './EscalationBadges.tsx';

const PAGE_SIZE = 25;
const STATES = [
  { value: 'active', label: 'Active' },
  { value: 'open', label: 'Open' },
  { value: 'acknowledged', label: 'Acknowledged' },
  { value: 'in_progress', label: 'In progress' },
  { value: 'rejected', label: 'Returned to support' },
  { value: 'resolved', label: 'Resolved' },
  { value: 'all', label: 'All' },
] as const;
type Scope = 'team' | 'raised' | 'all';
type StateFilter = (typeof STATES)[number]['value'];

/**
 * Escalations: a downstream team works its queue here (soonest due first); support follows
 * what it raised; leads and admins see every team's.
 */
export function EscalationQueuePage() {
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const scope = (params.get('scope') as Scope | null) ?? null;
  const state = (params.get('state') as StateFilter | null) ?? 'active';
  const teamKind = params.get('team') ?? null;
  const breachedOnly = params.get('breached') === '1';
  const page = Number(params.get('page') ?? '1') || 1;
  const set = (changes: Record<string, string | null>) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(changes)) {
        if (value === null || value === '') next.delete(key);
        else next.set(key, value);
      }
      if (!('page' in changes)) next.delete('page');
      return next;
    });

  // Which tab to start on depends on whether the viewer is on a downstream team.
  const probe = useQuery(trpc.escalations.queue.queryOptions({ scope: 'team', limit: 1 }));
  const onTeam = (probe.data?.myTeams.length ?? 0) > 0;
  const activeScope: Scope = scope ?? (onTeam ? 'team' : 'raised');
  const list = useQuery({
    ...trpc.escalations.queue.queryOptions({
      scope: activeScope,
      state,
      teamKind: (teamKind ?? undefined) as (typeof DOWNSTREAM_TEAM_KINDS)[number] | undefined,
      breachedOnly,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    }),
    enabled: probe.isSuccess,
    placeholderData: keepPreviousData,
  });

  return (
    <Stack gap="md">
      <Title order={2}>Escalations</Title>
      <Tabs value={activeScope} onChange={(value) => set({ scope: value })}>
        <Tabs.List>
          {onTeam ? (
            <Tabs.Tab value="team">
              {probe.data!.myTeams.map((team) => team.name).join(', ')} queue
            </Tabs.Tab>
          ) : null}
          <Tabs.Tab value="raised">Raised by me</Tabs.Tab>
          {probe.data?.seesEveryQueue ? <Tabs.Tab value="all">Every team</Tabs.Tab> : null}
        </Tabs.List>
      </Tabs>
      <Group gap="sm" align="flex-end">
        <Select
          label="State"
          data={STATES.map((option) => ({ ...option }))}
          value={state}
          onChange={(value) => set({ state: value })}
          allowDeselect={false}
          w={200}
        />
        {activeScope !== 'team' ? (
          <Select
            label="Team"
            placeholder="Every team"
            clearable
            data={DOWNSTREAM_TEAM_KINDS.map((kind) => ({ value: kind, label: teamLabel(kind) }))}
            value={teamKind}
            onChange={(value) => set({ team: value })}
            w={240}
          />
        ) : null}
        <Switch
          label="Breached only"
          checked={breachedOnly}
          onChange={(event) => set({ breached: event.currentTarget.checked ? '1' : null })}
          mb={8}
        />
      </Group>
      <Paper>
        <ListQueryState
          query={list}
          loadingLabel="Loading escalations"
          empty={{
            title: breachedOnly ? 'Nothing breached' : 'Nothing here',
            description:
              activeScope === 'team'
                ? 'New escalations for your team appear here as they are sent.'
                : 'Escalations you send from a conversation appear here.',
          }}
        >
          {(items) => (
            <Table highlightOnHover verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Escalation</Table.Th>
                  <Table.Th>Severity</Table.Th>
                  <Table.Th>State</Table.Th>
                  <Table.Th>Team</Table.Th>
                  <Table.Th>Contact</Table.Th>
                  <Table.Th>Raised by</Table.Th>
                  <Table.Th>Assignee</Table.Th>
                  <Table.Th>Clock</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/escalations/${item.id}`} fw={600}>
                        {escalationLabel(item.number)}
                      </Anchor>
                      <Text size="xs" c="dimmed" lineClamp={1} maw={320}>
                        {item.summary}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <SeverityBadge severity={item.severity} />
                    </Table.Td>
                    <Table.Td>
                      <EscalationStateBadge state={item.state} />
                    </Table.Td>
                    <Table.Td>{teamLabel(item.teamKind)}</Table.Td>
                    <Table.Td>{item.contactName}</Table.Td>
                    <Table.Td>{item.createdByName}</Table.Td>
                    <Table.Td>{item.assigneeName ?? '—'}</Table.Td>
                    <Table.Td>
                      <EscalationClock row={item} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </ListQueryState>
      </Paper>
      {list.data ? (
        <ListPagination
          page={page}
          pageSize={PAGE_SIZE}
          total={list.data.total}
          onChange={(next) => set({ page: String(next) })}
        />
      ) : null}
    </Stack>
  );
}
