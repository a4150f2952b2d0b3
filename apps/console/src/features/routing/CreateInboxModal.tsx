import {
  Checkbox,
  Group,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import {
  type AssignmentMode,
  AUDIENCES,
  type Audience,
  CHANNELS,
  type Channel,
  createInboxInputSchema,
} from '@switchboard/domain';
import { AUDIENCE_LABELS } from '@switchboard/ui';
import { useTRPC } from '@switchboard/ui/trpc';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { FormFooter } from '../../lib/FormFooter.tsx';
import { NameAndCodeFields } from '../../lib/NameAndCodeFields.tsx';
import { RolloutNote } from '../../lib/RolloutNote.tsx';
import { useServerErrors } from '../../lib/use-server-errors.ts';
import { useTeamOptions } from '../teams/use-team-options.ts';
import {
  assignmentModeOf,
  CHANNEL_OPTIONS,
  MODE_DESCRIPTIONS,
  MODE_OPTIONS,
} from './inbox-options.ts';

/** Inbox codes are at most 40 characters (inboxCodeSchema). */
const CODE_LENGTH = 40;
const FIELDS = [
  'code',
  'name',
  'description',
  'audience',
  'cityCode',
  'teamId',
  'channels',
  'rolloutNote',
];
const AUDIENCE_OPTIONS = AUDIENCES.map((audience) => ({
  value: audience,
  label: AUDIENCE_LABELS[audience],
}));

interface NewInboxValues {
  code: string;
  name: string;
  description: string;
  audience: Audience;
  /** Null: the inbox serves every city. */
  cityCode: string | null;
  teamId: string;
  channels: Channel[];
  assignmentPolicy: { mode: AssignmentMode };
  rolloutNote: string;
}

export interface CreateInboxModalProps {
  opened: boolean;
  onClose: () => void;
}

/** A lead opens a new inbox, e.g. for a city launch; it then opens at its settings. */
export function CreateInboxModal({ opened, onClose }: CreateInboxModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="New inbox" size="lg">
      {/* Mounted only while open, so every opening starts from an empty form. */}
      {opened ? <NewInboxForm onCancel={onClose} /> : null}
    </Modal>
  );
}

function NewInboxForm({ onCancel }: { onCancel: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const catalogue = useQuery(trpc.conversations.filterOptions.queryOptions());
  const teamOptions = useTeamOptions();
  const form = useForm<NewInboxValues>({
    mode: 'controlled',
    initialValues: {
      code: '',
      name: '',
      description: '',
      audience: 'guest',
      cityCode: null,
      teamId: '',
      channels: ['chat'],
      assignmentPolicy: { mode: 'round_robin' },
      rolloutNote: '',
    },
    validate: schemaResolver(createInboxInputSchema, { sync: true }),
  });
  const create = useMutation(
    trpc.routing.createInbox.mutationOptions({
      onSuccess: (inbox) => {
        notifications.show({ color: 'teal', message: `Inbox ${inbox.name} created` });
        void queryClient.invalidateQueries({ queryKey: trpc.routing.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.people.teams.queryKey() });
        void navigate(`/inboxes/${inbox.id}`);
      },
    }),
  );
  const unplacedError = useServerErrors(create.error, FIELDS, form.setErrors);
  const values = form.getValues();
  const cityOptions = (catalogue.data?.cities ?? []).map((city) => ({
    value: city.code,
    label: `${city.name} (${city.code})`,
  }));

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((submitted) =>
        // Valid by now: parsing trims the text and drops an empty note.
        create.mutate(createInboxInputSchema.parse(submitted)),
      )}
    >
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <NameAndCodeFields
            form={form}
            codeLength={CODE_LENGTH}
            namePlaceholder="Porto guests"
            codeDescription="UPPER_SNAKE_CASE; rules and reports use it, so it never changes"
            codePlaceholder="OPO_GUEST"
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Stack gap={4}>
            <Text size="sm" fw={500} id="new-inbox-audience-label">
              Who writes in
            </Text>
            <SegmentedControl
              aria-labelledby="new-inbox-audience-label"
              data={AUDIENCE_OPTIONS}
              value={values.audience}
              onChange={(audience) =>
                form.setFieldValue('audience', audience === 'driver' ? 'driver' : 'guest')
              }
              style={{ alignSelf: 'flex-start' }}
            />
          </Stack>
          <Select
            label="City"
            description={catalogue.isError ? 'The cities could not be loaded' : 'Empty: every city'}
            placeholder="All cities"
            data={cityOptions}
            searchable
            clearable
            nothingFoundMessage="No city matches"
            {...form.getInputProps('cityCode')}
          />
        </SimpleGrid>
        <Text size="xs" c="dimmed" mt={-8}>
          Who writes in and the city are fixed once the inbox exists: rules and reports refer to
          them.
        </Text>
        <Select
          label="Team"
          description="Its members take this inbox’s conversations"
          placeholder={teamOptions.isPending ? 'Loading teams…' : 'Choose a team'}
          data={teamOptions.data}
          searchable
          withAsterisk
          nothingFoundMessage="No team matches"
          {...form.getInputProps('teamId')}
          value={values.teamId || null}
          onChange={(teamId) => form.setFieldValue('teamId', teamId ?? '')}
        />
        <Checkbox.Group
          label="Channels"
          description="Routing only sends this inbox conversations on these channels"
          withAsterisk
          value={values.channels}
          onChange={(picked) =>
            form.setFieldValue(
              'channels',
              CHANNELS.filter((channel) => picked.includes(channel)),
            )
          }
          error={form.errors.channels}
        >
          <Group gap="lg" mt={6}>
            {CHANNEL_OPTIONS.map((option) => (
              <Checkbox key={option.value} value={option.value} label={option.label} />
            ))}
          </Group>
        </Checkbox.Group>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="new-inbox-assignment-mode-label">
            How conversations are handed out
          </Text>
          <SegmentedControl
            aria-labelledby="new-inbox-assignment-mode-label"
            data={MODE_OPTIONS}
            value={values.assignmentPolicy.mode}
            onChange={(mode) =>
              form.setFieldValue('assignmentPolicy', { mode: assignmentModeOf(mode) })
            }
            style={{ alignSelf: 'flex-start' }}
          />
          <Text size="xs" c="dimmed">
            {MODE_DESCRIPTIONS[values.assignmentPolicy.mode]} Skills, languages and a reply limit
            are set on the inbox once it exists.
          </Text>
        </Stack>
        <Textarea
          label="Description"
          placeholder="What lands here"
          rows={2}
          resize="vertical"
          {...form.getInputProps('description')}
        />
        <RolloutNote
          placeholder="Porto guest chats now have their own inbox."
          {...form.getInputProps('rolloutNote')}
        />
        <FormFooter
          error={unplacedError}
          errorTitle="Not created"
          pending={create.isPending}
          submitLabel="Create inbox"
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}
