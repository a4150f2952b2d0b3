import {
  Alert,
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { describeError } from '@switchboard/ui';
import { useViewer } from '@switchboard/ui/auth';
import { serverFieldErrors } from '@switchboard/ui/playbooks';
import { useRefreshArea, useTRPC } from '@switchboard/ui/trpc';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { calibrationPath } from './qa-links.ts';

export interface NewCalibrationModalProps {
  opened: boolean;
  onClose: () => void;
}

/** Sets up a session: one conversation, a scorecard's current version, two or more reviewers. */
export function NewCalibrationModal({ opened, onClose }: NewCalibrationModalProps) {
  const trpc = useTRPC();
  const viewer = useViewer();
  const navigate = useNavigate();
  const refresh = useRefreshArea('qa');
  const options = useQuery({ ...trpc.qa.filterOptions.queryOptions(), enabled: opened });
  const [title, setTitle] = useState('');
  const [conversationNumber, setConversationNumber] = useState<number | string>('');
  const [scorecardId, setScorecardId] = useState<string | null>(null);
  const [reviewerIds, setReviewerIds] = useState<string[]>([viewer.id]);
  const create = useMutation(
    trpc.qa.createCalibration.mutationOptions({
      onSuccess: ({ id }) => {
        void refresh();
        onClose();
        void navigate(calibrationPath(id));
      },
    }),
  );
  const errors = serverFieldErrors(create.error);
  const reviewerError =
    errors.reviewerIds ??
    Object.entries(errors).find(([path]) => path.startsWith('reviewerIds.'))?.[1];
  const shown = ['title', 'conversationNumber', 'scorecardId'];
  const unplaced =
    create.error && !reviewerError && !shown.some((field) => errors[field])
      ? describeError(create.error)
      : null;
  return (
    <Modal opened={opened} onClose={onClose} title="New calibration session" size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate({
            title,
            conversationNumber: typeof conversationNumber === 'number' ? conversationNumber : 0,
            scorecardId: scorecardId ?? '',
            reviewerIds,
          });
        }}
      >
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            Each reviewer scores the same conversation without seeing the others’ scores. Reveal the
            session once they have submitted, then talk through the criteria you disagree on.
          </Text>
          <TextInput
            label="Title"
            placeholder="e.g. Missed pickup at Lisbon airport"
            required
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={errors.title}
          />
          <Group grow align="flex-start">
            <NumberInput
              label="Conversation number"
              required
              min={1}
              allowDecimal={false}
              hideControls
              value={conversationNumber}
              onChange={setConversationNumber}
              error={errors.conversationNumber}
            />
            <Select
              label="Scorecard"
              required
              data={(options.data?.scorecards ?? [])
                .filter((scorecard) => !scorecard.archivedAt)
                .map((scorecard) => ({ value: scorecard.id, label: scorecard.name }))}
              value={scorecardId}
              onChange={setScorecardId}
              error={errors.scorecardId}
            />
          </Group>
          <MultiSelect
            label="Reviewers"
            description="Two or more leads, trainers or admins"
            required
            searchable
            data={(options.data?.reviewers ?? []).map((reviewer) => ({
              value: reviewer.id,
              label: reviewer.name,
            }))}
            value={reviewerIds}
            onChange={setReviewerIds}
            error={reviewerError}
          />
          {unplaced ? (
            <Alert color="red" icon={<IconAlertTriangle />}>
              {unplaced}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Start the session
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
