import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { ROLE_LABELS } from '@switchboard/domain';
import { IconChevronDown, IconLogout } from '@tabler/icons-react';
import { useSignOut } from '../auth/use-sign-out.ts';
import { useViewer } from '../auth/viewer-context.ts';

export function UserMenu() {
  const viewer = useViewer();
  const signOut = useSignOut();
  const role = ROLE_LABELS[viewer.role];
  return (
    <Menu position="bottom-end" width={240} withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={`Account menu for ${viewer.name}`}>
          <Group gap="xs" wrap="nowrap">
            <Avatar color="initials" name={viewer.name} radius="xl" size="sm" />
            <div>
              <Text size="sm" fw={500} lh={1.2}>
                {viewer.name}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2}>
                {role}
                {viewer.agentTier ? ` · ${viewer.agentTier}` : ''}
              </Text>
            </div>
            <IconChevronDown size={14} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{viewer.email}</Menu.Label>
        {viewer.teams.map((team) => (
          <Menu.Item key={team.id} disabled>
            {team.name}
          </Menu.Item>
        ))}
        {viewer.teams.length > 0 ? <Menu.Divider /> : null}
        <Menu.Item leftSection={<IconLogout size={16} />} onClick={() => void signOut()}>
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
