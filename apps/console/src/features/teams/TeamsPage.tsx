import {
  Alert,
  Anchor,
  Badge,
  Button,
  Code,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { TEAM_KIND_LABELS } from '@switchboard/domain';
import { describeError, EmptyState, ErrorState, TableSkeleton } from '@switchboard/ui';
import { useViewer } from '@switchboard/ui/auth';
import { type RouterOutputs, useTRPC } from '@switchboard/ui/trpc';
import {
  IconChevronDown,
  IconChevronRight,
  IconLock,
  IconPlus,
  IconUsersGroup,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useListParams } from '../../lib/use-list-params.ts';
import { TeamMembers } from './TeamMembers.tsx';
import { CreateTeamModal } from './TeamModals.tsx';

export type Team = RouterOutputs['people']['teams'][number];

/** The open team is in the URL (`?team=LIS_L1`), so a lead can link someone to it. */
const PARAMS = ['team'] as const;
const COLUMNS = 5;

/**
 * The teams inboxes are staffed from: what each does, the inboxes it works and who is on
 * it. Team leads and admins create and rename teams and staff them; trainers read.
 */
export function TeamsPage() {
  const trpc = useTRPC();
  const viewer = useViewer();
  const canEdit = viewer.access.lead;
  const teams = useQuery(trpc.people.teams.queryOptions());
  const { values, update } = useListParams(PARAMS);
  const [creating, setCreating] = useState(false);
  const openCode = values.team;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            Teams
          </Title>
          <Text c="dimmed" size="sm">
            Who works which inboxes: a team’s members take the conversations of every inbox it owns.
          </Text>
        </div>
        {canEdit ? (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            New team
          </Button>
        ) : null}
      </Group>
      {canEdit ? null : (
        <Alert color="gray" icon={<IconLock />}>
          Read only: team leads and admins create teams and change who is on them.
        </Alert>
      )}
      <Paper p={0} style={{ overflow: 'hidden' }}>
        {teams.isPending ? (
          <TableSkeleton label="Loading teams" />
        ) : teams.isError ? (
          <ErrorState message={describeError(teams.error)} onRetry={() => void teams.refetch()} />
        ) : teams.data.length === 0 ? (
          <EmptyState
            icon={<IconUsersGroup />}
            title="No teams yet"
            description={
              canEdit
                ? 'Create a team, add people to it, then give it inboxes.'
                : 'Team leads create the teams inboxes are staffed from.'
            }
          />
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Team</Table.Th>
                  <Table.Th>Kind</Table.Th>
                  <Table.Th>Code</Table.Th>
                  <Table.Th>Inboxes</Table.Th>
                  <Table.Th ta="right">Members</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {teams.data.map((team) => (
                  <TeamRows
                    key={team.id}
                    team={team}
                    open={team.code === openCode}
                    canEdit={canEdit}
                    onToggle={() =>
                      update(
                        { team: team.code === openCode ? undefined : team.code },
                        { replace: true },
                      )
                    }
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      <CreateTeamModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(code) => update({ team: code })}
      />
    </Stack>
  );
}

function TeamRows({
  team,
  open,
  canEdit,
  onToggle,
}: {
  team: Team;
  open: boolean;
  canEdit: boolean;
  onToggle: () => void;
}) {
  const Chevron = open ? IconChevronDown : IconChevronRight;
  return (
    <>
      <Table.Tr>
        <Table.Td>
          <UnstyledButton
            onClick={onToggle}
            aria-expanded={open}
            aria-controls={`team-${team.code}-members`}
          >
            <Group gap="xs" wrap="nowrap">
              <Chevron size={16} aria-hidden />
              <Text size="sm" fw={500}>
                {team.name}
              </Text>
            </Group>
          </UnstyledButton>
          {team.description ? (
            <Text size="xs" c="dimmed" lineClamp={1} pl={24}>
              {team.description}
            </Text>
          ) : null}
        </Table.Td>
        <Table.Td>
          <Text size="sm">{TEAM_KIND_LABELS[team.kind]}</Text>
        </Table.Td>
        <Table.Td>
          <Code>{team.code}</Code>
        </Table.Td>
        <Table.Td>
          <TeamInboxes inboxes={team.inboxes} />
        </Table.Td>
        <Table.Td ta="right">
          <Text size="sm" fw={500}>
            {team.memberCount}
          </Text>
        </Table.Td>
      </Table.Tr>
      {open ? (
        <Table.Tr>
          <Table.Td colSpan={COLUMNS} p={0} id={`team-${team.code}-members`}>
            <TeamMembers team={team} canEdit={canEdit} />
          </Table.Td>
        </Table.Tr>
      ) : null}
    </>
  );
}

function TeamInboxes({ inboxes }: { inboxes: Team['inboxes'] }) {
  if (inboxes.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No inboxes
      </Text>
    );
  }
  return (
    <Group gap="xs">
      {inboxes.map((inbox) => (
        <Group key={inbox.id} gap={4} wrap="nowrap">
          <Anchor component={Link} to={`/inboxes/${inbox.id}`} size="sm">
            {inbox.name}
          </Anchor>
          {inbox.active ? null : (
            <Badge size="xs" color="gray" variant="outline">
              Inactive
            </Badge>
          )}
        </Group>
      ))}
    </Group>
  );
}
