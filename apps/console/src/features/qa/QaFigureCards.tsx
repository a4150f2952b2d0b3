import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { QaFigures } from '@switchboard/domain';
import { formatShare } from '@switchboard/ui';
import { scoreText } from './trend-format.ts';

function Figure({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Paper withBorder p="sm" aria-label={label}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fz={26} fw={700}>
        {value}
      </Text>
      {hint ? (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      ) : null}
    </Paper>
  );
}

/** The QA figures of a set of reviews: how many, how they scored, how many passed. */
export function QaFigureCards({ figures, compare }: { figures: QaFigures; compare?: QaFigures }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm">
      <Figure label="Reviews" value={String(figures.reviews)} />
      <Figure
        label="Average score"
        value={scoreText(figures.averageScore)}
        hint={compare ? `group ${scoreText(compare.averageScore)}` : undefined}
      />
      <Figure
        label="Pass rate"
        value={formatShare(figures.passRate)}
        hint={compare ? `group ${formatShare(compare.passRate)}` : 'at or above the pass mark'}
      />
      <Figure label="Auto-fails" value={String(figures.autoFails)} />
      <Figure label="Disputed" value={String(figures.disputes)} />
    </SimpleGrid>
  );
}
