import { AppShell, Box, Button, Group, Text } from '@mantine/core';
import { IconHeadset } from '@tabler/icons-react';
import type { ComponentType, ReactNode } from 'react';
import { Link, matchPath, useLocation } from 'react-router';
import { ColorSchemeToggle } from './ColorSchemeToggle.tsx';
import { UserMenu } from './UserMenu.tsx';

export interface AppNavLink {
  label: string;
  to: string;
  icon?: ComponentType<{ size?: number | string }>;
}

export interface AppFrameProps {
  /** e.g. "Workspace" or "Console". */
  appName: string;
  navLinks: AppNavLink[];
  /** Controls beside the account menu, e.g. the agent's availability. */
  headerControls?: ReactNode;
  children: ReactNode;
}

/** The shell of every signed-in screen: product and app name, navigation, theme, account. */
export function AppFrame({ appName, navLinks, headerControls, children }: AppFrameProps) {
  const { pathname } = useLocation();
  return (
    <AppShell header={{ height: 60 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="lg" wrap="nowrap">
            <Group gap={8} wrap="nowrap">
              <IconHeadset size={24} color="var(--mantine-primary-color-filled)" />
              <Text fw={700}>Switchboard</Text>
              <Text c="dimmed" visibleFrom="xs">
                {appName}
              </Text>
            </Group>
            <Group component="nav" aria-label="Main" gap={4} wrap="nowrap">
              {navLinks.map(({ label, to, icon: Icon }) => {
                const active = matchPath({ path: to, end: false }, pathname) !== null;
                return (
                  <Button
                    key={to}
                    component={Link}
                    to={to}
                    variant={active ? 'light' : 'subtle'}
                    color={active ? undefined : 'gray'}
                    leftSection={Icon ? <Icon size={16} /> : undefined}
                    aria-current={active ? 'page' : undefined}
                  >
                    {label}
                  </Button>
                );
              })}
            </Group>
          </Group>
          <Group gap="sm" wrap="nowrap">
            {headerControls}
            <ColorSchemeToggle />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <Box maw={1400} mx="auto">
          {children}
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
