import {
  AppShell,
  Box,
  Burger,
  Button,
  Group,
  NavLink,
  ScrollArea,
  Stack,
  Text,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconHeadset } from '@tabler/icons-react';
import type { ComponentType, ReactNode } from 'react';
import { Link, matchPath, useLocation } from 'react-router';
import { ColorSchemeToggle } from './ColorSchemeToggle.tsx';
import { UserMenu } from './UserMenu.tsx';

export interface AppNavLink {
  label: string;
  to: string;
  icon?: ComponentType<{ size?: number | string }>;
  /** The sidebar section the link sits in, e.g. "Routing". */
  group?: string;
}

export interface AppFrameProps {
  /** e.g. "Workspace" or "Console". */
  appName: string;
  navLinks: AppNavLink[];
  /** Controls beside the account menu, e.g. the agent's availability. */
  headerControls?: ReactNode;
  /**
   * Where the navigation sits: across the header (a few links, the workspace) or in a
   * sidebar grouped by section (the console's many settings pages), collapsed behind a
   * menu button on small screens.
   */
  navigation?: 'header' | 'sidebar';
  children: ReactNode;
}

/** The link for this page: the most specific one whose path it is under (/a/b over /a). */
function activeLinkOf(links: readonly AppNavLink[], pathname: string): string | null {
  const matching = links
    .map((link) => link.to)
    .filter((to) => matchPath({ path: to, end: false }, pathname) !== null);
  return matching.sort((a, b) => b.length - a.length)[0] ?? null;
}

/** The links in their sections, in the order the sections first appear. */
function bySection(links: readonly AppNavLink[]): [string, AppNavLink[]][] {
  const sections = new Map<string, AppNavLink[]>();
  for (const link of links) {
    const section = link.group ?? '';
    sections.set(section, [...(sections.get(section) ?? []), link]);
  }
  return [...sections.entries()];
}

function SidebarNav({ links, onNavigate }: { links: AppNavLink[]; onNavigate: () => void }) {
  const { pathname } = useLocation();
  const activeTo = activeLinkOf(links, pathname);
  return (
    <Stack component="nav" aria-label="Main" gap="sm">
      {bySection(links).map(([section, sectionLinks]) => (
        <div key={section}>
          {section ? (
            <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mb={4}>
              {section}
            </Text>
          ) : null}
          {sectionLinks.map(({ label, to, icon: Icon }) => {
            const active = to === activeTo;
            return (
              <NavLink
                key={to}
                component={Link}
                to={to}
                label={label}
                active={active}
                leftSection={Icon ? <Icon size={16} /> : undefined}
                aria-current={active ? 'page' : undefined}
                onClick={onNavigate}
              />
            );
          })}
        </div>
      ))}
    </Stack>
  );
}

/** The shell of every signed-in screen: product and app name, navigation, theme, account. */
export function AppFrame({
  appName,
  navLinks,
  headerControls,
  navigation = 'header',
  children,
}: AppFrameProps) {
  const { pathname } = useLocation();
  const [menuOpened, menu] = useDisclosure(false);
  const sidebar = navigation === 'sidebar';
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={
        sidebar ? { width: 240, breakpoint: 'sm', collapsed: { mobile: !menuOpened } } : undefined
      }
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          {/* Takes what the controls leave: the controls (availability, account) never shrink. */}
          <Group gap="lg" wrap="nowrap" style={{ flex: 1, minWidth: 0 }}>
            {sidebar ? (
              <Burger
                opened={menuOpened}
                onClick={menu.toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={menuOpened ? 'Close navigation' : 'Open navigation'}
              />
            ) : null}
            <Group gap={8} wrap="nowrap" style={{ flexShrink: 0 }}>
              <IconHeadset size={24} color="var(--mantine-primary-color-filled)" />
              <Text fw={700}>Switchboard</Text>
              <Text c="dimmed" visibleFrom="xs">
                {appName}
              </Text>
            </Group>
            {sidebar ? null : (
              // More links than the width holds scroll sideways instead of pushing the
              // header's controls off the screen.
              <Group
                component="nav"
                aria-label="Main"
                gap={4}
                wrap="nowrap"
                style={{ minWidth: 0, overflowX: 'auto', scrollbarWidth: 'thin' }}
              >
                {navLinks.map(({ label, to, icon: Icon }) => {
                  const active = to === activeLinkOf(navLinks, pathname);
                  return (
                    <Button
                      key={to}
                      component={Link}
                      to={to}
                      variant={active ? 'light' : 'subtle'}
                      color={active ? undefined : 'gray'}
                      leftSection={Icon ? <Icon size={16} /> : undefined}
                      aria-current={active ? 'page' : undefined}
                      // Below the widest screens a link with an icon shows only the icon, so
                      // every link fits; its name stays for screen readers and on hover.
                      aria-label={label}
                      title={label}
                      style={{ flexShrink: 0 }}
                    >
                      {Icon ? (
                        <Box component="span" visibleFrom="xl">
                          {label}
                        </Box>
                      ) : (
                        label
                      )}
                    </Button>
                  );
                })}
              </Group>
            )}
          </Group>
          <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
            {headerControls}
            <ColorSchemeToggle />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      {sidebar ? (
        <AppShell.Navbar p="sm">
          <AppShell.Section grow component={ScrollArea}>
            <SidebarNav links={navLinks} onNavigate={menu.close} />
          </AppShell.Section>
        </AppShell.Navbar>
      ) : null}
      <AppShell.Main>
        <Box maw={1400} mx="auto">
          {children}
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
