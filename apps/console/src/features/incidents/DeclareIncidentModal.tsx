import {
  Alert,
  Badge,
  Modal,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormErrors, schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import {
  declareIncidentInputSchema,
  type IncidentFacts,
  incidentLabel,
  SEVERITY_LABELS,
  type Severity,
  SPIKE_RULE,
} from '@switchboard/domain';
import { describeError } from '@switchboard/ui';
import { useRefreshArea, useTRPC } from '@switchboard/ui/trpc';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { FormFooter } from '../../lib/FormFooter.tsx';
import { useServerErrors } from '../../lib/use-server-errors.ts';
import {
  IMPACT_OPTIONS,
  incidentPath,
  MONEY_OPTIONS,
  SCOPE_OPTIONS,
  SEVERITY_OPTIONS,
  severityOf,
} from './incident-options.ts';
import { ProposedSeverity } from './ProposedSeverity.tsx';
import { useCatalogueOptions, withValue } from './use-catalogue-options.ts';
import { useStaffOptions } from './use-staff-options.ts';

/** What a spike (or another screen) already knows about the incident being declared. */
export interface DeclarePrefill {
  title?: string;
  scope?: IncidentFacts['scope'];
  cityCodes?: string[];
  requestTypeCode?: string;
  /** Declared from a spike: its conversations of the last window are linked straight away. */
  spike?: { requestTypeCode: string; cityCode: string };
}

export interface DeclareIncidentModalProps {
  /** Null while closed. */
  prefill: DeclarePrefill | null;
  onClose: () => void;
}

interface DeclareValues extends IncidentFacts {
  title: string;
  description: string;
  /** Null: take the proposal. */
  severity: Severity | null;
  cityCodes: string[];
  requestTypeCode: string | null;
  commanderId: string | null;
  communicationsId: string | null;
}

const FIELDS = [
  'title',
  'description',
  'scope',
  'impact',
  'money',
  'safety',
  'severity',
  'cityCodes',
  'requestTypeCode',
  'commanderId',
  'communicationsId',
];
const validate = schemaResolver(declareIncidentInputSchema, { sync: true });

/** The first error on a list field or any of its items (`cityCodes.2`). */
function listError(errors: FormErrors, field: string) {
  return (
    errors[field] ??
    Object.entries(errors).find(([path]) => path.startsWith(`${field}.`))?.[1] ??
    null
  );
}

export function DeclareIncidentModal({ prefill, onClose }: DeclareIncidentModalProps) {
  return (
    <Modal opened={prefill !== null} onClose={onClose} title="Declare an incident" size="lg">
      {/* Mounted only while open, so every opening starts from the prefill. */}
      {prefill ? <DeclareForm prefill={prefill} onCancel={onClose} /> : null}
    </Modal>
  );
}

function DeclareForm({ prefill, onCancel }: { prefill: DeclarePrefill; onCancel: () => void }) {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const refresh = useRefreshArea('incidents');
  const catalogue = useCatalogueOptions();
  const staff = useStaffOptions();
  const form = useForm<DeclareValues>({
    mode: 'controlled',
    initialValues: {
      title: prefill.title ?? '',
      description: '',
      scope: prefill.scope ?? 'some_customers',
      impact: 'degraded',
      money: 'none',
      safety: false,
      severity: null,
      cityCodes: prefill.cityCodes ?? [],
      requestTypeCode: prefill.requestTypeCode ?? null,
      commanderId: null,
      communicationsId: null,
    },
  });
  const values = form.getValues();
  const classification = useQuery({
    ...trpc.incidents.classify.queryOptions({
      scope: values.scope,
      impact: values.impact,
      money: values.money,
      safety: values.safety,
    }),
    placeholderData: keepPreviousData,
  });
  const proposal = classification.data?.severity ?? null;
  const severity = values.severity ?? proposal;
  const overridden = values.severity !== null && proposal !== null && values.severity !== proposal;

  const link = useMutation(trpc.incidents.link.mutationOptions());
  const declare = useMutation(
    trpc.incidents.declare.mutationOptions({
      onSuccess: async (declared) => {
        const label = incidentLabel(declared.number);
        if (prefill.spike) {
          try {
            const linked = await link.mutateAsync({
              incidentId: declared.id,
              match: {
                ...prefill.spike,
                text: '',
                since: new Date(Date.now() - SPIKE_RULE.windowMinutes * 60_000),
              },
            });
            notifications.show({
              color: 'teal',
              message: `${label} declared; ${linked.linked} conversation${linked.linked === 1 ? '' : 's'} linked`,
            });
          } catch (error) {
            notifications.show({
              color: 'orange',
              title: `${label} declared, but its conversations were not linked`,
              message: `${describeError(error)} Link them from the incident.`,
            });
          }
        } else {
          notifications.show({ color: 'teal', message: `${label} declared` });
        }
        void refresh();
        void navigate(incidentPath(declared.id));
      },
    }),
  );
  const unplacedError = useServerErrors(declare.error, FIELDS, form.setErrors);

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const input = { ...values, severity };
        const errors = validate(input);
        form.setErrors(errors);
        if (Object.keys(errors).length > 0) return;
        declare.mutate(declareIncidentInputSchema.parse(input));
      }}
    >
      <Stack gap="md">
        <TextInput
          label="Title"
          placeholder="Card payments failing in Lisbon"
          withAsterisk
          data-autofocus
          {...form.getInputProps('title')}
        />
        <Textarea
          label="What is happening"
          rows={2}
          resize="vertical"
          {...form.getInputProps('description')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Select
            label="How wide"
            data={SCOPE_OPTIONS}
            allowDeselect={false}
            {...form.getInputProps('scope')}
          />
          <Select
            label="How bad"
            data={IMPACT_OPTIONS}
            allowDeselect={false}
            {...form.getInputProps('impact')}
          />
          <Select
            label="Money"
            data={MONEY_OPTIONS}
            allowDeselect={false}
            {...form.getInputProps('money')}
          />
          <Switch
            mt={{ sm: 30 }}
            label="Someone’s safety is at risk"
            {...form.getInputProps('safety', { type: 'checkbox' })}
          />
        </SimpleGrid>
        <ProposedSeverity query={classification} />
        <Select
          label="Severity"
          description={
            overridden && proposal
              ? `Override: the rules propose ${SEVERITY_LABELS[proposal]}; the override is recorded`
              : 'The proposal, unless you know better'
          }
          data={SEVERITY_OPTIONS}
          allowDeselect={false}
          withAsterisk
          value={severity}
          onChange={(value) => form.setFieldValue('severity', severityOf(value))}
          error={form.errors.severity}
          rightSectionWidth={overridden ? 90 : undefined}
          rightSection={
            overridden ? (
              <Badge color="orange" variant="light" size="sm">
                Override
              </Badge>
            ) : undefined
          }
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <MultiSelect
            label="Cities"
            description={
              catalogue.isError ? 'The cities could not be loaded' : 'Empty: not tied to a city'
            }
            placeholder={catalogue.isPending ? 'Loading cities…' : 'Choose cities'}
            data={values.cityCodes.reduce(withValue, catalogue.cities)}
            searchable
            clearable
            nothingFoundMessage="No city matches"
            value={values.cityCodes}
            onChange={(codes) => form.setFieldValue('cityCodes', codes)}
            error={listError(form.errors, 'cityCodes')}
          />
          <Select
            label="Request type"
            description="Optional: what the affected conversations are about"
            placeholder={catalogue.isPending ? 'Loading request types…' : 'Any request type'}
            data={withValue(catalogue.requestTypes, values.requestTypeCode)}
            searchable
            clearable
            nothingFoundMessage="No request type matches"
            {...form.getInputProps('requestTypeCode')}
          />
          <Select
            label="Commander"
            description="Runs the incident; empty: you"
            placeholder={staff.isPending ? 'Loading colleagues…' : 'You'}
            data={staff.data}
            searchable
            clearable
            nothingFoundMessage="Nobody matches"
            {...form.getInputProps('commanderId')}
          />
          <Select
            label="Communications"
            description="Writes the status updates and the replies"
            placeholder={staff.isPending ? 'Loading colleagues…' : 'Nobody yet'}
            data={staff.data}
            searchable
            clearable
            nothingFoundMessage="Nobody matches"
            {...form.getInputProps('communicationsId')}
          />
        </SimpleGrid>
        {prefill.spike ? (
          <Alert color="blue" variant="light">
            {`Conversations about ${prefill.spike.requestTypeCode} in ${prefill.spike.cityCode} from the last ${SPIKE_RULE.windowMinutes} minutes are linked once it is declared.`}
          </Alert>
        ) : null}
        <FormFooter
          error={unplacedError}
          errorTitle="Not declared"
          pending={declare.isPending || link.isPending}
          submitLabel="Declare incident"
          submitColor="red"
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}
