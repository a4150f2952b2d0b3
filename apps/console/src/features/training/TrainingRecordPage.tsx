import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  NumberInput,
  Paper,
  Popover,
  Progress,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  outOfQuizAttempts,
  type QuizAttemptStatus,
  quizResultText,
  timeSpentText,
} from '@switchboard/domain';
import {
  BackLink,
  describeError,
  ErrorState,
  formatDateTime,
  TrainingProgressBadge,
} from '@switchboard/ui';
import { serverFieldErrors } from '@switchboard/ui/playbooks';
import { type RouterOutputs, useRefreshArea, useTRPC } from '@switchboard/ui/trpc';
import { IconCertificate, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { AttentionBadges, EnrolmentStateBadge } from './TrainingBadges.tsx';
import { cohortPath, markAttemptPath, TRAINEES_PATH } from './training-links.ts';

type TrainingRecord = RouterOutputs['training']['record'];
type Enrolment = TrainingRecord['enrolments'][number];
type Module = Enrolment['modules'][number];

/**
 * Runs a training action, refreshes what training shows, and says how it went. An action that
 * completes a curriculum grants its certification, so certification lists read again too.
 */
function useTrainingAction() {
  const refresh = useRefreshArea('training', 'certifications');
  return {
    onSuccess: () => refresh(),
    onError: (error: unknown) =>
      notifications.show({ color: 'red', title: 'Not done', message: describeError(error) }),
  };
}

/**
 * One person's training record: each enrolment with progress per module, scores, attempts,
 * time spent and sign-offs, and what a trainer can do about it. Live practice is re-counted
 * whenever the record is opened.
 */
export function TrainingRecordPage() {
  const { userId = '' } = useParams();
  const trpc = useTRPC();
  const record = useQuery(trpc.training.record.queryOptions({ userId }));
  return (
    <Stack gap="md">
      <BackLink to={TRAINEES_PATH}>Trainees</BackLink>
      {record.isPending ? (
        <Loader aria-label="Loading the training record" />
      ) : record.isError ? (
        <ErrorState message={describeError(record.error)} onRetry={() => void record.refetch()} />
      ) : (
        <RecordView record={record.data} />
      )}
    </Stack>
  );
}

function RecordView({ record }: { record: TrainingRecord }) {
  const { person } = record;
  return (
    <>
      <Stack gap={4}>
        <Title order={1} size="h2">
          {person.name}
        </Title>
        <Text size="sm" c="dimmed">
          {person.email}
          {person.teams.length > 0 ? ` · ${person.teams.join(', ')}` : ''}
          {person.active ? '' : ' · inactive'}
        </Text>
        <Group gap="xs">
          {record.certifications.length === 0 ? (
            <Text size="sm" c="dimmed">
              No certifications yet
            </Text>
          ) : (
            record.certifications.map((held) => (
              <Badge
                key={held.certificationId}
                variant="light"
                color="teal"
                leftSection={<IconCertificate size={12} />}
              >
                {held.name}
                {held.expiresAt ? ` · until ${formatDateTime(held.expiresAt)}` : ''}
              </Badge>
            ))
          )}
        </Group>
      </Stack>
      {record.enrolments.length === 0 ? (
        <Text c="dimmed">Not enrolled in any curriculum.</Text>
      ) : (
        record.enrolments.map((enrolment) => (
          <EnrolmentSection key={enrolment.id} enrolment={enrolment} />
        ))
      )}
    </>
  );
}

function EnrolmentSection({ enrolment }: { enrolment: Enrolment }) {
  const trpc = useTRPC();
  const action = useTrainingAction();
  const signOff = useMutation(trpc.training.signOffEnrolment.mutationOptions(action));
  const withdraw = useMutation(trpc.training.withdraw.mutationOptions(action));
  const { summary } = enrolment;
  return (
    <Paper withBorder p="md" component="section" aria-label={enrolment.curriculumName}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Group gap="xs">
              <Anchor component={Link} to={cohortPath(enrolment.curriculumId)} fw={700}>
                {enrolment.curriculumName}
              </Anchor>
              <EnrolmentStateBadge state={summary.state} />
              <AttentionBadges overdue={summary.overdue} stuck={summary.stuck} />
            </Group>
            <Text size="xs" c="dimmed">
              Enrolled {formatDateTime(enrolment.enrolledAt)}
              {enrolment.enrolledByName ? ` by ${enrolment.enrolledByName}` : ''}
              {enrolment.dueAt ? ` · due ${formatDateTime(enrolment.dueAt)}` : ''}
              {enrolment.completedAt ? ` · completed ${formatDateTime(enrolment.completedAt)}` : ''}
              {enrolment.signedOffByName ? ` · signed off by ${enrolment.signedOffByName}` : ''}
              {` · time spent ${timeSpentText(summary.timeSpentSeconds)}`}
            </Text>
            {enrolment.certificationName ? (
              <Text size="xs" c="dimmed">
                Grants {enrolment.certificationName} on completion
              </Text>
            ) : null}
          </Stack>
          <Group gap="xs">
            {enrolment.completedAt ? null : <DueDateControl enrolment={enrolment} />}
            {enrolment.readyForSignOff ? (
              <Button
                size="xs"
                loading={signOff.isPending}
                onClick={() => signOff.mutate({ enrolmentId: enrolment.id })}
              >
                Sign off curriculum
              </Button>
            ) : null}
            {enrolment.completedAt ? null : (
              <Button
                size="xs"
                variant="subtle"
                color="red"
                loading={withdraw.isPending}
                onClick={() => {
                  if (
                    window.confirm(`Withdraw from ${enrolment.curriculumName}? Progress is lost.`)
                  ) {
                    withdraw.mutate({ enrolmentId: enrolment.id });
                  }
                }}
              >
                Withdraw
              </Button>
            )}
          </Group>
        </Group>
        <Progress
          value={summary.percent}
          aria-label={`${summary.completedModules} of ${summary.totalModules} modules complete`}
        />
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing="xs" aria-label={`${enrolment.curriculumName} modules`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={30}>#</Table.Th>
                <Table.Th>Module</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Score</Table.Th>
                <Table.Th>Attempts</Table.Th>
                <Table.Th>Time spent</Table.Th>
                <Table.Th>Completed</Table.Th>
                <Table.Th>Sign-off</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {enrolment.modules.map((module, index) => (
                <ModuleRows
                  key={module.id}
                  enrolmentId={enrolment.id}
                  module={module}
                  number={index + 1}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Paper>
  );
}

/** Moves (or clears) the enrolment's due date. */
function DueDateControl({ enrolment }: { enrolment: Enrolment }) {
  const trpc = useTRPC();
  const action = useTrainingAction();
  const [opened, setOpened] = useState(false);
  const [dueDate, setDueDate] = useState(enrolment.dueAt?.toISOString().slice(0, 10) ?? '');
  const save = useMutation(
    trpc.training.setDueDate.mutationOptions({
      onSuccess: () => {
        setOpened(false);
        void action.onSuccess();
      },
    }),
  );
  const error = save.error
    ? (serverFieldErrors(save.error).dueDate ?? describeError(save.error))
    : null;
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" trapFocus>
      <Popover.Target>
        <Button size="xs" variant="default" onClick={() => setOpened((open) => !open)}>
          {enrolment.dueAt ? 'Change due date' : 'Set a due date'}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <TextInput
            type="date"
            label="Due date"
            value={dueDate}
            onChange={(event) => setDueDate(event.currentTarget.value)}
            error={error}
          />
          <Group gap="xs" justify="flex-end">
            <Button
              size="xs"
              variant="subtle"
              onClick={() => save.mutate({ enrolmentId: enrolment.id, dueDate: null })}
            >
              No due date
            </Button>
            <Button
              size="xs"
              disabled={dueDate === ''}
              loading={save.isPending}
              onClick={() => save.mutate({ enrolmentId: enrolment.id, dueDate })}
            >
              Save
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

function ModuleRows({
  enrolmentId,
  module,
  number,
}: {
  enrolmentId: string;
  module: Module;
  number: number;
}) {
  const trpc = useTRPC();
  const action = useTrainingAction();
  const key = { enrolmentId, moduleId: module.id };
  const signOff = useMutation(trpc.training.signOffModule.mutationOptions(action));
  const retake = useMutation(trpc.training.allowRetake.mutationOptions(action));
  const outOfAttempts = outOfQuizAttempts(module);
  const details = [
    module.livePractice?.text,
    module.needsReacknowledgement
      ? `Acknowledged v${module.acknowledgedSopVersion}; v${module.latestSopVersion} is published`
      : module.acknowledgedSopVersion !== null
        ? `Acknowledged v${module.acknowledgedSopVersion}`
        : null,
  ].filter(Boolean);
  return (
    <>
      <Table.Tr>
        <Table.Td>{number}</Table.Td>
        <Table.Td>
          <Text size="sm" fw={600}>
            {module.title}
          </Text>
          <Text size="xs" c="dimmed">
            {module.kindLabel} · {module.requirement}
            {module.locked ? ' · locked' : ''}
          </Text>
          {details.map((line) => (
            <Text key={line} size="xs" c={module.needsReacknowledgement ? 'orange' : 'dimmed'}>
              {line}
            </Text>
          ))}
        </Table.Td>
        <Table.Td>
          <TrainingProgressBadge status={module.status} />
        </Table.Td>
        <Table.Td>{module.score === null ? '—' : `${module.score}%`}</Table.Td>
        <Table.Td>
          {module.maxAttempts === null ? '—' : `${module.attempts} of ${module.maxAttempts}`}
          {outOfAttempts ? (
            <Button
              size="compact-xs"
              variant="light"
              ml="xs"
              loading={retake.isPending}
              onClick={() => retake.mutate(key)}
            >
              Allow a retake
            </Button>
          ) : null}
        </Table.Td>
        <Table.Td>{timeSpentText(module.timeSpentSeconds)}</Table.Td>
        <Table.Td>
          <Text size="xs">{module.completedAt ? formatDateTime(module.completedAt) : '—'}</Text>
        </Table.Td>
        <Table.Td>
          {module.status === 'awaiting_sign_off' ? (
            <Button
              size="compact-xs"
              loading={signOff.isPending}
              onClick={() => signOff.mutate(key)}
              aria-label={`Sign off ${module.title}`}
            >
              Sign off
            </Button>
          ) : module.signedOffByName ? (
            <Text size="xs">
              {module.signedOffByName}
              {module.signedOffAt ? `, ${formatDateTime(module.signedOffAt)}` : ''}
            </Text>
          ) : (
            <Text size="xs" c="dimmed">
              {module.requiresSignOff ? 'Needed' : 'Not needed'}
            </Text>
          )}
        </Table.Td>
      </Table.Tr>
      {module.quizAttempts.length > 0 || module.kind === 'shadowing' ? (
        <Table.Tr>
          <Table.Td />
          <Table.Td colSpan={7}>
            {module.quizAttempts.length > 0 ? <QuizAttempts module={module} /> : null}
            {module.kind === 'shadowing' ? (
              <ShadowingLog enrolmentId={enrolmentId} module={module} />
            ) : null}
          </Table.Td>
        </Table.Tr>
      ) : null}
    </>
  );
}

function QuizAttempts({ module }: { module: Module }) {
  return (
    <Stack gap={2}>
      {module.quizAttempts.map((attempt) => {
        const status = attempt.status as QuizAttemptStatus;
        return (
          <Group key={attempt.id} gap="xs">
            <Text size="xs">
              Attempt {attempt.number} · {formatDateTime(attempt.submittedAt)} ·{' '}
              {quizResultText(status, attempt.score)}
              {attempt.feedback ? ` · “${attempt.feedback}”` : ''}
            </Text>
            <Anchor component={Link} to={markAttemptPath(attempt.id)} size="xs">
              {status === 'awaiting_marking' ? 'Mark' : 'View answers'}
            </Anchor>
          </Group>
        );
      })}
    </Stack>
  );
}

/**
 * The shadowing log: conversations the trainee watched, logged by them or added here by the
 * trainer they sat with. Signing the module off confirms the log.
 */
function ShadowingLog({ enrolmentId, module }: { enrolmentId: string; module: Module }) {
  const trpc = useTRPC();
  const action = useTrainingAction();
  const [number, setNumber] = useState<number | string>('');
  const add = useMutation(
    trpc.training.logShadowing.mutationOptions({
      onSuccess: () => {
        setNumber('');
        void action.onSuccess();
      },
    }),
  );
  const remove = useMutation(trpc.training.removeShadowing.mutationOptions(action));
  const conversations = module.livePractice?.conversations ?? [];
  const error =
    serverFieldErrors(add.error).conversationNumber ??
    (add.error ? describeError(add.error) : undefined);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (typeof number === 'number') {
      add.mutate({ enrolmentId, moduleId: module.id, conversationNumber: number });
    }
  };
  return (
    <Stack gap={4}>
      {conversations.map((conversation) => (
        <Group key={conversation.id} gap="xs">
          <Text size="xs">
            #{conversation.number} {conversation.subject || '(no subject)'}
            {conversation.assigneeName ? ` · handled by ${conversation.assigneeName}` : ''}
          </Text>
          {module.status !== 'completed' ? (
            <ActionIcon
              size="sm"
              variant="subtle"
              color="red"
              aria-label={`Remove #${conversation.number} from the shadowing log`}
              onClick={() =>
                remove.mutate({ enrolmentId, moduleId: module.id, conversationId: conversation.id })
              }
            >
              <IconTrash size={12} />
            </ActionIcon>
          ) : null}
        </Group>
      ))}
      {module.status !== 'completed' && !module.locked ? (
        <form noValidate onSubmit={onSubmit}>
          <Group gap="xs" align="flex-start">
            <NumberInput
              size="xs"
              aria-label="Conversation number watched"
              placeholder="Conversation #"
              min={1}
              allowDecimal={false}
              allowNegative={false}
              hideControls
              value={number}
              onChange={setNumber}
              error={error}
              w={160}
            />
            <Button size="xs" variant="light" type="submit" loading={add.isPending}>
              Log shadowed conversation
            </Button>
          </Group>
        </form>
      ) : null}
      {conversations.length === 0 && module.status === 'completed' ? (
        <Text size="xs" c="dimmed">
          No conversations logged
        </Text>
      ) : null}
    </Stack>
  );
}
