import { ActionIcon, Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { PipelineStage } from '@switchboard/domain';
import { describeError } from '@switchboard/ui';
import { useRefreshArea, useTRPC } from '@switchboard/ui/trpc';
import { IconArrowsRightLeft, IconDots, IconUserCheck, IconUserX } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useHiringActions } from './HiringActions.tsx';

export interface StageMenuCandidate {
  id: string;
  name: string;
  requisitionId: string;
  stageId: string;
  stageKind: PipelineStage['kind'];
}

export interface CandidateStageMenuProps {
  candidate: StageMenuCandidate;
  stages: readonly PipelineStage[];
  /** A compact "…" button (board cards) or a labelled one (the candidate's page). */
  compact?: boolean;
}

/** Moves a candidate along the pipeline, back, out (rejected with a reason) or to hired. */
export function CandidateStageMenu({
  candidate,
  stages,
  compact = false,
}: CandidateStageMenuProps) {
  const trpc = useTRPC();
  const refresh = useRefreshArea('hiring');
  const actions = useHiringActions();
  const move = useMutation(
    trpc.hiring.moveCandidate.mutationOptions({
      onSuccess: (moved) => {
        notifications.show({ color: 'teal', message: `${moved.name} moved to ${moved.stageName}` });
        void refresh();
      },
      onError: (error) => notifications.show({ color: 'red', message: describeError(error) }),
    }),
  );
  const hired = candidate.stageKind === 'hired';
  const rejected = candidate.stageKind === 'rejected';
  const targets = stages.filter(
    (stage) => stage.kind === 'active' && stage.id !== candidate.stageId,
  );
  if (hired) return null;

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          {compact ? (
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`Move ${candidate.name}`}
              loading={move.isPending}
            >
              <IconDots size={16} />
            </ActionIcon>
          ) : (
            <Button
              variant="default"
              leftSection={<IconArrowsRightLeft size={16} />}
              loading={move.isPending}
            >
              Move
            </Button>
          )}
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{rejected ? 'Bring back to' : 'Move to'}</Menu.Label>
          {targets.map((stage) => (
            <Menu.Item
              key={stage.id}
              onClick={() => move.mutate({ candidateId: candidate.id, toStageId: stage.id })}
            >
              {`Move to ${stage.name}`}
            </Menu.Item>
          ))}
          {compact && !rejected ? (
            <>
              <Menu.Divider />
              <Menu.Item
                leftSection={<IconUserCheck size={14} />}
                onClick={() => actions.hire(candidate)}
              >
                Hire
              </Menu.Item>
              <Menu.Item
                color="red"
                leftSection={<IconUserX size={14} />}
                onClick={() => actions.reject(candidate)}
              >
                Reject…
              </Menu.Item>
            </>
          ) : null}
        </Menu.Dropdown>
      </Menu>
      {!compact && !rejected ? (
        <>
          <Button
            variant="light"
            color="red"
            leftSection={<IconUserX size={16} />}
            onClick={() => actions.reject(candidate)}
          >
            Reject
          </Button>
          <Button leftSection={<IconUserCheck size={16} />} onClick={() => actions.hire(candidate)}>
            Hire
          </Button>
        </>
      ) : null}
    </>
  );
}
