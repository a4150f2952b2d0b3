import { Badge, Group, Paper, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import {
  PRIORITIES,
  type Priority,
  SLA_TARGET_KINDS,
  SLA_TARGET_LABELS,
  slaTargetText,
} from '@switchboard/domain';
import {
  AudienceBadge,
  describeError,
  EmptyState,
  ErrorState,
  formatDateTime,
  PriorityBadge,
  TableSkeleton,
} from '@switchboard/ui';
import { type RouterOutputs, useTRPC } from '@switchboard/ui/trpc';
import { IconAlertTriangle, IconInbox, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { CALENDARS_PATH, calendarEditorPath, policyEditorPath } from './sla-links.ts';

type PolicyRow = RouterOutputs['sla']['policies'][number];

function Targets({ row, priority }: { row: PolicyRow; priority: Priority }) {
  return (
    <Stack gap={0}>
      {SLA_TARGET_KINDS.map((kind) => (
        <Text key={kind} size="xs">
          <Text span size="xs" c="dimmed">
            {SLA_TARGET_LABELS[kind]}:
          </Text>{' '}
          {slaTargetText(row.targets[priority][kind])}
        </Text>
      ))}
    </Stack>
  );
}

function Calendar({ row }: { row: PolicyRow }) {
  if (row.calendarId && row.calendarName) {
    return (
      <Text component={Link} to={calendarEditorPath(row.calendarId)} size="sm" c="blue">
        {row.calendarName}
      </Text>
    );
  }
  return (
    <Text size="sm" c="dimmed">
      None (around the clock)
    </Text>
  );
}

function matches(row: PolicyRow, search: string): boolean {
  const needle = search.trim().toLowerCase();
  if (needle === '') return true;
  return [row.inboxName, row.inboxCode, row.cityName ?? '', row.calendarName ?? '']
    .join(' ')
    .toLowerCase()
    .includes(needle);
}

/**
 * Every active inbox's SLA: the calendar it counts business time in and its targets per
 * priority, whether its own policy or the defaults.
 */
export function PoliciesPage() {
  const trpc = useTRPC();
  const policies = useQuery(trpc.sla.policies.queryOptions());
  const [search, setSearch] = useState('');
  const rows = (policies.data ?? []).filter((row) => matches(row, search));

  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          SLA policies
        </Title>
        <Text c="dimmed" size="sm">
          How fast each inbox answers and resolves, per priority, counted in its{' '}
          <Text component={Link} to={CALENDARS_PATH} c="blue" size="sm" span>
            business calendar
          </Text>{' '}
          or around the clock. Changes apply to clocks that start after them; due times already set
          stay.
        </Text>
      </div>
      <TextInput
        aria-label="Search inboxes"
        placeholder="Search by inbox, city or calendar"
        leftSection={<IconSearch size={16} />}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        maw={360}
      />
      <Paper p={0} style={{ overflow: 'hidden' }}>
        {policies.isPending ? (
          <TableSkeleton label="Loading SLA policies" />
        ) : policies.isError ? (
          <ErrorState
            message={describeError(policies.error)}
            onRetry={() => void policies.refetch()}
          />
        ) : rows.length === 0 ? (
          <EmptyState
            icon={<IconInbox />}
            title={search ? 'No inbox matches' : 'No active inboxes'}
            description={
              search ? 'Try another name or code.' : 'Inboxes appear here once they are active.'
            }
          />
        ) : (
          <Table.ScrollContainer minWidth={1200}>
            <Table highlightOnHover verticalSpacing="sm" aria-label="SLA policies">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Inbox</Table.Th>
                  <Table.Th>Calendar</Table.Th>
                  {PRIORITIES.map((priority) => (
                    <Table.Th key={priority}>
                      <PriorityBadge priority={priority} size="sm" />
                    </Table.Th>
                  ))}
                  <Table.Th>Changed</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={row.inboxId}>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Text
                          component={Link}
                          to={policyEditorPath(row.inboxId)}
                          size="sm"
                          fw={500}
                          c="blue"
                        >
                          {row.inboxName}
                        </Text>
                        {row.warnings.length > 0 ? (
                          <Tooltip
                            label={row.warnings.map((warning) => warning.message).join('. ')}
                          >
                            <IconAlertTriangle
                              size={14}
                              color="var(--mantine-color-yellow-6)"
                              aria-label={`${row.inboxName} has targets to check`}
                            />
                          </Tooltip>
                        ) : null}
                      </Group>
                      <Group gap={4} mt={2}>
                        <AudienceBadge audience={row.audience} size="xs" />
                        <Text size="xs" c="dimmed">
                          {row.cityName ?? 'All cities'}
                        </Text>
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Calendar row={row} />
                      {row.source === 'defaults' ? (
                        <Badge color="yellow" variant="light" size="sm" mt={4}>
                          Defaults
                        </Badge>
                      ) : null}
                    </Table.Td>
                    {PRIORITIES.map((priority) => (
                      <Table.Td key={priority}>
                        <Targets row={row} priority={priority} />
                      </Table.Td>
                    ))}
                    <Table.Td>
                      {row.updatedAt ? (
                        <>
                          <Text size="sm">{formatDateTime(row.updatedAt)}</Text>
                          <Text size="xs" c="dimmed">
                            by {row.updatedByName ?? 'someone no longer here'}
                          </Text>
                        </>
                      ) : (
                        <Text size="sm" c="dimmed">
                          Never
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </Stack>
  );
}
