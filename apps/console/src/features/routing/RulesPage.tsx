import {
  type Announcements,
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import {
  arrayMove,
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Drawer,
  Group,
  Modal,
  Paper,
  Stack,
  Switch,
  Text,
  Textarea,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { describeActions, describeCondition } from '@switchboard/domain';
import { describeError, EmptyState, ErrorState, TableSkeleton } from '@switchboard/ui';
import { useViewer } from '@switchboard/ui/auth';
import { type RouterOutputs, useRefreshArea, useTRPC } from '@switchboard/ui/trpc';
import {
  IconAlertTriangle,
  IconArrowDown,
  IconArrowUp,
  IconFlask,
  IconGripVertical,
  IconLock,
  IconMap,
  IconPencil,
  IconPlus,
  IconRoute,
  IconTrash,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { RuleEditor, type RuleFormValues, type RuleSubmission } from './RuleEditor.tsx';

type RulesData = RouterOutputs['routing']['rules'];
type RuleRow = RulesData['rules'][number];
type RuleProblemRow = RulesData['problems'][number];

/** "Channel is chat and City is LIS", or what a rule without conditions means. */
function conditionSummary(rule: Pick<RuleRow, 'conditions'>): string {
  return rule.conditions.length === 0
    ? 'Every message'
    : rule.conditions.map(describeCondition).join(' and ');
}

function formValuesOf(rule: RuleRow): RuleFormValues {
  return {
    name: rule.name,
    enabled: rule.enabled,
    conditions: rule.conditions,
    actions: rule.actions,
    rolloutNote: '',
  };
}

/** The rules in `ruleIds` order, numbered again from 0. */
function reordered(data: RulesData, ruleIds: readonly string[]): RulesData {
  const byId = new Map(data.rules.map((rule) => [rule.id, rule]));
  const rules = ruleIds
    .map((id) => byId.get(id))
    .filter((rule): rule is RuleRow => rule !== undefined)
    .map((rule, position) => ({ ...rule, position }));
  return { ...data, rules };
}

/**
 * The ordered routing rules: what each looks at and does, what is wrong with it, and (for
 * team leads and admins) editing, enabling, reordering and deleting. Every change is versioned
 * on the server and may carry a rollout note for the agents.
 */
export function RulesPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const viewer = useViewer();
  const canEdit = viewer.access.lead;
  const [editing, setEditing] = useState<RuleRow | 'new' | null>(null);
  const [deleting, setDeleting] = useState<RuleRow | null>(null);
  const rulesKey = trpc.routing.rules.queryKey();
  const rules = useQuery(trpc.routing.rules.queryOptions());

  // The guide is built from the rules, so it goes stale with them.
  const refresh = useRefreshArea('routing');
  /** Shows a change at once; the server's answer (or a rollback) follows. */
  const applyOptimistically = async (change: (data: RulesData) => RulesData) => {
    await queryClient.cancelQueries({ queryKey: rulesKey });
    const previous = queryClient.getQueryData(rulesKey);
    if (previous) queryClient.setQueryData(rulesKey, change(previous));
    return { previous };
  };
  const rollback = (error: unknown, context: { previous: RulesData | undefined } | undefined) => {
    if (context?.previous) queryClient.setQueryData(rulesKey, context.previous);
    notifications.show({ color: 'red', title: 'Not saved', message: describeError(error) });
  };

  const saved = (message: string) => {
    setEditing(null);
    notifications.show({ color: 'teal', message });
    void refresh();
  };
  const create = useMutation(
    trpc.routing.createRule.mutationOptions({ onSuccess: () => saved('Rule created') }),
  );
  const update = useMutation(
    trpc.routing.updateRule.mutationOptions({ onSuccess: () => saved('Rule saved') }),
  );
  const setEnabled = useMutation(
    trpc.routing.setRuleEnabled.mutationOptions({
      onMutate: ({ id, enabled }) =>
        applyOptimistically((data) => ({
          ...data,
          rules: data.rules.map((rule) => (rule.id === id ? { ...rule, enabled } : rule)),
        })),
      onError: (error, _input, context) => rollback(error, context),
      onSettled: () => refresh(),
    }),
  );
  const reorder = useMutation(
    trpc.routing.reorderRules.mutationOptions({
      // One order at a time, in the order the lead made the moves.
      scope: { id: 'routing-rules-order' },
      onMutate: ({ ruleIds }) => applyOptimistically((data) => reordered(data, ruleIds)),
      onError: (error, _input, context) => rollback(error, context),
      onSettled: () => refresh(),
    }),
  );
  const remove = useMutation(
    trpc.routing.deleteRule.mutationOptions({
      onSuccess: () => {
        setDeleting(null);
        notifications.show({ message: 'Rule deleted' });
        void refresh();
      },
    }),
  );

  const editor = editing === 'new' ? create : update;
  const closeEditor = () => {
    setEditing(null);
    create.reset();
    update.reset();
  };
  const submit = ({ rule, rolloutNote }: RuleSubmission) => {
    if (editing === 'new') create.mutate({ ...rule, rolloutNote });
    else if (editing) update.mutate({ id: editing.id, rule, rolloutNote });
  };
  const move = (from: number, to: number) => {
    const current = rules.data?.rules ?? [];
    if (from === to || to < 0 || to >= current.length) return;
    reorder.mutate({ ruleIds: arrayMove(current, from, to).map((rule) => rule.id) });
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            Routing rules
          </Title>
          <Text c="dimmed" size="sm" maw={760}>
            Every new conversation runs through these rules from the top. A rule whose conditions
            all hold sets the request type, priority, inbox, team, tags or an auto-reply; the first
            rule to set something wins, and a rule that stops ends the run.
          </Text>
        </div>
        <Group gap="xs">
          <Button
            component={Link}
            to="/routing/simulator"
            variant="default"
            leftSection={<IconFlask size={16} />}
          >
            Try a message
          </Button>
          <Button
            component={Link}
            to="/routing/guide"
            variant="default"
            leftSection={<IconMap size={16} />}
          >
            Routing guide
          </Button>
          {canEdit ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
              New rule
            </Button>
          ) : null}
        </Group>
      </Group>
      {canEdit ? null : (
        <Alert color="gray" icon={<IconLock />}>
          Read only: team leads and admins change routing rules. Try messages against them in the
          simulator.
        </Alert>
      )}

      {rules.isPending ? (
        <Paper p={0}>
          <TableSkeleton label="Loading routing rules" />
        </Paper>
      ) : rules.isError ? (
        <Paper p={0}>
          <ErrorState message={describeError(rules.error)} onRetry={() => void rules.refetch()} />
        </Paper>
      ) : rules.data.rules.length === 0 ? (
        <Paper>
          <EmptyState
            icon={<IconRoute />}
            title="No routing rules yet"
            description="Without rules, every new conversation goes to the audience’s inbox for the contact’s city, unassigned or assigned by that inbox’s policy, and agents set the request type. Add a rule to set request types, tags, priority or a different inbox."
            action={
              canEdit ? (
                <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
                  New rule
                </Button>
              ) : undefined
            }
          />
        </Paper>
      ) : (
        <RuleList
          rules={rules.data.rules}
          problems={rules.data.problems}
          canEdit={canEdit}
          onMove={move}
          onToggle={(rule, enabled) => setEnabled.mutate({ id: rule.id, enabled })}
          onEdit={setEditing}
          onDelete={setDeleting}
        />
      )}

      <Drawer
        opened={editing !== null}
        onClose={closeEditor}
        position="right"
        size="xl"
        title={editing === 'new' ? 'New rule' : `Edit “${editing?.name ?? ''}”`}
      >
        {editing !== null ? (
          <RuleEditor
            key={editing === 'new' ? 'new' : editing.id}
            initialValues={editing === 'new' ? undefined : formValuesOf(editing)}
            submitLabel={editing === 'new' ? 'Create rule' : 'Save rule'}
            saving={editor.isPending}
            serverError={editor.error}
            onSubmit={submit}
            onCancel={closeEditor}
          />
        ) : null}
      </Drawer>
      <DeleteRuleModal
        rule={deleting}
        pending={remove.isPending}
        error={remove.error}
        onCancel={() => {
          setDeleting(null);
          remove.reset();
        }}
        onConfirm={(id, rolloutNote) => remove.mutate({ id, rolloutNote })}
      />
    </Stack>
  );
}

interface RuleListProps {
  rules: RuleRow[];
  problems: RuleProblemRow[];
  canEdit: boolean;
  onMove: (from: number, to: number) => void;
  onToggle: (rule: RuleRow, enabled: boolean) => void;
  onEdit: (rule: RuleRow) => void;
  onDelete: (rule: RuleRow) => void;
}

function RuleList({ rules, problems, canEdit, onMove, onToggle, onEdit, onDelete }: RuleListProps) {
  const sensors = useSensors(
    // A few pixels of travel before a drag starts, so clicks on the handle stay clicks.
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const names = new Map(rules.map((rule) => [rule.id, `“${rule.name}”`]));
  const nameOf = (id: string | number) => names.get(String(id)) ?? 'The rule';
  const positionOf = (id: string | number) => rules.findIndex((rule) => rule.id === id) + 1;
  // dnd-kit announces drags to screen readers; by default it reads the ids (UUIDs).
  const announcements: Announcements = {
    onDragStart: ({ active }) =>
      `Picked up ${nameOf(active.id)}, at position ${positionOf(active.id)}.`,
    onDragOver: ({ active, over }) =>
      over ? `${nameOf(active.id)} is over position ${positionOf(over.id)}.` : undefined,
    onDragEnd: ({ active, over }) =>
      over
        ? `${nameOf(active.id)} dropped at position ${positionOf(over.id)}.`
        : `${nameOf(active.id)} dropped.`,
    onDragCancel: ({ active }) => `Moving ${nameOf(active.id)} was cancelled.`,
  };
  const dragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    onMove(positionOf(active.id) - 1, positionOf(over.id) - 1);
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={dragEnd}
      accessibility={{ announcements }}
    >
      <SortableContext items={rules.map((rule) => rule.id)} strategy={verticalListSortingStrategy}>
        <Stack
          component="ol"
          gap="sm"
          aria-label="Routing rules, in the order they run"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
        >
          {rules.map((rule, index) => (
            <RuleItem
              key={rule.id}
              rule={rule}
              position={index + 1}
              isFirst={index === 0}
              isLast={index === rules.length - 1}
              problems={problems.filter((problem) => problem.ruleId === rule.id)}
              canEdit={canEdit}
              onMoveUp={() => onMove(index, index - 1)}
              onMoveDown={() => onMove(index, index + 1)}
              onToggle={(enabled) => onToggle(rule, enabled)}
              onEdit={() => onEdit(rule)}
              onDelete={() => onDelete(rule)}
            />
          ))}
        </Stack>
      </SortableContext>
    </DndContext>
  );
}

interface RuleItemProps {
  rule: RuleRow;
  position: number;
  isFirst: boolean;
  isLast: boolean;
  problems: RuleProblemRow[];
  canEdit: boolean;
  onMoveUp: () => void;
  onMoveDown: () => void;
  onToggle: (enabled: boolean) => void;
  onEdit: () => void;
  onDelete: () => void;
}

function RuleItem({
  rule,
  position,
  isFirst,
  isLast,
  problems,
  canEdit,
  onMoveUp,
  onMoveDown,
  onToggle,
  onEdit,
  onDelete,
}: RuleItemProps) {
  const {
    attributes,
    listeners,
    setNodeRef,
    setActivatorNodeRef,
    transform,
    transition,
    isDragging,
  } = useSortable({ id: rule.id, disabled: !canEdit });
  return (
    <Paper
      component="li"
      ref={setNodeRef}
      withBorder
      p="sm"
      aria-label={`Rule ${position}: ${rule.name}`}
      style={{
        transform: transform ? `translate3d(${transform.x}px, ${transform.y}px, 0)` : undefined,
        transition,
        position: 'relative',
        zIndex: isDragging ? 1 : undefined,
        boxShadow: isDragging ? 'var(--mantine-shadow-md)' : undefined,
      }}
    >
      <Group align="flex-start" wrap="nowrap" gap="sm">
        {canEdit ? (
          <ActionIcon
            ref={setActivatorNodeRef}
            variant="subtle"
            color="gray"
            style={{ cursor: 'grab', touchAction: 'none' }}
            {...attributes}
            {...listeners}
            aria-label={`Drag ${rule.name} to reorder`}
          >
            <IconGripVertical size={16} />
          </ActionIcon>
        ) : null}
        <Badge variant="light" color="gray" size="lg" circle aria-label={`Position ${position}`}>
          {position}
        </Badge>
        <Stack gap="xs" style={{ flex: 1, minWidth: 0 }}>
          {/* The summary opens the editor too; the Edit button is the keyboard way in. */}
          <Stack
            gap={2}
            onClick={canEdit ? onEdit : undefined}
            style={{ cursor: canEdit ? 'pointer' : undefined }}
          >
            <Group gap="xs">
              <Text fw={600} size="sm" c={rule.enabled ? undefined : 'dimmed'}>
                {rule.name}
              </Text>
              {rule.enabled ? null : (
                <Badge size="xs" color="gray" variant="outline">
                  Disabled
                </Badge>
              )}
            </Group>
            <Text size="sm">
              <Text span c="dimmed" size="sm">
                When{' '}
              </Text>
              {conditionSummary(rule)}
            </Text>
            <Text size="sm">
              <Text span c="dimmed" size="sm">
                Then{' '}
              </Text>
              {describeActions(rule.actions)}
            </Text>
          </Stack>
          {problems.map((problem) => (
            <Alert
              key={`${problem.kind}-${problem.message}`}
              color="orange"
              variant="light"
              p="xs"
              icon={<IconAlertTriangle size={16} />}
            >
              <Text size="sm">{problem.message}</Text>
            </Alert>
          ))}
        </Stack>
        {canEdit ? (
          <Group gap={4} wrap="nowrap">
            <Switch
              aria-label={`${rule.name} enabled`}
              checked={rule.enabled}
              onChange={(event) => onToggle(event.currentTarget.checked)}
              mr="xs"
            />
            <Tooltip label="Move up">
              <ActionIcon
                variant="subtle"
                aria-label={`Move ${rule.name} up`}
                disabled={isFirst}
                onClick={onMoveUp}
              >
                <IconArrowUp size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Move down">
              <ActionIcon
                variant="subtle"
                aria-label={`Move ${rule.name} down`}
                disabled={isLast}
                onClick={onMoveDown}
              >
                <IconArrowDown size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Edit">
              <ActionIcon variant="subtle" aria-label={`Edit ${rule.name}`} onClick={onEdit}>
                <IconPencil size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Delete">
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={`Delete ${rule.name}`}
                onClick={onDelete}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        ) : null}
      </Group>
    </Paper>
  );
}

function DeleteRuleModal({
  rule,
  pending,
  error,
  onCancel,
  onConfirm,
}: {
  rule: RuleRow | null;
  pending: boolean;
  error: unknown;
  onCancel: () => void;
  onConfirm: (id: string, rolloutNote: string | undefined) => void;
}) {
  return (
    <Modal opened={rule !== null} onClose={onCancel} title="Delete this rule?">
      {/* Keyed so each rule starts with an empty note. */}
      {rule ? (
        <DeleteRuleForm
          key={rule.id}
          rule={rule}
          pending={pending}
          error={error}
          onCancel={onCancel}
          onConfirm={(rolloutNote) => onConfirm(rule.id, rolloutNote)}
        />
      ) : null}
    </Modal>
  );
}

function DeleteRuleForm({
  rule,
  pending,
  error,
  onCancel,
  onConfirm,
}: {
  rule: RuleRow;
  pending: boolean;
  error: unknown;
  onCancel: () => void;
  onConfirm: (rolloutNote: string | undefined) => void;
}) {
  const [note, setNote] = useState('');
  return (
    <Stack>
      <Text size="sm">
        “{rule.name}” stops routing new conversations at once. Conversations it already routed stay
        where they are.
      </Text>
      <Textarea
        label="Tell agents what changes"
        description="Optional. Agents see it with the change and acknowledge it."
        rows={2}
        maxLength={2000}
        value={note}
        onChange={(event) => setNote(event.currentTarget.value)}
      />
      {error ? (
        <Text size="sm" c="red">
          {describeError(error)}
        </Text>
      ) : null}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button color="red" loading={pending} onClick={() => onConfirm(note.trim() || undefined)}>
          Delete rule
        </Button>
      </Group>
    </Stack>
  );
}
