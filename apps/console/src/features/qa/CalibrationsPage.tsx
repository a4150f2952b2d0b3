import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { QA_AGREEMENT_EXPLANATION } from '@switchboard/domain';
import {
  formatDateTime,
  formatShare,
  ListPagination,
  ListQueryState,
  useListParams,
} from '@switchboard/ui';
import { useViewer } from '@switchboard/ui/auth';
import { type RouterOutputs, useTRPC } from '@switchboard/ui/trpc';
import { IconPlus, IconScale } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { agreementColor } from './agreement-text.ts';
import { NewCalibrationModal } from './NewCalibrationModal.tsx';
import { calibrationPath } from './qa-links.ts';

type SessionRow = RouterOutputs['qa']['calibrations']['items'][number];

const PAGE_SIZE = 50;
const NO_PARAMS = [] as const;

function YourPart({ session }: { session: SessionRow }) {
  if (session.mySubmitted === null)
    return (
      <Text size="sm" c="dimmed">
        Not a reviewer
      </Text>
    );
  if (session.mySubmitted) return <Text size="sm">Submitted</Text>;
  return session.status === 'open' ? (
    <Badge color="blue" variant="light">
      Your scores are due
    </Badge>
  ) : (
    <Text size="sm" c="dimmed">
      Not submitted
    </Text>
  );
}

function SessionsTable({ sessions }: { sessions: SessionRow[] }) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table highlightOnHover aria-label="Calibration sessions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Session</Table.Th>
            <Table.Th>Scorecard</Table.Th>
            <Table.Th>Set up by</Table.Th>
            <Table.Th>Submitted</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th ta="right">Agreement</Table.Th>
            <Table.Th>You</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sessions.map((session) => (
            <Table.Tr key={session.id}>
              <Table.Td maw={320}>
                <Anchor component={Link} to={calibrationPath(session.id)} size="sm" fw={600}>
                  {session.title}
                </Anchor>
                <Text size="xs" c="dimmed" lineClamp={1}>
                  #{session.conversationNumber} {session.subject}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {session.scorecardName} v{session.version}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{session.createdByName ?? '—'}</Text>
                <Text size="xs" c="dimmed">
                  {formatDateTime(session.createdAt)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {session.submitted} of {session.reviewers}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge variant="dot" color={session.status === 'revealed' ? 'teal' : 'blue'}>
                  {session.status === 'revealed' ? 'Revealed' : 'Scoring blind'}
                </Badge>
              </Table.Td>
              <Table.Td ta="right">
                {session.agreement === null ? (
                  <Text size="sm" c="dimmed">
                    After reveal
                  </Text>
                ) : (
                  <Badge color={agreementColor(session.agreement)} variant="light">
                    {formatShare(session.agreement)}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <YourPart session={session} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Calibration sessions: who scored what, blind, and how far the reviewers agree. */
export function CalibrationsPage() {
  const trpc = useTRPC();
  const viewer = useViewer();
  const [creating, setCreating] = useState(false);
  const { page, update } = useListParams(NO_PARAMS);
  const sessions = useQuery({
    ...trpc.qa.calibrations.queryOptions({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Text size="sm" c="dimmed" maw={760}>
          {QA_AGREEMENT_EXPLANATION}
        </Text>
        {viewer.access.trainer ? (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            New session
          </Button>
        ) : null}
      </Group>
      <Paper p={0} style={{ overflow: 'hidden' }}>
        <ListQueryState
          query={sessions}
          loadingLabel="Loading calibration sessions"
          empty={{
            icon: <IconScale />,
            title: 'No calibration yet',
            description:
              'Have two or more reviewers score the same conversation to see whether they read the scorecard alike.',
          }}
        >
          {(items) => <SessionsTable sessions={items} />}
        </ListQueryState>
      </Paper>
      {sessions.data ? (
        <ListPagination
          page={page}
          pageSize={PAGE_SIZE}
          total={sessions.data.total}
          onChange={(next) => update({ page: next })}
        />
      ) : null}
      <NewCalibrationModal opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}
