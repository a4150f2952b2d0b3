import {
  Alert,
  Badge,
  Button,
  Code,
  Drawer,
  Group,
  List,
  Loader,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import {
  CONFIG_ENTITY_LABELS,
  CONFIG_ENTITY_TYPES,
  configEntityTypeSchema,
} from '@switchboard/domain';
import {
  describeError,
  formatDateTime,
  formatRelativeTime,
  ListPagination,
  ListQueryState,
} from '@switchboard/ui';
import { useViewer } from '@switchboard/ui/auth';
import { type RouterOutputs, useTRPC } from '@switchboard/ui/trpc';
import {
  IconChevronDown,
  IconChevronRight,
  IconHistory,
  IconSpeakerphone,
} from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useListParams } from '../../lib/use-list-params.ts';

const PAGE_SIZE = 25;
const PARAMS = ['entityType', 'entityId'] as const;
/** Long diffs are cut in the table; the drawer shows every line. */
const DIFF_LINES_IN_TABLE = 3;
const ENTITY_TYPE_OPTIONS = CONFIG_ENTITY_TYPES.map((type) => ({
  value: type,
  label: CONFIG_ENTITY_LABELS[type],
}));

type ChangeRow = RouterOutputs['changes']['list']['items'][number];

const ACTION_COLORS: Record<string, string> = {
  created: 'teal',
  updated: 'blue',
  deleted: 'red',
  reordered: 'grape',
  enabled: 'green',
  disabled: 'gray',
};

function entityTypeLabel(entityType: string): string {
  const known = configEntityTypeSchema.safeParse(entityType);
  return known.success ? CONFIG_ENTITY_LABELS[known.data] : entityType;
}

function ActionBadge({ action }: { action: string }) {
  return (
    <Badge variant="light" color={ACTION_COLORS[action] ?? 'gray'}>
      {action.charAt(0).toUpperCase() + action.slice(1)}
    </Badge>
  );
}

function When({ at, size = 'sm' }: { at: Date; size?: 'xs' | 'sm' }) {
  return (
    <Tooltip label={formatDateTime(at)}>
      <Text size={size} component="span">
        {formatRelativeTime(at)}
      </Text>
    </Tooltip>
  );
}

