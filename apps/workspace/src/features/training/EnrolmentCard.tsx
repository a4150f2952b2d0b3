import { Anchor, Badge, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { ENROLMENT_STATE_LABELS } from '@switchboard/domain';
import { formatDateTime, TrainingProgressBadge } from '@switchboard/ui';
import type { RouterOutputs } from '@switchboard/ui/trpc';
import { IconCertificate, IconLock } from '@tabler/icons-react';
import { Link } from 'react-router';
import { moduleLink } from './training-links.ts';

type Enrolment = RouterOutputs['training']['mine']['enrolments'][number];
type Module = Enrolment['modules'][number];

export function EnrolmentCard({ enrolment }: { enrolment: Enrolment }) {
  const { summary } = enrolment;
  return (
    <Paper withBorder p="md" component="section" aria-label={enrolment.curriculumName}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={2} size="h4">
              {enrolment.curriculumName}
            </Title>
            {enrolment.certificationName ? (
              <Group gap={4}>
                <IconCertificate size={16} />
                <Text size="sm" c="dimmed">
                  Certifies you for {enrolment.certificationName}
                </Text>
              </Group>
            ) : null}
          </Stack>
          <Badge
            variant="light"
            color={summary.state === 'completed' ? 'teal' : summary.overdue ? 'red' : 'blue'}
          >
            {summary.overdue ? 'Overdue' : ENROLMENT_STATE_LABELS[summary.state]}
          </Badge>
        </Group>
        <Progress
          value={summary.percent}
          aria-label={`${summary.completedModules} of ${summary.totalModules} modules complete`}
        />
        <Text size="sm" c="dimmed">
          {summary.completedModules} of {summary.totalModules} modules complete
          {enrolment.completedAt
            ? ` · completed ${formatDateTime(enrolment.completedAt)}`
            : enrolment.dueAt
              ? ` · due ${formatDateTime(enrolment.dueAt)}`
              : ''}
          {summary.state === 'awaiting_sign_off' ? ' · waiting for your trainer’s sign-off' : ''}
        </Text>
        <Stack gap="xs" component="ol" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {enrolment.modules.map((module, index) => (
            <ModuleRow
              key={module.id}
              enrolmentId={enrolment.id}
              module={module}
              number={index + 1}
              previousTitle={enrolment.modules[index - 1]?.title ?? null}
            />
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}

function ModuleRow({
  enrolmentId,
  module,
  number,
  previousTitle,
}: {
  enrolmentId: string;
  module: Module;
  number: number;
  previousTitle: string | null;
}) {
  const details = [
    module.kindLabel,
    module.requirement,
    module.locked ? null : module.progressText,
    module.score !== null ? `best score ${module.score}%` : null,
    module.status === 'failed' && module.attemptsLeft !== null
      ? `${module.attemptsLeft} attempt${module.attemptsLeft === 1 ? '' : 's'} left`
      : null,
  ].filter(Boolean);
  return (
    <li>
      <Paper
        withBorder
        p="sm"
        bg={module.locked ? 'var(--mantine-color-default-hover)' : undefined}
      >
        <Group justify="space-between" wrap="nowrap">
          <Stack gap={2}>
            <Group gap="xs" wrap="nowrap">
              <Text size="sm" c="dimmed" w={20}>
                {number}.
              </Text>
              {module.locked ? (
                <Group gap={4}>
                  <IconLock size={14} aria-hidden />
                  <Text size="sm" c="dimmed">
                    {module.title}
                  </Text>
                </Group>
              ) : (
                <Anchor component={Link} to={moduleLink(enrolmentId, module.id)} fw={600} size="sm">
                  {module.title}
                </Anchor>
              )}
            </Group>
            <Text size="xs" c="dimmed" pl={28}>
              {module.locked && previousTitle ? `Opens after “${previousTitle}” · ` : ''}
              {details.join(' · ')}
            </Text>
          </Stack>
          <TrainingProgressBadge status={module.status} />
        </Group>
      </Paper>
    </li>
  );
}
