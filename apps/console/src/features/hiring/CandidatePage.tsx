import { Anchor, Badge, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import {
  CANDIDATE_SOURCE_LABELS,
  type CandidateSource,
  requisitionLabel,
} from '@switchboard/domain';
import { BackLink, DetailQueryState, formatDateTime } from '@switchboard/ui';
import { type RouterOutputs, useTRPC } from '@switchboard/ui/trpc';
import { IconPencil, IconUser } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Link, useParams } from 'react-router';
import { AttachmentsSection } from './AttachmentsSection.tsx';
import { CandidateModal } from './CandidateModal.tsx';
import { CandidateStageMenu } from './CandidateStageMenu.tsx';
import { HireSection } from './HireSection.tsx';
import { HiringActionsProvider } from './HiringActions.tsx';
import { StageBadge } from './HiringBadges.tsx';
import { HistorySection } from './HistorySection.tsx';
import { daysSince, rejectionLabel } from './hiring-format.ts';
import { HIRING_PATHS, requisitionPath } from './hiring-paths.ts';
import { NotesSection } from './NotesSection.tsx';
import { ScorecardsSection } from './ScorecardsSection.tsx';
import { useHiringOptions } from './use-hiring.ts';

type CandidateDetail = RouterOutputs['hiring']['candidate'];

function BackToList() {
  return <BackLink to={HIRING_PATHS.candidates}>All candidates</BackLink>;
}

/** One candidate: where they are, how they scored, what the team noted, their files, history. */
export function CandidatePage() {
  const trpc = useTRPC();
  const { candidateId = '' } = useParams();
  const detail = useQuery(trpc.hiring.candidate.queryOptions({ id: candidateId }));
  return (
    <DetailQueryState
      query={detail}
      back={<BackToList />}
      loadingLabel="Loading the candidate"
      notFound={{
        icon: <IconUser />,
        title: 'No such candidate',
        description: 'It may have been mistyped; the candidates list has everyone.',
      }}
    >
      {(data) => (
        <HiringActionsProvider>
          <CandidateView detail={data} />
        </HiringActionsProvider>
      )}
    </DetailQueryState>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" w={90}>
        {label}
      </Text>
      <div>{children}</div>
    </Group>
  );
}

function CandidateView({ detail }: { detail: CandidateDetail }) {
  const options = useHiringOptions();
  const [editing, setEditing] = useState(false);
  const { candidate, requisition } = detail;
  const now = new Date();
  return (
    <Stack gap="md">
      <BackToList />
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="xs">
            <Title order={1} size="h2">
              {candidate.name}
            </Title>
            <StageBadge name={candidate.stageName} kind={candidate.stageKind} />
          </Group>
          <Text size="sm" c="dimmed">
            <Anchor component={Link} to={requisitionPath(requisition.id)} size="sm">
              {`${requisitionLabel(requisition.number)} ${requisition.title}`}
            </Anchor>
            {` · ${requisition.teamName} · in ${candidate.stageName} for ${daysSince(candidate.stageEnteredAt, now)}`}
          </Text>
          {candidate.stageKind === 'rejected' ? (
            <Text size="sm" c="red">
              {`Rejected: ${rejectionLabel(candidate.rejectionReason)}${candidate.rejectionNote ? ` — ${candidate.rejectionNote}` : ''}`}
            </Text>
          ) : null}
        </div>
        <Group>
          <Button
            variant="default"
            leftSection={<IconPencil size={16} />}
            onClick={() => setEditing(true)}
          >
            Edit
          </Button>
          {options.data ? (
            <CandidateStageMenu candidate={candidate} stages={options.data.stages} />
          ) : null}
        </Group>
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            <Paper withBorder p="md">
              <Stack gap="xs">
                <Title order={2} size="h4">
                  Profile
                </Title>
                <Fact label="Email">
                  <Anchor href={`mailto:${candidate.email}`} size="sm">
                    {candidate.email}
                  </Anchor>
                </Fact>
                <Fact label="Phone">
                  <Text size="sm">{candidate.phone || '—'}</Text>
                </Fact>
                <Fact label="Languages">
                  <Group gap={4}>
                    {candidate.languages.map((language) => (
                      <Badge key={language} size="sm" variant="default">
                        {language}
                      </Badge>
                    ))}
                  </Group>
                </Fact>
                <Fact label="Location">
                  <Text size="sm">{candidate.location || '—'}</Text>
                </Fact>
                <Fact label="Source">
                  <Text size="sm">
                    {CANDIDATE_SOURCE_LABELS[candidate.source as CandidateSource] ??
                      candidate.source}
                  </Text>
                </Fact>
                <Fact label="Applied">
                  <Text size="sm">{formatDateTime(candidate.createdAt)}</Text>
                </Fact>
              </Stack>
            </Paper>
            <HireSection detail={detail} />
            <AttachmentsSection detail={detail} />
            <HistorySection detail={detail} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack>
            <ScorecardsSection detail={detail} />
            <NotesSection detail={detail} />
          </Stack>
        </Grid.Col>
      </Grid>
      <CandidateModal opened={editing} candidate={candidate} onClose={() => setEditing(false)} />
    </Stack>
  );
}
