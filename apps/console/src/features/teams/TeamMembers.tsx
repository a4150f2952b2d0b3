import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { MembershipRole } from '@switchboard/domain';
import { describeError, EmptyState } from '@switchboard/ui';
import { useTRPC } from '@switchboard/ui/trpc';
import { IconPencil, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { RolloutNote } from '../../lib/RolloutNote.tsx';
import { AvailabilityBadge } from '../people/AvailabilityBadge.tsx';
import { RoleBadge } from '../people/RoleBadge.tsx';
import { AddMemberModal } from './AddMemberModal.tsx';
import { EditTeamModal } from './TeamModals.tsx';
import type { Team } from './TeamsPage.tsx';
import { useRefreshTeams } from './use-refresh-teams.ts';

type TeamMember = Team['members'][number];

const MEMBERSHIP_LABELS: Record<MembershipRole, string> = { lead: 'Lead', member: 'Member' };

/** Who works a team's inboxes; leads and admins change who and who leads. */
export function TeamMembers({ team, canEdit }: { team: Team; canEdit: boolean }) {
  const [dialog, setDialog] = useState<'edit' | 'add' | null>(null);
  const [removing, setRemoving] = useState<TeamMember | null>(null);
  const setRole = useSetMembershipRole(team);
  const titleId = `team-${team.code}-members-title`;

  return (
    <Stack gap="sm" p="md" bg="var(--mantine-color-default-hover)">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2} size="h5" id={titleId}>
            Members of {team.name}
          </Title>
          <Text size="sm" c="dimmed">
            {team.description || 'No description.'}
          </Text>
        </div>
        {canEdit ? (
          <Group gap="xs">
            <Button
              variant="default"
              size="xs"
              leftSection={<IconPencil size={14} />}
              aria-label={`Edit ${team.name}`}
              onClick={() => setDialog('edit')}
            >
              Edit team
            </Button>
            <Button
              size="xs"
              leftSection={<IconUserPlus size={14} />}
              aria-label={`Add a member to ${team.name}`}
              onClick={() => setDialog('add')}
            >
              Add member
            </Button>
          </Group>
        ) : null}
      </Group>
      {team.members.length === 0 ? (
        <EmptyState
          icon={<IconUsers />}
          title={`Nobody is on ${team.name}`}
          description={
            team.inboxes.length > 0
              ? 'Its inboxes’ conversations wait unassigned until someone joins.'
              : 'Add people, then give the team an inbox.'
          }
        />
      ) : (
        <Table aria-labelledby={titleId} bg="var(--mantine-color-body)">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Staff role</Table.Th>
              <Table.Th>Role in team</Table.Th>
              <Table.Th>Availability</Table.Th>
              {canEdit ? (
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              ) : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {team.members.map((member) => (
              <Table.Tr key={member.userId}>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Text size="sm" fw={500}>
                      {member.name}
                    </Text>
                    {member.active ? null : (
                      <Badge size="xs" color="gray" variant="outline">
                        Deactivated
                      </Badge>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {member.email}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <RoleBadge role={member.staffRole} size="sm" />
                </Table.Td>
                <Table.Td>
                  <Badge
                    size="sm"
                    variant={member.role === 'lead' ? 'filled' : 'light'}
                    color={member.role === 'lead' ? 'grape' : 'gray'}
                  >
                    {MEMBERSHIP_LABELS[member.role]}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <AvailabilityBadge availability={member.availability} />
                </Table.Td>
                {canEdit ? (
                  <Table.Td ta="right">
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        loading={setRole.isPending && setRole.variables?.userId === member.userId}
                        aria-label={
                          member.role === 'lead'
                            ? `Make ${member.name} a member`
                            : `Make ${member.name} team lead`
                        }
                        onClick={() =>
                          setRole.mutate({
                            teamId: team.id,
                            userId: member.userId,
                            role: member.role === 'lead' ? 'member' : 'lead',
                          })
                        }
                      >
                        {member.role === 'lead' ? 'Make member' : 'Make lead'}
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="red"
                        aria-label={`Remove ${member.name} from ${team.name}`}
                        onClick={() => setRemoving(member)}
                      >
                        Remove
                      </Button>
                    </Group>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <EditTeamModal team={dialog === 'edit' ? team : null} onClose={() => setDialog(null)} />
      <AddMemberModal team={dialog === 'add' ? team : null} onClose={() => setDialog(null)} />
      <RemoveMemberModal team={team} member={removing} onClose={() => setRemoving(null)} />
    </Stack>
  );
}

function useSetMembershipRole(team: Team) {
  const trpc = useTRPC();
  const refresh = useRefreshTeams();
  return useMutation(
    trpc.people.addTeamMember.mutationOptions({
      onSuccess: (changed) => {
        const name = team.members.find((member) => member.userId === changed.userId)?.name;
        notifications.show({
          color: 'teal',
          message:
            changed.role === 'lead'
              ? `${name ?? 'They'} now leads ${team.name}`
              : `${name ?? 'They'} is now a member of ${team.name}`,
        });
        void refresh();
      },
      onError: (error) =>
        notifications.show({ color: 'red', title: 'Not changed', message: describeError(error) }),
    }),
  );
}

function RemoveMemberModal({
  team,
  member,
  onClose,
}: {
  team: Team;
  member: TeamMember | null;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const refresh = useRefreshTeams();
  const [note, setNote] = useState('');
  const remove = useMutation(
    trpc.people.removeTeamMember.mutationOptions({
      onSuccess: () => {
        notifications.show({
          color: 'teal',
          message: `${member?.name ?? 'They'} removed from ${team.name}`,
        });
        void refresh();
        close();
      },
    }),
  );
  const close = () => {
    setNote('');
    remove.reset();
    onClose();
  };
  return (
    <Modal opened={member !== null} onClose={close} title={`Remove from ${team.name}?`}>
      {member ? (
        <Stack>
          <Text size="sm">
            <b>{member.name}</b> stops getting new conversations from {team.name}’s inboxes.
            Conversations they hold stay theirs until a lead reassigns them.
          </Text>
          <RolloutNote
            placeholder={`${member.name} moves to the night team.`}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
          />
          {remove.isError ? (
            <Alert color="red" title="Not removed">
              {describeError(remove.error)}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() =>
                remove.mutate({
                  teamId: team.id,
                  userId: member.userId,
                  rolloutNote: note.trim() || undefined,
                })
              }
            >
              Remove {member.name}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