/** Who changed which configuration, when and how, with the rollout notes agents acknowledge. */
export function ChangesPage() {
  const trpc = useTRPC();
  const { values, page, update } = useListParams(PARAMS);
  const entityType = configEntityTypeSchema.safeParse(values.entityType).data;
  // A link from one item (e.g. a guardrail policy) narrows the list to that item's changes.
  const entityId = values.entityId || undefined;
  const [opened, setOpened] = useState<ChangeRow | null>(null);
  const changes = useQuery({
    ...trpc.changes.list.queryOptions({
      entityType,
      entityId,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  });

  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          Change history
        </Title>
        <Text c="dimmed" size="sm">
          Every change to routing, inboxes, taxonomy, macros and playbooks: who made it, when, and
          what it changed. Open a change with a rollout note to see who has read it.
        </Text>
      </div>
      <Group align="flex-end">
        <Select
          label="What changed"
          placeholder="Everything"
          data={ENTITY_TYPE_OPTIONS}
          value={entityType ?? null}
          clearable
          onChange={(value) => update({ entityType: value ?? undefined, entityId: undefined })}
          w={240}
        />
        {entityId ? (
          <Group gap="xs">
            <Badge variant="light" size="lg">
              {changes.data?.items[0]?.entityName ?? 'One item'} only
            </Badge>
            <Button variant="subtle" size="xs" onClick={() => update({ entityId: undefined })}>
              Show every {entityType ? CONFIG_ENTITY_LABELS[entityType].toLowerCase() : 'item'}
            </Button>
          </Group>
        ) : null}
      </Group>
      <Paper p={0} style={{ overflow: 'hidden' }}>
        <ListQueryState
          query={changes}
          loadingLabel="Loading changes"
          empty={{
            icon: <IconHistory />,
            title: 'No changes yet',
            description: entityType
              ? `Nothing recorded for “${CONFIG_ENTITY_LABELS[entityType]}” yet.`
              : 'Changes to the configuration appear here as soon as they are saved.',
            action: entityType ? (
              <Button
                variant="default"
                onClick={() => update({ entityType: undefined, entityId: undefined })}
              >
                Show every change
              </Button>
            ) : undefined,
          }}
        >
          {(items) => (
            <Table.ScrollContainer minWidth={1000}>
              <Table highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>When</Table.Th>
                    <Table.Th>Who</Table.Th>
                    <Table.Th>What</Table.Th>
                    <Table.Th>Action</Table.Th>
                    <Table.Th>Changes</Table.Th>
                    <Table.Th>Rollout note</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((change) => (
                    <ChangeTableRow key={change.id} change={change} onOpen={setOpened} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </ListQueryState>
      </Paper>
      {changes.data ? (
        <ListPagination
          page={page}
          pageSize={PAGE_SIZE}
          total={changes.data.total}
          onChange={(next) => update({ page: next })}
        />
      ) : null}
      <ChangeDrawer change={opened} onClose={() => setOpened(null)} />
    </Stack>
  );
}

function ChangeTableRow({
  change,
  onOpen,
}: {
  change: ChangeRow;
  onOpen: (change: ChangeRow) => void;
}) {
  const hidden = change.diff.length - DIFF_LINES_IN_TABLE;
  return (
    <Table.Tr onClick={() => onOpen(change)} style={{ cursor: 'pointer' }}>
      <Table.Td>
        <When at={change.createdAt} />
      </Table.Td>
      <Table.Td>
        <Text size="sm">{change.actorName ?? 'System'}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="xs" c="dimmed">
          {entityTypeLabel(change.entityType)}
        </Text>
        <Text size="sm" fw={500}>
          {change.entityName}
        </Text>
      </Table.Td>
      <Table.Td>
        <ActionBadge action={change.action} />
      </Table.Td>
      <Table.Td>
        {change.diff.length === 0 ? (
          <Text size="sm" c="dimmed">
            —
          </Text>
        ) : (
          <Stack gap={2}>
            {change.diff.slice(0, DIFF_LINES_IN_TABLE).map((line) => (
              <Text key={line} size="sm">
                {line}
              </Text>
            ))}
            {hidden > 0 ? (
              <Text size="xs" c="dimmed">
                +{hidden} more
              </Text>
            ) : null}
          </Stack>
        )}
      </Table.Td>
      <Table.Td maw={320}>
        {change.rolloutNote ? (
          <Stack gap={4} align="flex-start">
            <Text size="sm" lineClamp={2}>
              {change.rolloutNote}
            </Text>
            <Badge size="sm" variant="light" color="teal">
              {change.acknowledgedCount} acknowledged
            </Badge>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            —
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right">
        <Button
          size="compact-xs"
          variant="subtle"
          aria-label={`Details of ${change.entityName}`}
          onClick={(event) => {
            // The row opens the same drawer; this button is its keyboard way in.
            event.stopPropagation();
            onOpen(change);
          }}
        >
          Details
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

function ChangeDrawer({ change, onClose }: { change: ChangeRow | null; onClose: () => void }) {
  return (
    <Drawer
      opened={change !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={change ? `${entityTypeLabel(change.entityType)}: ${change.entityName}` : ''}
    >
      {/* Keyed so another change starts with its before/after folded again. */}
      {change ? <ChangeDetails key={change.id} change={change} /> : null}
    </Drawer>
  );
}

function ChangeDetails({ change }: { change: ChangeRow }) {
  return (
    <Stack gap="lg">
      <Group gap="xs">
        <ActionBadge action={change.action} />
        <Text size="sm" c="dimmed">
          by {change.actorName ?? 'System'} · {formatDateTime(change.createdAt)}
        </Text>
      </Group>
      {change.rolloutNote ? <RolloutNoteSection change={change} /> : null}
      <Stack gap="xs">
        <Title order={3} size="h5">
          What changed
        </Title>
        {change.diff.length === 0 ? (
          <Text size="sm" c="dimmed">
            No field-by-field summary for this change.
          </Text>
        ) : (
          <List size="sm" spacing={4}>
            {change.diff.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
        )}
      </Stack>
      <BeforeAfter changeId={change.id} />
    </Stack>
  );
}

function RolloutNoteSection({ change }: { change: ChangeRow }) {
  const viewer = useViewer();
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <IconSpeakerphone size={18} />
        <Title order={3} size="h5">
          Rollout note
        </Title>
      </Group>
      <Paper withBorder p="sm">
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {change.rolloutNote}
        </Text>
      </Paper>
      {viewer.access.lead ? (
        <Acknowledgements changeId={change.id} />
      ) : (
        <Text size="sm" c="dimmed">
          {change.acknowledgedCount} acknowledged. Team leads and admins can see who has read it.
        </Text>
      )}
    </Stack>
  );
}

/** Leads and admins only: the server refuses everyone else. */
function Acknowledgements({ changeId }: { changeId: string }) {
  const trpc = useTRPC();
  const acknowledgements = useQuery(trpc.changes.acknowledgements.queryOptions({ id: changeId }));
  if (acknowledgements.isPending) {
    return <Loader size="sm" aria-label="Loading acknowledgements" />;
  }
  if (acknowledgements.isError) {
    return (
      <Alert color="red" title="Could not load who has read it">
        {describeError(acknowledgements.error)}
      </Alert>
    );
  }
  const { acknowledged, pending } = acknowledgements.data;
  return (
    <SimpleGrid cols={2} spacing="md">
      <section aria-label="Acknowledged">
        <Text size="sm" fw={600} mb={4}>
          Acknowledged ({acknowledged.length})
        </Text>
        {acknowledged.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nobody yet
          </Text>
        ) : (
          <Stack gap={4}>
            {acknowledged.map((person) => (
              <div key={person.id}>
                <Text size="sm">{person.name}</Text>
                {person.acknowledgedAt ? (
                  <Text size="xs" c="dimmed">
                    <When at={person.acknowledgedAt} size="xs" />
                  </Text>
                ) : null}
              </div>
            ))}
          </Stack>
        )}
      </section>
      <section aria-label="Not yet">
        <Text size="sm" fw={600} mb={4}>
          Not yet ({pending.length})
        </Text>
        {pending.length === 0 ? (
          <Text size="sm" c="dimmed">
            Everyone has read it
          </Text>
        ) : (
          <Stack gap={4}>
            {pending.map((person) => (
              <Text key={person.id} size="sm">
                {person.name}
              </Text>
            ))}
          </Stack>
        )}
      </section>
    </SimpleGrid>
  );
}

function showJson(value: unknown): string {
  return value === null || value === undefined ? 'Nothing' : JSON.stringify(value, null, 2);
}

/** The full before/after is loaded only when asked for: it can be large. */
function BeforeAfter({ changeId }: { changeId: string }) {
  const trpc = useTRPC();
  const [shown, setShown] = useState(false);
  const detail = useQuery({
    ...trpc.changes.byId.queryOptions({ id: changeId }),
    enabled: shown,
  });
  return (
    <Stack gap="xs">
      <div>
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={shown ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
          aria-expanded={shown}
          onClick={() => setShown((value) => !value)}
        >
          Show before/after
        </Button>
      </div>
      {shown ? (
        detail.isPending ? (
          <Loader size="sm" aria-label="Loading before and after" />
        ) : detail.isError ? (
          <Alert color="red" title="Could not load the before and after">
            {describeError(detail.error)}
          </Alert>
        ) : (
          <Stack gap="sm">
            <div>
              <Text size="sm" fw={600} mb={4}>
                Before
              </Text>
              <Code block aria-label="Before">
                {showJson(detail.data.before)}
              </Code>
            </div>
            <div>
              <Text size="sm" fw={600} mb={4}>
                After
              </Text>
              <Code block aria-label="After">
                {showJson(detail.data.after)}
              </Code>
            </div>
          </Stack>
        )
      ) : null}
    </Stack>
  );
}
