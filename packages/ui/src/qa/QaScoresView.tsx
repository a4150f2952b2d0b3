import { Badge, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import {
  failsAutomatically,
  normalisedScore,
  QA_CRITERION_GROUP_LABELS,
  QA_CRITERION_GROUPS,
  type QaAnswers,
  type QaCriterion,
  scaleText,
} from '@switchboard/domain';

export interface QaScoresViewProps {
  criteria: readonly QaCriterion[];
  answers: QaAnswers;
  /** Criteria the agent disputed, marked for whoever settles it. */
  disputedIds?: readonly string[];
}

function CriterionRow({
  criterion,
  answer,
  disputed,
}: {
  criterion: QaCriterion;
  answer: QaAnswers[string] | undefined;
  disputed: boolean;
}) {
  const score = answer?.score ?? null;
  const failed = failsAutomatically(criterion, score);
  return (
    <Stack gap={4} component="li" aria-label={criterion.label}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap={6}>
          <Text size="sm" fw={500}>
            {criterion.label}
          </Text>
          {criterion.autoFail ? (
            <Badge size="xs" color="red" variant="outline">
              Auto-fail
            </Badge>
          ) : null}
          {disputed ? (
            <Badge size="xs" color="orange" variant="light">
              Disputed
            </Badge>
          ) : null}
        </Group>
        <Text size="sm" fw={600} c={failed ? 'red' : undefined} style={{ whiteSpace: 'nowrap' }}>
          {answer === undefined
            ? 'Not scored'
            : score === null
              ? 'N/A'
              : `${score} of ${scaleText(criterion.scale)}`}
        </Text>
      </Group>
      {score !== null ? (
        <Progress
          size="sm"
          value={normalisedScore(criterion, score) * 100}
          color={failed ? 'red' : 'teal'}
          aria-hidden
        />
      ) : null}
      {answer?.comment ? (
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
          {answer.comment}
        </Text>
      ) : null}
    </Stack>
  );
}

/** A review's scores, criterion by criterion within their groups, with the reviewer's comments. */
export function QaScoresView({ criteria, answers, disputedIds = [] }: QaScoresViewProps) {
  return (
    <Stack gap="md">
      {QA_CRITERION_GROUPS.filter((group) =>
        criteria.some((criterion) => criterion.group === group),
      ).map((group) => (
        <Paper
          key={group}
          withBorder
          p="sm"
          component="section"
          aria-label={QA_CRITERION_GROUP_LABELS[group]}
        >
          <Title order={3} size="h6" mb="xs">
            {QA_CRITERION_GROUP_LABELS[group]}
          </Title>
          <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {criteria
              .filter((criterion) => criterion.group === group)
              .map((criterion) => (
                <CriterionRow
                  key={criterion.id}
                  criterion={criterion}
                  answer={answers[criterion.id]}
                  disputed={disputedIds.includes(criterion.id)}
                />
              ))}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
