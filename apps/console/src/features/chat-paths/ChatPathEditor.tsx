import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Divider,
  Grid,
  Group,
  List,
  Menu,
  MultiSelect,
  Paper,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  type Audience,
  CHAT_FIELD_KINDS,
  type ChatPathStep,
  chatPathSchema,
  validateChatPath,
} from '@switchboard/domain';
import { AUDIENCE_LABELS, describeError } from '@switchboard/ui';
import { serverFieldErrors } from '@switchboard/ui/playbooks';
import {
  IconAlertTriangle,
  IconArrowDown,
  IconArrowUp,
  IconPlus,
  IconTrash,
} from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import {
  type ChatPathFormValues,
  FIELD_KIND_OPTIONS,
  newStep,
  relinkSteps,
  STEP_KIND_LABELS,
  STEP_KINDS,
  validateChatPathForm,
} from './chat-path-form.ts';
import { TestDrivePanel } from './TestDrivePanel.tsx';

type Option = { value: string; label: string };

/** Options for a picker, keeping a value the catalogue no longer lists so it stays visible. */
function withCurrent(options: Option[], current: readonly string[]): Option[] {
  const known = new Set(options.map((option) => option.value));
  return [
    ...options,
    ...current
      .filter((value) => value !== '' && !known.has(value))
      .map((value) => ({ value, label: `${value} (unknown)` })),
  ];
}

export interface ChatPathEditorProps {
  audience: Audience;
  initialValues: ChatPathFormValues;
  /** Trainers read and test-drive; only leads and admins change a path. */
  canEdit: boolean;
  inboxOptions: Option[];
  tagOptions: Option[];
  saving: boolean;
  /** The last refusal from the server: its field errors land on the fields. */
  serverError: unknown;
  onSave: (values: ChatPathFormValues) => void;
}

/**
 * One audience's path: the switch, the greeting, where "talk to a person" goes, and the steps
 * (menus, questions, answers, handovers) with what is wrong with them as the lead types.
 */
