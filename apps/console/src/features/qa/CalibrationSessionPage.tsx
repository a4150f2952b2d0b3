import { Alert, Badge, Button, Grid, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { BackLink, DetailQueryState, describeError, formatDateTime } from '@switchboard/ui';
import { useViewer } from '@switchboard/ui/auth';
import { QaScoresView, ReviewedConversation } from '@switchboard/ui/qa';
import { useRefreshArea, useTRPC } from '@switchboard/ui/trpc';
import { IconEye, IconEyeOff } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { CalibrationSpread } from './CalibrationSpread.tsx';
import type { QaCalibrationDetail } from './qa-detail.ts';
import { QA_CALIBRATION_PATH } from './qa-links.ts';
import { ReviewScoringPanel } from './ReviewScoringPanel.tsx';

function BackToSessions() {
  return <BackLink to={QA_CALIBRATION_PATH}>Calibration sessions</BackLink>;
}

function Reviewers({ detail }: { detail: QaCalibrationDetail }) {
  return (
    <List spacing={4} size="sm" aria-label="Reviewers">
      {detail.reviewers.map((reviewer) => (
        <List.Item key={reviewer.reviewerId}>
          {reviewer.reviewerName} —{' '}
          {reviewer.submittedAt ? (
            <Text span size="sm" c="teal">
              submitted {formatDateTime(reviewer.submittedAt)}
            </Text>
          ) : (
            <Text span size="sm" c="dimmed">
              not yet
            </Text>
          )}
        </List.Item>
      ))}
    </List>
  );
}

/** What the viewer does in an open session: score blind, or wait with their own scores in view. */
function MyPart({ detail }: { detail: QaCalibrationDetail }) {
  const viewer = useViewer();
  const mine = detail.reviewers.find((reviewer) => reviewer.reviewerId === viewer.id);
  if (!mine) {
    return (
      <Text size="sm" c="dimmed">
        You are not a reviewer in this session. The scores appear here once it is revealed.
      </Text>
    );
  }
  if (!mine.submittedAt) {
    return (
      <ReviewScoringPanel
        calibration
        detail={{
          scorecard: detail.scorecard,
          review: {
            id: mine.reviewId,
            scores: mine.scores ?? {},
            comment: mine.comment ?? '',
            agentName: detail.conversation.conversation.assigneeName ?? 'the agent',
          },
        }}
      />
    );
  }
  return (
    <Paper withBorder p="md" component="section" aria-label="Your scores">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Your scores: {mine.score}%
        </Title>
        <Text size="sm" c="dimmed">
          The others’ scores stay hidden until the session is revealed.
        </Text>
        <QaScoresView criteria={detail.scorecard.criteria} answers={mine.scores ?? {}} />
      </Stack>
    </Paper>
  );
}

/**
 * One calibration session. Open, each reviewer scores blind beside the conversation and sees
 * only who has submitted; revealed, everyone sees the spread and the agreement.
 */
export function CalibrationSessionPage() {
  const { sessionId = '' } = useParams();
  const trpc = useTRPC();
  const refresh = useRefreshArea('qa');
  const session = useQuery(trpc.qa.calibration.queryOptions({ id: sessionId }));
  const reveal = useMutation(
    trpc.qa.reveal.mutationOptions({
      onSuccess: () => {
        notifications.show({
          color: 'teal',
          message: 'Session revealed: the reviewers can compare.',
        });
        void refresh();
      },
    }),
  );

  return (
    <DetailQueryState
      query={session}
      back={<BackToSessions />}
      loadingLabel="Loading the session"
      notFound={{
        title: 'Session not found',
        description: 'There is no calibration session at this address.',
      }}
    >
      {(detail) => {
        const revealed = detail.session.status === 'revealed';
        const submitted = detail.reviewers.filter((reviewer) => reviewer.submittedAt).length;
        return (
          <Stack gap="md">
            <BackToSessions />
            <Group justify="space-between" align="flex-start">
              <div>
                <Group gap="sm">
                  <Title order={2} size="h3">
                    {detail.session.title}
                  </Title>
                  <Badge
                    variant="light"
                    color={revealed ? 'teal' : 'blue'}
                    leftSection={revealed ? <IconEye size={12} /> : <IconEyeOff size={12} />}
                  >
                    {revealed ? 'Revealed' : 'Scoring blind'}
                  </Badge>
                </Group>
                <Text size="sm" c="dimmed">
                  {detail.scorecard.name}, version {detail.scorecard.version} · set up by{' '}
                  {detail.session.createdByName ?? 'someone'} on{' '}
                  {formatDateTime(detail.session.createdAt)} · {submitted} of{' '}
                  {detail.reviewers.length} submitted
                  {detail.session.revealedAt
                    ? ` · revealed ${formatDateTime(detail.session.revealedAt)}`
                    : ''}
                </Text>
              </div>
              {revealed ? null : (
                <Stack gap={4} align="flex-end">
                  <Button
                    leftSection={<IconEye size={16} />}
                    disabled={detail.revealRefusal !== null}
                    loading={reveal.isPending}
                    onClick={() => reveal.mutate({ id: detail.session.id })}
                  >
                    Reveal the scores
                  </Button>
                  {detail.revealRefusal ? (
                    <Text size="xs" c="dimmed">
                      {detail.revealRefusal}
                    </Text>
                  ) : (
                    <Text size="xs" c="dimmed">
                      Whoever has not submitted by then is left out.
                    </Text>
                  )}
                </Stack>
              )}
            </Group>
            {reveal.error ? <Alert color="red">{describeError(reveal.error)}</Alert> : null}
            {revealed && detail.result ? (
              <CalibrationSpread detail={detail} result={detail.result} />
            ) : null}
            <Grid gap="md">
              <Grid.Col span={{ base: 12, lg: 7 }}>
                <ReviewedConversation detail={detail.conversation} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, lg: 5 }}>
                <Stack gap="md">
                  <Paper withBorder p="md" component="section" aria-label="Who has scored">
                    <Title order={2} size="h4" mb="xs">
                      Reviewers
                    </Title>
                    <Reviewers detail={detail} />
                  </Paper>
                  {revealed ? (
                    detail.reviewers
                      .filter((reviewer) => reviewer.submittedAt && reviewer.comment)
                      .map((reviewer) => (
                        <Paper key={reviewer.reviewerId} withBorder p="md">
                          <Text size="sm" fw={600}>
                            {reviewer.reviewerName}’s notes
                          </Text>
                          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                            {reviewer.comment}
                          </Text>
                        </Paper>
                      ))
                  ) : (
                    <MyPart detail={detail} />
                  )}
                </Stack>
              </Grid.Col>
            </Grid>
          </Stack>
        );
      }}
    </DetailQueryState>
  );
}
