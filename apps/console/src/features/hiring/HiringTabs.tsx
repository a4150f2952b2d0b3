import { Tabs } from '@mantine/core';
import { useLocation, useNavigate } from 'react-router';
import { HIRING_PATHS } from './hiring-paths.ts';

const TABS = [
  { value: HIRING_PATHS.requisitions, label: 'Requisitions' },
  { value: HIRING_PATHS.candidates, label: 'Candidates' },
  { value: HIRING_PATHS.pipeline, label: 'Pipeline' },
] as const;

/** The hiring screens, one click apart. */
export function HiringTabs() {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const current =
    TABS.find((tab) => tab.value !== HIRING_PATHS.requisitions && pathname.startsWith(tab.value))
      ?.value ?? HIRING_PATHS.requisitions;
  return (
    <Tabs value={current} onChange={(value) => value && void navigate(value)}>
      <Tabs.List aria-label="Hiring">
        {TABS.map((tab) => (
          <Tabs.Tab key={tab.value} value={tab.value}>
            {tab.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
