import { Group, Stack, Tabs, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';

export const CERTIFICATION_PATHS = {
  catalog: '/certifications',
  holders: '/certifications/holders',
  expiring: '/certifications/expiring',
} as const;

const TABS = [
  { value: CERTIFICATION_PATHS.catalog, label: 'Catalog' },
  { value: CERTIFICATION_PATHS.holders, label: 'Holders' },
  { value: CERTIFICATION_PATHS.expiring, label: 'Expiring' },
];

/** The Certifications heading with its three views as tabs, each at a URL of its own. */
export function CertificationTabs({ actions }: { actions?: ReactNode }) {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            Certifications
          </Title>
          <Text c="dimmed" size="sm">
            What agents are certified for: request types that require a certification are only
            routed to holders, and the guardrail tier an agent acts at comes from theirs.
          </Text>
        </div>
        {actions}
      </Group>
      <Tabs value={pathname} onChange={(value) => value && navigate(value)}>
        <Tabs.List>
          {TABS.map((tab) => (
            <Tabs.Tab key={tab.value} value={tab.value}>
              {tab.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
    </Stack>
  );
}
