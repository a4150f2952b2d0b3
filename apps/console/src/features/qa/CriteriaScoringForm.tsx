import {
  Alert,
  Badge,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import {
  QA_CRITERION_GROUP_LABELS,
  QA_CRITERION_GROUPS,
  type QaAnswers,
  type QaCriterion,
  qaScore,
} from '@switchboard/domain';
import { QaScoreBadge } from '@switchboard/ui/qa';
import { IconAlertOctagon } from '@tabler/icons-react';

const NA = 'na';

export interface CriteriaScoringFormProps {
  criteria: readonly QaCriterion[];
  answers: QaAnswers;
  onChange: (answers: QaAnswers) => void;
  passMark: number;
  /** Messages by server path (`scores.<criterion id>.score`). */
  errors?: Record<string, string>;
  disabled?: boolean;
}

function pointsOf(criterion: QaCriterion) {
  const points = [];
  for (let point = criterion.scale.min; point <= criterion.scale.max; point += 1) {
    points.push({ value: String(point), label: String(point) });
  }
  return criterion.allowNa ? [...points, { value: NA, label: 'N/A' }] : points;
}

function CriterionInput({
  criterion,
  answer,
  onChange,
  error,
  disabled,
}: {
  criterion: QaCriterion;
  answer: QaAnswers[string] | undefined;
  onChange: (answer: QaAnswers[string]) => void;
  error: string | undefined;
  disabled: boolean;
}) {
  const value = answer === undefined ? '' : answer.score === null ? NA : String(answer.score);
  return (
    <Stack gap={6} component="li">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Group gap={6}>
            <Text size="sm" fw={500} id={`criterion-${criterion.id}`}>
              {criterion.label}
            </Text>
            <Badge size="xs" variant="light" color="gray">
              weight {criterion.weight}
            </Badge>
            {criterion.autoFail ? (
              <Badge size="xs" color="red" variant="outline">
                Auto-fail at {criterion.scale.min}
              </Badge>
            ) : null}
          </Group>
          {criterion.guidance ? (
            <Text size="xs" c="dimmed">
              {criterion.guidance}
            </Text>
          ) : null}
        </div>
        <SegmentedControl
          size="xs"
          aria-labelledby={`criterion-${criterion.id}`}
          data={pointsOf(criterion)}
          value={value}
          disabled={disabled}
          onChange={(next) =>
            onChange({
              score: next === NA ? null : Number(next),
              comment: answer?.comment ?? '',
            })
          }
        />
      </Group>
      {error ? (
        <Text size="xs" c="red" role="alert">
          {error}
        </Text>
      ) : null}
      <Textarea
        aria-label={`Comment on ${criterion.label}`}
        placeholder={answer ? 'Comment for the agent (optional)' : 'Score it first, then comment'}
        autosize
        minRows={1}
        maxRows={6}
        disabled={disabled || answer === undefined}
        value={answer?.comment ?? ''}
        onChange={(event) => {
          if (answer) onChange({ score: answer.score, comment: event.currentTarget.value });
        }}
      />
    </Stack>
  );
}

/**
 * Scores a conversation criterion by criterion, grouped as the scorecard groups them, with
 * the score so far (domain qaScore) and a warning as soon as an auto-fail criterion fails.
 */
export function CriteriaScoringForm({
  criteria,
  answers,
  onChange,
  passMark,
  errors = {},
  disabled = false,
}: CriteriaScoringFormProps) {
  const result = qaScore(criteria, answers);
  const answered = criteria.filter((criterion) => answers[criterion.id] !== undefined).length;
  const failed = criteria.filter((criterion) => result.failedCriteria.includes(criterion.id));
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {answered} of {criteria.length} criteria scored · pass mark {passMark}%
        </Text>
        <Group gap={6}>
          <Text size="sm">Score so far</Text>
          <QaScoreBadge
            score={result.score}
            passMark={passMark}
            autoFailed={result.autoFailed}
            size="lg"
          />
        </Group>
      </Group>
      {failed.length > 0 ? (
        <Alert color="red" icon={<IconAlertOctagon />} title="This review fails automatically">
          {failed.map((criterion) => criterion.label).join(', ')} scored at the bottom of the scale:
          the review scores 0 whatever the other criteria say.
        </Alert>
      ) : null}
      {errors.scores ? (
        <Text size="sm" c="red" role="alert">
          {errors.scores}
        </Text>
      ) : null}
      {QA_CRITERION_GROUPS.filter((group) =>
        criteria.some((criterion) => criterion.group === group),
      ).map((group) => (
        <Paper key={group} withBorder p="sm" component="fieldset" style={{ border: undefined }}>
          <Title order={3} size="h6" mb="xs" component="legend">
            {QA_CRITERION_GROUP_LABELS[group]}
          </Title>
          <Stack gap="md" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {criteria
              .filter((criterion) => criterion.group === group)
              .map((criterion) => (
                <CriterionInput
                  key={criterion.id}
                  criterion={criterion}
                  answer={answers[criterion.id]}
                  error={errors[`scores.${criterion.id}.score`] ?? errors[`scores.${criterion.id}`]}
                  disabled={disabled}
                  onChange={(answer) => onChange({ ...answers, [criterion.id]: answer })}
                />
              ))}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
