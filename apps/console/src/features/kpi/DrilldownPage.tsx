import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Progress,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import {
  audienceSchema,
  channelSchema,
  conversationStatusSchema,
  KPI_DRILLDOWN_LABELS,
  KPI_DRILLDOWNS,
  type KpiDrilldown,
  prioritySchema,
} from '@switchboard/domain';
import {
  AudienceBadge,
  ChannelBadge,
  ListPagination,
  ListQueryState,
  PriorityBadge,
  StatusBadge,
} from '@switchboard/ui';
import { useTRPC } from '@switchboard/ui/trpc';
import { IconArrowLeft, IconDownload, IconListSearch, IconX } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { describeFilter } from './filter-summary.ts';
import { describePeriod, formatCount, formatSeconds, NO_VALUE } from './kpi-format.ts';
import { reportFileName } from './report-csv.ts';
import { dashboardHref, drilldownOf } from './report-params.ts';
import {
  type DrilldownItem,
  EXPORT_CAP,
  useDrilldownExport,
  workspaceConversationPath,
} from './use-drilldown-export.ts';
import { useReportView } from './use-report-view.ts';

const PAGE_SIZE = 50;
const EXTRA_PARAMS = ['drilldown'] as const;
const DRILLDOWN_OPTIONS = KPI_DRILLDOWNS.map((drilldown) => ({
  value: drilldown,
  label: KPI_DRILLDOWN_LABELS[drilldown],
}));

function createdFormat(timeZone: string) {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
}

function Dimmed({ children }: { children: string }) {
  return (
    <Text size="sm" c="dimmed" span>
      {children}
    </Text>
  );
}

