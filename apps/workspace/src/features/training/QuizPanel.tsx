import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  Paper,
  Radio,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { QuizResponse, TraineeQuizQuestion } from '@switchboard/domain';
import { describeError, formatDateTime } from '@switchboard/ui';
import { type RouterOutputs, useRefreshArea, useTRPC } from '@switchboard/ui/trpc';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { ModuleKey, ModuleView } from './module-view.ts';

type SubmitResult = RouterOutputs['training']['submitQuiz'];
type Responses = Record<string, QuizResponse>;

function answered(question: TraineeQuizQuestion, response: QuizResponse | undefined): boolean {
  return question.kind === 'multiple_choice'
    ? (response?.optionIds?.length ?? 0) > 0
    : (response?.text ?? '').trim().length > 0;
}

/**
 * A quiz: the questions, submitted together. Multiple choice is marked at once; written
 * answers wait for a trainer. A failed attempt can be retried while attempts remain.
 */
export function QuizPanel({ view, moduleKey }: { view: ModuleView; moduleKey: ModuleKey }) {
  const trpc = useTRPC();
  const refresh = useRefreshArea('training');
  const quiz = view.quiz!;
  const [responses, setResponses] = useState<Responses>({});
  const [result, setResult] = useState<SubmitResult | null>(null);
  const [missing, setMissing] = useState(false);
  const submit = useMutation(
    trpc.training.submitQuiz.mutationOptions({
      onSuccess: (submitted) => {
        setResult(submitted);
        setResponses({});
        void refresh();
      },
      onError: (error) =>
        notifications.show({ color: 'red', title: 'Not submitted', message: describeError(error) }),
    }),
  );
  const respond = (questionId: string, response: QuizResponse) => {
    setMissing(false);
    setResponses((current) => ({ ...current, [questionId]: response }));
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!quiz.questions.every((question) => answered(question, responses[question.id]))) {
      setMissing(true);
      return;
    }
    submit.mutate({ ...moduleKey, responses });
  };
  const showForm = result === null && quiz.blocker === null;

  return (
    <Paper withBorder p="md" component="section" aria-label="Quiz">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          Pass mark {quiz.passMarkPercent}% · {quiz.attemptsLeft} of {quiz.maxAttempts} attempt
          {quiz.maxAttempts === 1 ? '' : 's'} left
          {quiz.bestScore !== null ? ` · best score ${quiz.bestScore}%` : ''}
        </Text>
        {result ? (
          <AttemptResult
            result={result}
            onRetry={
              result.status === 'failed' && result.attemptsLeft > 0 ? () => setResult(null) : null
            }
          />
        ) : (
          <LatestResult attempt={quiz.attempts.at(-1) ?? null} blocker={quiz.blocker} />
        )}
        {showForm ? (
          <form onSubmit={onSubmit} noValidate>
            <Stack gap="md">
              {quiz.questions.map((question, index) => (
                <QuestionFieldset
                  key={question.id}
                  number={index + 1}
                  question={question}
                  response={responses[question.id]}
                  onChange={(response) => respond(question.id, response)}
                />
              ))}
              {missing ? (
                <Text size="sm" c="red" role="alert">
                  Answer every question before submitting.
                </Text>
              ) : null}
              <Group>
                <Button type="submit" loading={submit.isPending}>
                  Submit answers
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
        {quiz.attempts.length > 0 ? <AttemptHistory attempts={quiz.attempts} /> : null}
      </Stack>
    </Paper>
  );
}

const RESULT_COLORS = { passed: 'teal', failed: 'red', awaiting_marking: 'violet' } as const;

/** Where the quiz stands when the page opens: the last attempt's result, and why not now. */
function LatestResult({ attempt, blocker }: { attempt: Attempt | null; blocker: string | null }) {
  if (!attempt && !blocker) return null;
  return (
    <Stack gap={4} role="status">
      {attempt ? (
        <Text fw={700} size="lg" c={RESULT_COLORS[attempt.status]}>
          {attempt.resultText}
        </Text>
      ) : null}
      {blocker ? <Text size="sm">{blocker}.</Text> : null}
    </Stack>
  );
}

function AttemptResult({
  result,
  onRetry,
}: {
  result: SubmitResult;
  onRetry: (() => void) | null;
}) {
  return (
    <Stack gap={4} role="status">
      <Text fw={700} size="lg" c={RESULT_COLORS[result.status]}>
        {result.resultText}
      </Text>
      {result.status === 'awaiting_marking' ? (
        <Text size="sm" c="dimmed">
          A trainer marks your written answer{result.awaitingMarking === 1 ? '' : 's'}; you will be
          notified of the result.
        </Text>
      ) : result.status === 'failed' ? (
        <Text size="sm" c="dimmed">
          {result.attemptsLeft > 0
            ? `${result.attemptsLeft} attempt${result.attemptsLeft === 1 ? '' : 's'} left.`
            : 'No attempts left: your trainer can allow a retake.'}
        </Text>
      ) : null}
      {onRetry ? (
        <Group>
          <Button variant="light" onClick={onRetry}>
            Try again
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

function QuestionFieldset({
  number,
  question,
  response,
  onChange,
}: {
  number: number;
  question: TraineeQuizQuestion;
  response: QuizResponse | undefined;
  onChange: (response: QuizResponse) => void;
}) {
  const picked = response?.optionIds ?? [];
  return (
    <Fieldset legend={question.prompt} variant="default">
      <Stack gap="xs">
        <Text size="xs" c="dimmed">
          Question {number} · {question.points} point{question.points === 1 ? '' : 's'}
          {question.kind === 'multiple_choice' && question.multipleAnswers
            ? ' · select all that apply'
            : ''}
        </Text>
        {question.kind === 'short_answer' ? (
          <Textarea
            label="Your answer"
            autosize
            minRows={3}
            maxLength={4000}
            value={response?.text ?? ''}
            onChange={(event) => onChange({ text: event.currentTarget.value })}
          />
        ) : question.multipleAnswers ? (
          question.options.map((option) => (
            <Checkbox
              key={option.id}
              label={option.text}
              checked={picked.includes(option.id)}
              onChange={(event) =>
                onChange({
                  optionIds: event.currentTarget.checked
                    ? [...picked, option.id]
                    : picked.filter((id) => id !== option.id),
                })
              }
            />
          ))
        ) : (
          question.options.map((option) => (
            <Radio
              key={option.id}
              name={`question-${question.id}`}
              label={option.text}
              value={option.id}
              checked={picked.includes(option.id)}
              onChange={() => onChange({ optionIds: [option.id] })}
            />
          ))
        )}
      </Stack>
    </Fieldset>
  );
}

type Attempt = NonNullable<ModuleView['quiz']>['attempts'][number];

/** Worded unlike the result line above it, so "Passed — 100%" appears once on the page. */
function attemptLine(attempt: Attempt): string {
  const when = formatDateTime(attempt.submittedAt);
  if (attempt.status === 'awaiting_marking' || attempt.score === null) {
    return `Attempt ${attempt.number} · submitted ${when}, waiting for a trainer`;
  }
  return `Attempt ${attempt.number} · ${attempt.score}%, ${attempt.status === 'passed' ? 'pass' : 'below the pass mark'} · ${when}`;
}

function AttemptHistory({ attempts }: { attempts: Attempt[] }) {
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        Your attempts
      </Title>
      {[...attempts].reverse().map((attempt) => (
        <Stack key={attempt.id} gap={0}>
          <Text size="sm">{attemptLine(attempt)}</Text>
          {attempt.feedback ? (
            <Text size="sm" c="dimmed">
              Trainer’s feedback: {attempt.feedback}
            </Text>
          ) : null}
        </Stack>
      ))}
    </Stack>
  );
}
