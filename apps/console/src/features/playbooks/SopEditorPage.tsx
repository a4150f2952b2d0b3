import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import {
  nextStepId,
  type SopDraftInput,
  type SopStep,
  sopDraftInputSchema,
} from '@switchboard/domain';
import {
  AudienceBadge,
  describeError,
  ErrorState,
  formatDateTime,
  Markdown,
  TableSkeleton,
} from '@switchboard/ui';
import { serverFieldErrors } from '@switchboard/ui/playbooks';
import { type RouterOutputs, useRefreshArea, useTRPC } from '@switchboard/ui/trpc';
import {
  IconAlertTriangle,
  IconArrowDown,
  IconArrowUp,
  IconChevronLeft,
  IconPlus,
  IconTrash,
} from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';

type SopEditor = RouterOutputs['playbooks']['sopEditor'];

/** One request type's playbook: edit the draft, publish it, read earlier versions. */
export function SopEditorPage() {
  const { requestTypeCode = '' } = useParams();
  const trpc = useTRPC();
  const editor = useQuery(trpc.playbooks.sopEditor.queryOptions({ requestTypeCode }));
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/playbooks" size="sm">
        <Group gap={4}>
          <IconChevronLeft size={14} /> All playbooks
        </Group>
      </Anchor>
      {editor.isPending ? (
        <TableSkeleton label="Loading the playbook" />
      ) : editor.isError ? (
        <ErrorState message={describeError(editor.error)} onRetry={() => void editor.refetch()} />
      ) : (
        <SopEditorScreen
          // A new draft or publication starts the form again from what the server keeps.
          key={`${editor.data.draft?.id ?? 'none'}-${editor.data.published?.id ?? 'none'}`}
          editor={editor.data}
        />
      )}
    </Stack>
  );
}

function startingPoint(editor: SopEditor): SopDraftInput {
  const source = editor.draft ?? editor.published;
  return {
    requestTypeCode: editor.requestType.code,
    title: source?.title ?? editor.requestType.name,
    steps: source?.steps ?? [{ id: 'step-1', text: '', required: true }],
  };
}