function DrilldownTable({ items, timeZone }: { items: DrilldownItem[]; timeZone: string }) {
  const created = createdFormat(timeZone);
  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table aria-label="Conversations" verticalSpacing="xs" horizontalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th pl="md">Conversation</Table.Th>
            <Table.Th>Audience · channel</Table.Th>
            <Table.Th>Status · priority</Table.Th>
            <Table.Th>Inbox</Table.Th>
            <Table.Th>Assignee</Table.Th>
            <Table.Th>Request type</Table.Th>
            <Table.Th>Created</Table.Th>
            <Table.Th ta="right">First response</Table.Th>
            <Table.Th ta="right">Resolution</Table.Th>
            <Table.Th ta="right" pr="md">
              CSAT
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => {
            const audience = audienceSchema.safeParse(item.audience).data;
            const channel = channelSchema.safeParse(item.channel).data;
            const status = conversationStatusSchema.safeParse(item.status).data;
            const priority = prioritySchema.safeParse(item.priority).data;
            return (
              <Table.Tr key={item.id}>
                <Table.Td maw={280} miw={180} pl="md">
                  {/* Another app on the same origin: a plain link, not the console's router. */}
                  <Anchor
                    href={workspaceConversationPath(item.id)}
                    size="sm"
                    fw={600}
                    aria-label={`Open conversation #${item.number} in the workspace`}
                  >
                    #{item.number}
                  </Anchor>
                  <Text size="sm" lineClamp={1} title={item.subject}>
                    {item.subject}
                  </Text>
                </Table.Td>
                {/* Badges ellipsise rather than widen their column: give them room. */}
                <Table.Td>
                  <Stack gap={4} align="flex-start" miw={116}>
                    {audience ? <AudienceBadge audience={audience} size="sm" /> : item.audience}
                    {channel ? <ChannelBadge channel={channel} size="sm" /> : item.channel}
                  </Stack>
                </Table.Td>
                {/* Badges ellipsise rather than widen their column: give them room. */}
                <Table.Td>
                  <Stack gap={4} align="flex-start" miw={116}>
                    {status ? <StatusBadge status={status} size="sm" /> : item.status}
                    {priority ? <PriorityBadge priority={priority} size="sm" /> : item.priority}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{item.inboxName}</Text>
                </Table.Td>
                <Table.Td>
                  {item.assigneeName ? (
                    <Text size="sm">{item.assigneeName}</Text>
                  ) : (
                    <Dimmed>Unassigned</Dimmed>
                  )}
                </Table.Td>
                <Table.Td>
                  {item.requestTypeName ? (
                    <Text size="sm">{item.requestTypeName}</Text>
                  ) : (
                    <Dimmed>Not set</Dimmed>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm">{created.format(new Date(item.createdAt))}</Text>
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {item.firstResponseBusinessSeconds === null ? (
                    <Dimmed>{NO_VALUE}</Dimmed>
                  ) : (
                    formatSeconds(item.firstResponseBusinessSeconds)
                  )}
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {item.resolutionBusinessSeconds === null ? (
                    <Dimmed>{NO_VALUE}</Dimmed>
                  ) : (
                    formatSeconds(item.resolutionBusinessSeconds)
                  )}
                </Table.Td>
                <Table.Td ta="right" pr="md" style={{ whiteSpace: 'nowrap' }}>
                  {item.csatRating === null ? (
                    <Dimmed>{NO_VALUE}</Dimmed>
                  ) : (
                    <Text size="sm" fw={600} c={item.csatRating >= 4 ? 'teal' : 'red'} span>
                      {item.csatRating} / 5
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * The conversations behind one dashboard number, with the dashboard's period and filters,
 * a page at a time from the server, each a link to the conversation in the workspace.
 */
export function DrilldownPage() {
  const trpc = useTRPC();
  const { view, values, page, update } = useReportView(EXTRA_PARAMS);
  const drilldown: KpiDrilldown = drilldownOf(values.drilldown) ?? 'created';
  const options = useQuery(trpc.kpi.filterOptions.queryOptions());
  const list = useQuery({
    ...trpc.kpi.drilldown.queryOptions({
      ...view.query,
      drilldown,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  });
  const exporter = useDrilldownExport();
  const filters = describeFilter(view.filter, options.data);
  const total = list.data?.total;

  return (
    <Stack gap="md">
      <Anchor component={Link} to={dashboardHref(view.params)} size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          Back to the dashboard
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-end" gap="md">
        <div>
          <Title order={1} size="h2">
            {KPI_DRILLDOWN_LABELS[drilldown]}
          </Title>
          <Group gap={6} mt={4}>
            <Badge variant="light" color="gray" tt="none">
              {describePeriod(view.period)} · {view.period.timeZone}
            </Badge>
            {filters.length === 0 ? (
              <Badge variant="light" color="gray" tt="none">
                Guests and drivers, everywhere
              </Badge>
            ) : (
              filters.map((part) => (
                <Badge key={part} variant="light" tt="none">
                  {part}
                </Badge>
              ))
            )}
          </Group>
        </div>
        <Group gap="sm" align="flex-end">
          <Select
            label="Show"
            data={DRILLDOWN_OPTIONS}
            value={drilldown}
            onChange={(next) => next && update({ drilldown: next })}
            allowDeselect={false}
            w={340}
            comboboxProps={{ withinPortal: true }}
          />
          <Button
            variant="default"
            leftSection={<IconDownload size={16} />}
            disabled={!total || exporter.progress !== null}
            onClick={() =>
              void exporter.start(
                { ...view.query, drilldown },
                reportFileName(`conversations-${drilldown}`, view.period),
              )
            }
          >
            Export CSV
          </Button>
        </Group>
      </Group>

      {exporter.progress ? (
        <Paper p="sm" role="status" aria-label="Export progress">
          <Group justify="space-between" mb={6}>
            <Text size="sm">
              Exporting {formatCount(exporter.progress.fetched)}
              {exporter.progress.expected > 0
                ? ` of ${formatCount(exporter.progress.expected)}`
                : ''}{' '}
              conversations…
            </Text>
            <Button
              size="compact-xs"
              variant="subtle"
              color="gray"
              leftSection={<IconX size={12} />}
              onClick={exporter.cancel}
            >
              Cancel
            </Button>
          </Group>
          <Progress
            value={
              exporter.progress.expected > 0
                ? (exporter.progress.fetched / exporter.progress.expected) * 100
                : 0
            }
            animated
            aria-label="Exported so far"
          />
        </Paper>
      ) : null}

      <Paper p={0} style={{ overflow: 'hidden' }}>
        <Group justify="space-between" px="md" py="xs">
          <Text size="sm" fw={600} aria-live="polite">
            {total === undefined
              ? 'Counting…'
              : `${formatCount(total)} conversation${total === 1 ? '' : 's'}`}
          </Text>
          {total !== undefined && total > EXPORT_CAP ? (
            <Text size="xs" c="dimmed">
              CSV export takes the first {formatCount(EXPORT_CAP)}.
            </Text>
          ) : null}
        </Group>
        <ListQueryState
          query={list}
          loadingLabel="Loading conversations"
          empty={{
            icon: <IconListSearch />,
            title: 'No conversations',
            description: 'None match this number for the period and filters.',
          }}
        >
          {(items) => <DrilldownTable items={items} timeZone={view.period.timeZone} />}
        </ListQueryState>
        {total ? (
          <Paper p="sm" withBorder={false} bg="transparent">
            <ListPagination
              page={page}
              pageSize={PAGE_SIZE}
              total={total}
              onChange={(next) => update({ page: next })}
            />
          </Paper>
        ) : null}
      </Paper>
    </Stack>
  );
}
