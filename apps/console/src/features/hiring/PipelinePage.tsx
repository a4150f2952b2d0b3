import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { MAX_ACTIVE_STAGES, pipelineInputSchema } from '@switchboard/domain';
import { describeError, ErrorState, TableSkeleton } from '@switchboard/ui';
import { type RouterOutputs, useRefreshArea, useTRPC } from '@switchboard/ui/trpc';
import {
  IconAlertTriangle,
  IconArrowDown,
  IconArrowUp,
  IconLock,
  IconPlus,
  IconTrash,
} from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { usePlacedServerErrors } from '../../lib/use-server-errors.ts';
import { HiringTabs } from './HiringTabs.tsx';

type PipelineRow = RouterOutputs['hiring']['pipeline'][number];

interface StageValues {
  /** Null for a stage added here and not saved yet. */
  id: string | null;
  name: string;
  candidates: number;
  /** Stable key for React while names change. */
  key: string;
}

interface PipelineValues {
  stages: StageValues[];
}

function valuesOf(rows: PipelineRow[]): PipelineValues {
  return {
    stages: rows
      .filter((row) => row.kind === 'active')
      .map((row) => ({ id: row.id, name: row.name, candidates: row.candidates, key: row.id })),
  };
}

const inputOf = (values: PipelineValues) => ({
  stages: values.stages.map((stage) => ({ id: stage.id, name: stage.name })),
});

function validate(values: PipelineValues) {
  const result = pipelineInputSchema.safeParse(inputOf(values));
  if (result.success) return {};
  return Object.fromEntries(
    result.error.issues.map((issue) => [issue.path.join('.'), issue.message]),
  );
}

/** The stages candidates go through: trainers and leads rename, reorder, add and remove them. */
export function PipelinePage() {
  const trpc = useTRPC();
  const pipeline = useQuery(trpc.hiring.pipeline.queryOptions());
  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          Hiring pipeline
        </Title>
        <Text c="dimmed" size="sm">
          The stages every requisition’s candidates go through, in order. Hired and Rejected are
          always last; a stage holding candidates can be renamed or moved, but not removed.
        </Text>
      </div>
      <HiringTabs />
      {pipeline.isPending ? (
        <TableSkeleton label="Loading the pipeline" />
      ) : pipeline.isError ? (
        <ErrorState
          message={describeError(pipeline.error)}
          onRetry={() => void pipeline.refetch()}
        />
      ) : (
        <PipelineEditor rows={pipeline.data} />
      )}
    </Stack>
  );
}

function PipelineEditor({ rows }: { rows: PipelineRow[] }) {
  const trpc = useTRPC();
  const refresh = useRefreshArea('hiring');
  const form = useForm<PipelineValues>({ initialValues: valuesOf(rows), validate });
  const save = useMutation(
    trpc.hiring.savePipeline.mutationOptions({
      onSuccess: (saved) => {
        notifications.show({ color: 'teal', message: 'Pipeline saved' });
        const next = valuesOf(saved);
        form.setValues(next);
        form.resetDirty(next);
        void refresh();
      },
    }),
  );
  const unplaced = usePlacedServerErrors(
    save.error,
    (path) => (path.startsWith('stages.') ? path : null),
    form.setErrors,
  );
  const stages = form.getValues().stages;
  const terminal = rows.filter((row) => row.kind !== 'active');

  const move = (index: number, by: -1 | 1) =>
    form.reorderListItem('stages', { from: index, to: index + by });

  return (
    <form noValidate onSubmit={form.onSubmit((values) => save.mutate(inputOf(values)))}>
      <Stack>
        <Paper withBorder p="md">
          <Stack gap="xs">
            {stages.map((stage, index) => (
              <Group key={stage.key} wrap="nowrap" align="flex-start">
                <Text w={24} mt={8} c="dimmed" size="sm">
                  {index + 1}
                </Text>
                <TextInput
                  aria-label={`Stage ${index + 1} name`}
                  flex={1}
                  {...form.getInputProps(`stages.${index}.name`)}
                />
                <Badge mt={8} variant="light" color="gray" w={110}>
                  {stage.id === null
                    ? 'New'
                    : `${stage.candidates} ${stage.candidates === 1 ? 'candidate' : 'candidates'}`}
                </Badge>
                <ActionIcon
                  mt={4}
                  variant="default"
                  aria-label={`Move ${stage.name || 'stage'} up`}
                  disabled={index === 0}
                  onClick={() => move(index, -1)}
                >
                  <IconArrowUp size={16} />
                </ActionIcon>
                <ActionIcon
                  mt={4}
                  variant="default"
                  aria-label={`Move ${stage.name || 'stage'} down`}
                  disabled={index === stages.length - 1}
                  onClick={() => move(index, 1)}
                >
                  <IconArrowDown size={16} />
                </ActionIcon>
                <Tooltip
                  label={
                    stage.candidates > 0
                      ? 'Move its candidates to another stage first'
                      : 'Remove stage'
                  }
                >
                  <ActionIcon
                    mt={4}
                    variant="subtle"
                    color="red"
                    aria-label={`Remove ${stage.name || 'stage'}`}
                    disabled={stage.candidates > 0 || stages.length === 1}
                    onClick={() => form.removeListItem('stages', index)}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Tooltip>
              </Group>
            ))}
            {form.errors.stages ? (
              <Text size="sm" c="red" role="alert">
                {String(form.errors.stages)}
              </Text>
            ) : null}
            <Group>
              <Button
                variant="light"
                size="xs"
                leftSection={<IconPlus size={14} />}
                disabled={stages.length >= MAX_ACTIVE_STAGES}
                onClick={() =>
                  form.insertListItem('stages', {
                    id: null,
                    name: '',
                    candidates: 0,
                    key: `new-${Date.now()}-${stages.length}`,
                  })
                }
              >
                Add stage
              </Button>
            </Group>
            {terminal.map((stage) => (
              <Group key={stage.id} wrap="nowrap">
                <IconLock size={16} aria-hidden />
                <Text size="sm" fw={600}>
                  {stage.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {stage.kind === 'hired'
                    ? `Fixed: reached by hiring · ${stage.candidates} hired`
                    : `Fixed: always with a reason · ${stage.candidates} rejected`}
                </Text>
              </Group>
            ))}
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Stack gap="sm">
            {unplaced ? (
              <Alert color="red" icon={<IconAlertTriangle />} title="Not saved">
                {unplaced}
              </Alert>
            ) : Object.keys(form.errors).length > 0 ? (
              <Text size="sm" c="red" role="status">
                Not saved: fix the fields marked in red.
              </Text>
            ) : null}
            <Group justify="flex-end">
              <Button
                variant="default"
                disabled={!form.isDirty() || save.isPending}
                onClick={() => {
                  form.reset();
                  save.reset();
                }}
              >
                Discard changes
              </Button>
              <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
                Save pipeline
              </Button>
            </Group>
          </Stack>
        </Paper>
      </Stack>
    </form>
  );
}
