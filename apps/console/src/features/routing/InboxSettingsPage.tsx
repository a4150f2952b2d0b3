import {
  Alert,
  Anchor,
  Badge,
  Button,
  Code,
  Divider,
  Drawer,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { type FormErrors, schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import {
  type AssignmentPolicy,
  AVAILABILITIES,
  CHANNELS,
  type Channel,
  type ChannelCapacity,
  updateAgentRoutingInputSchema,
  updateInboxInputSchema,
} from '@switchboard/domain';
import {
  AudienceBadge,
  CHANNEL_LABELS,
  describeError,
  EmptyState,
  ErrorState,
  TableSkeleton,
  trpcErrorCode,
} from '@switchboard/ui';
import { useViewer } from '@switchboard/ui/auth';
import { type RouterOutputs, useTRPC } from '@switchboard/ui/trpc';
import {
  IconAlertTriangle,
  IconArrowLeft,
  IconInboxOff,
  IconLock,
  IconPencil,
  IconUsers,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { FormFooter } from '../../lib/FormFooter.tsx';
import { RolloutNote } from '../../lib/RolloutNote.tsx';
import { useServerErrors } from '../../lib/use-server-errors.ts';
import { AvailabilityBadge } from '../people/AvailabilityBadge.tsx';
import { useTeamOptions } from '../teams/use-team-options.ts';
import {
  assignmentModeOf,
  CHANNEL_OPTIONS,
  MODE_DESCRIPTIONS,
  MODE_OPTIONS,
} from './inbox-options.ts';

type InboxSettings = RouterOutputs['routing']['inbox'];
type Member = InboxSettings['members'][number];

const AVAILABILITY_OPTIONS = AVAILABILITIES.map((availability) => ({
  value: availability,
  label: availability.charAt(0).toUpperCase() + availability.slice(1),
}));
/** Server paths each form shows on a field; any other refusal is shown as an alert. */
const INBOX_FORM_FIELDS = [
  'name',
  'description',
  'teamId',
  'channels',
  'active',
  'assignmentPolicy',
  'rolloutNote',
];
const AGENT_FORM_FIELDS = ['channelCapacity', 'skills', 'languages', 'rolloutNote'];

/** The first error at a path or below it. */
function errorUnder(errors: FormErrors, prefix: string): string | null {
  const found = Object.entries(errors).find(
    ([path]) => path === prefix || path.startsWith(`${prefix}.`),
  );
  return found ? String(found[1]) : null;
}

/**
 * One inbox: what it takes and how it hands conversations out, and the people of the team
 * that owns it with their availability, capacity per channel, skills and languages. Team
 * leads and admins change them; trainers read them.
 */
export function InboxSettingsPage() {
  const { inboxId = '' } = useParams();
  const trpc = useTRPC();
  const viewer = useViewer();
  const canEdit = viewer.access.lead;
  const inbox = useQuery(trpc.routing.inbox.queryOptions({ id: inboxId }));

  const back = (
    <Anchor component={Link} to="/inboxes" size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} />
        All inboxes
      </Group>
    </Anchor>
  );

  if (inbox.isPending) {
    return (
      <Stack gap="md">
        {back}
        <Paper p={0}>
          <TableSkeleton label="Loading inbox" />
        </Paper>
      </Stack>
    );
  }
  if (inbox.isError) {
    const code = trpcErrorCode(inbox.error);
    return (
      <Stack gap="md">
        {back}
        <Paper>
          {code === 'NOT_FOUND' || code === 'BAD_REQUEST' ? (
            <EmptyState
              icon={<IconInboxOff />}
              title="Inbox not found"
              description="There is no inbox at this address. It may have been removed, or the link is wrong."
              action={
                <Button component={Link} to="/inboxes" variant="default">
                  All inboxes
                </Button>
              }
            />
          ) : (
            <ErrorState message={describeError(inbox.error)} onRetry={() => void inbox.refetch()} />
          )}
        </Paper>
      </Stack>
    );
  }

  const data = inbox.data;
  return (
    <Stack gap="md">
      {back}
      <div>
        <Group gap="xs" align="center">
          <Title order={1} size="h2">
            {data.name}
          </Title>
          {data.active ? null : (
            <Badge color="gray" variant="outline">
              Inactive
            </Badge>
          )}
        </Group>
        <Group gap="xs" mt={4}>
          <Code>{data.code}</Code>
          <AudienceBadge audience={data.audience} size="sm" />
          <Text size="sm" c="dimmed">
            {data.cityCode ?? 'All cities'} · owned by {data.teamName}
          </Text>
        </Group>
      </div>
      {canEdit ? null : (
        <Alert color="gray" icon={<IconLock />}>
          Read only: team leads and admins change inbox settings and agents’ routing.
        </Alert>
      )}
      <InboxSettingsForm key={data.id} inbox={data} canEdit={canEdit} />
      <MembersSection inbox={data} canEdit={canEdit} />
    </Stack>
  );
}

interface InboxFormValues {
  id: string;
  name: string;
  description: string;
  teamId: string;
  channels: Channel[];
  active: boolean;
  assignmentPolicy: AssignmentPolicy;
  rolloutNote: string;
}

function formValuesOf(inbox: InboxSettings): InboxFormValues {
  const policy = inbox.assignmentPolicy;
  return {
    id: inbox.id,
    name: inbox.name,
    description: inbox.description,
    teamId: inbox.teamId,
    channels: CHANNELS.filter((channel) => inbox.channels.includes(channel)),
    active: inbox.active,
    assignmentPolicy: {
      mode: policy.mode,
      requireSkill: policy.requireSkill ?? null,
      requireLanguage: policy.requireLanguage ?? false,
      // On unless switched off: the request type's certification is honoured by default.
      requireCertification: policy.requireCertification !== false,
      replyLimitMinutes: policy.replyLimitMinutes ?? null,
    },
    rolloutNote: '',
  };
}

function InboxSettingsForm({ inbox, canEdit }: { inbox: InboxSettings; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<InboxFormValues>({
    mode: 'controlled',
    initialValues: formValuesOf(inbox),
    validate: schemaResolver(updateInboxInputSchema, { sync: true }),
  });
  const save = useMutation(
    trpc.routing.updateInbox.mutationOptions({
      onSuccess: () => {
        const saved = { ...form.getValues(), rolloutNote: '' };
        form.setValues(saved);
        form.resetDirty(saved);
        notifications.show({ color: 'teal', message: 'Inbox settings saved' });
        void queryClient.invalidateQueries({ queryKey: trpc.routing.pathKey() });
        // The teams list shows which inboxes each team works.
        void queryClient.invalidateQueries({ queryKey: trpc.people.teams.queryKey() });
      },
    }),
  );
  const teamOptions = useTeamOptions({ id: inbox.teamId, name: inbox.teamName });
  const unplacedServerError = useServerErrors(save.error, INBOX_FORM_FIELDS, form.setErrors);
  const values = form.getValues();
  const policy = values.assignmentPolicy;
  const setPolicy = <Key extends keyof AssignmentPolicy>(key: Key, value: AssignmentPolicy[Key]) =>
    form.setFieldValue('assignmentPolicy', { ...policy, [key]: value });
  const disabled = !canEdit;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="inbox-settings-title">
      <form
        noValidate
        onSubmit={form.onSubmit((submitted) => {
          // Valid by now: parsing trims the text and drops an empty note.
          save.mutate(updateInboxInputSchema.parse(submitted));
        })}
      >
        <Stack gap="md">
          <Title order={2} size="h4" id="inbox-settings-title">
            Settings
          </Title>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <TextInput
              label="Name"
              withAsterisk={canEdit}
              disabled={disabled}
              key={form.key('name')}
              {...form.getInputProps('name')}
            />
            <MultiSelect
              label="Channels"
              description="Routing only sends this inbox conversations on these channels"
              data={CHANNEL_OPTIONS}
              disabled={disabled}
              value={values.channels}
              onChange={(picked) =>
                form.setFieldValue(
                  'channels',
                  CHANNELS.filter((channel) => picked.includes(channel)),
                )
              }
              error={errorUnder(form.errors, 'channels')}
            />
          </SimpleGrid>
          <Textarea
            label="Description"
            placeholder="What lands here"
            rows={2}
            resize="vertical"
            disabled={disabled}
            key={form.key('description')}
            {...form.getInputProps('description')}
          />
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Select
              label="Team"
              description={
                teamOptions.isError
                  ? 'The teams could not be loaded; the inbox stays with its team'
                  : 'Its members take this inbox’s conversations from the next one on'
              }
              data={teamOptions.data}
              searchable
              allowDeselect={false}
              nothingFoundMessage="No team matches"
              disabled={disabled}
              withAsterisk={canEdit}
              key={form.key('teamId')}
              {...form.getInputProps('teamId')}
            />
            <Switch
              label="Active"
              aria-label="Active"
              description="An inactive inbox takes no new conversations"
              disabled={disabled}
              key={form.key('active')}
              {...form.getInputProps('active', { type: 'checkbox' })}
            />
          </SimpleGrid>

          <Divider label="Assignment" labelPosition="left" />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="inbox-assignment-mode-label">
              How conversations are handed out
            </Text>
            <SegmentedControl
              aria-labelledby="inbox-assignment-mode-label"
              data={MODE_OPTIONS}
              value={policy.mode}
              disabled={disabled}
              onChange={(mode) => setPolicy('mode', assignmentModeOf(mode))}
              style={{ alignSelf: 'flex-start' }}
            />
            <Text size="xs" c="dimmed">
              {MODE_DESCRIPTIONS[policy.mode]}
            </Text>
          </Stack>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Switch
              label="Require the conversation’s language"
              aria-label="Require the conversation’s language"
              description="Only agents who speak it (pt-PT serves pt-BR); no constraint while it is unknown"
              disabled={disabled}
              checked={policy.requireLanguage === true}
              onChange={(event) => setPolicy('requireLanguage', event.currentTarget.checked)}
            />
            <Switch
              label="Require the request type’s certification"
              aria-label="Require the request type’s certification"
              description="Switch off only as a deliberate exception, e.g. a city launch"
              disabled={disabled}
              checked={policy.requireCertification !== false}
              onChange={(event) => setPolicy('requireCertification', event.currentTarget.checked)}
            />
            <TextInput
              label="Required skill"
              description="Only agents with this skill take this inbox’s conversations"
              placeholder="No skill required"
              disabled={disabled}
              value={policy.requireSkill ?? ''}
              onChange={(event) => {
                const skill = event.currentTarget.value.trim();
                setPolicy('requireSkill', skill === '' ? null : skill);
              }}
              error={errorUnder(form.errors, 'assignmentPolicy.requireSkill')}
            />
            <NumberInput
              label="Reply limit"
              description="Reassign when the assignee has not replied this long after assignment"
              placeholder="No limit"
              suffix=" min"
              min={1}
              max={1440}
              allowDecimal={false}
              disabled={disabled}
              value={policy.replyLimitMinutes ?? ''}
              onChange={(minutes) =>
                setPolicy('replyLimitMinutes', typeof minutes === 'number' ? minutes : null)
              }
              error={errorUnder(form.errors, 'assignmentPolicy.replyLimitMinutes')}
            />
          </SimpleGrid>
          {typeof form.errors.assignmentPolicy === 'string' ? (
            <Text size="sm" c="red">
              {form.errors.assignmentPolicy}
            </Text>
          ) : null}

          {canEdit ? (
            <>
              <Divider />
              <RolloutNote
                placeholder="From today, Lisbon guest chats need Portuguese speakers."
                key={form.key('rolloutNote')}
                {...form.getInputProps('rolloutNote')}
              />
              {unplacedServerError ? (
                <Alert color="red" icon={<IconAlertTriangle />} title="Not saved">
                  {unplacedServerError}
                </Alert>
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
                  Save settings
                </Button>
              </Group>
            </>
          ) : null}
        </Stack>
      </form>
    </Paper>
  );
}

function capacityOf(capacity: ChannelCapacity, channel: Channel) {
  const max = capacity[channel];
  return max === undefined ? (
    <Text size="sm" c="dimmed">
      —
    </Text>
  ) : (
    <Text size="sm">{max}</Text>
  );
}

function MembersSection({ inbox, canEdit }: { inbox: InboxSettings; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Member | null>(null);
  const inboxKey = trpc.routing.inbox.queryKey({ id: inbox.id });

  const setAvailability = useMutation(
    trpc.routing.setAvailability.mutationOptions({
      // Shown at once; the server's answer (or a rollback) follows.
      onMutate: async ({ userId, availability }) => {
        await queryClient.cancelQueries({ queryKey: inboxKey });
        const previous = queryClient.getQueryData(inboxKey);
        if (previous) {
          queryClient.setQueryData(inboxKey, {
            ...previous,
            members: previous.members.map((member) =>
              member.id === userId ? { ...member, availability } : member,
            ),
          });
        }
        return { previous };
      },
      onError: (error, _input, context) => {
        if (context?.previous) queryClient.setQueryData(inboxKey, context.previous);
        notifications.show({ color: 'red', title: 'Not changed', message: describeError(error) });
      },
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.routing.pathKey() }),
    }),
  );
  const saveAgent = useMutation(
    trpc.routing.updateAgentRouting.mutationOptions({
      onSuccess: () => {
        notifications.show({
          color: 'teal',
          message: `Routing for ${editing?.name ?? 'the agent'} saved`,
        });
        setEditing(null);
        void queryClient.invalidateQueries({ queryKey: trpc.routing.pathKey() });
      },
    }),
  );
  const closeEditor = () => {
    setEditing(null);
    saveAgent.reset();
  };

  return (
    <Paper withBorder p={0} component="section" aria-labelledby="inbox-members-title">
      <Stack gap={4} p="md" pb="xs">
        <Title order={2} size="h4" id="inbox-members-title">
          Members
        </Title>
        <Text size="sm" c="dimmed">
          The people of {inbox.teamName}, the team that owns this inbox: who is available, how many
          conversations each takes at once per channel, and what they can handle.
        </Text>
      </Stack>
      {inbox.members.length === 0 ? (
        <EmptyState
          icon={<IconUsers />}
          title={`Nobody is in ${inbox.teamName}`}
          description="Nobody can be assigned this inbox’s conversations: they wait unassigned until someone joins the team."
        />
      ) : (
        <Table.ScrollContainer minWidth={1100}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Availability</Table.Th>
                {CHANNELS.map((channel) => (
                  <Table.Th key={channel} ta="right">
                    {CHANNEL_LABELS[channel]}
                  </Table.Th>
                ))}
                <Table.Th ta="right">Open chats</Table.Th>
                <Table.Th>Skills</Table.Th>
                <Table.Th>Languages</Table.Th>
                {canEdit ? (
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {inbox.members.map((member) => (
                <Table.Tr key={member.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {member.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {member.role.charAt(0).toUpperCase() + member.role.slice(1)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <AvailabilityBadge availability={member.availability} />
                      {canEdit ? (
                        <Select
                          aria-label={`Change availability of ${member.name}`}
                          data={AVAILABILITY_OPTIONS}
                          value={member.availability}
                          allowDeselect={false}
                          size="xs"
                          w={110}
                          onChange={(value) => {
                            const availability = AVAILABILITIES.find((known) => known === value);
                            if (availability && availability !== member.availability) {
                              setAvailability.mutate({ userId: member.id, availability });
                            }
                          }}
                        />
                      ) : null}
                    </Group>
                  </Table.Td>
                  {CHANNELS.map((channel) => (
                    <Table.Td key={channel} ta="right">
                      {capacityOf(member.channelCapacity, channel)}
                    </Table.Td>
                  ))}
                  <Table.Td ta="right">
                    <Text size="sm" fw={500}>
                      {member.openChats}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <TagList values={member.skills} empty="No skills" />
                  </Table.Td>
                  <Table.Td>
                    <TagList values={member.languages} empty="None" />
                  </Table.Td>
                  {canEdit ? (
                    <Table.Td ta="right">
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        leftSection={<IconPencil size={14} />}
                        aria-label={`Edit routing for ${member.name}`}
                        onClick={() => setEditing(member)}
                      >
                        Edit
                      </Button>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Drawer
        opened={editing !== null}
        onClose={closeEditor}
        position="right"
        size="md"
        title={`Routing for ${editing?.name ?? ''}`}
      >
        {editing ? (
          <AgentRoutingForm
            key={editing.id}
            member={editing}
            saving={saveAgent.isPending}
            serverError={saveAgent.error}
            onSubmit={(input) => saveAgent.mutate(input)}
            onCancel={closeEditor}
          />
        ) : null}
      </Drawer>
    </Paper>
  );
}

function TagList({ values, empty }: { values: readonly string[]; empty: string }) {
  if (values.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  }
  return (
    <Group gap={4}>
      {values.map((value) => (
        <Badge key={value} size="sm" variant="light" color="gray" tt="none">
          {value}
        </Badge>
      ))}
    </Group>
  );
}

interface AgentFormValues {
  userId: string;
  channelCapacity: ChannelCapacity;
  skills: string[];
  languages: string[];
  rolloutNote: string;
}

function AgentRoutingForm({
  member,
  saving,
  serverError,
  onSubmit,
  onCancel,
}: {
  member: Member;
  saving: boolean;
  serverError: unknown;
  onSubmit: (input: ReturnType<typeof updateAgentRoutingInputSchema.parse>) => void;
  onCancel: () => void;
}) {
  const form = useForm<AgentFormValues>({
    mode: 'controlled',
    initialValues: {
      userId: member.id,
      channelCapacity: member.channelCapacity,
      skills: member.skills,
      languages: member.languages,
      rolloutNote: '',
    },
    validate: schemaResolver(updateAgentRoutingInputSchema, { sync: true }),
  });
  const unplacedServerError = useServerErrors(serverError, AGENT_FORM_FIELDS, form.setErrors);
  const values = form.getValues();
  const setCapacity = (channel: Channel, max: number | string) => {
    // Empty means the agent does not take the channel, the same as 0.
    const { [channel]: _dropped, ...rest } = values.channelCapacity;
    form.setFieldValue(
      'channelCapacity',
      typeof max === 'number' ? { ...rest, [channel]: max } : rest,
    );
  };

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((submitted) =>
        onSubmit(updateAgentRoutingInputSchema.parse(submitted)),
      )}
    >
      <Stack gap="md">
        <Stack gap="xs">
          <Text size="sm" fw={500}>
            Open conversations at once
          </Text>
          <Text size="xs" c="dimmed">
            Per channel. Empty or 0: not assigned conversations on that channel.
          </Text>
          <SimpleGrid cols={2} spacing="sm">
            {CHANNELS.map((channel) => (
              <NumberInput
                key={channel}
                label={`${CHANNEL_LABELS[channel]} capacity`}
                min={0}
                max={50}
                allowDecimal={false}
                allowNegative={false}
                placeholder="0"
                value={values.channelCapacity[channel] ?? ''}
                onChange={(max) => setCapacity(channel, max)}
                error={errorUnder(form.errors, `channelCapacity.${channel}`)}
              />
            ))}
          </SimpleGrid>
          {typeof form.errors.channelCapacity === 'string' ? (
            <Text size="xs" c="red">
              {form.errors.channelCapacity}
            </Text>
          ) : null}
        </Stack>
        <TagsInput
          label="Skills"
          description="lower_snake_case, e.g. airport_transfers; inboxes may require one"
          placeholder="Type a skill, press Enter"
          value={values.skills}
          onChange={(skills) =>
            form.setFieldValue('skills', [...new Set(skills.map((skill) => skill.trim()))])
          }
          error={errorUnder(form.errors, 'skills')}
        />
        <TagsInput
          label="Languages"
          description="Codes such as en, pt-PT or es-MX"
          placeholder="Type a code, press Enter"
          value={values.languages}
          onChange={(languages) =>
            form.setFieldValue('languages', [...new Set(languages.map((code) => code.trim()))])
          }
          error={errorUnder(form.errors, 'languages')}
        />
        <Divider />
        <RolloutNote
          placeholder="Ana now takes WhatsApp too."
          key={form.key('rolloutNote')}
          {...form.getInputProps('rolloutNote')}
        />
        <FormFooter
          error={unplacedServerError}
          errorTitle="Not saved"
          pending={saving}
          submitLabel="Save routing"
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}
