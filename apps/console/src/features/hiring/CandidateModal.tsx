import { Modal, Select, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import {
  CANDIDATE_SOURCE_LABELS,
  CANDIDATE_SOURCES,
  type CandidateSource,
  candidateInputSchema,
  requisitionLabel,
  requisitionTakesCandidates,
} from '@switchboard/domain';
import { type RouterOutputs, useRefreshArea, useTRPC } from '@switchboard/ui/trpc';
import { useMutation, useQuery } from '@tanstack/react-query';
import { FormFooter } from '../../lib/FormFooter.tsx';
import { useServerErrors } from '../../lib/use-server-errors.ts';
import { firstErrorUnder, LANGUAGE_SUGGESTIONS } from './form-helpers.ts';

type CandidateRow = RouterOutputs['hiring']['candidates']['items'][number];

interface CandidateValues {
  requisitionId: string;
  name: string;
  email: string;
  phone: string;
  languages: string[];
  source: CandidateSource | null;
  location: string;
}

const FIELDS = ['requisitionId', 'name', 'email', 'phone', 'languages', 'source', 'location'];
const validate = schemaResolver(candidateInputSchema, { sync: true });

export interface CandidateModalProps {
  opened: boolean;
  /** The candidate to edit; null adds one. */
  candidate: CandidateRow | null;
  /** The requisition a new candidate starts on. */
  requisitionId?: string | undefined;
  onClose: () => void;
  onSaved?: (saved: CandidateRow) => void;
}

/** Adds a candidate to a requisition (they start in the first stage) or corrects their details. */
export function CandidateModal(props: CandidateModalProps) {
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.candidate ? `Edit ${props.candidate.name}` : 'Add candidate'}
      size="lg"
    >
      {props.opened ? <CandidateForm {...props} /> : null}
    </Modal>
  );
}

function CandidateForm({ candidate, requisitionId, onClose, onSaved }: CandidateModalProps) {
  const trpc = useTRPC();
  const refresh = useRefreshArea('hiring');
  const requisitions = useQuery(
    trpc.hiring.requisitions.queryOptions({ sort: 'targetStartDate', limit: 200 }),
  );
  const form = useForm<CandidateValues>({
    mode: 'controlled',
    initialValues: candidate
      ? {
          requisitionId: candidate.requisitionId,
          name: candidate.name,
          email: candidate.email,
          phone: candidate.phone,
          languages: candidate.languages,
          source: candidate.source as CandidateSource,
          location: candidate.location,
        }
      : {
          requisitionId: requisitionId ?? '',
          name: '',
          email: '',
          phone: '',
          languages: [],
          source: null,
          location: '',
        },
    validate,
  });
  const onSuccess = (saved: CandidateRow) => {
    notifications.show({
      color: 'teal',
      message: candidate ? 'Candidate saved' : `${saved.name} added to ${saved.stageName}`,
    });
    void refresh();
    onSaved?.(saved);
    onClose();
  };
  const create = useMutation(trpc.hiring.createCandidate.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.hiring.updateCandidate.mutationOptions({ onSuccess }));
  const unplaced = useServerErrors(create.error ?? update.error, FIELDS, form.setErrors);
  // Candidates join requisitions still hiring; the current one stays listed when editing.
  const choices = (requisitions.data?.items ?? []).filter(
    (row) => requisitionTakesCandidates(row.status) || row.id === candidate?.requisitionId,
  );

  const submit = (values: CandidateValues) => {
    const input = candidateInputSchema.parse(values);
    if (candidate) update.mutate({ ...input, id: candidate.id });
    else create.mutate(input);
  };

  return (
    <form noValidate onSubmit={form.onSubmit(submit)}>
      <Stack>
        <Select
          label="Requisition"
          placeholder={requisitions.isPending ? 'Loading requisitions…' : 'Choose a requisition'}
          data={choices.map((row) => ({
            value: row.id,
            label: `${requisitionLabel(row.number)} ${row.title}`,
          }))}
          searchable
          withAsterisk
          {...form.getInputProps('requisitionId')}
          value={form.getValues().requisitionId || null}
          onChange={(id) => form.setFieldValue('requisitionId', id ?? '')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Name" withAsterisk data-autofocus {...form.getInputProps('name')} />
          <TextInput
            label="Email"
            type="email"
            description="Becomes their sign-in if hired"
            withAsterisk
            {...form.getInputProps('email')}
          />
          <TextInput label="Phone" {...form.getInputProps('phone')} />
          <TextInput label="Location" placeholder="Lisbon" {...form.getInputProps('location')} />
          <TagsInput
            label="Languages"
            data={LANGUAGE_SUGGESTIONS}
            withAsterisk
            {...form.getInputProps('languages')}
            error={firstErrorUnder(form.errors, 'languages')}
          />
          <Select
            label="Source"
            placeholder="Where they came from"
            data={CANDIDATE_SOURCES.map((source) => ({
              value: source,
              label: CANDIDATE_SOURCE_LABELS[source],
            }))}
            withAsterisk
            {...form.getInputProps('source')}
          />
        </SimpleGrid>
        <FormFooter
          error={unplaced}
          errorTitle="Not saved"
          pending={create.isPending || update.isPending}
          submitLabel={candidate ? 'Save candidate' : 'Add candidate'}
          onCancel={onClose}
        />
      </Stack>
    </form>
  );
}
