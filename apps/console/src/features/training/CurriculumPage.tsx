import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Menu,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { BackLink, describeError, EmptyState, ErrorState } from '@switchboard/ui';
import { type RouterOutputs, useRefreshArea, useTRPC } from '@switchboard/ui/trpc';
import {
  IconArrowDown,
  IconArrowUp,
  IconCertificate,
  IconDots,
  IconPencil,
  IconPlus,
  IconRefresh,
  IconTrash,
  IconUsers,
} from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { CurriculumModal } from './CurriculumModal.tsx';
import { ModuleDrawer } from './ModuleDrawer.tsx';
import { cohortPath, TRAINING_PATH } from './training-links.ts';

type Curriculum = RouterOutputs['training']['curriculum'];
type Module = Curriculum['modules'][number];

/** One curriculum: its details, and its modules in the order trainees follow them. */
export function CurriculumPage() {
  const { curriculumId = '' } = useParams();
  const trpc = useTRPC();
  const curriculum = useQuery(trpc.training.curriculum.queryOptions({ curriculumId }));
  return (
    <Stack gap="md">
      <BackLink to={TRAINING_PATH}>Curricula</BackLink>
      {curriculum.isPending ? (
        <Loader aria-label="Loading the curriculum" />
      ) : curriculum.isError ? (
        <ErrorState
          message={describeError(curriculum.error)}
          onRetry={() => void curriculum.refetch()}
        />
      ) : (
        <CurriculumEditor curriculum={curriculum.data} />
      )}
    </Stack>
  );
}

