import {
  ActionIcon,
  Alert,
  Badge,
  Box,
  Button,
  Code,
  Group,
  Menu,
  Paper,
  type RenderTreeNodePayload,
  Stack,
  Switch,
  Text,
  Title,
  Tree,
  type TreeNodeData,
  useTree,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { childLevelOf, TAXONOMY_LEVEL_LABELS } from '@switchboard/domain';
import {
  AudienceBadge,
  describeError,
  EmptyState,
  ErrorState,
  PriorityBadge,
  TableSkeleton,
} from '@switchboard/ui';
import { useViewer } from '@switchboard/ui/auth';
import { useTRPC } from '@switchboard/ui/trpc';
import {
  IconArchive,
  IconArrowMerge,
  IconArrowsMove,
  IconBinaryTree,
  IconChevronRight,
  IconDots,
  IconListDetails,
  IconLock,
  IconPencil,
  IconPlus,
  IconRestore,
} from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type KeyboardEvent,
  type MouseEvent,
  memo,
  useCallback,
  useMemo,
  useRef,
  useState,
} from 'react';
import { SearchInput } from '../../lib/SearchInput.tsx';
import { useListParams } from '../../lib/use-list-params.ts';
import { RequestTypeDrawer } from './RequestTypeDrawer.tsx';
import { type TaxonomyDialog, TaxonomyDialogs } from './TaxonomyNodeModals.tsx';
import {
  conversationCount,
  indexTaxonomy,
  parentCodes,
  type TaxonomyNodeView,
  treeData,
} from './taxonomy-tree.ts';

const PARAMS = ['search', 'retired', 'type'] as const;

/**
 * The controlled taxonomy: categories → request types → reasons, with how many
 * conversations use each node. Leads and admins add, rename, move, deprecate and merge
 * nodes and edit what a request type links to; every change is versioned with an optional
 * rollout note. Trainers read.
 */
export function TaxonomyPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const viewer = useViewer();
  const canEdit = viewer.access.lead;
  const { values, update } = useListParams(PARAMS);
  const [dialog, setDialog] = useState<TaxonomyDialog | null>(null);
  const tree = useQuery(trpc.taxonomy.tree.queryOptions());

  const byCode = useMemo(() => indexTaxonomy(tree.data ?? []), [tree.data]);
  const hideRetired = values.retired === 'hide';
  const search = values.search ?? '';
  const data = useMemo(
    () => treeData(tree.data ?? [], { search, hideRetired }),
    [tree.data, search, hideRetired],
  );
  const detail = values.type ? byCode.get(values.type) : undefined;

  // The tree is the expensive part of the page: it gets only stable props, so opening a
  // drawer or a dialog does not re-render a few hundred rows.
  const updateRef = useRef(update);
  updateRef.current = update;
  const openDetails = useCallback((code: string) => updateRef.current({ type: code }), []);

  const done = (message: string) => {
    setDialog(null);
    notifications.show({ color: 'teal', message });
    void queryClient.invalidateQueries({ queryKey: trpc.taxonomy.tree.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.changes.pathKey() });
  };
  const counts = { category: 0, request_type: 0, reason: 0 };
  for (const node of byCode.values()) if (!node.retired) counts[node.level] += 1;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            Taxonomy
          </Title>
          <Text c="dimmed" size="sm" maw={760}>
            Category → request type → reason. Codes are what reports count, so they never change:
            nodes are renamed, moved, deprecated or merged, never deleted, and a merge re-points the
            conversations filed under the retired node.
          </Text>
        </div>
        {canEdit ? (
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() => setDialog({ kind: 'add', parent: null })}
          >
            Add category
          </Button>
        ) : null}
      </Group>
      {canEdit ? null : (
        <Alert color="gray" icon={<IconLock />}>
          Read only: team leads and admins change the taxonomy.
        </Alert>
      )}
      <Group align="flex-end" justify="space-between">
        <Group align="flex-end">
          <SearchInput
            label="Filter"
            placeholder="Code or name"
            value={search}
            onSearch={(next) => update({ search: next }, { replace: true })}
          />
          <Switch
            label="Show deprecated and merged"
            checked={!hideRetired}
            onChange={(event) =>
              update(
                { retired: event.currentTarget.checked ? undefined : 'hide' },
                { replace: true },
              )
            }
            mb={8}
          />
        </Group>
        {tree.data ? (
          <Text size="sm" c="dimmed" mb={8}>
            {counts.category} categories · {counts.request_type} request types · {counts.reason}{' '}
            reasons in use
          </Text>
        ) : null}
      </Group>

      <Paper p={tree.isSuccess && data.length > 0 ? 'sm' : 0}>
        {tree.isPending ? (
          <TableSkeleton label="Loading the taxonomy" />
        ) : tree.isError ? (
          <ErrorState message={describeError(tree.error)} onRetry={() => void tree.refetch()} />
        ) : data.length === 0 ? (
          <EmptyState
            icon={<IconBinaryTree />}
            title={tree.data.length === 0 ? 'No categories yet' : 'Nothing matches'}
            description={
              tree.data.length === 0
                ? 'Start with a category, e.g. Booking, then add its request types and reasons.'
                : 'Try another code or name, or show deprecated and merged nodes.'
            }
          />
        ) : (
          <TaxonomyTree
            data={data}
            byCode={byCode}
            canEdit={canEdit}
            onDialog={setDialog}
            onDetails={openDetails}
          />
        )}
      </Paper>

      <TaxonomyDialogs
        dialog={dialog}
        byCode={byCode}
        onClose={() => setDialog(null)}
        onDone={done}
      />
      <RequestTypeDrawer
        requestType={detail?.requestType ?? null}
        categoryName={detail?.parentCode ? (byCode.get(detail.parentCode)?.name ?? null) : null}
        canEdit={canEdit}
        onClose={() => update({ type: undefined })}
        onDone={(message) => {
          update({ type: undefined });
          done(message);
        }}
      />
    </Stack>
  );
}

