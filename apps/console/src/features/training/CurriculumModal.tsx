import { Modal, Select, Stack, Switch, Textarea } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { curriculumFieldsSchema } from '@switchboard/domain';
import { useRefreshArea, useTRPC } from '@switchboard/ui/trpc';
import { useMutation, useQuery } from '@tanstack/react-query';
import { FormFooter } from '../../lib/FormFooter.tsx';
import { NameAndCodeFields } from '../../lib/NameAndCodeFields.tsx';
import { useServerErrors } from '../../lib/use-server-errors.ts';

export interface CurriculumValues {
  code: string;
  name: string;
  description: string;
  certificationId: string | null;
  requiresSignOff: boolean;
}

const FIELDS = ['code', 'name', 'description', 'certificationId', 'requiresSignOff'];
const EMPTY: CurriculumValues = {
  code: '',
  name: '',
  description: '',
  certificationId: null,
  requiresSignOff: true,
};

/** A new curriculum, or an existing one's details (`curriculumId` with its values). */
export function CurriculumModal({
  opened,
  editing,
  onClose,
  onSaved,
}: {
  opened: boolean;
  editing: { curriculumId: string; values: CurriculumValues } | null;
  onClose: () => void;
  onSaved: (curriculumId: string) => void;
}) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={editing ? 'Curriculum details' : 'New curriculum'}
      size="lg"
    >
      {opened ? <CurriculumForm editing={editing} onCancel={onClose} onSaved={onSaved} /> : null}
    </Modal>
  );
}

function CurriculumForm({
  editing,
  onCancel,
  onSaved,
}: {
  editing: { curriculumId: string; values: CurriculumValues } | null;
  onCancel: () => void;
  onSaved: (curriculumId: string) => void;
}) {
  const trpc = useTRPC();
  const refreshTraining = useRefreshArea('training');
  const options = useQuery(trpc.training.editorOptions.queryOptions());
  const form = useForm<CurriculumValues>({
    mode: 'controlled',
    initialValues: editing?.values ?? EMPTY,
    validate: schemaResolver(curriculumFieldsSchema, { sync: true }),
  });
  const saved = ({ id }: { id: string }) => {
    notifications.show({
      color: 'teal',
      message: editing ? 'Curriculum saved' : 'Curriculum created',
    });
    void refreshTraining();
    onSaved(id);
  };
  const create = useMutation(trpc.training.createCurriculum.mutationOptions({ onSuccess: saved }));
  const update = useMutation(trpc.training.updateCurriculum.mutationOptions({ onSuccess: saved }));
  const error = useServerErrors(create.error ?? update.error, FIELDS, form.setErrors);
  const certificationOptions = (options.data?.certifications ?? []).map((certification) => ({
    value: certification.id,
    label: certification.name,
  }));

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        const fields = curriculumFieldsSchema.parse(values);
        if (editing) update.mutate({ curriculumId: editing.curriculumId, ...fields });
        else create.mutate(fields);
      })}
    >
      <Stack>
        <NameAndCodeFields
          form={form}
          codeLength={40}
          namePlaceholder="Guest support onboarding"
          codeDescription="UPPER_SNAKE_CASE; shown in exports and the change history"
          codePlaceholder="GUEST_ONBOARDING"
        />
        <Textarea
          label="Description"
          placeholder="Who it is for and what they will be able to do"
          rows={2}
          resize="vertical"
          {...form.getInputProps('description')}
        />
        <Select
          label="Certification granted on completion"
          description="Completing the curriculum grants (or renews) it; routing and guardrail tiers follow"
          placeholder="No certification"
          clearable
          data={certificationOptions}
          {...form.getInputProps('certificationId')}
        />
        <Switch
          label="A trainer signs the curriculum off before it completes"
          {...form.getInputProps('requiresSignOff', { type: 'checkbox' })}
        />
        <FormFooter
          error={error}
          errorTitle="Not saved"
          pending={create.isPending || update.isPending}
          submitLabel={editing ? 'Save details' : 'Create curriculum'}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}
