import {
  Alert,
  Anchor,
  Badge,
  Blockquote,
  Button,
  Group,
  List,
  Loader,
  NumberInput,
  Paper,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  type QuizMarks,
  type QuizQuestion,
  quizOutcome,
  quizResultText,
} from '@switchboard/domain';
import { BackLink, describeError, ErrorState, formatDateTime } from '@switchboard/ui';
import { serverFieldErrors } from '@switchboard/ui/playbooks';
import { type RouterOutputs, useRefreshArea, useTRPC } from '@switchboard/ui/trpc';
import { IconAlertTriangle, IconCheck, IconX } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { MARKING_PATH, recordPath } from './training-links.ts';

type Attempt = RouterOutputs['training']['attempt'];

/** One attempt to mark: each question as asked, the trainee's answer, points for the written ones. */
export function MarkAttemptPage() {
  const { attemptId = '' } = useParams();
  const trpc = useTRPC();
  const attempt = useQuery(trpc.training.attempt.queryOptions({ attemptId }));
  return (
    <Stack gap="md">
      <BackLink to={MARKING_PATH}>Marking queue</BackLink>
      {attempt.isPending ? (
        <Loader aria-label="Loading the attempt" />
      ) : attempt.isError ? (
        <ErrorState message={describeError(attempt.error)} onRetry={() => void attempt.refetch()} />
      ) : (
        <MarkingForm attempt={attempt.data} />
      )}
    </Stack>
  );
}

function MarkingForm({ attempt }: { attempt: Attempt }) {
  const trpc = useTRPC();
  // A passing mark can complete a curriculum and grant its certification.
  const refresh = useRefreshArea('training', 'certifications');
  const navigate = useNavigate();
  const [points, setPoints] = useState<Record<string, number | string>>({});
  const [feedback, setFeedback] = useState('');
  const pending = attempt.status === 'awaiting_marking';
  const mark = useMutation(
    trpc.training.markAttempt.mutationOptions({
      onSuccess: (result) => {
        notifications.show({
          color: result.status === 'passed' ? 'teal' : 'orange',
          message: `${attempt.traineeName}: ${result.resultText}`,
        });
        void refresh();
        void navigate(MARKING_PATH);
      },
    }),
  );
  const fieldErrors = serverFieldErrors(mark.error);
  const given: QuizMarks = Object.fromEntries(
    Object.entries(points)
      .filter(([, value]) => value !== '')
      .map(([id, value]) => [id, Number(value)]),
  );
  const preview = quizOutcome(
    attempt.questions,
    { ...attempt.marks, ...given },
    attempt.passMarkPercent,
  );
  const allMarked = attempt.awaitingMarking.every((id) => given[id] !== undefined);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    mark.mutate({ attemptId: attempt.id, marks: given, feedback });
  };

  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={1} size="h2">
            {attempt.moduleTitle}: attempt {attempt.number}
          </Title>
          <Text size="sm" c="dimmed">
            <Anchor component={Link} to={recordPath(attempt.userId)} size="sm">
              {attempt.traineeName}
            </Anchor>{' '}
            · {attempt.curriculumName} · submitted {formatDateTime(attempt.submittedAt)} · pass mark{' '}
            {attempt.passMarkPercent}%
          </Text>
        </Stack>
        {!pending ? (
          <Alert color="gray" title={attempt.resultText}>
            Marked {attempt.markedAt ? formatDateTime(attempt.markedAt) : ''}
            {attempt.markedByName ? ` by ${attempt.markedByName}` : ' automatically'}.
            {attempt.feedback ? ` Feedback: ${attempt.feedback}` : ''}
          </Alert>
        ) : null}
        {attempt.questions.map((question, index) => (
          <QuestionReview
            key={question.id}
            number={index + 1}
            question={question}
            response={attempt.responses[question.id]}
            mark={attempt.marks[question.id]}
            awaiting={pending && attempt.awaitingMarking.includes(question.id)}
            points={points[question.id] ?? ''}
            error={fieldErrors[`marks.${question.id}`]}
            onPoints={(value) => setPoints((current) => ({ ...current, [question.id]: value }))}
          />
        ))}
        {pending ? (
          <Paper withBorder p="md">
            <Stack gap="sm">
              <Textarea
                label="Feedback for the trainee"
                description="They see it with their result"
                autosize
                minRows={2}
                maxLength={2000}
                value={feedback}
                onChange={(event) => setFeedback(event.currentTarget.value)}
              />
              <Text size="sm" fw={600} role="status">
                {allMarked
                  ? `Result if saved: ${quizResultText(preview.status, preview.score)}`
                  : 'Give points to every written answer to see the result.'}
              </Text>
              {mark.error && Object.keys(fieldErrors).length === 0 ? (
                <Alert color="red" icon={<IconAlertTriangle />} title="Not saved">
                  {describeError(mark.error)}
                </Alert>
              ) : null}
              <Group justify="flex-end">
                <Button type="submit" disabled={!allMarked} loading={mark.isPending}>
                  Save marks
                </Button>
              </Group>
            </Stack>
          </Paper>
        ) : null}
      </Stack>
    </form>
  );
}

function QuestionReview({
  number,
  question,
  response,
  mark,
  awaiting,
  points,
  error,
  onPoints,
}: {
  number: number;
  question: QuizQuestion;
  response: { optionIds?: string[] | undefined; text?: string | undefined } | undefined;
  mark: number | undefined;
  awaiting: boolean;
  points: number | string;
  error: string | undefined;
  onPoints: (value: number | string) => void;
}) {
  return (
    <Paper withBorder p="md" component="section" aria-label={`Question ${number}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <Text fw={600}>
            {number}. {question.prompt}
          </Text>
          {awaiting ? (
            <Badge color="violet" variant="light">
              To mark
            </Badge>
          ) : (
            <Badge color={mark === question.points ? 'teal' : 'gray'} variant="light">
              {mark ?? 0} / {question.points}
            </Badge>
          )}
        </Group>
        {question.kind === 'multiple_choice' ? (
          <List size="sm" spacing={2}>
            {question.options.map((option) => {
              const picked = response?.optionIds?.includes(option.id) ?? false;
              const correct = question.correctOptionIds.includes(option.id);
              return (
                <List.Item
                  key={option.id}
                  icon={
                    correct ? (
                      <IconCheck
                        size={14}
                        color="var(--mantine-color-teal-6)"
                        aria-label="Correct"
                      />
                    ) : (
                      <IconX
                        size={14}
                        color="var(--mantine-color-gray-5)"
                        aria-label="Not correct"
                      />
                    )
                  }
                >
                  <Text size="sm" fw={picked ? 700 : 400}>
                    {option.text}
                    {picked ? ' — chosen' : ''}
                  </Text>
                </List.Item>
              );
            })}
          </List>
        ) : (
          <>
            <Blockquote p="sm" color="gray">
              {response?.text?.trim() ? response.text : <em>No answer</em>}
            </Blockquote>
            {question.guidance ? (
              <Text size="sm" c="dimmed">
                Guidance: {question.guidance}
              </Text>
            ) : null}
            {awaiting ? (
              <NumberInput
                label={`Points for question ${number} (0–${question.points})`}
                min={0}
                max={question.points}
                allowDecimal={false}
                allowNegative={false}
                clampBehavior="strict"
                value={points}
                onChange={onPoints}
                error={error}
                w={240}
              />
            ) : null}
          </>
        )}
      </Stack>
    </Paper>
  );
}