interface TaxonomyTreeProps {
  data: TreeNodeData[];
  byCode: Map<string, TaxonomyNodeView>;
  canEdit: boolean;
  onDialog: (dialog: TaxonomyDialog) => void;
  onDetails: (code: string) => void;
}

/** Everything open at first; what the lead closes stays closed while they filter. */
const TaxonomyTree = memo(function TaxonomyTree({
  data,
  byCode,
  canEdit,
  onDialog,
  onDetails,
}: TaxonomyTreeProps) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const parents = useMemo(() => parentCodes(data), [data]);
  const expandedState = useMemo(
    () => Object.fromEntries(parents.map((code) => [code, !collapsed.has(code)])),
    [parents, collapsed],
  );
  const controller = useTree({
    expandedState,
    onExpandedStateChange: (state) => {
      const closed = Object.keys(state).filter((code) => state[code] === false);
      setCollapsed((current) =>
        closed.length === current.size && closed.every((code) => current.has(code))
          ? current
          : new Set(closed),
      );
    },
  });

  return (
    <Stack gap="xs">
      <Group gap="xs" justify="flex-end">
        <Button variant="subtle" size="xs" onClick={() => setCollapsed(new Set())}>
          Expand all
        </Button>
        <Button variant="subtle" size="xs" onClick={() => setCollapsed(new Set(parents))}>
          Collapse all
        </Button>
      </Group>
      <Tree
        aria-label="Taxonomy"
        data={data}
        tree={controller}
        levelOffset="xl"
        allowRangeSelection={false}
        renderNode={({ node, expanded, hasChildren, elementProps }) => {
          const view = byCode.get(node.value);
          if (!view) return null;
          return (
            <NodeRow
              node={view}
              mergedInto={view.mergedIntoCode ? byCode.get(view.mergedIntoCode) : undefined}
              expanded={expanded}
              hasChildren={hasChildren}
              elementProps={elementProps}
              canEdit={canEdit}
              onDialog={onDialog}
              onDetails={onDetails}
            />
          );
        }}
      />
    </Stack>
  );
});

/** Clicks and keys on a row's buttons are theirs, not the tree's (no toggling, no arrow moves). */
const keepToRow = {
  onClick: (event: MouseEvent) => event.stopPropagation(),
  onKeyDown: (event: KeyboardEvent) => event.stopPropagation(),
};

