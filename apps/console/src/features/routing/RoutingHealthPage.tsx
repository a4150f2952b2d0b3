import {
  Anchor,
  Badge,
  Button,
  Group,
  List,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import {
  type AccuracyFigure,
  hygieneInputSchema,
  misrouteListInputSchema,
} from '@switchboard/domain';
import {
  describeError,
  EmptyState,
  ErrorState,
  formatDateTime,
  formatRelativeTime,
  ListPagination,
  ListQueryState,
  TableSkeleton,
} from '@switchboard/ui';
import { type RouterOutputs, useTRPC } from '@switchboard/ui/trpc';
import { IconArrowRight, IconCircleCheck, IconRouteOff } from '@tabler/icons-react';
import { keepPreviousData, type UseQueryResult, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { useListParams } from '../../lib/use-list-params.ts';

const PAGE_SIZE = 25;
const PARAMS = ['from', 'to', 'ruleId'] as const;
const PERIOD_DAYS = [7, 30, 90] as const;
const DEFAULT_DAYS = 30;
/** The URL carries whole days: `from` and `to` both included. */
const DAY_FORMAT = 'YYYY-MM-DD';
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const MAX_PERIOD_DAYS = 366;
const DEFAULT_UNASSIGNED_MINUTES = 30;
const unassignedMinutesSchema = hygieneInputSchema.shape.unassignedMinutes;
const ruleIdSchema = misrouteListInputSchema.shape.ruleId;

type Accuracy = RouterOutputs['routing']['accuracy'];
type Hygiene = RouterOutputs['routing']['hygiene'];

const percent = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 });
const count = new Intl.NumberFormat('en');
const dayLabel = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });
const dayLabelWithYear = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

interface Period {
  /** First day, included (YYYY-MM-DD). */
  from: string;
  /** Last day, included (YYYY-MM-DD). */
  to: string;
}

/** The last `days` days, today included. */
function lastDays(days: number, today = dayjs()): Period {
  return {
    from: today.subtract(days - 1, 'day').format(DAY_FORMAT),
    to: today.format(DAY_FORMAT),
  };
}

/** The period in the URL when it is a real one, else the last 30 days. */
function periodOf(from: string | undefined, to: string | undefined): Period {
  if (!from || !to || !DAY_PATTERN.test(from) || !DAY_PATTERN.test(to)) {
    return lastDays(DEFAULT_DAYS);
  }
  const start = dayjs(from);
  const end = dayjs(to);
  // A day that does not exist (2026-02-30) parses to another one: refuse it.
  if (start.format(DAY_FORMAT) !== from || end.format(DAY_FORMAT) !== to || end.isBefore(start)) {
    return lastDays(DEFAULT_DAYS);
  }
  if (end.diff(start, 'day') + 1 > MAX_PERIOD_DAYS) return lastDays(DEFAULT_DAYS);
  return { from: start.format(DAY_FORMAT), to: end.format(DAY_FORMAT) };
}

/** The instants the server takes: from the start of the first day to the end of the last. */
function bounds(period: Period): { from: Date; to: Date } {
  return {
    from: dayjs(period.from).startOf('day').toDate(),
    to: dayjs(period.to).add(1, 'day').startOf('day').toDate(),
  };
}

/** "14 Feb – 15 Mar 2026", or with `joiner` "from 14 Feb to 15 Mar 2026". */
function describePeriod(period: Period, joiner?: [string, string]): string {
  const from = dayjs(period.from).toDate();
  const to = dayjs(period.to).toDate();
  const first =
    from.getFullYear() === to.getFullYear() ? dayLabel.format(from) : dayLabelWithYear.format(from);
  const last = dayLabelWithYear.format(to);
  return joiner ? `${joiner[0]} ${first} ${joiner[1]} ${last}` : `${first} – ${last}`;
}

function formatAccuracy(accuracy: number | null): string {
  return accuracy === null ? '—' : percent.format(accuracy);
}

function accuracyColor(accuracy: number | null): string | undefined {
  if (accuracy === null) return 'dimmed';
  if (accuracy >= 0.9) return 'teal';
  if (accuracy >= 0.75) return 'yellow.8';
  return 'red';
}

/** "45 min", "2 h 5 min", "3 d 4 h": how long something has waited. */
function formatWaiting(since: Date, now = new Date()): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - since.getTime()) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

