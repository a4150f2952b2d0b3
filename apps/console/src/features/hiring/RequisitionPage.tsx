import {
  Badge,
  Button,
  Group,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { requisitionLabel, requisitionTakesCandidates } from '@switchboard/domain';
import {
  BackLink,
  DetailQueryState,
  describeError,
  ErrorState,
  TableSkeleton,
} from '@switchboard/ui';
import { useTRPC } from '@switchboard/ui/trpc';
import { IconBriefcase, IconPencil, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useParams } from 'react-router';
import { CandidateBoard } from './CandidateBoard.tsx';
import { CandidateModal } from './CandidateModal.tsx';
import { FunnelCard } from './FunnelCard.tsx';
import { HiringActionsProvider } from './HiringActions.tsx';
import { RequisitionStatusBadge } from './HiringBadges.tsx';
import { dateText } from './hiring-format.ts';
import { HIRING_PATHS } from './hiring-paths.ts';
import { type RequisitionDetail, RequisitionModal } from './RequisitionModal.tsx';

function BackToList() {
  return <BackLink to={HIRING_PATHS.requisitions}>All requisitions</BackLink>;
}

/** One requisition: what it is for, its funnel, and its candidates by stage. */
export function RequisitionPage() {
  const trpc = useTRPC();
  const { requisitionId = '' } = useParams();
  const requisition = useQuery(trpc.hiring.requisition.queryOptions({ id: requisitionId }));
  return (
    <DetailQueryState
      query={requisition}
      back={<BackToList />}
      loadingLabel="Loading the requisition"
      notFound={{
        icon: <IconBriefcase />,
        title: 'No such requisition',
        description: 'It may have been mistyped; the list has every requisition.',
      }}
    >
      {(data) => <RequisitionView requisition={data} />}
    </DetailQueryState>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      {children}
    </Stack>
  );
}

function RequisitionView({ requisition }: { requisition: RequisitionDetail }) {
  const trpc = useTRPC();
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const board = useQuery(trpc.hiring.board.queryOptions({ requisitionId: requisition.id }));
  const takesCandidates = requisitionTakesCandidates(requisition.status);
  const now = new Date();
  return (
    <HiringActionsProvider>
      <Stack gap="md">
        <BackToList />
        <Group justify="space-between" align="flex-start">
          <div>
            <Group gap="xs">
              <Title order={1} size="h2">
                {`${requisitionLabel(requisition.number)} ${requisition.title}`}
              </Title>
              <RequisitionStatusBadge status={requisition.status} />
            </Group>
            {requisition.description ? (
              <Text c="dimmed" size="sm" maw={800}>
                {requisition.description}
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
            <Button
              leftSection={<IconPlus size={16} />}
              disabled={!takesCandidates}
              onClick={() => setAdding(true)}
            >
              Add candidate
            </Button>
          </Group>
        </Group>
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }}>
            <Fact label="Team">
              <Text size="sm">{requisition.teamName}</Text>
            </Fact>
            <Fact label="City">
              <Text size="sm">{requisition.cityName ?? 'Every city'}</Text>
            </Fact>
            <Fact label="Languages">
              <Group gap={4}>
                {requisition.languages.map((language) => (
                  <Badge key={language} size="sm" variant="default">
                    {language}
                  </Badge>
                ))}
              </Group>
            </Fact>
            <Fact label="Hired">
              <Text size="sm">{`${requisition.hiredCount} of ${requisition.headcount}`}</Text>
              <Progress
                size="sm"
                value={(requisition.hiredCount / requisition.headcount) * 100}
                aria-label={`${requisition.hiredCount} of ${requisition.headcount} hired`}
              />
            </Fact>
            <Fact label="Target start">
              <Text size="sm">{dateText(requisition.targetStartDate)}</Text>
            </Fact>
            <Fact label="Owner">
              <Text size="sm">{requisition.ownerName ?? 'Nobody yet'}</Text>
            </Fact>
          </SimpleGrid>
        </Paper>
        <FunnelCard requisitionId={requisition.id} />
        <Title order={2} size="h4">
          Candidates
        </Title>
        {board.isPending ? (
          <TableSkeleton label="Loading the board" />
        ) : board.isError ? (
          <ErrorState message={describeError(board.error)} onRetry={() => void board.refetch()} />
        ) : (
          <CandidateBoard columns={board.data} showRequisition={false} now={now} />
        )}
        <RequisitionModal
          opened={editing}
          requisition={requisition}
          onClose={() => setEditing(false)}
        />
        <CandidateModal
          opened={adding}
          candidate={null}
          requisitionId={requisition.id}
          onClose={() => setAdding(false)}
        />
      </Stack>
    </HiringActionsProvider>
  );
}
