import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Code,
  Grid,
  Group,
  List,
  Loader,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { type FormErrors, schemaResolver, useForm } from '@mantine/form';
import {
  type AssignmentMode,
  AUDIENCES,
  type Audience,
  CHANNELS,
  type Channel,
  type InboxChoice,
  type RuleStatus,
  routingMessageSchema,
  type SkipReason,
} from '@switchboard/domain';
import {
  AUDIENCE_LABELS,
  CHANNEL_LABELS,
  describeError,
  EmptyState,
  PriorityBadge,
} from '@switchboard/ui';
import { type RouterInputs, type RouterOutputs, useTRPC } from '@switchboard/ui/trpc';
import { IconChevronDown, IconChevronRight, IconFlask, IconRoute } from '@tabler/icons-react';
import { keepPreviousData, skipToken, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';

type SimulationInput = RouterInputs['routing']['simulate'];
type Simulation = RouterOutputs['routing']['simulate'];
type Explanation = Simulation['explanations'][number];
type Assignment = NonNullable<Simulation['assignment']>;

/** The simulator form; dates as `datetime-local` values, in the browser's time zone. */
interface MessageFormValues {
  channel: Channel;
  audience: Audience;
  cityCode: string | null;
  locale: string;
  text: string;
  vip: boolean;
  newDriver: boolean;
  bookingAt: string;
  receivedAt: string;
  insideBusinessHours: boolean;
}

const LOCAL_INPUT_FORMAT = 'YYYY-MM-DDTHH:mm';

const STATUS_BADGES: Record<RuleStatus, { label: string; color: string }> = {
  matched: { label: 'Matched', color: 'teal' },
  not_matched: { label: 'Not matched', color: 'gray' },
  disabled: { label: 'Disabled', color: 'dark' },
  not_reached: { label: 'Not reached', color: 'yellow' },
};

const INBOX_CHOICE_LABELS: Record<InboxChoice, string> = {
  rule_inbox: 'Inbox set by a rule',
  rule_team: 'Team set by a rule',
  audience_city_default: 'Default inbox for audience and city',
};

const POLICY_LABELS: Record<AssignmentMode, string> = {
  manual: 'Manual',
  round_robin: 'Round robin',
  least_loaded: 'Least loaded',
};

const SKIP_REASON_LABELS: Record<SkipReason, string> = {
  excluded: 'Excluded',
  not_certified: 'Not certified',
  missing_skill: 'Missing skill',
  missing_language: 'Does not speak the language',
  away: 'Away',
  offline: 'Offline',
  no_channel: 'Does not take this channel',
  at_capacity: 'At capacity',
  passed_over: 'Passed over',
};

/** Where the schema reports a problem → the form field that holds it. */
const FORM_FIELD_OF: Record<string, keyof MessageFormValues> = {
  booking: 'bookingAt',
  'booking.scheduledAt': 'bookingAt',
  'contact.vip': 'vip',
  'contact.newDriver': 'newDriver',
};

function dateOf(local: string): Date {
  // An empty or partial value becomes an invalid date, which the schema refuses by name.
  return new Date(local.trim() === '' ? Number.NaN : local);
}

function messageOf(values: MessageFormValues): SimulationInput {
  return {
    channel: values.channel,
    audience: values.audience,
    cityCode: values.cityCode,
    locale: values.locale.trim() || null,
    text: values.text,
    contact: { vip: values.vip, newDriver: values.newDriver },
    booking: values.bookingAt.trim() ? { scheduledAt: dateOf(values.bookingAt) } : null,
    receivedAt: dateOf(values.receivedAt),
    insideBusinessHours: values.insideBusinessHours,
  };
}

const validateMessage = schemaResolver(routingMessageSchema, { sync: true });

function validate(values: MessageFormValues): FormErrors {
  const errors: FormErrors = {};
  for (const [path, message] of Object.entries(validateMessage(messageOf(values)))) {
    errors[FORM_FIELD_OF[path] ?? path] ??= message;
  }
  return errors;
}

function sameInput(a: SimulationInput | null, b: SimulationInput): boolean {
  return a !== null && JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The rule simulator: a message as intake would see it, run against the live rules and the
 * inbox's assignment policy, with every rule's verdict and why. Writes nothing.
 */
export function SimulatorPage() {
  const trpc = useTRPC();
  const [submitted, setSubmitted] = useState<SimulationInput | null>(null);
  const catalogue = useQuery(trpc.conversations.filterOptions.queryOptions());
  const simulation = useQuery({
    ...trpc.routing.simulate.queryOptions(submitted ?? skipToken),
    placeholderData: keepPreviousData,
  });
  const form = useForm<MessageFormValues>({
    mode: 'controlled',
    initialValues: {
      channel: 'chat',
      audience: 'guest',
      cityCode: null,
      locale: '',
      text: '',
      vip: false,
      newDriver: false,
      bookingAt: '',
      receivedAt: dayjs().format(LOCAL_INPUT_FORMAT),
      insideBusinessHours: true,
    },
    validate,
  });
  const cityOptions = (catalogue.data?.cities ?? []).map((city) => ({
    value: city.code,
    label: `${city.name} (${city.code})`,
  }));
  const values = form.getValues();

  const run = (formValues: MessageFormValues) => {
    const input = messageOf(formValues);
    // The same message again (say, after editing a rule) asks the server again.
    if (sameInput(submitted, input)) void simulation.refetch();
    else setSubmitted(input);
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            Routing simulator
          </Title>
          <Text c="dimmed" size="sm" maw={760}>
            Describe a message and see what the live rules would do with it: which rules match and
            why, where it lands and who would get it. Nothing is created or assigned.
          </Text>
        </div>
        <Button
          component={Link}
          to="/routing/rules"
          variant="default"
          leftSection={<IconRoute size={16} />}
        >
          Routing rules
        </Button>
      </Group>
      <Grid gap="md" align="flex-start">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper withBorder p="md">
            <form noValidate onSubmit={form.onSubmit(run)} aria-label="Message to simulate">
              <Stack gap="sm">
                <Select
                  label="Channel"
                  data={CHANNELS.map((channel) => ({
                    value: channel,
                    label: CHANNEL_LABELS[channel],
                  }))}
                  allowDeselect={false}
                  value={values.channel}
                  onChange={(channel) =>
                    form.setFieldValue(
                      'channel',
                      CHANNELS.find((known) => known === channel) ?? 'chat',
                    )
                  }
                />
                <Stack gap={4}>
                  <Text size="sm" fw={500} id="simulator-audience-label">
                    Audience
                  </Text>
                  <SegmentedControl
                    aria-labelledby="simulator-audience-label"
                    data={AUDIENCES.map((audience) => ({
                      value: audience,
                      label: AUDIENCE_LABELS[audience],
                    }))}
                    value={values.audience}
                    onChange={(audience) =>
                      form.setFieldValue('audience', audience === 'driver' ? 'driver' : 'guest')
                    }
                  />
                </Stack>
                <Select
                  label="City"
                  placeholder="Unknown city"
                  data={cityOptions}
                  searchable
                  clearable
                  {...form.getInputProps('cityCode')}
                />
                <TextInput
                  label="Locale"
                  placeholder="pt-BR"
                  description="The contact’s language tag; empty when unknown"
                  {...form.getInputProps('locale')}
                />
                <Textarea
                  label="Message text"
                  placeholder="My driver didn’t show up at the airport"
                  rows={4}
                  resize="vertical"
                  {...form.getInputProps('text')}
                />
                <Group>
                  <Checkbox label="VIP" {...form.getInputProps('vip', { type: 'checkbox' })} />
                  <Checkbox
                    label="New driver"
                    {...form.getInputProps('newDriver', { type: 'checkbox' })}
                  />
                </Group>
                <TextInput
                  type="datetime-local"
                  label="Trip booked for"
                  description="Leave empty for a message without a booking"
                  {...form.getInputProps('bookingAt')}
                />
                <TextInput
                  type="datetime-local"
                  label="Received at"
                  {...form.getInputProps('receivedAt')}
                />
                <Switch
                  label="Inside business hours"
                  {...form.getInputProps('insideBusinessHours', { type: 'checkbox' })}
                />
                <Button
                  type="submit"
                  leftSection={<IconFlask size={16} />}
                  loading={simulation.isFetching}
                >
                  Simulate
                </Button>
              </Stack>
            </form>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          {submitted === null ? (
            <Paper withBorder>
              <EmptyState
                icon={<IconFlask />}
                title="Nothing simulated yet"
                description="Fill in the message and press Simulate to see every rule’s verdict."
              />
            </Paper>
          ) : simulation.isPending ? (
            <Group justify="center" p="xl">
              <Loader aria-label="Simulating" />
            </Group>
          ) : simulation.isError ? (
            <Alert color="red" title="Could not simulate this message">
              {describeError(simulation.error)}
            </Alert>
          ) : (
            <SimulationResult simulation={simulation.data} />
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function SimulationResult({ simulation }: { simulation: Simulation }) {
  return (
    <Stack gap="md">
      <Paper withBorder p="md" component="section" aria-label="Result">
        <Stack gap="md">
          <Title order={2} size="h4">
            Where it goes
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Fact label="Inbox">
              <Text size="sm" fw={500}>
                {simulation.inbox.name} <Code>{simulation.inbox.code}</Code>
              </Text>
              <Badge size="xs" variant="light" mt={4}>
                {INBOX_CHOICE_LABELS[simulation.inbox.choice]}
              </Badge>
              <Text size="xs" c="dimmed" mt={4}>
                {simulation.inbox.note}
              </Text>
            </Fact>
            <Fact label="Request type">
              {simulation.requestType ? (
                <Text size="sm" fw={500}>
                  {simulation.requestType.name} <Code>{simulation.requestType.code}</Code>
                </Text>
              ) : (
                <Text size="sm" c="dimmed">
                  None: the agent sets it
                </Text>
              )}
            </Fact>
            <Fact label="Priority">
              <PriorityBadge priority={simulation.priority} />
            </Fact>
            <Fact label="Tags">
              {simulation.tags.length > 0 ? (
                <Group gap={4}>
                  {simulation.tags.map((tag) => (
                    <Badge key={tag} variant="default" size="sm">
                      {tag}
                    </Badge>
                  ))}
                </Group>
              ) : (
                <Text size="sm" c="dimmed">
                  None
                </Text>
              )}
            </Fact>
            {simulation.outcome.autoReplies.length > 0 ? (
              <Fact label="Auto-reply">
                {simulation.outcome.autoReplies.map((reply) => (
                  <Text key={reply} size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {reply}
                  </Text>
                ))}
              </Fact>
            ) : null}
            <Fact label="Assignment">
              <AssignmentFact assignment={simulation.assignment} />
            </Fact>
          </SimpleGrid>
        </Stack>
      </Paper>
      <RuleTrace explanations={simulation.explanations} />
      {simulation.assignment && simulation.assignment.choice.skipped.length > 0 ? (
        <SkippedAgents skipped={simulation.assignment.choice.skipped} />
      ) : null}
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} mb={4}>
        {label}
      </Text>
      {children}
    </div>
  );
}

function AssignmentFact({ assignment }: { assignment: Simulation['assignment'] }) {
  if (!assignment) {
    return (
      <Text size="sm" c="dimmed">
        No preview: the inbox could not be read
      </Text>
    );
  }
  const policy = (
    <Text size="xs" c="dimmed">
      Policy: {POLICY_LABELS[assignment.policy.mode]}
    </Text>
  );
  if (assignment.choice.ok) {
    return (
      <Stack gap={2}>
        <Text size="sm" fw={500}>
          {assignment.agentName ?? 'An agent'}
        </Text>
        <Text size="sm">{assignment.choice.reason}</Text>
        {policy}
      </Stack>
    );
  }
  return (
    <Stack gap={2}>
      <Text size="sm" fw={500} c="orange">
        Nobody would get it
      </Text>
      <Text size="sm">{assignment.choice.explanation}</Text>
      {policy}
    </Stack>
  );
}

function RuleTrace({ explanations }: { explanations: Explanation[] }) {
  // Matched rules open with their conditions shown: they are what the lead came to check.
  const [expanded, setExpanded] = useState(
    () =>
      new Set(explanations.filter((rule) => rule.status === 'matched').map((rule) => rule.ruleId)),
  );
  const toggle = (ruleId: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(ruleId)) next.delete(ruleId);
      else next.add(ruleId);
      return next;
    });

  return (
    <Paper withBorder p={0} component="section" aria-label="Rule by rule">
      <Title order={2} size="h4" p="md" pb="xs">
        Rule by rule
      </Title>
      {explanations.length === 0 ? (
        <Text size="sm" c="dimmed" px="md" pb="md">
          There are no routing rules: the message goes to the audience’s inbox for the city.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={700}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40}>#</Table.Th>
                <Table.Th>Rule</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>What happened</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Conditions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {explanations.map((rule) => (
                <TraceRows
                  key={rule.ruleId}
                  rule={rule}
                  expanded={expanded.has(rule.ruleId)}
                  onToggle={() => toggle(rule.ruleId)}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

function TraceRows({
  rule,
  expanded,
  onToggle,
}: {
  rule: Explanation;
  expanded: boolean;
  onToggle: () => void;
}) {
  const badge = STATUS_BADGES[rule.status];
  const conditionsId = `trace-conditions-${rule.ruleId}`;
  return (
    <>
      <Table.Tr aria-label={`Rule ${rule.position}: ${rule.name}`}>
        <Table.Td>{rule.position}</Table.Td>
        <Table.Td>
          <Text size="sm" fw={500}>
            {rule.name}
          </Text>
        </Table.Td>
        <Table.Td>
          <Badge color={badge.color} variant="light">
            {badge.label}
          </Badge>
        </Table.Td>
        <Table.Td>
          <Text size="sm">{rule.summary}</Text>
        </Table.Td>
        <Table.Td ta="right">
          {rule.conditions.length > 0 ? (
            <Button
              size="compact-xs"
              variant="subtle"
              leftSection={
                expanded ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />
              }
              aria-expanded={expanded}
              aria-controls={expanded ? conditionsId : undefined}
              aria-label={`Conditions of ${rule.name}`}
              onClick={onToggle}
            >
              {rule.conditions.length} condition{rule.conditions.length === 1 ? '' : 's'}
            </Button>
          ) : (
            <Text size="xs" c="dimmed">
              No conditions
            </Text>
          )}
        </Table.Td>
      </Table.Tr>
      {expanded && rule.conditions.length > 0 ? (
        <Table.Tr id={conditionsId}>
          <Table.Td />
          <Table.Td colSpan={4}>
            <List
              size="sm"
              spacing={2}
              listStyleType="none"
              aria-label={`Conditions of ${rule.name}`}
            >
              {rule.conditions.map((condition) => (
                <List.Item key={condition.index}>
                  <Text span c={condition.held ? 'teal' : 'red'} fw={700} aria-hidden>
                    {condition.held ? '✓' : '✗'}
                  </Text>{' '}
                  <VisuallyHidden>{condition.held ? 'Holds:' : 'Does not hold:'}</VisuallyHidden>{' '}
                  {condition.sentence}
                </List.Item>
              ))}
            </List>
          </Table.Td>
        </Table.Tr>
      ) : null}
    </>
  );
}

function SkippedAgents({ skipped }: { skipped: Assignment['choice']['skipped'] }) {
  return (
    <Paper withBorder p={0} component="section" aria-label="Agents not picked">
      <Title order={2} size="h4" p="md" pb="xs">
        Agents not picked
      </Title>
      <Table.ScrollContainer minWidth={600}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Agent</Table.Th>
              <Table.Th>Why</Table.Th>
              <Table.Th>Detail</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {skipped.map((agent) => (
              <Table.Tr key={agent.agentId}>
                <Table.Td>
                  <Text size="sm">{agent.name}</Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={agent.reason === 'passed_over' ? 'gray' : 'orange'}>
                    {SKIP_REASON_LABELS[agent.reason]}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{agent.detail}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
