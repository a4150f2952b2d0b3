import { Group, Modal, Radio, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import {
  HIRING_RECOMMENDATION_LABELS,
  HIRING_RECOMMENDATIONS,
  type HiringRecommendation,
  RUBRIC_ANCHORS,
  RUBRIC_LABELS,
  RUBRICS,
  type Rubric,
  SCORECARD_KIND_LABELS,
  SCORECARD_KINDS,
  type ScorecardKind,
  scorecardInputSchema,
} from '@switchboard/domain';
import { useRefreshArea, useTRPC } from '@switchboard/ui/trpc';
import { useMutation } from '@tanstack/react-query';
import { FormFooter } from '../../lib/FormFooter.tsx';
import { useServerErrors } from '../../lib/use-server-errors.ts';

interface ScorecardValues {
  kind: ScorecardKind;
  /** Radio values as strings; "" unrated, "na" for other languages not assessed. */
  ratings: Record<Rubric, string>;
  recommendation: HiringRecommendation | '';
  comments: string;
}

const FIELDS = ['kind', 'ratings', 'recommendation', 'comments'];
const validate = schemaResolver(scorecardInputSchema, { sync: true });

function inputOf(candidateId: string, values: ScorecardValues) {
  const rating = (value: string) => (value === '' ? undefined : Number(value));
  return {
    candidateId,
    kind: values.kind,
    ratings: {
      writtenEnglish: rating(values.ratings.writtenEnglish),
      empathy: rating(values.ratings.empathy),
      problemSolving: rating(values.ratings.problemSolving),
      otherLanguages:
        values.ratings.otherLanguages === 'na' ? null : rating(values.ratings.otherLanguages),
    },
    recommendation: values.recommendation || undefined,
    comments: values.comments,
  };
}

export interface ScorecardModalProps {
  candidate: { id: string; name: string } | null;
  onClose: () => void;
}

/** An interviewer rates the candidate 1–5 per rubric, recommends, and comments. */
export function ScorecardModal({ candidate, onClose }: ScorecardModalProps) {
  return (
    <Modal
      opened={candidate !== null}
      onClose={onClose}
      title={candidate ? `Scorecard for ${candidate.name}` : 'Scorecard'}
      size="lg"
    >
      {candidate ? <ScorecardForm candidate={candidate} onClose={onClose} /> : null}
    </Modal>
  );
}

function ScorecardForm({
  candidate,
  onClose,
}: {
  candidate: { id: string; name: string };
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const refresh = useRefreshArea('hiring');
  const form = useForm<ScorecardValues>({
    initialValues: {
      kind: 'interview',
      ratings: { writtenEnglish: '', empathy: '', problemSolving: '', otherLanguages: '' },
      recommendation: '',
      comments: '',
    },
    validate: (values) => validate(inputOf(candidate.id, values)),
  });
  const save = useMutation(
    trpc.hiring.saveScorecard.mutationOptions({
      onSuccess: () => {
        notifications.show({ color: 'teal', message: 'Scorecard saved' });
        void refresh();
        onClose();
      },
    }),
  );
  const unplaced = useServerErrors(save.error, FIELDS, form.setErrors);
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        save.mutate(scorecardInputSchema.parse(inputOf(candidate.id, values))),
      )}
    >
      <Stack>
        <SegmentedControl
          aria-label="Scorecard kind"
          data={SCORECARD_KINDS.map((kind) => ({
            value: kind,
            label: SCORECARD_KIND_LABELS[kind],
          }))}
          {...form.getInputProps('kind')}
        />
        <Text size="sm" c="dimmed">
          Filling the same kind again replaces your earlier scorecard.
        </Text>
        {RUBRICS.map((rubric) => (
          <Radio.Group
            key={rubric}
            label={RUBRIC_LABELS[rubric]}
            description={`1: ${RUBRIC_ANCHORS[rubric].low} · 5: ${RUBRIC_ANCHORS[rubric].high}`}
            withAsterisk={rubric !== 'otherLanguages'}
            {...form.getInputProps(`ratings.${rubric}`)}
          >
            <Group mt={4}>
              {['1', '2', '3', '4', '5'].map((value) => (
                <Radio key={value} value={value} label={value} />
              ))}
              {rubric === 'otherLanguages' ? <Radio value="na" label="Not assessed" /> : null}
            </Group>
          </Radio.Group>
        ))}
        <Radio.Group label="Recommendation" withAsterisk {...form.getInputProps('recommendation')}>
          <Group mt={4}>
            {HIRING_RECOMMENDATIONS.map((value) => (
              <Radio key={value} value={value} label={HIRING_RECOMMENDATION_LABELS[value]} />
            ))}
          </Group>
        </Radio.Group>
        <Textarea
          label="Comments"
          description="What you saw: examples help the next interviewer"
          autosize
          minRows={3}
          {...form.getInputProps('comments')}
        />
        <FormFooter
          error={unplaced}
          errorTitle="Not saved"
          pending={save.isPending}
          submitLabel="Save scorecard"
          onCancel={onClose}
        />
      </Stack>
    </form>
  );
}
