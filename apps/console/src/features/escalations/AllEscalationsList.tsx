import { Anchor, Badge, Group, Paper, Select, Stack, Switch, Table, Text } from '@mantine/core';
import {
  DOWNSTREAM_TEAM_KINDS,
  ESCALATION_STATE_LABELS,
  ESCALATION_STATES,
  type EscalationState,
  escalationLabel,
  escalationTeamKindSchema,
  isEscalationOpen,
  TEAM_KIND_LABELS,
} from '@switchboard/domain';
import {
  EscalationStateBadge,
  formatDateTime,
  ListPagination,
  ListQueryState,
  SeverityBadge,
} from '@switchboard/ui';
import { type RouterOutputs, useTRPC } from '@switchboard/ui/trpc';
import { IconUrgent } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useListParams } from '../../lib/use-list-params.ts';
import { workspaceEscalationHref } from './escalation-links.ts';
import { teamKindLabel } from './turnaround.ts';

type EscalationRow = RouterOutputs['escalations']['queue']['items'][number];

const PAGE_SIZE = 25;
const PARAMS = ['state', 'team', 'breached'] as const;

const STATE_FILTERS = ['active', ...ESCALATION_STATES, 'all'] as const;
type StateFilter = (typeof STATE_FILTERS)[number];
const STATE_FILTER_LABELS: Record<StateFilter, string> = {
  active: 'Active (open, acknowledged, in progress)',
  ...ESCALATION_STATE_LABELS,
  all: 'All states',
};
const STATE_OPTIONS = STATE_FILTERS.map((state) => ({
  value: state,
  label: STATE_FILTER_LABELS[state],
}));
const TEAM_OPTIONS = DOWNSTREAM_TEAM_KINDS.map((kind) => ({
  value: kind,
  label: TEAM_KIND_LABELS[kind],
}));

function stateFilterOf(raw: string | undefined): StateFilter {
  return STATE_FILTERS.find((state) => state === raw) ?? 'active';
}

/** A clock's cell: when it was met, when it is due (and whether that has passed), or nothing. */
function ClockCell({
  row,
  dueAt,
  doneAt,
  breached,
  doneLabel,
}: {
  row: EscalationRow;
  dueAt: Date;
  doneAt: Date | null;
  breached: boolean;
  doneLabel: string;
}) {
  if (doneAt) {
    return (
      <Text size="xs" c="dimmed">
        {doneLabel} {formatDateTime(doneAt)}
      </Text>
    );
  }
  if (!isEscalationOpen(row.state as EscalationState)) {
    return (
      <Text size="xs" c="dimmed">
        —
      </Text>
    );
  }
  return (
    <Stack gap={2} align="flex-start">
      <Text size="xs" c={breached ? 'red' : undefined}>
        Due {formatDateTime(dueAt)}
      </Text>
      {breached ? (
        <Badge color="red" variant="filled" size="xs">
          Breached
        </Badge>
      ) : null}
    </Stack>
  );
}

function EscalationsTable({ items }: { items: EscalationRow[] }) {
  return (
    <Table.ScrollContainer minWidth={1200}>
      <Table aria-label="All escalations" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Escalation</Table.Th>
            <Table.Th>Severity</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th>Team</Table.Th>
            <Table.Th>Contact</Table.Th>
            <Table.Th>Raised by</Table.Th>
            <Table.Th>Assignee</Table.Th>
            <Table.Th>Acknowledge</Table.Th>
            <Table.Th>Resolve</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((row) => (
            <Table.Tr key={row.id}>
              <Table.Td maw={280}>
                {/* The escalation's page is the workspace's: a full page load, not a route. */}
                <Anchor href={workspaceEscalationHref(row.id)} size="sm" fw={600}>
                  {escalationLabel(row.number)}
                </Anchor>
                {row.round > 1 ? (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    · sent {row.round} times
                  </Text>
                ) : null}
                <Text size="xs" c="dimmed" lineClamp={2}>
                  {row.summary}
                </Text>
              </Table.Td>
              <Table.Td>
                <SeverityBadge severity={row.severity} />
              </Table.Td>
              <Table.Td>
                <EscalationStateBadge state={row.state} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{row.ownerTeamName}</Text>
                <Text size="xs" c="dimmed">
                  {teamKindLabel(row.teamKind)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{row.contactName}</Text>
                <Text size="xs" c="dimmed">
                  Conversation #{row.conversationNumber}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{row.createdByName}</Text>
                <Text size="xs" c="dimmed">
                  {formatDateTime(row.sentAt)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={row.assigneeName ? undefined : 'dimmed'}>
                  {row.assigneeName ?? 'Unassigned'}
                </Text>
              </Table.Td>
              <Table.Td>
                <ClockCell
                  row={row}
                  dueAt={row.acknowledgeDueAt}
                  doneAt={row.acknowledgedAt}
                  breached={row.acknowledgeBreached}
                  doneLabel="Acknowledged"
                />
              </Table.Td>
              <Table.Td>
                <ClockCell
                  row={row}
                  dueAt={row.resolveDueAt}
                  doneAt={row.resolvedAt}
                  breached={row.resolveBreached}
                  doneLabel="Resolved"
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * Every team's escalations (leads and admins only), filtered by state, team and breach, one
 * page at a time; each opens in the workspace, where the team works it.
 */
export function AllEscalationsList() {
  const trpc = useTRPC();
  const { values, page, update } = useListParams(PARAMS);
  const state = stateFilterOf(values.state);
  const teamKind = escalationTeamKindSchema.safeParse(values.team).data;
  const breachedOnly = values.breached === '1';
  const escalations = useQuery({
    ...trpc.escalations.queue.queryOptions({
      scope: 'all',
      state,
      teamKind,
      breachedOnly,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  });

  return (
    <Stack gap="sm">
      <Group align="flex-end">
        <Select
          label="State"
          data={STATE_OPTIONS}
          value={state}
          allowDeselect={false}
          onChange={(next) =>
            update({ state: next === 'active' ? undefined : (next ?? undefined) })
          }
          w={300}
        />
        <Select
          label="Team"
          placeholder="All teams"
          data={TEAM_OPTIONS}
          value={teamKind ?? null}
          clearable
          onChange={(next) => update({ team: next ?? undefined })}
          w={240}
        />
        <Switch
          label="Breached only"
          checked={breachedOnly}
          onChange={(event) => update({ breached: event.currentTarget.checked ? '1' : undefined })}
          mb={8}
        />
      </Group>
      <Paper p={0} style={{ overflow: 'hidden' }}>
        <ListQueryState
          query={escalations}
          loadingLabel="Loading escalations"
          empty={{
            icon: <IconUrgent />,
            title: 'No escalations match',
            description: breachedOnly
              ? 'Nothing is past due with these filters.'
              : 'Try another state or team.',
          }}
        >
          {(items) => <EscalationsTable items={items} />}
        </ListQueryState>
      </Paper>
      {escalations.data ? (
        <ListPagination
          page={page}
          pageSize={PAGE_SIZE}
          total={escalations.data.total}
          onChange={(next) => update({ page: next })}
        />
      ) : null}
    </Stack>
  );
}
