import {
  Alert,
  Button,
  Drawer,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  TRAINING_MODULE_KIND_LABELS,
  TRAINING_MODULE_KINDS,
  type TrainingModuleKind,
  WALKTHROUGH_SUBJECT_LABELS,
  WALKTHROUGH_SUBJECTS,
} from '@switchboard/domain';
import { type RouterOutputs, useRefreshArea, useTRPC } from '@switchboard/ui/trpc';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { usePlacedServerErrors } from '../../lib/use-server-errors.ts';
import {
  formPathOf,
  type ModuleForm,
  moduleValuesOf,
  newModuleValues,
  parsedModule,
  useModuleForm,
} from './module-form.ts';
import { QuizQuestionsEditor } from './QuizQuestionsEditor.tsx';

type Module = RouterOutputs['training']['curriculum']['modules'][number];
type SopOption = RouterOutputs['training']['editorOptions']['sops'][number];

const KIND_HINTS: Record<TrainingModuleKind, string> = {
  sop_reading: 'The trainee reads a playbook version and acknowledges it.',
  walkthrough: 'A product or tool tour in Markdown; the trainee marks it as done.',
  quiz: 'Multiple choice is marked at once; short answers go to the marking queue.',
  shadowing: 'The trainee watches live conversations and logs each one; you sign it off.',
  nesting: 'The trainee resolves live conversations; QA reviews of them must reach the threshold.',
};

/** Adds a module to the curriculum (`editing` null) or edits one. */
export function ModuleDrawer({
  curriculumId,
  opened,
  editing,
  onClose,
}: {
  curriculumId: string;
  opened: boolean;
  editing: Module | null;
  onClose: () => void;
}) {
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size="xl"
      title={editing ? `Edit “${editing.title}”` : 'Add a module'}
    >
      {opened ? (
        <ModuleEditorForm
          key={editing?.id ?? 'new'}
          curriculumId={curriculumId}
          editing={editing}
          onDone={onClose}
        />
      ) : null}
    </Drawer>
  );
}