/** Loading, failure with a retry, or the answer, the same way for every section. */
function QueryState<Data>({
  query,
  label,
  children,
}: {
  query: UseQueryResult<Data, unknown>;
  label: string;
  children: (data: Data) => ReactNode;
}) {
  if (query.isPending) return <TableSkeleton rows={3} label={label} />;
  if (query.isError) {
    return <ErrorState message={describeError(query.error)} onRetry={() => void query.refetch()} />;
  }
  return children(query.data);
}

/**
 * How well routing works over a period: accuracy overall, per rule and per inbox, the
 * conversations that had to be transferred (with why), and what needs tidying — unused tags,
 * silent rules, unstaffed inboxes and queues left waiting.
 */
export function RoutingHealthPage() {
  const trpc = useTRPC();
  const { values, page, update } = useListParams(PARAMS);
  const period = periodOf(values.from, values.to);
  const range = bounds(period);
  const ruleId = ruleIdSchema.safeParse(values.ruleId).data;
  const preset = PERIOD_DAYS.find((days) => {
    const candidate = lastDays(days);
    return candidate.from === period.from && candidate.to === period.to;
  });

  const accuracy = useQuery({
    ...trpc.routing.accuracy.queryOptions(range),
    placeholderData: keepPreviousData,
  });
  const misroutes = useQuery({
    ...trpc.routing.misroutes.queryOptions({
      ...range,
      ruleId,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  });

  const periodText = describePeriod(period);
  /** "between 14 Feb and 15 Mar 2026", for sentences. */
  const periodProse = describePeriod(period, ['between', 'and']);
  const periodOptions = [
    ...PERIOD_DAYS.map((days) => ({ value: String(days), label: `Last ${days} days` })),
    ...(preset === undefined ? [{ value: 'custom', label: periodText }] : []),
  ];
  const ruleNames = new Map(
    (accuracy.data?.byRule ?? []).map((rule) => [rule.ruleId, rule.name ?? 'Deleted rule']),
  );

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            Routing health
          </Title>
          <Text c="dimmed" size="sm" maw={760}>
            How well the rules place conversations, where they go wrong, and what in the routing
            setup needs tidying.
          </Text>
        </div>
        <Stack gap={4} align="flex-end">
          <SegmentedControl
            aria-label="Period"
            data={periodOptions}
            value={preset === undefined ? 'custom' : String(preset)}
            onChange={(value) => {
              const days = PERIOD_DAYS.find((known) => String(known) === value);
              if (days) update(lastDays(days));
            }}
          />
          <Text size="xs" c="dimmed">
            {periodText}
          </Text>
        </Stack>
      </Group>

      <Section
        id="routing-accuracy"
        title="Accuracy"
        description="Routed conversations resolved where they landed, without a transfer to another inbox or team. Conversations still open count against it until they close, so recent figures settle over time."
      >
        <QueryState query={accuracy} label="Loading accuracy">
          {(data) => (
            <AccuracySection
              data={data}
              periodProse={periodProse}
              onShowMisroutes={(id) => update({ ruleId: id })}
            />
          )}
        </QueryState>
      </Section>

      <Section
        id="routing-misroutes"
        title="Misroutes"
        description="Routed conversations that were later transferred, newest first, with the reason given. Fix the rules from these."
        aside={
          <Select
            label="Rule"
            placeholder="Every rule"
            data={[
              ...[...ruleNames].map(([id, name]) => ({ value: id, label: name })),
              ...(ruleId && !ruleNames.has(ruleId)
                ? [{ value: ruleId, label: 'Unknown rule' }]
                : []),
            ]}
            value={ruleId ?? null}
            onChange={(value) => update({ ruleId: value ?? undefined })}
            clearable
            searchable
            w={260}
          />
        }
      >
        <ListQueryState
          query={misroutes}
          loadingLabel="Loading misroutes"
          empty={
            ruleId
              ? {
                  icon: <IconCircleCheck />,
                  title: 'No misroutes for this rule',
                  description: `No conversation that “${ruleNames.get(ruleId) ?? 'this rule'}” matched ${periodProse} was transferred afterwards.`,
                  action: (
                    <Button variant="default" onClick={() => update({ ruleId: undefined })}>
                      Show every rule
                    </Button>
                  ),
                }
              : {
                  icon: <IconCircleCheck />,
                  title: 'No misroutes in this period',
                  description: `No conversation routed ${periodProse} was transferred afterwards.`,
                }
          }
        >
          {(items) => <MisrouteTable items={items} ruleNames={ruleNames} />}
        </ListQueryState>
        {misroutes.data && misroutes.data.total > 0 ? (
          <Paper p="sm" pt={0} bg="transparent">
            <ListPagination
              page={page}
              pageSize={PAGE_SIZE}
              total={misroutes.data.total}
              onChange={(next) => update({ page: next })}
            />
          </Paper>
        ) : null}
      </Section>

      <HygieneSection since={range.from} periodProse={periodProse} />
    </Stack>
  );
}

function Section({
  id,
  title,
  description,
  aside,
  children,
}: {
  id: string;
  title: string;
  description: string;
  aside?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p={0} component="section" aria-labelledby={id} style={{ overflow: 'hidden' }}>
      <Group justify="space-between" align="flex-end" p="md" pb="xs">
        <div>
          <Title order={2} size="h4" id={id}>
            {title}
          </Title>
          <Text size="sm" c="dimmed" maw={760}>
            {description}
          </Text>
        </div>
        {aside}
      </Group>
      {children}
    </Paper>
  );
}

function Stat({ label, value, hint }: { label: string; value: number; hint: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={600}>
        {count.format(value)}
      </Text>
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
    </div>
  );
}

function AccuracySection({
  data,
  periodProse,
  onShowMisroutes,
}: {
  data: Accuracy;
  periodProse: string;
  onShowMisroutes: (ruleId: string) => void;
}) {
  const { overall } = data;
  if (overall.routed === 0) {
    return (
      <EmptyState
        icon={<IconRouteOff />}
        title="Nothing was routed in this period"
        description={`No new conversation went through routing ${periodProse}, so there is no accuracy to measure yet. Try a longer period.`}
      />
    );
  }
  return (
    <Stack gap="md" pb="md">
      <Group gap="xl" px="md" align="center">
        <div>
          <Text
            fz={48}
            fw={700}
            lh={1}
            c={accuracyColor(overall.accuracy)}
            aria-label={`Overall accuracy ${formatAccuracy(overall.accuracy)}`}
          >
            {formatAccuracy(overall.accuracy)}
          </Text>
          <Text size="sm" c="dimmed">
            routed accurately
          </Text>
        </div>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xl" style={{ flex: 1 }}>
          <Stat label="Routed" value={overall.routed} hint="conversations in the period" />
          <Stat label="Accurate" value={overall.accurate} hint="resolved where they landed" />
          <Stat label="Transferred" value={overall.transferred} hint="moved to another inbox" />
          <Stat label="Open" value={overall.open} hint="not settled yet" />
        </SimpleGrid>
      </Group>

      <Stack gap={4}>
        <Title order={3} size="h5" px="md">
          By rule
        </Title>
        {data.byRule.length === 0 ? (
          <Text size="sm" c="dimmed" px="md">
            No rule matched a conversation in this period: every conversation went to its default
            inbox.
          </Text>
        ) : (
          <FigureTable
            label="Accuracy by rule"
            heading="Rule"
            rows={data.byRule.map((rule) => ({
              key: rule.ruleId,
              figure: rule,
              name: rule.name ? (
                <Anchor component={Link} to="/routing/rules" size="sm" fw={500}>
                  {rule.name}
                </Anchor>
              ) : (
                <Text size="sm" c="dimmed">
                  Deleted rule
                </Text>
              ),
              action:
                rule.transferred > 0 ? (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    aria-label={`Show misroutes of ${rule.name ?? 'the deleted rule'}`}
                    onClick={() => onShowMisroutes(rule.ruleId)}
                  >
                    Misroutes
                  </Button>
                ) : null,
            }))}
          />
        )}
      </Stack>

      <Stack gap={4}>
        <Title order={3} size="h5" px="md">
          By inbox
        </Title>
        <Text size="xs" c="dimmed" px="md">
          The inbox routing first chose.
        </Text>
        <FigureTable
          label="Accuracy by inbox"
          heading="Inbox"
          rows={data.byInbox.map((inbox) => ({
            key: inbox.inboxId,
            figure: inbox,
            name: inbox.name ? (
              <Anchor component={Link} to={`/inboxes/${inbox.inboxId}`} size="sm" fw={500}>
                {inbox.name}
              </Anchor>
            ) : (
              <Text size="sm" c="dimmed">
                Deleted inbox
              </Text>
            ),
            action: null,
          }))}
        />
      </Stack>
    </Stack>
  );
}

interface FigureRow {
  key: string;
  name: ReactNode;
  figure: AccuracyFigure;
  action: ReactNode;
}

function FigureTable({
  label,
  heading,
  rows,
}: {
  label: string;
  heading: string;
  rows: FigureRow[];
}) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{heading}</Table.Th>
            <Table.Th ta="right">Accuracy</Table.Th>
            <Table.Th ta="right">Routed</Table.Th>
            <Table.Th ta="right">Accurate</Table.Th>
            <Table.Th ta="right">Transferred</Table.Th>
            <Table.Th ta="right">Open</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(({ key, name, figure, action }) => (
            <Table.Tr key={key}>
              <Table.Td>{name}</Table.Td>
              <Table.Td ta="right">
                <Text size="sm" fw={600} c={accuracyColor(figure.accuracy)}>
                  {formatAccuracy(figure.accuracy)}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{count.format(figure.routed)}</Table.Td>
              <Table.Td ta="right">{count.format(figure.accurate)}</Table.Td>
              <Table.Td ta="right">{count.format(figure.transferred)}</Table.Td>
              <Table.Td ta="right">{count.format(figure.open)}</Table.Td>
              <Table.Td ta="right">{action}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

type MisrouteRow = RouterOutputs['routing']['misroutes']['items'][number];

function MisrouteTable({
  items,
  ruleNames,
}: {
  items: MisrouteRow[];
  ruleNames: Map<string, string>;
}) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table aria-label="Misroutes">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Conversation</Table.Th>
            <Table.Th>Routed to → transferred to</Table.Th>
            <Table.Th>Reason</Table.Th>
            <Table.Th>Rules that matched</Table.Th>
            <Table.Th>Transferred</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => {
            const at = new Date(item.transferredAt);
            return (
              <Table.Tr key={item.conversationId}>
                <Table.Td>
                  {/* The workspace is served beside the console; agents' view of the case. */}
                  <Anchor
                    href={`/workspace/conversations/${item.conversationId}`}
                    target="_blank"
                    size="xs"
                    aria-label={`Open conversation #${item.number} in the workspace`}
                  >
                    #{item.number}
                  </Anchor>
                  <Text size="sm" fw={500} lineClamp={1}>
                    {item.subject}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm">{item.routedInbox ?? 'A deleted inbox'}</Text>
                    <IconArrowRight size={14} aria-label="then" />
                    <Text size="sm">{item.transferredTo ?? 'Another team'}</Text>
                  </Group>
                </Table.Td>
                <Table.Td maw={320}>
                  {item.reason ? (
                    <Text size="sm">{item.reason}</Text>
                  ) : (
                    <Text size="sm" c="dimmed">
                      No reason given
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {item.ruleIds.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      None: default inbox
                    </Text>
                  ) : (
                    <Group gap={4}>
                      {item.ruleIds.map((id) => (
                        <Badge key={id} size="sm" variant="light" color="gray" tt="none">
                          {ruleNames.get(id) ?? 'Unknown rule'}
                        </Badge>
                      ))}
                    </Group>
                  )}
                </Table.Td>
                <Table.Td>
                  <Tooltip label={formatDateTime(at)}>
                    <Text size="sm" component="span">
                      {formatRelativeTime(at)}
                    </Text>
                  </Tooltip>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function HygieneSection({ since, periodProse }: { since: Date; periodProse: string }) {
  const trpc = useTRPC();
  const [draft, setDraft] = useState<number | string>(DEFAULT_UNASSIGNED_MINUTES);
  const [minutes, setMinutes] = useState(DEFAULT_UNASSIGNED_MINUTES);
  const apply = useDebouncedCallback((value: number) => setMinutes(value), 400);
  const checked = unassignedMinutesSchema.safeParse(draft === '' ? Number.NaN : draft);
  const hygiene = useQuery({
    ...trpc.routing.hygiene.queryOptions({ since, unassignedMinutes: minutes }),
    placeholderData: keepPreviousData,
  });

  return (
    <Section
      id="routing-hygiene"
      title="Hygiene"
      description="What in the routing setup needs tidying, and where conversations are waiting."
      aside={
        <NumberInput
          label="Unassigned longer than"
          suffix=" min"
          min={1}
          max={10_080}
          allowDecimal={false}
          allowNegative={false}
          w={200}
          value={draft}
          onChange={(value) => {
            setDraft(value);
            const next = unassignedMinutesSchema.safeParse(value === '' ? Number.NaN : value);
            if (next.success) apply(next.data);
          }}
          error={checked.success ? null : checked.error.issues[0]?.message}
        />
      }
    >
      <QueryState query={hygiene} label="Loading hygiene">
        {(data) => <HygieneLists data={data} minutes={minutes} periodProse={periodProse} />}
      </QueryState>
    </Section>
  );
}

function HygieneCard({
  title,
  description,
  count: total,
  empty,
  children,
}: {
  title: string;
  description: string;
  count: number;
  empty: string;
  children: ReactNode;
}) {
  const headingId = `hygiene-${title.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group gap="xs" justify="space-between" wrap="nowrap">
          <Title order={3} size="h5" id={headingId}>
            {title}
          </Title>
          <Badge color={total > 0 ? 'orange' : 'teal'} variant="light">
            {total}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {description}
        </Text>
        {total === 0 ? (
          <Group gap={6} wrap="nowrap">
            <IconCircleCheck size={16} color="var(--mantine-color-teal-6)" />
            <Text size="sm">{empty}</Text>
          </Group>
        ) : (
          children
        )}
      </Stack>
    </Paper>
  );
}

function HygieneLists({
  data,
  minutes,
  periodProse,
}: {
  data: Hygiene;
  minutes: number;
  periodProse: string;
}) {
  const now = new Date();
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" p="md" pt="xs">
      <HygieneCard
        title="Unused tags"
        description="Tags in use by no conversation. Deprecate them or add them to rules and macros."
        count={data.unusedTags.length}
        empty="Every tag is on at least one conversation."
      >
        <Group gap={4}>
          {data.unusedTags.map((tag) => (
            <Tooltip key={tag.code} label={tag.code}>
              <Badge variant="outline" color="gray" tt="none">
                {tag.name}
              </Badge>
            </Tooltip>
          ))}
        </Group>
      </HygieneCard>
      <HygieneCard
        title="Rules that matched nothing"
        description={`Rules created before the period that matched no conversation ${periodProse}.`}
        count={data.silentRules.length}
        empty="Every rule matched at least one conversation in this period."
      >
        <List size="sm" spacing={4}>
          {data.silentRules.map((rule) => (
            <List.Item key={rule.id}>
              <Group gap="xs" wrap="nowrap">
                <Anchor component={Link} to="/routing/rules" size="sm">
                  {rule.position + 1}. {rule.name}
                </Anchor>
                {rule.enabled ? null : (
                  <Badge size="xs" color="gray" variant="outline">
                    Disabled
                  </Badge>
                )}
              </Group>
            </List.Item>
          ))}
        </List>
      </HygieneCard>
      <HygieneCard
        title="Inboxes with nobody online"
        description="Active inboxes whose city is in business hours now and whose team has nobody online."
        count={data.unstaffedInboxes.length}
        empty="Every inbox open for business right now has someone online."
      >
        <List size="sm" spacing={4}>
          {data.unstaffedInboxes.map((inbox) => (
            <List.Item key={inbox.id}>
              <Anchor component={Link} to={`/inboxes/${inbox.id}`} size="sm">
                {inbox.name}
              </Anchor>{' '}
              <Text span size="xs" c="dimmed">
                {inbox.members === 0
                  ? 'the team has no members'
                  : `${inbox.members} ${inbox.members === 1 ? 'member' : 'members'}, none online`}
              </Text>
            </List.Item>
          ))}
        </List>
      </HygieneCard>
      <HygieneCard
        title="Long-unassigned queues"
        description={`Inboxes where open conversations have waited unassigned more than ${minutes} min, and the longest wait.`}
        count={data.longUnassigned.length}
        empty={`No open conversation has waited unassigned more than ${minutes} min.`}
      >
        <Table aria-label="Long-unassigned queues">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Inbox</Table.Th>
              <Table.Th ta="right">Waiting</Table.Th>
              <Table.Th ta="right">Oldest waiting</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.longUnassigned.map((queue) => (
              <Table.Tr key={queue.inboxId}>
                <Table.Td>
                  <Anchor component={Link} to={`/inboxes/${queue.inboxId}`} size="sm">
                    {queue.inboxName}
                  </Anchor>
                </Table.Td>
                <Table.Td ta="right">{count.format(queue.waiting)}</Table.Td>
                <Table.Td ta="right">
                  <Tooltip label={`Since ${formatDateTime(queue.oldest)}`}>
                    <Text size="sm" component="span" c="orange" fw={500}>
                      {formatWaiting(queue.oldest, now)}
                    </Text>
                  </Tooltip>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </HygieneCard>
    </SimpleGrid>
  );
}
