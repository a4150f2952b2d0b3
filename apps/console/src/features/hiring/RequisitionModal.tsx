import {
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import {
  REQUISITION_STATUS_LABELS,
  REQUISITION_STATUSES,
  type RequisitionStatus,
  requisitionInputSchema,
  requisitionTakesCandidates,
} from '@switchboard/domain';
import type { RouterOutputs } from '@switchboard/ui/trpc';
import { useRefreshArea, useTRPC } from '@switchboard/ui/trpc';
import { useMutation } from '@tanstack/react-query';
import { FormFooter } from '../../lib/FormFooter.tsx';
import { useServerErrors } from '../../lib/use-server-errors.ts';
import { firstErrorUnder, LANGUAGE_SUGGESTIONS } from './form-helpers.ts';
import { useHiringOptions } from './use-hiring.ts';

export type RequisitionDetail = RouterOutputs['hiring']['requisition'];

interface RequisitionValues {
  title: string;
  teamId: string;
  cityCode: string | null;
  languages: string[];
  headcount: number | string;
  targetStartDate: string;
  status: RequisitionStatus;
  ownerId: string | null;
  description: string;
}

const FIELDS = [
  'title',
  'teamId',
  'cityCode',
  'languages',
  'headcount',
  'targetStartDate',
  'status',
  'ownerId',
  'description',
];
const validate = schemaResolver(requisitionInputSchema, { sync: true });
const inputOf = (values: RequisitionValues) => ({
  ...values,
  headcount: typeof values.headcount === 'number' ? values.headcount : Number.NaN,
});

function valuesOf(requisition: RequisitionDetail | null): RequisitionValues {
  if (!requisition) {
    return {
      title: '',
      teamId: '',
      cityCode: null,
      languages: [],
      headcount: 1,
      targetStartDate: '',
      status: 'open',
      ownerId: null,
      description: '',
    };
  }
  return {
    title: requisition.title,
    teamId: requisition.teamId,
    cityCode: requisition.cityCode,
    languages: requisition.languages,
    headcount: requisition.headcount,
    targetStartDate: requisition.targetStartDate,
    status: requisition.status,
    ownerId: requisition.ownerId,
    description: requisition.description,
  };
}

export interface RequisitionModalProps {
  opened: boolean;
  /** The requisition to edit; null opens a new one. */
  requisition: RequisitionDetail | null;
  onClose: () => void;
  onSaved?: (saved: RequisitionDetail) => void;
}

/** Opens or edits a requisition: the role, its team, city and languages, how many, by when. */
export function RequisitionModal(props: RequisitionModalProps) {
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.requisition ? 'Edit requisition' : 'New requisition'}
      size="lg"
    >
      {props.opened ? <RequisitionForm {...props} /> : null}
    </Modal>
  );
}

function RequisitionForm({ requisition, onClose, onSaved }: RequisitionModalProps) {
  const trpc = useTRPC();
  const options = useHiringOptions();
  const refresh = useRefreshArea('hiring');
  const form = useForm<RequisitionValues>({
    mode: 'controlled',
    initialValues: valuesOf(requisition),
    validate: (values) => validate(inputOf(values)),
  });
  const onSuccess = (saved: RequisitionDetail) => {
    notifications.show({
      color: 'teal',
      message: requisition ? 'Requisition saved' : `REQ-${saved.number} opened`,
    });
    void refresh();
    onSaved?.(saved);
    onClose();
  };
  const create = useMutation(trpc.hiring.createRequisition.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.hiring.updateRequisition.mutationOptions({ onSuccess }));
  const saving = create.isPending || update.isPending;
  const unplaced = useServerErrors(create.error ?? update.error, FIELDS, form.setErrors);
  // A new requisition starts in a status that takes candidates; closing one is an edit.
  const statuses = requisition
    ? REQUISITION_STATUSES
    : REQUISITION_STATUSES.filter(requisitionTakesCandidates);

  const submit = (values: RequisitionValues) => {
    const input = requisitionInputSchema.parse(inputOf(values));
    if (requisition) update.mutate({ ...input, id: requisition.id });
    else create.mutate(input);
  };

  const pickCity = (code: string | null) => {
    form.setFieldValue('cityCode', code);
    const city = options.data?.cities.find((candidate) => candidate.code === code);
    // A city's support languages are the usual start for a new requisition's.
    if (city && form.getValues().languages.length === 0) {
      form.setFieldValue('languages', city.languages);
    }
  };

  return (
    <form noValidate onSubmit={form.onSubmit(submit)}>
      <Stack>
        <TextInput
          label="Title"
          placeholder="Guest support agent, Lisbon (PT/EN)"
          withAsterisk
          data-autofocus
          {...form.getInputProps('title')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Team"
            description="Hires join this team and its training plan"
            placeholder={options.isPending ? 'Loading teams…' : 'Choose a team'}
            data={options.data?.teams.map((team) => ({ value: team.id, label: team.name })) ?? []}
            searchable
            withAsterisk
            {...form.getInputProps('teamId')}
            value={form.getValues().teamId || null}
            onChange={(teamId) => form.setFieldValue('teamId', teamId ?? '')}
          />
          <Select
            label="City"
            description="Leave empty for a role that covers every city"
            placeholder="Every city"
            data={
              options.data?.cities.map((city) => ({ value: city.code, label: city.name })) ?? []
            }
            clearable
            searchable
            {...form.getInputProps('cityCode')}
            onChange={pickCity}
          />
          <TagsInput
            label="Languages"
            description="Codes such as pt-PT, en, es-MX"
            data={LANGUAGE_SUGGESTIONS}
            withAsterisk
            {...form.getInputProps('languages')}
            error={firstErrorUnder(form.errors, 'languages')}
          />
          <NumberInput
            label="Headcount"
            description="Places to hire"
            min={1}
            max={200}
            allowDecimal={false}
            withAsterisk
            {...form.getInputProps('headcount')}
          />
          <TextInput
            type="date"
            label="Target start date"
            withAsterisk
            {...form.getInputProps('targetStartDate')}
          />
          <Select
            label="Status"
            data={statuses.map((status) => ({
              value: status,
              label: REQUISITION_STATUS_LABELS[status],
            }))}
            allowDeselect={false}
            {...form.getInputProps('status')}
          />
          <Select
            label="Owner"
            description="The trainer or lead running this hiring"
            placeholder="Nobody yet"
            data={
              options.data?.staff.map((person) => ({ value: person.id, label: person.name })) ?? []
            }
            clearable
            searchable
            {...form.getInputProps('ownerId')}
          />
        </SimpleGrid>
        <Textarea
          label="Description"
          description="Shifts, channels, what the role needs"
          autosize
          minRows={3}
          {...form.getInputProps('description')}
        />
        <FormFooter
          error={unplaced}
          errorTitle="Not saved"
          pending={saving}
          submitLabel={requisition ? 'Save requisition' : 'Open requisition'}
          onCancel={onClose}
        />
      </Stack>
    </form>
  );
}