function SopEditorScreen({ editor }: { editor: SopEditor }) {
  const trpc = useTRPC();
  const code = editor.requestType.code;
  const [confirmingPublish, setConfirmingPublish] = useState(false);
  const [viewing, setViewing] = useState<string | null>(null);
  const form = useForm<SopDraftInput>({
    mode: 'controlled',
    initialValues: startingPoint(editor),
    validate: schemaResolver(sopDraftInputSchema, { sync: true }),
  });
  const refresh = useRefreshArea('playbooks');
  const save = useMutation(
    trpc.playbooks.saveSopDraft.mutationOptions({
      onSuccess: (version) => {
        notifications.show({ color: 'teal', message: `Draft v${version.version} saved` });
        void refresh();
      },
    }),
  );
  const publish = useMutation(
    trpc.playbooks.publishSop.mutationOptions({
      onSuccess: (version) => {
        setConfirmingPublish(false);
        notifications.show({ color: 'teal', message: `Version ${version.version} published` });
        void refresh();
      },
    }),
  );
  const discard = useMutation(
    trpc.playbooks.discardSopDraft.mutationOptions({
      onSuccess: () => {
        notifications.show({ message: 'Draft discarded' });
        void refresh();
      },
    }),
  );

  useEffect(() => {
    const errors = serverFieldErrors(save.error);
    if (Object.keys(errors).length > 0) form.setErrors(errors);
  }, [save.error]);

  const values = form.getValues();
  const stepsError = typeof form.errors.steps === 'string' ? form.errors.steps : null;
  const addStep = () =>
    form.insertListItem('steps', {
      id: nextStepId(values.steps.map((step) => step.id)),
      text: '',
      required: false,
    } satisfies SopStep);

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2">
            {editor.requestType.name}
          </Title>
          <Group gap="xs" mt={4}>
            <AudienceBadge audience={editor.requestType.audience} />
            <Text size="sm" c="dimmed">
              {code}
            </Text>
            {editor.published ? (
              <Badge color="teal" variant="light">
                Published v{editor.published.version}
              </Badge>
            ) : (
              <Badge color="gray" variant="light">
                Not published
              </Badge>
            )}
            {editor.draft ? (
              <Badge color="yellow" variant="light">
                Draft v{editor.draft.version}
              </Badge>
            ) : null}
          </Group>
        </div>
      </Group>

      <Paper withBorder p="md">
        <form noValidate onSubmit={form.onSubmit((input) => save.mutate(input))}>
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              {editor.draft
                ? `Editing draft v${editor.draft.version}. Agents keep following the published version until you publish.`
                : editor.published
                  ? `Changes start a new draft from v${editor.published.version}; agents see them once published.`
                  : 'Write the first version of this playbook.'}
            </Text>
            <TextInput label="Title" withAsterisk {...form.getInputProps('title')} />
            <Title order={2} size="h5">
              Steps
            </Title>
            {stepsError ? (
              <Text size="sm" c="red">
                {stepsError}
              </Text>
            ) : null}
            {values.steps.map((step, index) => (
              <Paper key={step.id} withBorder p="sm">
                <Stack gap="xs">
                  <Group justify="space-between">
                    <Text size="sm" fw={600}>
                      Step {index + 1}
                    </Text>
                    <Group gap={4}>
                      <Switch
                        label="Required"
                        aria-label={`Step ${index + 1} required`}
                        {...form.getInputProps(`steps.${index}.required`, { type: 'checkbox' })}
                      />
                      <ActionIcon
                        variant="subtle"
                        aria-label={`Move step ${index + 1} up`}
                        disabled={index === 0}
                        onClick={() =>
                          form.reorderListItem('steps', { from: index, to: index - 1 })
                        }
                      >
                        <IconArrowUp size={16} />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        aria-label={`Move step ${index + 1} down`}
                        disabled={index === values.steps.length - 1}
                        onClick={() =>
                          form.reorderListItem('steps', { from: index, to: index + 1 })
                        }
                      >
                        <IconArrowDown size={16} />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`Remove step ${index + 1}`}
                        disabled={values.steps.length === 1}
                        onClick={() => form.removeListItem('steps', index)}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Group>
                  </Group>
                  <Textarea
                    aria-label={`Step ${index + 1} text`}
                    description="Markdown: **bold**, *italic*, `code`, lists and links"
                    rows={2}
                    resize="vertical"
                    {...form.getInputProps(`steps.${index}.text`)}
                  />
                  {step.text.trim() ? (
                    <Markdown c="dimmed" aria-label={`Step ${index + 1} preview`}>
                      {step.text}
                    </Markdown>
                  ) : null}
                </Stack>
              </Paper>
            ))}
            <Group>
              <Button
                variant="default"
                size="xs"
                leftSection={<IconPlus size={14} />}
                onClick={addStep}
                disabled={values.steps.length >= 40}
              >
                Add step
              </Button>
            </Group>
            {save.isError && Object.keys(serverFieldErrors(save.error)).length === 0 ? (
              <Alert color="red" icon={<IconAlertTriangle />} title="Not saved">
                {describeError(save.error)}
              </Alert>
            ) : null}
            {publish.isError || discard.isError ? (
              <Alert color="red" icon={<IconAlertTriangle />}>
                {describeError(publish.error ?? discard.error)}
              </Alert>
            ) : null}
            <Group justify="space-between">
              <Group>
                {editor.draft ? (
                  <Button
                    variant="subtle"
                    color="red"
                    loading={discard.isPending}
                    onClick={() => discard.mutate({ requestTypeCode: code })}
                  >
                    Discard draft
                  </Button>
                ) : null}
              </Group>
              <Group>
                <Button type="submit" variant="default" loading={save.isPending}>
                  Save draft
                </Button>
                <Button
                  disabled={!editor.draft || form.isDirty()}
                  title={form.isDirty() ? 'Save the draft first' : undefined}
                  onClick={() => setConfirmingPublish(true)}
                >
                  Publish
                </Button>
              </Group>
            </Group>
          </Stack>
        </form>
      </Paper>

      <VersionHistory requestTypeCode={code} onView={setViewing} />

      <Modal
        opened={confirmingPublish}
        onClose={() => setConfirmingPublish(false)}
        title={`Publish draft v${editor.draft?.version ?? ''}?`}
      >
        <Stack>
          <Text size="sm">
            New conversations about {editor.requestType.name} follow it at once.
            {editor.published
              ? ` v${editor.published.version} is archived; conversations already following it keep it.`
              : ''}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmingPublish(false)}>
              Cancel
            </Button>
            <Button
              loading={publish.isPending}
              onClick={() => publish.mutate({ requestTypeCode: code })}
            >
              Publish now
            </Button>
          </Group>
        </Stack>
      </Modal>
      <VersionModal versionId={viewing} onClose={() => setViewing(null)} />
    </Stack>
  );
}