function CurriculumEditor({ curriculum }: { curriculum: Curriculum }) {
  const trpc = useTRPC();
  const refresh = useRefreshArea('training');
  const [editingDetails, setEditingDetails] = useState(false);
  const [moduleDrawer, setModuleDrawer] = useState<Module | 'new' | null>(null);
  const failed = (title: string) => (error: unknown) =>
    notifications.show({ color: 'red', title, message: describeError(error) });
  const reorder = useMutation(
    trpc.training.reorderModules.mutationOptions({
      onSuccess: refresh,
      onError: failed('Not reordered'),
    }),
  );
  const remove = useMutation(
    trpc.training.removeModule.mutationOptions({
      onSuccess: () => {
        notifications.show({ color: 'teal', message: 'Module removed' });
        void refresh();
      },
      onError: failed('Not removed'),
    }),
  );
  const archive = useMutation(
    trpc.training.archiveCurriculum.mutationOptions({
      onSuccess: refresh,
      onError: failed('Not changed'),
    }),
  );
  const move = (index: number, by: -1 | 1) => {
    const ids = curriculum.modules.map((module) => module.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + by, 0, moved!);
    reorder.mutate({ curriculumId: curriculum.id, moduleIds: ids });
  };

  return (
    <>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs">
            <Title order={1} size="h2">
              {curriculum.name}
            </Title>
            {curriculum.archivedAt ? <Badge color="gray">Archived</Badge> : null}
          </Group>
          <Text size="sm" c="dimmed">
            {curriculum.code} · {curriculum.enrolledCount} enrolled · {curriculum.completedCount}{' '}
            completed
            {curriculum.teamPlans.length > 0
              ? ` · new hires of ${curriculum.teamPlans.map((plan) => plan.teamName).join(', ')}`
              : ''}
          </Text>
          {curriculum.description ? <Text size="sm">{curriculum.description}</Text> : null}
          <Group gap="xs">
            {curriculum.certificationName ? (
              <Badge variant="light" color="teal" leftSection={<IconCertificate size={12} />}>
                Grants {curriculum.certificationName}
              </Badge>
            ) : (
              <Badge variant="light" color="gray">
                Grants no certification
              </Badge>
            )}
            <Badge variant="light" color={curriculum.requiresSignOff ? 'grape' : 'gray'}>
              {curriculum.requiresSignOff ? 'Trainer signs off' : 'Completes by itself'}
            </Badge>
          </Group>
        </Stack>
        <Group>
          <Button
            component={Link}
            to={cohortPath(curriculum.id)}
            variant="light"
            leftSection={<IconUsers size={16} />}
          >
            Cohort
          </Button>
          <Button
            variant="default"
            leftSection={<IconPencil size={16} />}
            onClick={() => setEditingDetails(true)}
          >
            Edit details
          </Button>
          <Menu position="bottom-end">
            <Menu.Target>
              <ActionIcon variant="default" size="lg" aria-label="More curriculum actions">
                <IconDots size={16} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item
                onClick={() =>
                  archive.mutate({
                    curriculumId: curriculum.id,
                    archived: curriculum.archivedAt === null,
                  })
                }
              >
                {curriculum.archivedAt ? 'Restore curriculum' : 'Archive curriculum'}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>

      <Paper withBorder p={0} style={{ overflow: 'hidden' }}>
        <Group justify="space-between" p="sm">
          <Title order={2} size="h4">
            Modules
          </Title>
          <Button
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => setModuleDrawer('new')}
          >
            Add module
          </Button>
        </Group>
        {curriculum.modules.length === 0 ? (
          <EmptyState
            title="No modules yet"
            description="Add SOP readings, walkthroughs, quizzes, shadowing and nesting, in the order trainees should follow them."
          />
        ) : (
          <Table verticalSpacing="sm" aria-label="Modules">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40}>#</Table.Th>
                <Table.Th>Module</Table.Th>
                <Table.Th>What it asks</Table.Th>
                <Table.Th ta="right">Started by</Table.Th>
                <Table.Th w={150} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {curriculum.modules.map((module, index) => (
                <ModuleRow
                  key={module.id}
                  module={module}
                  index={index}
                  last={index === curriculum.modules.length - 1}
                  busy={reorder.isPending}
                  onMove={(by) => move(index, by)}
                  onEdit={() => setModuleDrawer(module)}
                  onRemove={() => remove.mutate({ moduleId: module.id })}
                />
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      {curriculum.modules.some((module) => module.newerSopVersion !== null) ? (
        <Alert color="orange" icon={<IconRefresh />} title="Newer playbook versions">
          Some readings ask for an older version than the one published. People who read the older
          one are asked to re-acknowledge the new one; edit the module to have new trainees read the
          current version.
        </Alert>
      ) : null}

      <CurriculumModal
        opened={editingDetails}
        editing={{
          curriculumId: curriculum.id,
          values: {
            code: curriculum.code,
            name: curriculum.name,
            description: curriculum.description,
            certificationId: curriculum.certificationId,
            requiresSignOff: curriculum.requiresSignOff,
          },
        }}
        onClose={() => setEditingDetails(false)}
        onSaved={() => setEditingDetails(false)}
      />
      <ModuleDrawer
        curriculumId={curriculum.id}
        opened={moduleDrawer !== null}
        editing={moduleDrawer === 'new' ? null : moduleDrawer}
        onClose={() => setModuleDrawer(null)}
      />
    </>
  );
}

function ModuleRow({
  module,
  index,
  last,
  busy,
  onMove,
  onEdit,
  onRemove,
}: {
  module: Module;
  index: number;
  last: boolean;
  busy: boolean;
  onMove: (by: -1 | 1) => void;
  onEdit: () => void;
  onRemove: () => void;
}) {
  return (
    <Table.Tr>
      <Table.Td>{index + 1}</Table.Td>
      <Table.Td>
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {module.title}
          </Text>
          <Group gap={4}>
            <Badge size="xs" variant="outline" color="gray">
              {module.kindLabel}
            </Badge>
            {module.definition.settings.requiresSignOff ? (
              <Badge size="xs" variant="light" color="grape">
                Sign-off
              </Badge>
            ) : null}
          </Group>
        </Stack>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{module.requirement}</Text>
        {module.kind === 'sop_reading' ? (
          <Text size="xs" c={module.newerSopVersion ? 'orange' : 'dimmed'}>
            {module.requestTypeName} v{module.sopVersion}
            {module.newerSopVersion ? ` · v${module.newerSopVersion} is published` : ''}
          </Text>
        ) : null}
        <Text size="xs" c="dimmed">
          About {module.estimatedMinutes} min
        </Text>
      </Table.Td>
      <Table.Td ta="right">{module.startedCount}</Table.Td>
      <Table.Td>
        <Group gap={4} justify="flex-end" wrap="nowrap">
          <ActionIcon
            variant="subtle"
            aria-label={`Move ${module.title} up`}
            disabled={index === 0 || busy}
            onClick={() => onMove(-1)}
          >
            <IconArrowUp size={16} />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            aria-label={`Move ${module.title} down`}
            disabled={last || busy}
            onClick={() => onMove(1)}
          >
            <IconArrowDown size={16} />
          </ActionIcon>
          <ActionIcon variant="subtle" aria-label={`Edit ${module.title}`} onClick={onEdit}>
            <IconPencil size={16} />
          </ActionIcon>
          <Tooltip
            label={
              module.startedCount > 0
                ? 'People have started it: it stays on their records'
                : 'Remove'
            }
          >
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`Remove ${module.title}`}
              disabled={module.startedCount > 0}
              onClick={onRemove}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
