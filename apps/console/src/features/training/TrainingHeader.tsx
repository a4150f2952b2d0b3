import { Group, Stack, Tabs, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { MARKING_PATH, TEAM_PLANS_PATH, TRAINEES_PATH, TRAINING_PATH } from './training-links.ts';

const TABS = [
  { value: TRAINING_PATH, label: 'Curricula' },
  { value: TRAINEES_PATH, label: 'Trainees' },
  { value: MARKING_PATH, label: 'Marking queue' },
  { value: TEAM_PLANS_PATH, label: 'Team plans' },
] as const;

/** The training section's title and its four views. */
export function TrainingHeader({
  active,
  description,
  actions,
}: {
  active: (typeof TABS)[number]['value'];
  description: string;
  actions?: ReactNode;
}) {
  const navigate = useNavigate();
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2">
            Training
          </Title>
          <Text c="dimmed" size="sm">
            {description}
          </Text>
        </div>
        {actions}
      </Group>
      <Tabs value={active} onChange={(value) => value && void navigate(value)}>
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