function VersionHistory({
  requestTypeCode,
  onView,
}: {
  requestTypeCode: string;
  onView: (versionId: string) => void;
}) {
  const trpc = useTRPC();
  const versions = useQuery(trpc.playbooks.sopVersions.queryOptions({ requestTypeCode }));
  if (versions.isPending) return <TableSkeleton label="Loading the version history" />;
  if (versions.isError) return <ErrorState message={describeError(versions.error)} />;
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        Version history
      </Title>
      {versions.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          No versions yet.
        </Text>
      ) : (
        <Table aria-label="Version history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Version</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Title</Table.Th>
              <Table.Th>Written</Table.Th>
              <Table.Th>Published</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {versions.data.map((version) => (
              <Table.Tr key={version.id}>
                <Table.Td>v{version.version}</Table.Td>
                <Table.Td>
                  <Badge
                    variant="light"
                    color={
                      version.status === 'published'
                        ? 'teal'
                        : version.status === 'draft'
                          ? 'yellow'
                          : 'gray'
                    }
                  >
                    {version.status}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{version.title}</Text>
                  <Text size="xs" c="dimmed">
                    {version.stepCount} steps, {version.requiredCount} required
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatDateTime(version.createdAt)}</Text>
                  <Text size="xs" c="dimmed">
                    by {version.createdByName ?? 'someone no longer here'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {version.publishedAt ? (
                    <>
                      <Text size="sm">{formatDateTime(version.publishedAt)}</Text>
                      <Text size="xs" c="dimmed">
                        by {version.publishedByName ?? 'someone no longer here'}
                      </Text>
                    </>
                  ) : (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Button size="compact-xs" variant="subtle" onClick={() => onView(version.id)}>
                    View v{version.version}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function VersionModal({ versionId, onClose }: { versionId: string | null; onClose: () => void }) {
  const trpc = useTRPC();
  const version = useQuery({
    ...trpc.playbooks.sopVersion.queryOptions({ versionId: versionId ?? '' }),
    enabled: versionId !== null,
  });
  return (
    <Modal
      opened={versionId !== null}
      onClose={onClose}
      size="lg"
      title={version.data ? `v${version.data.version} · ${version.data.title}` : 'Version'}
    >
      {version.isPending ? (
        <TableSkeleton label="Loading the version" />
      ) : version.isError ? (
        <ErrorState message={describeError(version.error)} />
      ) : (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            Read-only · {version.data.status}
          </Text>
          <ol style={{ margin: 0, paddingLeft: 20 }}>
            {version.data.steps.map((step) => (
              <li key={step.id}>
                <Group gap="xs" align="flex-start" wrap="nowrap">
                  <Markdown>{step.text}</Markdown>
                  {step.required ? (
                    <Badge size="xs" color="red" variant="light">
                      Required
                    </Badge>
                  ) : null}
                </Group>
              </li>
            ))}
          </ol>
        </Stack>
      )}
    </Modal>
  );
}
