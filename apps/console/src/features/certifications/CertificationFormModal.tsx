import {
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { AGENT_TIERS, agentTierSchema } from '@switchboard/domain';
import { useRefreshArea, useTRPC } from '@switchboard/ui/trpc';
import { useMutation } from '@tanstack/react-query';
import { FormFooter } from '../../lib/FormFooter.tsx';
import { NameAndCodeFields } from '../../lib/NameAndCodeFields.tsx';
import { RolloutNote } from '../../lib/RolloutNote.tsx';
import { useServerErrors } from '../../lib/use-server-errors.ts';
import {
  type CertificationFormValues,
  certificationFormValuesOf,
  createInputOf,
  NEW_CERTIFICATION,
  updateInputOf,
  validateCertificationForm,
} from './certification-form.ts';
import type { Certification } from './certification-types.ts';

/** Certification codes are at most 40 characters (certificationCodeSchema). */
const CODE_LENGTH = 40;
const NO_TIER = 'none';
/** Everyone acts at the lowest tier without a certification: only higher ones are worth granting. */
const TIER_OPTIONS = [
  { value: NO_TIER, label: 'None' },
  ...AGENT_TIERS.slice(1).map((tier) => ({
    value: tier,
    label: `${tier}: the ${tier} limits of every guardrail policy`,
  })),
];
const FIELDS = [
  'code',
  'name',
  'description',
  'validityDays',
  'renewalReminderDays',
  'grantsTier',
  'rolloutNote',
];

/** Creates a certification (`editing` 'new') or edits one. */
export function CertificationFormModal({
  editing,
  onClose,
}: {
  editing: Certification | 'new' | null;
  onClose: () => void;
}) {
  const title =
    editing === 'new' ? 'New certification' : editing ? `Edit ${editing.name}` : 'Certification';
  return (
    <Modal opened={editing !== null} onClose={onClose} title={title} size="lg">
      {/* Mounted only while open, so every opening starts from the saved values. */}
      {editing ? (
        <CertificationForm
          key={editing === 'new' ? 'new' : editing.id}
          certification={editing === 'new' ? null : editing}
          onDone={onClose}
        />
      ) : null}
    </Modal>
  );
}

function CertificationForm({
  certification,
  onDone,
}: {
  certification: Certification | null;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const refresh = useRefreshArea('certifications');
  const id = certification?.id ?? null;
  const form = useForm<CertificationFormValues>({
    mode: 'controlled',
    initialValues: certification ? certificationFormValuesOf(certification) : NEW_CERTIFICATION,
    validate: (values) => validateCertificationForm(values, id),
  });
  const saved = (name: string, verb: string) => {
    notifications.show({ color: 'teal', message: `${name} ${verb}` });
    void refresh();
    onDone();
  };
  const create = useMutation(
    trpc.certifications.create.mutationOptions({
      onSuccess: (created) => saved(created.name, 'created'),
    }),
  );
  const update = useMutation(
    trpc.certifications.update.mutationOptions({
      onSuccess: (updated) => saved(updated.name, 'saved'),
    }),
  );
  const mutation = id === null ? create : update;
  const unplacedError = useServerErrors(mutation.error, FIELDS, form.setErrors);
  const values = form.getValues();

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((submitted) =>
        id === null
          ? create.mutate(createInputOf(submitted))
          : update.mutate(updateInputOf(submitted, id)),
      )}
    >
      <Stack>
        {certification ? (
          <>
            <Text size="sm">
              The code <b>{certification.code}</b> stays: routing explanations and curricula refer
              to it.
            </Text>
            <TextInput label="Name" withAsterisk data-autofocus {...form.getInputProps('name')} />
          </>
        ) : (
          <NameAndCodeFields
            form={form}
            codeLength={CODE_LENGTH}
            namePlaceholder="Guest refunds"
            codeDescription="UPPER_SNAKE_CASE; it never changes"
            codePlaceholder="GUEST_REFUNDS"
          />
        )}
        <Textarea
          label="Description"
          placeholder="What a holder is trusted to handle"
          rows={2}
          resize="vertical"
          {...form.getInputProps('description')}
        />
        <Switch
          label="Expires"
          description="Off for what does not lapse, such as a language"
          {...form.getInputProps('expires', { type: 'checkbox' })}
        />
        <Group grow align="flex-start">
          <NumberInput
            label="Valid for (days)"
            description="From the day it is granted or renewed"
            min={1}
            allowDecimal={false}
            disabled={!values.expires}
            {...form.getInputProps('validityDays')}
          />
          <NumberInput
            label="Remind before expiry (days)"
            description="The holder and their trainers are told; 0 for no reminder"
            min={0}
            allowDecimal={false}
            disabled={!values.expires}
            {...form.getInputProps('renewalReminderDays')}
          />
        </Group>
        <Select
          label="Guardrail tier it grants"
          description="Agents act at the highest tier their valid certifications grant; L1 without one"
          data={TIER_OPTIONS}
          allowDeselect={false}
          value={values.grantsTier ?? NO_TIER}
          onChange={(value) =>
            form.setFieldValue('grantsTier', agentTierSchema.safeParse(value).data ?? null)
          }
          error={form.errors.grantsTier}
        />
        <RolloutNote {...form.getInputProps('rolloutNote')} />
        <FormFooter
          error={unplacedError}
          errorTitle={id === null ? 'Not created' : 'Not saved'}
          pending={mutation.isPending}
          submitLabel={id === null ? 'Create certification' : 'Save certification'}
          onCancel={onDone}
        />
      </Stack>
    </form>
  );
}
