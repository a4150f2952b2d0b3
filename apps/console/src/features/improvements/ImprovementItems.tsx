import { Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { describeError, ListPagination, ListQueryState } from '@switchboard/ui';
import { type RouterOutputs, useTRPC } from '@switchboard/ui/trpc';
import { IconBulb } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ImprovementStatusBadge } from './ImprovementBadges.tsx';
import {
  improvementStatusOf,
  KIND_LABELS,
  kindOf,
  STATUS_OPTIONS,
  type StatusFilter,
  statusFilterOf,
} from './improvement-options.ts';
import { rootCauseLabel } from './root-cause-options.ts';

type ImprovementRow = RouterOutputs['improvements']['list']['items'][number];

const PAGE_SIZE = 20;
const FILTER_OPTIONS = [
  { value: 'active', label: 'Active (proposed, planned, in progress)' },
  { value: 'all', label: 'All' },
  ...STATUS_OPTIONS,
];

export interface ImprovementItemsProps {
  status: StatusFilter;
  page: number;
  onStatusChange: (status: StatusFilter) => void;
  onPageChange: (page: number) => void;
  /** Leads and admins move items on; trainers read. */
  mayEdit: boolean;
}

/** Fixes for recurring themes, tracked to done. */
export function ImprovementItems({
  status,
  page,
  onStatusChange,
  onPageChange,
  mayEdit,
}: ImprovementItemsProps) {
  const trpc = useTRPC();
  const items = useQuery({
    ...trpc.improvements.list.queryOptions({
      status,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack gap="sm" component="section" aria-labelledby="improvement-items-title">
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h3" id="improvement-items-title">
          Improvement items
        </Title>
        <Select
          label="Status"
          w={300}
          data={FILTER_OPTIONS}
          allowDeselect={false}
          value={status}
          onChange={(value) => onStatusChange(statusFilterOf(value ?? undefined))}
        />
      </Group>
      <Paper p={0} style={{ overflow: 'hidden' }}>
        <ListQueryState
          query={items}
          loadingLabel="Loading improvement items"
          empty={{
            icon: <IconBulb />,
            title: 'No improvement items',
            description: 'Add one from a theme above: what will be done, by whom, by when.',
          }}
        >
          {(rows) => (
            <Table.ScrollContainer minWidth={900}>
              <Table aria-label="Improvement items">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Item</Table.Th>
                    <Table.Th>Kind</Table.Th>
                    <Table.Th>Theme</Table.Th>
                    <Table.Th>Owner</Table.Th>
                    <Table.Th>Due</Table.Th>
                    <Table.Th>Status</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((item) => (
                    <ImprovementRowView key={item.id} item={item} mayEdit={mayEdit} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </ListQueryState>
      </Paper>
      {items.data ? (
        <ListPagination
          page={page}
          pageSize={PAGE_SIZE}
          total={items.data.total}
          onChange={onPageChange}
        />
      ) : null}
    </Stack>
  );
}

function ImprovementRowView({ item, mayEdit }: { item: ImprovementRow; mayEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const setStatus = useMutation(
    trpc.improvements.setStatus.mutationOptions({
      onSuccess: () =>
        void queryClient.invalidateQueries({ queryKey: trpc.improvements.pathKey() }),
      onError: (error) =>
        notifications.show({
          color: 'red',
          title: 'Status not changed',
          message: describeError(error),
        }),
    }),
  );
  const kind = kindOf(item.kind);
  const status = improvementStatusOf(item.status);
  return (
    <Table.Tr>
      <Table.Td maw={320}>
        <Text size="sm" fw={500}>
          {item.title}
        </Text>
        {item.notes ? (
          <Text size="xs" c="dimmed" lineClamp={2}>
            {item.notes}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{kind ? KIND_LABELS[kind] : item.kind}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{item.requestTypeName ?? item.requestTypeCode ?? 'Any request type'}</Text>
        <Text size="xs" c="dimmed">
          {rootCauseLabel(item.rootCauseCode)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{item.ownerName}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" c={item.dueDate ? undefined : 'dimmed'}>
          {item.dueDate ?? '—'}
        </Text>
      </Table.Td>
      <Table.Td>
        {mayEdit ? (
          <Select
            aria-label={`Status of ${item.title}`}
            size="xs"
            w={150}
            data={STATUS_OPTIONS}
            allowDeselect={false}
            value={status}
            disabled={setStatus.isPending}
            onChange={(value) => {
              const next = improvementStatusOf(value);
              if (next && next !== status)
                setStatus.mutate({ improvementId: item.id, status: next, note: '' });
            }}
          />
        ) : (
          <ImprovementStatusBadge status={item.status} />
        )}
      </Table.Td>
    </Table.Tr>
  );
}
