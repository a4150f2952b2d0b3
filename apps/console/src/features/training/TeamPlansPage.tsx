import { Badge, Button, Group, MultiSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { TEAM_KIND_LABELS } from '@switchboard/domain';
import { describeError, ErrorState, TableSkeleton } from '@switchboard/ui';
import { type RouterOutputs, useRefreshArea, useTRPC } from '@switchboard/ui/trpc';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { TrainingHeader } from './TrainingHeader.tsx';
import { TEAM_PLANS_PATH } from './training-links.ts';

type TeamPlan = RouterOutputs['training']['teamPlans'][number];

/** Which curricula each team's new hires are enrolled in, in order. */
export function TeamPlansPage() {
  const trpc = useTRPC();
  const plans = useQuery(trpc.training.teamPlans.queryOptions());
  const curricula = useQuery(trpc.training.curricula.queryOptions({ includeArchived: false }));
  const options = (curricula.data ?? []).map((row) => ({ value: row.id, label: row.name }));
  return (
    <Stack gap="md">
      <TrainingHeader
        active={TEAM_PLANS_PATH}
        description="A team's plan is the curricula its new hires are enrolled in when they are hired, in this order."
      />
      {plans.isPending ? (
        <TableSkeleton label="Loading team plans" />
      ) : plans.isError ? (
        <ErrorState message={describeError(plans.error)} onRetry={() => void plans.refetch()} />
      ) : (
        plans.data.map((team) => <TeamPlanCard key={team.id} team={team} options={options} />)
      )}
    </Stack>
  );
}

function TeamPlanCard({
  team,
  options,
}: {
  team: TeamPlan;
  options: Array<{ value: string; label: string }>;
}) {
  const trpc = useTRPC();
  const refreshTraining = useRefreshArea('training');
  const saved = team.curricula.map((curriculum) => curriculum.curriculumId);
  const [chosen, setChosen] = useState<string[]>(saved);
  const dirty = chosen.join() !== saved.join();
  const save = useMutation(
    trpc.training.setTeamPlan.mutationOptions({
      onSuccess: () => {
        notifications.show({ color: 'teal', message: `${team.name}: training plan saved` });
        void refreshTraining();
      },
      onError: (error) =>
        notifications.show({ color: 'red', title: 'Not saved', message: describeError(error) }),
    }),
  );
  return (
    <Paper withBorder p="md" component="section" aria-label={team.name}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Group gap="xs">
            <Title order={2} size="h5">
              {team.name}
            </Title>
            <Badge variant="outline" color="gray" size="sm">
              {TEAM_KIND_LABELS[team.kind]}
            </Badge>
          </Group>
          <Group gap="xs">
            <Button variant="default" size="xs" disabled={!dirty} onClick={() => setChosen(saved)}>
              Discard
            </Button>
            <Button
              size="xs"
              disabled={!dirty}
              loading={save.isPending}
              onClick={() => save.mutate({ teamId: team.id, curriculumIds: chosen })}
            >
              Save plan
            </Button>
          </Group>
        </Group>
        <MultiSelect
          label={`Curricula for new hires of ${team.name}`}
          placeholder={chosen.length === 0 ? 'No training plan' : undefined}
          data={[
            ...options,
            // An archived curriculum still in the plan stays visible until removed.
            ...team.curricula
              .filter(
                (curriculum) => !options.some((option) => option.value === curriculum.curriculumId),
              )
              .map((curriculum) => ({ value: curriculum.curriculumId, label: curriculum.name })),
          ]}
          value={chosen}
          onChange={setChosen}
          searchable
          clearable
        />
        <Text size="xs" c="dimmed">
          {chosen.length === 0
            ? 'New hires of this team start with no training.'
            : 'In the order chosen; remove and add again to reorder.'}
        </Text>
      </Stack>
    </Paper>
  );
}