export function ChatPathEditor({
  audience,
  initialValues,
  canEdit,
  inboxOptions,
  tagOptions,
  saving,
  serverError,
  onSave,
}: ChatPathEditorProps) {
  // After a refused save, every change re-checks the path, so fixed fields stop showing red.
  const checkOnChange = useRef(false);
  const form = useForm<ChatPathFormValues>({
    mode: 'controlled',
    initialValues,
    validate: validateChatPathForm,
    onValuesChange: () => {
      if (checkOnChange.current) form.validate();
    },
  });

  const serverErrors = serverFieldErrors(serverError);
  useEffect(() => {
    if (Object.keys(serverErrors).length > 0) form.setErrors(serverErrors);
    checkOnChange.current = false;
  }, [serverError]);
  const unplacedServerError =
    serverError !== null &&
    serverError !== undefined &&
    !Object.keys(serverErrors).some((path) => path.startsWith('definition.'));

  const values = form.getValues();
  const path = values.definition;
  const stepIds = path.steps.map((step) => step.id);
  const issues = validateChatPath(path);
  const parsed = chatPathSchema.safeParse(path);
  const inboxNames = new Map(inboxOptions.map((option) => [option.value, option.label]));
  const audienceLabel = AUDIENCE_LABELS[audience].toLowerCase();

  // Edits start from the form's current steps, not this render's: events can outrun renders.
  const currentSteps = () => form.getValues().definition.steps;
  const setSteps = (steps: ChatPathStep[]) => form.setFieldValue('definition.steps', steps);
  const replaceStep = (index: number, step: ChatPathStep) =>
    setSteps(currentSteps().map((current, at) => (at === index ? step : current)));
  const renameStep = (index: number, id: string) => {
    const steps = currentSteps();
    const old = steps[index]!.id;
    const renamed = steps.map((step, at) => (at === index ? { ...step, id } : step));
    // Links follow a rename, unless another step still carries the old id.
    const stillUsed = renamed.some((step) => step.id === old);
    setSteps(stillUsed ? renamed : relinkSteps(renamed, old, id));
  };
  const moveStep = (from: number, to: number) => {
    const steps = [...currentSteps()];
    const [moved] = steps.splice(from, 1);
    steps.splice(to, 0, moved!);
    setSteps(steps);
  };
  const stepOptions = stepIds.map((id) => ({ value: id, label: id }));
  const errorOf = (field: string) => form.errors[field] ?? null;

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <form
          noValidate
          aria-label={`${AUDIENCE_LABELS[audience]} chat path`}
          onSubmit={form.onSubmit(
            (submitted) => onSave(submitted),
            () => {
              checkOnChange.current = true;
            },
          )}
        >
          <fieldset disabled={!canEdit} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
            <Stack gap="md">
              <Switch
                label={`Bot on for ${audienceLabel}s`}
                description={`When on, ${audienceLabel}s meet this path in the web chat before a person; when off, they write to a person straight away.`}
                key={form.key('enabled')}
                {...form.getInputProps('enabled', { type: 'checkbox' })}
              />
              <Textarea
                label="Greeting"
                description="The bot’s first words, before the first step"
                autosize
                minRows={2}
                key={form.key('definition.greeting')}
                {...form.getInputProps('definition.greeting')}
              />

              <Paper withBorder p="sm" component="section" aria-labelledby="talk-to-person-title">
                <Stack gap="xs">
                  <Text fw={600} id="talk-to-person-title">
                    Talk to a person
                  </Text>
                  <Text size="xs" c="dimmed">
                    Every step shows a “Talk to a person” button. It hands the visitor, with what
                    they told the bot so far, to this inbox.
                  </Text>
                  <HandoverFields
                    name="Talk to a person"
                    inboxCode={path.defaultHandover.inboxCode}
                    tags={path.defaultHandover.tags}
                    message={path.defaultHandover.message}
                    inboxOptions={inboxOptions}
                    tagOptions={tagOptions}
                    errorOf={(field) => errorOf(`definition.defaultHandover.${field}`)}
                    onChange={(change) =>
                      form.setFieldValue('definition.defaultHandover', {
                        ...path.defaultHandover,
                        ...change,
                      })
                    }
                    optionalMessage
                  />
                </Stack>
              </Paper>

              <Divider label="Steps — the chat starts at the first" labelPosition="left" />
              {issues.length > 0 ? (
                <Alert
                  color="orange"
                  icon={<IconAlertTriangle />}
                  title="This path does not hang together yet"
                >
                  <List size="sm">
                    {issues.map((issue) => (
                      <List.Item key={`${issue.kind}-${issue.stepId}-${issue.message}`}>
                        {issue.message}
                      </List.Item>
                    ))}
                  </List>
                </Alert>
              ) : null}
              {typeof form.errors['definition.steps'] === 'string' ? (
                <Text size="sm" c="red">
                  {form.errors['definition.steps']}
                </Text>
              ) : null}
              {path.steps.map((step, index) => (
                <StepCard
                  // The position is part of the key: steps are reordered and renamed in place.
                  key={`${index}-${step.kind}`}
                  index={index}
                  count={path.steps.length}
                  step={step}
                  canEdit={canEdit}
                  stepOptions={stepOptions}
                  inboxOptions={inboxOptions}
                  tagOptions={tagOptions}
                  errorOf={(field) => errorOf(`definition.steps.${index}.${field}`)}
                  stepError={errorOf(`definition.steps.${index}`)}
                  onChange={(next) => replaceStep(index, next)}
                  onRename={(id) => renameStep(index, id)}
                  onMove={(to) => moveStep(index, to)}
                  onRemove={() => setSteps(currentSteps().filter((_, at) => at !== index))}
                />
              ))}
              {canEdit ? (
                <Group>
                  <Menu position="bottom-start" withinPortal>
                    <Menu.Target>
                      <Button
                        variant="default"
                        size="xs"
                        leftSection={<IconPlus size={14} />}
                        disabled={path.steps.length >= 100}
                      >
                        Add step
                      </Button>
                    </Menu.Target>
                    <Menu.Dropdown>
                      {STEP_KINDS.map((kind) => (
                        <Menu.Item
                          key={kind}
                          onClick={() =>
                            setSteps([...currentSteps(), newStep(kind, currentSteps())])
                          }
                        >
                          <Text size="sm">{STEP_KIND_LABELS[kind].label}</Text>
                          <Text size="xs" c="dimmed">
                            {STEP_KIND_LABELS[kind].description}
                          </Text>
                        </Menu.Item>
                      ))}
                    </Menu.Dropdown>
                  </Menu>
                </Group>
              ) : null}

              {canEdit ? (
                <>
                  <Divider />
                  <Textarea
                    label="Tell agents what changes"
                    description="Optional. Agents see it with the change and acknowledge it."
                    placeholder="From today, the chat asks guests for their booking reference first."
                    autosize
                    minRows={2}
                    key={form.key('rolloutNote')}
                    {...form.getInputProps('rolloutNote')}
                  />
                  {unplacedServerError ? (
                    <Alert color="red" icon={<IconAlertTriangle />} title="Not saved">
                      {describeError(serverError)}
                    </Alert>
                  ) : null}
                  {Object.keys(form.errors).length > 0 && !unplacedServerError ? (
                    <Text size="sm" c="red" role="alert">
                      Not saved: fix the fields marked in red.
                    </Text>
                  ) : null}
                  <Group justify="flex-end">
                    <Button
                      variant="default"
                      onClick={() => form.reset()}
                      disabled={!form.isDirty()}
                    >
                      Discard changes
                    </Button>
                    <Button type="submit" loading={saving}>
                      Save path
                    </Button>
                  </Group>
                </>
              ) : null}
            </Stack>
          </fieldset>
        </form>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <TestDrivePanel definition={parsed.success ? parsed.data : null} inboxNames={inboxNames} />
      </Grid.Col>
    </Grid>
  );
}

