import { Alert, Badge, List, Stack, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { AUDIENCES, type Audience } from '@switchboard/domain';
import {
  AUDIENCE_LABELS,
  describeError,
  ErrorState,
  formatDateTime,
  TableSkeleton,
} from '@switchboard/ui';
import { useViewer } from '@switchboard/ui/auth';
import { type RouterOutputs, useTRPC } from '@switchboard/ui/trpc';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { ChatPathEditor } from './ChatPathEditor.tsx';
import { type ChatPathFormValues, starterPath } from './chat-path-form.ts';

type ChatPathView = RouterOutputs['chatPaths']['list'][number];

function audienceOf(value: string | null): Audience {
  return AUDIENCES.find((audience) => audience === value) ?? 'guest';
}

function formValuesOf(view: ChatPathView): ChatPathFormValues {
  return view.path
    ? { enabled: view.path.enabled, definition: view.path.definition, rolloutNote: '' }
    : { enabled: false, definition: starterPath(view.audience), rolloutNote: '' };
}

/**
 * The web chat's bot, per audience: what it asks and answers before a person takes over,
 * where it hands visitors to, and a test drive. Changes are versioned like routing rules.
 */
export function ChatPathsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const viewer = useViewer();
  const canEdit = viewer.access.lead;
  const [params, setParams] = useSearchParams();
  const audience = audienceOf(params.get('audience'));

  const paths = useQuery(trpc.chatPaths.list.queryOptions());
  const inboxes = useQuery(trpc.routing.listInboxes.queryOptions({ limit: 200 }));
  const tags = useQuery(trpc.playbooks.tagOptions.queryOptions());
  const save = useMutation(
    trpc.chatPaths.save.mutationOptions({
      onSuccess: (saved) => {
        notifications.show({
          color: 'teal',
          message: `${AUDIENCE_LABELS[saved.audience]} chat path saved`,
        });
        void queryClient.invalidateQueries({ queryKey: trpc.chatPaths.pathKey() });
      },
    }),
  );

  const inboxOptions = (inboxes.data?.items ?? [])
    .filter((inbox) => inbox.audience === audience && inbox.active)
    .map((inbox) => ({ value: inbox.code, label: `${inbox.name} (${inbox.code})` }));
  const tagOptions = (tags.data ?? []).map((tag) => ({ value: tag.code, label: tag.name }));
  const view = paths.data?.find((candidate) => candidate.audience === audience);

  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          Chat paths
        </Title>
        <Text c="dimmed" size="sm" maw={760}>
          What the web chat’s bot does before a person takes over: a menu per audience, questions
          that collect a booking reference or an email, answers that can close the chat when they
          help, and handovers to an inbox with tags — the agent sees everything the bot collected.
          Visitors can ask for a person at every step.
        </Text>
      </div>
      <Tabs
        value={audience}
        onChange={(value) => {
          save.reset();
          setParams(value && value !== 'guest' ? { audience: value } : {});
        }}
        keepMounted={false}
      >
        <Tabs.List>
          {AUDIENCES.map((tab) => {
            const tabView = paths.data?.find((candidate) => candidate.audience === tab);
            return (
              <Tabs.Tab
                key={tab}
                value={tab}
                rightSection={
                  tabView ? (
                    <Badge
                      size="xs"
                      variant="light"
                      color={tabView.path?.enabled ? 'teal' : 'gray'}
                    >
                      {tabView.path ? (tabView.path.enabled ? 'On' : 'Off') : 'Not set up'}
                    </Badge>
                  ) : null
                }
              >
                {AUDIENCE_LABELS[tab]}s
              </Tabs.Tab>
            );
          })}
        </Tabs.List>
      </Tabs>
      {paths.isPending ? (
        <TableSkeleton label="Loading the chat paths" />
      ) : paths.isError ? (
        <ErrorState
          title="Could not load the chat paths"
          message={describeError(paths.error)}
          onRetry={() => void paths.refetch()}
        />
      ) : view ? (
        <Stack gap="md">
          <PathStatus view={view} />
          <ChatPathEditor
            // A saved change remounts the editor with what the server stored.
            key={`${audience}:${view.path?.updatedAt.toISOString() ?? 'new'}`}
            audience={audience}
            initialValues={formValuesOf(view)}
            canEdit={canEdit}
            inboxOptions={inboxOptions}
            tagOptions={tagOptions}
            saving={save.isPending}
            serverError={save.error}
            onSave={(values) =>
              save.mutate({
                audience,
                enabled: values.enabled,
                definition: values.definition,
                rolloutNote: values.rolloutNote,
              })
            }
          />
        </Stack>
      ) : null}
    </Stack>
  );
}

function PathStatus({ view }: { view: ChatPathView }) {
  const label = AUDIENCE_LABELS[view.audience].toLowerCase();
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {view.path
          ? `Saved ${formatDateTime(view.path.updatedAt)}${view.path.updatedByName ? ` by ${view.path.updatedByName}` : ''}. ${view.path.enabled ? `On: ${label}s meet this bot first.` : `Off: ${label}s write to a person straight away.`}`
          : `No path yet: ${label}s write to a person straight away. Start from the draft below.`}
      </Text>
      {view.problems.length > 0 ? (
        <Alert color="red" icon={<IconAlertTriangle />} title="The saved path needs attention">
          <List size="sm">
            {view.problems.map((problem) => (
              <List.Item key={`${problem.field}-${problem.message}`}>{problem.message}</List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
    </Stack>
  );
}
