import { List, Text, ThemeIcon } from '@mantine/core';
import type { Recommendation } from '@switchboard/domain';
import { IconBulb, IconCircleCheck } from '@tabler/icons-react';
import { SnapshotSection } from './SnapshotSection.tsx';

/** What the period asks a lead to do, each with the numbers that triggered it. */
export function RecommendedActions({ items }: { items: Recommendation[] }) {
  return (
    <SnapshotSection
      title="Recommended actions"
      description="From explicit thresholds on the figures below, most urgent first."
    >
      {items.length === 0 ? (
        <Text size="sm">
          <IconCircleCheck size={16} style={{ verticalAlign: 'text-bottom' }} /> Nothing crossed a
          threshold this period.
        </Text>
      ) : (
        <List
          spacing="sm"
          aria-label="Recommended actions"
          icon={
            <ThemeIcon color="orange" variant="light" size={24} radius="xl">
              <IconBulb size={14} />
            </ThemeIcon>
          }
        >
          {items.map((item) => (
            <List.Item key={`${item.rule}:${item.title}`}>
              <Text fw={600} size="sm">
                {item.title}
              </Text>
              <Text size="sm" c="dimmed">
                {item.because}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </SnapshotSection>
  );
}