interface StepCardProps {
  index: number;
  count: number;
  step: ChatPathStep;
  canEdit: boolean;
  stepOptions: Option[];
  inboxOptions: Option[];
  tagOptions: Option[];
  errorOf: (field: string) => React.ReactNode;
  stepError: React.ReactNode;
  onChange: (step: ChatPathStep) => void;
  onRename: (id: string) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}

function StepCard({
  index,
  count,
  step,
  canEdit,
  stepOptions,
  inboxOptions,
  tagOptions,
  errorOf,
  stepError,
  onChange,
  onRename,
  onMove,
  onRemove,
}: StepCardProps) {
  const name = `Step ${index + 1}`;
  const nextPicker = (value: string | undefined, extra: Option[] = []) =>
    withCurrent([...extra, ...stepOptions], value ? [value] : []);
  return (
    <Paper withBorder p="sm" role="group" aria-label={`${name}: ${step.id}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs">
            <Text size="sm" fw={600}>
              {name}
            </Text>
            <Badge variant="light" size="sm">
              {STEP_KIND_LABELS[step.kind].label}
            </Badge>
            {index === 0 ? (
              <Badge variant="outline" size="sm">
                First step
              </Badge>
            ) : null}
          </Group>
          {canEdit ? (
            <Group gap={4} wrap="nowrap">
              <ActionIcon
                variant="subtle"
                aria-label={`Move ${step.id} up`}
                disabled={index === 0}
                onClick={() => onMove(index - 1)}
              >
                <IconArrowUp size={16} />
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                aria-label={`Move ${step.id} down`}
                disabled={index === count - 1}
                onClick={() => onMove(index + 1)}
              >
                <IconArrowDown size={16} />
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={`Remove step ${step.id}`}
                disabled={count === 1}
                onClick={onRemove}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ) : null}
        </Group>
        {stepError ? (
          <Text size="xs" c="red">
            {stepError}
          </Text>
        ) : null}
        <TextInput
          label="Step id"
          description="Other steps lead here by this id"
          value={step.id}
          onChange={(event) => onRename(event.currentTarget.value.toLowerCase())}
          error={errorOf('id')}
        />
        {step.kind === 'menu' ? (
          <>
            <Textarea
              label="Prompt"
              autosize
              minRows={1}
              value={step.prompt}
              onChange={(event) => onChange({ ...step, prompt: event.currentTarget.value })}
              error={errorOf('prompt')}
            />
            {typeof errorOf('options') === 'string' ? (
              <Text size="xs" c="red">
                {errorOf('options')}
              </Text>
            ) : null}
            {step.options.map((option, at) => {
              const setOption = (change: Partial<typeof option>) =>
                onChange({
                  ...step,
                  options: step.options.map((current, i) =>
                    i === at ? { ...current, ...change } : current,
                  ),
                });
              return (
                <Group
                  // Options have no ids; they are only appended and removed.
                  key={at}
                  align="flex-start"
                  wrap="nowrap"
                  gap="xs"
                >
                  <TextInput
                    label={`Option ${at + 1}`}
                    placeholder="Where is my driver?"
                    value={option.label}
                    onChange={(event) => setOption({ label: event.currentTarget.value })}
                    error={errorOf(`options.${at}.label`)}
                    style={{ flex: 1 }}
                  />
                  <Select
                    label={`Option ${at + 1} goes to`}
                    data={nextPicker(option.next)}
                    value={option.next}
                    onChange={(next) => next && setOption({ next })}
                    error={errorOf(`options.${at}.next`)}
                    allowDeselect={false}
                    searchable
                    w={180}
                  />
                  {canEdit ? (
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      mt={26}
                      aria-label={`Remove option ${at + 1} of ${step.id}`}
                      disabled={step.options.length === 1}
                      onClick={() =>
                        onChange({ ...step, options: step.options.filter((_, i) => i !== at) })
                      }
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  ) : null}
                </Group>
              );
            })}
            {canEdit ? (
              <Button
                variant="subtle"
                size="xs"
                leftSection={<IconPlus size={14} />}
                style={{ alignSelf: 'flex-start' }}
                disabled={step.options.length >= 10}
                onClick={() =>
                  onChange({
                    ...step,
                    options: [...step.options, { label: '', next: stepOptions[0]?.value ?? '' }],
                  })
                }
              >
                Add option to {step.id}
              </Button>
            ) : null}
          </>
        ) : null}
        {step.kind === 'question' ? (
          <>
            <Textarea
              label="Question"
              autosize
              minRows={1}
              value={step.prompt}
              onChange={(event) => onChange({ ...step, prompt: event.currentTarget.value })}
              error={errorOf('prompt')}
            />
            <Group grow align="flex-start">
              <Select
                label="Asks for"
                description="The answer is checked before the bot goes on"
                data={FIELD_KIND_OPTIONS}
                value={step.field}
                onChange={(field) => {
                  const known = CHAT_FIELD_KINDS.find((kind) => kind === field);
                  if (known) onChange({ ...step, field: known });
                }}
                allowDeselect={false}
                error={errorOf('field')}
              />
              <TextInput
                label="Field key"
                description="How the agent sees it: booking_reference"
                value={step.fieldKey}
                onChange={(event) => onChange({ ...step, fieldKey: event.currentTarget.value })}
                error={errorOf('fieldKey')}
              />
            </Group>
            <Select
              label="Then"
              data={nextPicker(step.next)}
              value={step.next}
              onChange={(next) => next && onChange({ ...step, next })}
              error={errorOf('next')}
              allowDeselect={false}
              searchable
            />
          </>
        ) : null}
        {step.kind === 'answer' ? (
          <>
            <Textarea
              label="Answer"
              description="The bot then asks “Did this solve it?” — yes closes the chat"
              autosize
              minRows={2}
              value={step.text}
              onChange={(event) => onChange({ ...step, text: event.currentTarget.value })}
              error={errorOf('text')}
            />
            <Select
              label="If it did not help"
              placeholder="Talk to a person"
              data={nextPicker(step.next)}
              value={step.next ?? null}
              onChange={(next) => {
                const { next: _dropped, ...rest } = step;
                onChange(next ? { ...rest, next } : rest);
              }}
              error={errorOf('next')}
              clearable
              searchable
            />
          </>
        ) : null}
        {step.kind === 'handover' ? (
          <HandoverFields
            name={step.id}
            inboxCode={step.inboxCode}
            tags={step.tags}
            message={step.message}
            inboxOptions={inboxOptions}
            tagOptions={tagOptions}
            errorOf={errorOf}
            onChange={(change) => {
              const { message, ...rest } = change;
              onChange({
                ...step,
                ...rest,
                ...(change.message !== undefined ? { message: message ?? '' } : {}),
              });
            }}
          />
        ) : null}
      </Stack>
    </Paper>
  );
}

interface HandoverChange {
  inboxCode?: string | undefined;
  tags?: string[];
  message?: string | undefined;
}

function HandoverFields({
  name,
  inboxCode,
  tags,
  message,
  inboxOptions,
  tagOptions,
  errorOf,
  onChange,
  optionalMessage = false,
}: {
  name: string;
  inboxCode: string | undefined;
  tags: string[];
  message: string | undefined;
  inboxOptions: Option[];
  tagOptions: Option[];
  errorOf: (field: string) => React.ReactNode;
  onChange: (change: HandoverChange) => void;
  optionalMessage?: boolean;
}) {
  const tagsError = errorOf('tags') ?? tags.map((_, at) => errorOf(`tags.${at}`)).find(Boolean);
  return (
    <>
      <Group grow align="flex-start">
        <Select
          label="Inbox"
          aria-label={`Inbox for ${name}`}
          placeholder="By the routing rules"
          description="Empty: the routing rules place it, by city, language and keywords"
          data={withCurrent(inboxOptions, inboxCode ? [inboxCode] : [])}
          value={inboxCode || null}
          onChange={(code) => onChange({ inboxCode: code ?? undefined })}
          error={errorOf('inboxCode')}
          searchable
          clearable
        />
        <MultiSelect
          label="Tags"
          aria-label={`Tags for ${name}`}
          placeholder={tags.length > 0 ? undefined : 'No tags'}
          data={withCurrent(tagOptions, tags)}
          value={tags}
          onChange={(picked) => onChange({ tags: picked })}
          error={tagsError ?? null}
          maxValues={10}
          searchable
          clearable
        />
      </Group>
      <Textarea
        label={optionalMessage ? 'Message (optional)' : 'Message'}
        description="What the bot says as it passes the visitor on"
        placeholder={
          optionalMessage ? 'Thanks — I’m passing you to a person on our team.' : undefined
        }
        autosize
        minRows={1}
        value={message ?? ''}
        onChange={(event) => {
          const text = event.currentTarget.value;
          onChange({ message: optionalMessage && text === '' ? undefined : text });
        }}
        error={errorOf('message')}
      />
    </>
  );
}