function ModuleEditorForm({
  curriculumId,
  editing,
  onDone,
}: {
  curriculumId: string;
  editing: Module | null;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const refreshTraining = useRefreshArea('training');
  const options = useQuery(trpc.training.editorOptions.queryOptions());
  const form = useModuleForm(editing ? moduleValuesOf(editing) : newModuleValues('sop_reading'));
  const saved = () => {
    notifications.show({ color: 'teal', message: editing ? 'Module saved' : 'Module added' });
    void refreshTraining();
    onDone();
  };
  const add = useMutation(trpc.training.addModule.mutationOptions({ onSuccess: saved }));
  const update = useMutation(trpc.training.updateModule.mutationOptions({ onSuccess: saved }));
  const error = usePlacedServerErrors(add.error ?? update.error, formPathOf, form.setErrors);
  const values = form.getValues();
  const startedBy = editing?.startedCount ?? 0;

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((submitted) => {
        const module = parsedModule(submitted);
        if (editing) update.mutate({ moduleId: editing.id, module });
        else add.mutate({ curriculumId, module });
      })}
    >
      <Stack>
        <Select
          label="Kind"
          data={TRAINING_MODULE_KINDS.map((kind) => ({
            value: kind,
            label: TRAINING_MODULE_KIND_LABELS[kind],
          }))}
          allowDeselect={false}
          disabled={startedBy > 0}
          description={
            startedBy > 0
              ? `${startedBy} started it: the kind can no longer change`
              : KIND_HINTS[values.kind]
          }
          value={values.kind}
          onChange={(kind) => {
            if (!kind) return;
            const fresh = newModuleValues(kind as TrainingModuleKind);
            form.setValues({ ...fresh, title: values.title, body: values.body });
          }}
        />
        <TextInput label="Title" withAsterisk data-autofocus {...form.getInputProps('title')} />
        {values.kind === 'sop_reading' ? (
          <SopReadingFields form={form} sops={options.data?.sops ?? []} />
        ) : null}
        {values.kind === 'walkthrough' ? (
          <SegmentedControl
            aria-label="Subject"
            data={WALKTHROUGH_SUBJECTS.map((subject) => ({
              value: subject,
              label: WALKTHROUGH_SUBJECT_LABELS[subject],
            }))}
            {...form.getInputProps('subject')}
          />
        ) : null}
        <Textarea
          label={values.kind === 'walkthrough' ? 'Walkthrough' : 'Instructions'}
          description="Markdown: headings, lists, **bold**, links"
          autosize
          minRows={values.kind === 'walkthrough' ? 8 : 2}
          withAsterisk={values.kind === 'walkthrough'}
          {...form.getInputProps('body')}
        />
        {values.kind === 'quiz' ? (
          <>
            <Group grow>
              <NumberInput
                label="Pass mark (%)"
                min={1}
                max={100}
                allowDecimal={false}
                {...form.getInputProps('passMarkPercent')}
              />
              <NumberInput
                label="Attempts allowed"
                min={1}
                max={10}
                allowDecimal={false}
                {...form.getInputProps('maxAttempts')}
              />
            </Group>
            <QuizQuestionsEditor form={form} />
          </>
        ) : null}
        {values.kind === 'shadowing' || values.kind === 'nesting' ? (
          <Group grow align="flex-start">
            <NumberInput
              label={
                values.kind === 'shadowing' ? 'Conversations to watch' : 'Conversations to resolve'
              }
              min={1}
              max={200}
              allowDecimal={false}
              {...form.getInputProps('conversations')}
            />
            {values.kind === 'nesting' ? (
              <>
                <NumberInput
                  label="QA threshold (%)"
                  min={1}
                  max={100}
                  allowDecimal={false}
                  {...form.getInputProps('qaThresholdPercent')}
                />
                <NumberInput
                  label="QA reviews needed"
                  min={1}
                  max={50}
                  allowDecimal={false}
                  {...form.getInputProps('minReviews')}
                />
              </>
            ) : null}
          </Group>
        ) : null}
        <NumberInput
          label="Estimated time (minutes)"
          description="Shown to trainees; a session counts for at most three times this (30 min – 4 h)"
          min={1}
          max={600}
          allowDecimal={false}
          w={260}
          {...form.getInputProps('estimatedMinutes')}
        />
        <Switch
          label="A trainer signs this module off"
          {...form.getInputProps('requiresSignOff', { type: 'checkbox' })}
        />
        {error ? (
          <Alert color="red" icon={<IconAlertTriangle />} title="Not saved">
            {error}
          </Alert>
        ) : Object.keys(form.errors).length > 0 ? (
          <Text size="sm" c="red" role="status">
            Not saved: fix the fields marked in red.
          </Text>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={add.isPending || update.isPending}>
            {editing ? 'Save module' : 'Add module'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function SopReadingFields({ form, sops }: { form: ModuleForm; sops: SopOption[] }) {
  const values = form.getValues();
  const sop = sops.find((candidate) => candidate.sopId === values.sopId);
  return (
    <Group grow align="flex-start">
      <Select
        label="Playbook"
        placeholder="Choose an SOP"
        searchable
        withAsterisk
        data={sops.map((candidate) => ({
          value: candidate.sopId,
          label: candidate.requestTypeName,
        }))}
        {...form.getInputProps('sopId')}
        onChange={(sopId) => {
          const chosen = sops.find((candidate) => candidate.sopId === sopId);
          const current = chosen?.versions.find((version) => version.current);
          form.setFieldValue('sopId', sopId);
          form.setFieldValue('sopVersion', current ? String(current.version) : null);
        }}
      />
      <Select
        label="Version"
        description="Trainees read this version; a newer one asks them to re-acknowledge"
        withAsterisk
        disabled={!sop}
        data={(sop?.versions ?? []).map((version) => ({
          value: String(version.version),
          label: `v${version.version} — ${version.title}${version.current ? ' (current)' : ''}`,
        }))}
        {...form.getInputProps('sopVersion')}
      />
    </Group>
  );
}
