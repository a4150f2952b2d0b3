import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import {
  HIRING_RECOMMENDATION_LABELS,
  HIRING_RECOMMENDATIONS,
  RUBRIC_LABELS,
  RUBRICS,
  SCORECARD_KIND_LABELS,
} from '@switchboard/domain';
import { formatDateTime } from '@switchboard/ui';
import type { RouterOutputs } from '@switchboard/ui/trpc';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { RecommendationBadge } from './HiringBadges.tsx';
import { ratingText } from './hiring-format.ts';
import { ScorecardModal } from './ScorecardModal.tsx';

type CandidateDetail = RouterOutputs['hiring']['candidate'];

/** The average per rubric over every interviewer, the recommendations, then each scorecard. */
export function ScorecardsSection({ detail }: { detail: CandidateDetail }) {
  const [filling, setFilling] = useState(false);
  const { candidate, scorecards, rubricAverages, recommendations } = detail;
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            Scorecards
          </Title>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} />}
            onClick={() => setFilling(true)}
          >
            Add scorecard
          </Button>
        </Group>
        {scorecards.length === 0 ? (
          <Text size="sm" c="dimmed">
            No scorecards yet. Interviewers add theirs after the written assessment and the
            interview.
          </Text>
        ) : (
          <>
            <Table aria-label="Average per rubric" withRowBorders={false}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Rubric</Table.Th>
                  <Table.Th>Average</Table.Th>
                  <Table.Th>Rated by</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rubricAverages.map((row) => (
                  <Table.Tr key={row.rubric}>
                    <Table.Td>
                      <Text size="sm">{RUBRIC_LABELS[row.rubric]}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {ratingText(row.average)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c="dimmed">
                        {row.count}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Group gap="xs">
              {HIRING_RECOMMENDATIONS.filter((value) => recommendations[value] > 0).map((value) => (
                <Badge key={value} variant="outline">
                  {`${HIRING_RECOMMENDATION_LABELS[value]}: ${recommendations[value]}`}
                </Badge>
              ))}
            </Group>
            <Stack gap="xs">
              {scorecards.map((card) => (
                <Paper
                  key={card.id}
                  withBorder
                  p="sm"
                  component="article"
                  aria-label={`${SCORECARD_KIND_LABELS[card.kind]} by ${card.interviewerName}`}
                >
                  <Group justify="space-between">
                    <Text size="sm" fw={600}>
                      {`${SCORECARD_KIND_LABELS[card.kind]} · ${card.interviewerName}`}
                    </Text>
                    <RecommendationBadge value={card.recommendation} />
                  </Group>
                  <Text size="xs" c="dimmed">
                    {`${formatDateTime(card.submittedAt)}${card.stageName ? ` · in ${card.stageName}` : ''}`}
                  </Text>
                  <Group gap="md" mt={4}>
                    {RUBRICS.map((rubric) => (
                      <Text key={rubric} size="xs">
                        {`${RUBRIC_LABELS[rubric]} ${card.ratings[rubric] ?? '—'}`}
                      </Text>
                    ))}
                  </Group>
                  {card.comments ? (
                    <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                      {card.comments}
                    </Text>
                  ) : null}
                </Paper>
              ))}
            </Stack>
          </>
        )}
      </Stack>
      <ScorecardModal candidate={filling ? candidate : null} onClose={() => setFilling(false)} />
    </Paper>
  );
}
