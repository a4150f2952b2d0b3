import { Stack, Tabs, Text, Title } from '@mantine/core';
import { matchPath, Outlet, useLocation, useNavigate } from 'react-router';
import {
  QA_CALIBRATION_PATH,
  QA_REVIEWS_PATH,
  QA_SAMPLES_PATH,
  QA_SCORECARDS_PATH,
  QA_TRENDS_PATH,
} from './qa-links.ts';

const SECTIONS = [
  { path: QA_REVIEWS_PATH, label: 'Reviews' },
  { path: QA_SAMPLES_PATH, label: 'Samples' },
  { path: QA_CALIBRATION_PATH, label: 'Calibration' },
  { path: QA_TRENDS_PATH, label: 'Trends' },
  { path: QA_SCORECARDS_PATH, label: 'Scorecards' },
] as const;

/** The Quality area: reviews, the samples they come from, calibration, trends and scorecards. */
export function QaLayout() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const active = SECTIONS.find((section) =>
    matchPath({ path: section.path, end: false }, pathname),
  );
  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          Quality
        </Title>
        <Text c="dimmed" size="sm">
          Review conversations against the scorecards, coach agents, and check the reviewers read
          the scorecards the same way.
        </Text>
      </div>
      <Tabs
        value={active?.path ?? null}
        onChange={(path) => {
          if (path) void navigate(path);
        }}
      >
        <Tabs.List aria-label="Quality sections">
          {SECTIONS.map((section) => (
            <Tabs.Tab key={section.path} value={section.path}>
              {section.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Outlet />
    </Stack>
  );
}
