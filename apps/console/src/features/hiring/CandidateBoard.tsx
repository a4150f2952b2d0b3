import {
  Anchor,
  Badge,
  Group,
  Paper,
  ScrollArea,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { type PipelineStage, requisitionLabel } from '@switchboard/domain';
import type { RouterOutputs } from '@switchboard/ui/trpc';
import { Link } from 'react-router';
import { CandidateStageMenu } from './CandidateStageMenu.tsx';
import { daysSince, ratingText, rejectionLabel } from './hiring-format.ts';
import { candidatePath } from './hiring-paths.ts';

type BoardColumn = RouterOutputs['hiring']['board'][number];
type BoardCard = BoardColumn['candidates'][number];

export interface CandidateBoardProps {
  columns: BoardColumn[];
  /** Hide the requisition on cards when the board is one requisition's. */
  showRequisition: boolean;
  now: Date;
}

/** The pipeline as columns; each card moves on from its menu. */
export function CandidateBoard({ columns, showRequisition, now }: CandidateBoardProps) {
  const stages: PipelineStage[] = columns.map(({ id, name, kind, position }) => ({
    id,
    name,
    kind,
    position,
  }));
  return (
    <ScrollArea type="auto" offsetScrollbars>
      <Group align="flex-start" wrap="nowrap" gap="sm" pb="sm">
        {columns.map((column) => (
          <Paper
            key={column.id}
            withBorder
            p="xs"
            w={250}
            miw={250}
            bg="var(--mantine-color-default-hover)"
            component="section"
            aria-label={column.name}
          >
            <Group justify="space-between" mb="xs">
              <Title order={2} size="h6">
                {column.name}
              </Title>
              <Badge variant="light" color={column.kind === 'rejected' ? 'red' : 'gray'}>
                {column.total}
              </Badge>
            </Group>
            <Stack gap="xs">
              {column.candidates.map((card) => (
                <CandidateCard
                  key={card.id}
                  card={card}
                  stages={stages}
                  showRequisition={showRequisition}
                  now={now}
                />
              ))}
              {column.total > column.candidates.length ? (
                <Text size="xs" c="dimmed">
                  {`${column.total - column.candidates.length} more: see the table`}
                </Text>
              ) : null}
              {column.total === 0 ? (
                <Text size="xs" c="dimmed">
                  Nobody here
                </Text>
              ) : null}
            </Stack>
          </Paper>
        ))}
      </Group>
    </ScrollArea>
  );
}

function CandidateCard({
  card,
  stages,
  showRequisition,
  now,
}: {
  card: BoardCard;
  stages: PipelineStage[];
  showRequisition: boolean;
  now: Date;
}) {
  return (
    <Paper withBorder p="xs" shadow="xs" component="article" aria-label={card.name}>
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap={4}>
        <Anchor component={Link} to={candidatePath(card.id)} fw={600} size="sm">
          {card.name}
        </Anchor>
        <CandidateStageMenu candidate={card} stages={stages} compact />
      </Group>
      {showRequisition ? (
        <Text size="xs" c="dimmed" lineClamp={1}>
          {`${requisitionLabel(card.requisitionNumber)} ${card.requisitionTitle}`}
        </Text>
      ) : null}
      <Group gap={4} mt={4}>
        {card.languages.map((language) => (
          <Badge key={language} size="xs" variant="default">
            {language}
          </Badge>
        ))}
      </Group>
      <Group justify="space-between" mt={4}>
        <Tooltip label="Time in this stage">
          <Text size="xs" c="dimmed">
            {daysSince(card.stageEnteredAt, now)}
          </Text>
        </Tooltip>
        {card.scorecardCount > 0 ? (
          <Tooltip label={`Average of ${card.scorecardCount} scorecards`}>
            <Text size="xs" fw={600}>
              {`★ ${ratingText(card.averageScore)}`}
            </Text>
          </Tooltip>
        ) : null}
      </Group>
      {card.stageKind === 'rejected' ? (
        <Text size="xs" c="red" mt={4}>
          {rejectionLabel(card.rejectionReason)}
        </Text>
      ) : null}
    </Paper>
  );
}
