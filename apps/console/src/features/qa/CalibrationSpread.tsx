import { Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import {
  agreementTolerance,
  QA_AGREEMENT_EXPLANATION,
  QA_CRITERION_GROUP_LABELS,
  scaleText,
} from '@switchboard/domain';
import { formatShare } from '@switchboard/ui';
import { IconInfoCircle } from '@tabler/icons-react';
import { agreementColor } from './agreement-text.ts';
import type { QaCalibrationDetail } from './qa-detail.ts';

type Result = NonNullable<QaCalibrationDetail['result']>;

function points(value: number | null, digits = 1): string {
  return value === null ? '—' : String(Math.round(value * 10 ** digits) / 10 ** digits);
}

function leaningText(leaning: number | null): string {
  if (leaning === null) return 'No comparison';
  const rounded = Math.round(leaning);
  if (Math.abs(rounded) < 3) return 'In line with the others';
  return rounded > 0
    ? `${rounded} points more generous than the others`
    : `${-rounded} points stricter than the others`;
}

/**
 * A revealed session: the agreement rate a QA lead reads first, each reviewer's overall score
 * and leaning, and per criterion every score with its spread.
 */
export function CalibrationSpread({
  detail,
  result,
}: {
  detail: QaCalibrationDetail;
  result: Result;
}) {
  const submitted = detail.reviewers.filter((reviewer) => reviewer.submittedAt !== null);
  const nameOf = (id: string) =>
    detail.reviewers.find((reviewer) => reviewer.reviewerId === id)?.reviewerName ?? 'Reviewer';
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <Paper withBorder p="md">
          <Group gap={4}>
            <Text size="sm" c="dimmed">
              Agreement
            </Text>
            <Tooltip label={QA_AGREEMENT_EXPLANATION} multiline w={360}>
              <IconInfoCircle size={14} aria-label="How agreement is counted" />
            </Tooltip>
          </Group>
          <Group gap="sm" align="baseline">
            <Text fz={32} fw={700} c={agreementColor(result.agreement)}>
              {formatShare(result.agreement)}
            </Text>
            <Badge color={result.calibrated ? 'teal' : 'orange'} variant="light">
              {result.calibrated ? 'Calibrated' : 'Needs a calibration talk'}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed">
            {result.criteria.filter((criterion) => criterion.agrees).length} of{' '}
            {result.criteria.length} criteria agreed
          </Text>
        </Paper>
        <Paper withBorder p="md">
          <Text size="sm" c="dimmed">
            Overall scores
          </Text>
          <Text fz={32} fw={700}>
            {result.scoreRange ? `${result.scoreRange.min}–${result.scoreRange.max}%` : '—'}
          </Text>
          <Text size="xs" c="dimmed">
            {result.scoreRange ? `${result.scoreRange.gap} points apart` : 'Nothing scored'}
          </Text>
        </Paper>
        <Paper withBorder p="md">
          <Text size="sm" c="dimmed" mb={4}>
            Reviewers
          </Text>
          <Stack gap={2}>
            {result.reviewers.map((reviewer) => (
              <Text key={reviewer.reviewerId} size="sm">
                <b>{nameOf(reviewer.reviewerId)}</b> {reviewer.score ?? '—'}% ·{' '}
                <Text span size="sm" c="dimmed">
                  {leaningText(reviewer.leaning)}
                </Text>
              </Text>
            ))}
          </Stack>
        </Paper>
      </SimpleGrid>
      <Paper withBorder p={0} style={{ overflow: 'hidden' }}>
        <Title order={3} size="h5" p="md" pb="xs">
          Spread per criterion
        </Title>
        <Table.ScrollContainer minWidth={820}>
          <Table aria-label="Spread per criterion">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Criterion</Table.Th>
                {submitted.map((reviewer) => (
                  <Table.Th key={reviewer.reviewerId} ta="center">
                    {reviewer.reviewerName}
                  </Table.Th>
                ))}
                <Table.Th ta="right">Min</Table.Th>
                <Table.Th ta="right">Max</Table.Th>
                <Table.Th ta="right">Std dev</Table.Th>
                <Table.Th>Agreed</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.criteria.map((spread) => {
                const criterion = detail.scorecard.criteria.find(
                  (candidate) => candidate.id === spread.criterionId,
                );
                if (!criterion) return null;
                const tolerance = agreementTolerance(criterion.scale);
                return (
                  <Table.Tr key={spread.criterionId}>
                    <Table.Th scope="row" fw={400}>
                      <Text size="sm" fw={500}>
                        {criterion.label}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {QA_CRITERION_GROUP_LABELS[criterion.group]} · {scaleText(criterion.scale)}
                      </Text>
                    </Table.Th>
                    {spread.scores.map((score, index) => (
                      <Table.Td key={submitted[index]?.reviewerId ?? index} ta="center">
                        {score === null ? 'N/A' : score}
                      </Table.Td>
                    ))}
                    <Table.Td ta="right">{points(spread.min, 0)}</Table.Td>
                    <Table.Td ta="right">{points(spread.max, 0)}</Table.Td>
                    <Table.Td ta="right">{points(spread.standardDeviation, 2)}</Table.Td>
                    <Table.Td>
                      <Tooltip
                        label={
                          tolerance === 0
                            ? 'Short scale: agreed when everyone gave the same score'
                            : 'Agreed when every score is within one point'
                        }
                      >
                        <Badge color={spread.agrees ? 'teal' : 'red'} variant="light">
                          {spread.agrees ? 'Yes' : 'No'}
                        </Badge>
                      </Tooltip>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    </Stack>
  );
}