interface NodeRowProps {
  node: TaxonomyNodeView;
  mergedInto: TaxonomyNodeView | undefined;
  expanded: boolean;
  hasChildren: boolean;
  elementProps: RenderTreeNodePayload['elementProps'];
  canEdit: boolean;
  onDialog: (dialog: TaxonomyDialog) => void;
  onDetails: (code: string) => void;
}

function NodeRow({
  node,
  mergedInto,
  expanded,
  hasChildren,
  elementProps,
  canEdit,
  onDialog,
  onDetails,
}: NodeRowProps) {
  const type = node.requestType;
  return (
    <Group
      {...elementProps}
      data-node-code={node.code}
      justify="space-between"
      wrap="nowrap"
      gap="xs"
      py={4}
      style={{ ...elementProps.style, cursor: hasChildren ? 'pointer' : 'default' }}
    >
      <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
        <Box w={16} style={{ flexShrink: 0 }}>
          {hasChildren ? (
            <IconChevronRight
              size={16}
              aria-hidden
              style={{
                transform: expanded ? 'rotate(90deg)' : undefined,
                transition: 'transform 120ms',
              }}
            />
          ) : null}
        </Box>
        <Code>{node.code}</Code>
        <Text
          size="sm"
          fw={node.level === 'category' ? 600 : 400}
          c={node.deprecated ? 'dimmed' : undefined}
          td={node.mergedIntoCode ? 'line-through' : undefined}
          truncate
        >
          {node.name}
        </Text>
        {type ? <AudienceBadge audience={type.audience} size="xs" /> : null}
        {type ? <PriorityBadge priority={type.defaultPriority} size="xs" /> : null}
        {node.mergedIntoCode ? (
          <Badge size="xs" color="grape" variant="light">
            Merged into {mergedInto ? mergedInto.name : node.mergedIntoCode}
          </Badge>
        ) : node.deprecated ? (
          <Badge size="xs" color="gray">
            Deprecated
          </Badge>
        ) : null}
      </Group>
      <Group gap="xs" wrap="nowrap" {...keepToRow}>
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {conversationCount(node.usageCount)}
        </Text>
        {type ? (
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<IconListDetails size={14} />}
            aria-label={`Details of ${node.name}`}
            onClick={() => onDetails(node.code)}
          >
            Details
          </Button>
        ) : null}
        {canEdit ? <NodeMenu node={node} onDialog={onDialog} /> : null}
      </Group>
    </Group>
  );
}

function NodeMenu({
  node,
  onDialog,
}: {
  node: TaxonomyNodeView;
  onDialog: (dialog: TaxonomyDialog) => void;
}) {
  const childLevel = childLevelOf(node.level);
  const merged = node.mergedIntoCode !== null;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" aria-label={`Change ${node.name}`}>
          <IconDots size={16} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown {...keepToRow}>
        {childLevel ? (
          <Menu.Item
            leftSection={<IconPlus size={14} />}
            disabled={node.retired}
            onClick={() => onDialog({ kind: 'add', parent: node })}
          >
            Add {TAXONOMY_LEVEL_LABELS[childLevel].toLowerCase()}
          </Menu.Item>
        ) : null}
        <Menu.Item
          leftSection={<IconPencil size={14} />}
          onClick={() => onDialog({ kind: 'rename', node })}
        >
          Rename
        </Menu.Item>
        {node.level !== 'category' ? (
          <Menu.Item
            leftSection={<IconArrowsMove size={14} />}
            onClick={() => onDialog({ kind: 'move', node })}
          >
            Move…
          </Menu.Item>
        ) : null}
        {merged ? null : (
          <Menu.Item
            leftSection={node.deprecated ? <IconRestore size={14} /> : <IconArchive size={14} />}
            onClick={() => onDialog({ kind: 'deprecate', node })}
          >
            {node.deprecated ? 'Restore' : 'Deprecate'}
          </Menu.Item>
        )}
        {merged ? null : (
          <Menu.Item
            leftSection={<IconArrowMerge size={14} />}
            color="red"
            onClick={() => onDialog({ kind: 'merge', node })}
          >
            Merge into…
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
