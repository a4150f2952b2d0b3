import { Alert, Anchor, Container, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { describeError, EmptyState, ErrorState } from '@switchboard/ui';
import { useTRPC } from '@switchboard/ui/trpc';
import { IconRefresh, IconSchool } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { EnrolmentCard } from './EnrolmentCard.tsx';
import { moduleLink } from './training-links.ts';

/**
 * The agent's own training: each curriculum with its modules in order (a module opens once
 * the one before it is done), and playbooks to read again after a new version came out.
 */
export function MyTrainingPage() {
  const trpc = useTRPC();
  const mine = useQuery(trpc.training.mine.queryOptions());
  return (
    <Container size="md" py="md">
      <Stack gap="md">
        <Group justify="space-between" align="baseline">
          <Title order={1} size="h2">
            My training
          </Title>
          {/* What training earns: one place, instead of another link in the crowded header. */}
          <Anchor component={Link} to="/certifications" size="sm">
            My certifications
          </Anchor>
        </Group>
        {mine.isPending ? (
          <Loader aria-label="Loading your training" />
        ) : mine.isError ? (
          <ErrorState message={describeError(mine.error)} onRetry={() => void mine.refetch()} />
        ) : (
          <>
            {mine.data.reacknowledge.length > 0 ? (
              <Alert
                color="orange"
                icon={<IconRefresh />}
                title="Playbooks updated since you trained"
              >
                <Stack gap={4}>
                  <Text size="sm">A new version was published: read it and acknowledge it.</Text>
                  {mine.data.reacknowledge.map((item) => (
                    <Anchor
                      key={`${item.enrolmentId}-${item.moduleId}`}
                      component={Link}
                      to={moduleLink(item.enrolmentId, item.moduleId)}
                      fw={600}
                    >
                      {item.title}
                    </Anchor>
                  ))}
                </Stack>
              </Alert>
            ) : null}
            {mine.data.enrolments.length === 0 ? (
              <EmptyState
                icon={<IconSchool size={32} />}
                title="No training yet"
                description="When a trainer enrols you in a curriculum, it appears here."
              />
            ) : (
              mine.data.enrolments.map((enrolment) => (
                <EnrolmentCard key={enrolment.id} enrolment={enrolment} />
              ))
            )}
          </>
        )}
      </Stack>
    </Container>
  );
}
