import {
  Alert,
  Badge,
  Button,
  Container,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { timeSpentText, traineePartDone } from '@switchboard/domain';
import {
  BackLink,
  describeError,
  ErrorState,
  formatDateTime,
  Markdown,
  TrainingProgressBadge,
} from '@switchboard/ui';
import { useRefreshArea, useTRPC } from '@switchboard/ui/trpc';
import { IconLock } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link, useParams } from 'react-router';
import { LivePracticePanel } from './LivePracticePanel.tsx';
import type { ModuleKey, ModuleView } from './module-view.ts';
import { QuizPanel } from './QuizPanel.tsx';
import { SopReading } from './SopReading.tsx';
import { MY_TRAINING_PATH } from './training-links.ts';
import { WalkthroughPanel } from './WalkthroughPanel.tsx';

/** One module opened from My training: read, do or answer it. */
export function TrainingModulePage() {
  const { enrolmentId = '', moduleId = '' } = useParams();
  const key = { enrolmentId, moduleId };
  const trpc = useTRPC();
  const refresh = useRefreshArea('training');
  const view = useQuery(trpc.training.myModule.queryOptions(key));
  const start = useMutation(trpc.training.startModule.mutationOptions({ onSuccess: refresh }));
  // The server notes when the module was opened (time spent counts from there): once per visit.
  const started = useRef<string | null>(null);
  useEffect(() => {
    if (!view.data || view.data.locked || started.current === moduleId) return;
    started.current = moduleId;
    start.mutate(key);
  }, [view.data, moduleId]);

  return (
    <Container size="md" py="md">
      <Stack gap="md">
        <BackLink to={MY_TRAINING_PATH}>My training</BackLink>
        {view.isPending ? (
          <Loader aria-label="Loading the module" />
        ) : view.isError ? (
          <ErrorState message={describeError(view.error)} onRetry={() => void view.refetch()} />
        ) : (
          <ModuleContent view={view.data} moduleKey={key} />
        )}
      </Stack>
    </Container>
  );
}

function ModuleContent({ view, moduleKey }: { view: ModuleView; moduleKey: ModuleKey }) {
  return (
    <>
      <Stack gap={4}>
        <Text size="sm" c="dimmed">
          {view.curriculumName} · module {view.position} of {view.moduleCount}
        </Text>
        <Group justify="space-between" align="flex-start">
          <Title order={1} size="h2">
            {view.title}
          </Title>
          <TrainingProgressBadge status={view.status} />
        </Group>
        <Group gap="xs">
          <Badge variant="outline" color="gray">
            {view.kindLabel}
          </Badge>
          <Text size="sm" c="dimmed">
            {view.requirement} · about {view.estimatedMinutes} min
          </Text>
        </Group>
      </Stack>
      {view.locked ? (
        <Alert color="gray" icon={<IconLock />} title="Not open yet">
          Finish “{view.lockedBehind}” first.
        </Alert>
      ) : (
        <>
          {view.body && view.kind !== 'walkthrough' ? (
            <Paper withBorder p="md">
              <Markdown>{view.body}</Markdown>
            </Paper>
          ) : null}
          {view.kind === 'sop_reading' ? <SopReading view={view} moduleKey={moduleKey} /> : null}
          {view.kind === 'walkthrough' ? (
            <WalkthroughPanel view={view} moduleKey={moduleKey} />
          ) : null}
          {view.kind === 'quiz' ? <QuizPanel view={view} moduleKey={moduleKey} /> : null}
          {view.kind === 'shadowing' || view.kind === 'nesting' ? (
            <LivePracticePanel view={view} moduleKey={moduleKey} />
          ) : null}
          <ModuleFooter view={view} />
        </>
      )}
    </>
  );
}

function ModuleFooter({ view }: { view: ModuleView }) {
  const lines = [
    view.status === 'awaiting_sign_off' ? 'Done: waiting for your trainer’s sign-off.' : null,
    view.completedAt ? `Completed ${formatDateTime(view.completedAt)}.` : null,
    view.signedOffAt ? `Signed off ${formatDateTime(view.signedOffAt)}.` : null,
    view.timeSpentSeconds > 0 ? `Time spent: ${timeSpentText(view.timeSpentSeconds)}.` : null,
    view.requiresSignOff && view.status !== 'completed'
      ? 'A trainer signs this module off once you have done it.'
      : null,
  ].filter(Boolean);
  const done = traineePartDone(view.status);
  if (lines.length === 0 && !done) return null;
  return (
    <Group justify="space-between">
      <Text size="sm" c="dimmed">
        {lines.join(' ')}
      </Text>
      {done ? (
        <Button component={Link} to={MY_TRAINING_PATH} variant="light">
          Back to My training
        </Button>
      ) : null}
    </Group>
  );
}
