import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { type ModuleForm, newOption, newQuestion, type QuestionValues } from './module-form.ts';

/**
 * The quiz's questions: multiple choice with one or more correct options (marked at once), or
 * short answers a trainer marks with the guidance written here.
 */
export function QuizQuestionsEditor({ form }: { form: ModuleForm }) {
  const { questions } = form.getValues();
  const questionsError = form.errors.questions;
  return (
    <Stack gap="sm">
      <Text fw={600} size="sm">
        Questions
      </Text>
      {questionsError ? (
        <Text size="sm" c="red">
          {questionsError}
        </Text>
      ) : null}
      {questions.map((question, index) => (
        <QuestionCard
          key={question.key}
          form={form}
          question={question}
          index={index}
          last={index === questions.length - 1}
        />
      ))}
      <Group>
        <Button
          variant="light"
          leftSection={<IconPlus size={14} />}
          onClick={() =>
            form.insertListItem(
              'questions',
              newQuestion(questions.map((candidate) => candidate.id)),
            )
          }
        >
          Add question
        </Button>
      </Group>
    </Stack>
  );
}

function QuestionCard({
  form,
  question,
  index,
  last,
}: {
  form: ModuleForm;
  question: QuestionValues;
  index: number;
  last: boolean;
}) {
  const path = `questions.${index}`;
  const label = `Question ${index + 1}`;
  return (
    <Paper withBorder p="sm" component="fieldset" aria-label={label} style={{ margin: 0 }}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Group gap="xs">
            <Text size="sm" fw={600}>
              {label}
            </Text>
            <SegmentedControl
              size="xs"
              aria-label={`${label} kind`}
              data={[
                { value: 'multiple_choice', label: 'Multiple choice' },
                { value: 'short_answer', label: 'Short answer' },
              ]}
              {...form.getInputProps(`${path}.kind`)}
            />
          </Group>
          <Group gap={4}>
            <ActionIcon
              variant="subtle"
              aria-label={`Move ${label.toLowerCase()} up`}
              disabled={index === 0}
              onClick={() => form.reorderListItem('questions', { from: index, to: index - 1 })}
            >
              <IconArrowUp size={16} />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              aria-label={`Move ${label.toLowerCase()} down`}
              disabled={last}
              onClick={() => form.reorderListItem('questions', { from: index, to: index + 1 })}
            >
              <IconArrowDown size={16} />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`Remove ${label.toLowerCase()}`}
              onClick={() => form.removeListItem('questions', index)}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        </Group>
        <Group align="flex-start" wrap="nowrap">
          <Textarea
            label={`${label} prompt`}
            autosize
            minRows={1}
            style={{ flex: 1 }}
            withAsterisk
            {...form.getInputProps(`${path}.prompt`)}
          />
          <NumberInput
            label="Points"
            min={1}
            max={20}
            w={90}
            allowDecimal={false}
            {...form.getInputProps(`${path}.points`)}
          />
        </Group>
        {question.kind === 'multiple_choice' ? (
          <OptionsEditor form={form} question={question} index={index} />
        ) : (
          <Textarea
            label="Marking guidance"
            description="What a good answer says: shown to the trainer who marks it, never to the trainee"
            autosize
            minRows={2}
            {...form.getInputProps(`${path}.guidance`)}
          />
        )}
      </Stack>
    </Paper>
  );
}

function OptionsEditor({
  form,
  question,
  index,
}: {
  form: ModuleForm;
  question: QuestionValues;
  index: number;
}) {
  const path = `questions.${index}.options`;
  const error = form.errors[path];
  return (
    <Stack gap={6}>
      <Text size="xs" c="dimmed">
        Tick the correct option; tick several for “select all that apply”.
      </Text>
      {question.options.map((option, optionIndex) => (
        <Group key={option.key} gap="xs" wrap="nowrap">
          <Checkbox
            aria-label={`Option ${optionIndex + 1} is correct`}
            {...form.getInputProps(`${path}.${optionIndex}.correct`, { type: 'checkbox' })}
          />
          <TextInput
            aria-label={`Option ${optionIndex + 1}`}
            placeholder={`Option ${optionIndex + 1}`}
            style={{ flex: 1 }}
            {...form.getInputProps(`${path}.${optionIndex}.text`)}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={`Remove option ${optionIndex + 1}`}
            disabled={question.options.length <= 2}
            onClick={() => form.removeListItem(path, optionIndex)}
          >
            <IconTrash size={14} />
          </ActionIcon>
        </Group>
      ))}
      {error ? (
        <Text size="xs" c="red">
          {error}
        </Text>
      ) : null}
      <Group>
        <Button
          size="compact-sm"
          variant="subtle"
          leftSection={<IconPlus size={12} />}
          disabled={question.options.length >= 8}
          onClick={() =>
            form.insertListItem(path, newOption(question.options.map((candidate) => candidate.id)))
          }
        >
          Add option
        </Button>
      </Group>
    </Stack>
  );
}
