import {
  Alert,
  Anchor,
  Badge,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { type Audience, audienceSchema, type GuardrailPolicy } from '@switchboard/domain';
import {
  AUDIENCE_LABELS,
  AudienceBadge,
  describeError,
  EmptyState,
  ErrorState,
  formatDateTime,
  TableSkeleton,
} from '@switchboard/ui';
import { useViewer } from '@switchboard/ui/auth';
import { type RouterOutputs, useTRPC } from '@switchboard/ui/trpc';
import {
  IconArrowLeft,
  IconCircleCheck,
  IconHistory,
  IconLock,
  IconShieldOff,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { EditorSaveBar } from '../../lib/EditorSaveBar.tsx';
import { usePlacedServerErrors } from '../../lib/use-server-errors.ts';
import { PolicySectionFields } from './PolicySectionFields.tsx';
import {
  formPathOf,
  formValuesOf,
  isShownPath,
  type PolicyFormValues,
  SECTIONS,
  saveInputOf,
  startingPolicy,
  validatePolicyForm,
} from './policy-form.ts';

type PolicyRow = NonNullable<RouterOutputs['guardrails']['policy']>;

/** The change history of one policy. */
export function policyHistoryPath(policyId: string): string {
  return `/changes?entityType=guardrail_policy&entityId=${encodeURIComponent(policyId)}`;
}

export function policyEditorPath(requestTypeCode: string, audience: Audience): string {
  return `/guardrails/${encodeURIComponent(requestTypeCode)}/${audience}`;
}

/** What the last save did: a new version, or nothing because nothing changed. */
interface SaveOutcome {
  id: string;
  version: number;
  changed: boolean;
}

/**
 * One guardrail policy — what support may give back for a request type and audience — or a
 * new one, started from the worked example. Team leads and admins save it as a new version;
 * trainers read it.
 */
export function GuardrailPolicyEditorPage() {
  const params = useParams();
  const requestTypeCode = params.requestTypeCode ?? '';
  const audience = audienceSchema.safeParse(params.audience).data;
  const location = useLocation();
  const typeName = (location.state as { requestTypeName?: unknown } | null)?.requestTypeName;
  const trpc = useTRPC();
  const viewer = useViewer();
  const canEdit = viewer.access.lead;
  const [outcome, setOutcome] = useState<SaveOutcome | null>(null);
  const policy = useQuery({
    ...trpc.guardrails.policy.queryOptions({ requestTypeCode, audience: audience ?? 'guest' }),
    enabled: audience !== undefined,
  });

  const back = (
    <Anchor component={Link} to="/guardrails" size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} />
        All guardrail policies
      </Group>
    </Anchor>
  );

  if (!audience) {
    return (
      <Stack gap="md">
        {back}
        <EmptyState
          icon={<IconShieldOff />}
          title="Policy not found"
          description="A policy is for guests or drivers; this address names neither."
        />
      </Stack>
    );
  }
  if (policy.isPending || policy.isError) {
    return (
      <Stack gap="md">
        {back}
        <Paper p={0}>
          {policy.isPending ? (
            <TableSkeleton label="Loading the policy" />
          ) : (
            <ErrorState
              message={describeError(policy.error)}
              onRetry={() => void policy.refetch()}
            />
          )}
        </Paper>
      </Stack>
    );
  }

  const row = policy.data;
  const name = row?.requestTypeName ?? (typeof typeName === 'string' ? typeName : null);
  return (
    <Stack gap="md">
      {back}
      <div>
        <Group gap="xs" align="center">
          <Title order={1} size="h2">
            {name ?? requestTypeCode}
          </Title>
          {row ? (
            <Badge variant="light" color="blue">
              Version {row.version}
            </Badge>
          ) : (
            <Badge variant="light" color="yellow">
              New policy
            </Badge>
          )}
        </Group>
        <Group gap="xs" mt={4}>
          <AudienceBadge audience={audience} size="sm" />
          <Text size="sm" c="dimmed">
            {requestTypeCode}
            {row
              ? ` · updated ${formatDateTime(row.updatedAt)} by ${row.updatedByName ?? 'someone no longer here'}`
              : ''}
          </Text>
          {row ? (
            <Anchor component={Link} to={policyHistoryPath(row.id)} size="sm">
              <Group gap={4} component="span">
                <IconHistory size={14} />
                History of this policy
              </Group>
            </Anchor>
          ) : null}
        </Group>
      </div>
      {canEdit ? null : (
        <Alert color="gray" icon={<IconLock />}>
          Read only: team leads and admins change guardrail policies.
        </Alert>
      )}
      {!row && canEdit ? (
        <Alert color="yellow" variant="light">
          {name ?? requestTypeCode} has no policy for {AUDIENCE_LABELS[audience].toLowerCase()}s
          yet. This starts from the worked example; nothing applies until you save it.
        </Alert>
      ) : null}
      {!row && !canEdit ? (
        <EmptyState
          icon={<IconShieldOff />}
          title="No policy yet"
          description={`${name ?? requestTypeCode} has no guardrail policy for ${AUDIENCE_LABELS[audience].toLowerCase()}s.`}
        />
      ) : (
        <>
          {outcome ? <SavedNotice outcome={outcome} /> : null}
          <PolicyEditorForm
            // A new version starts the form again from what the server keeps.
            key={row ? `${row.id}-${row.version}` : 'new'}
            row={row}
            initial={row?.definition ?? startingPolicy(requestTypeCode, audience)}
            typeLabel={name ? `${name} (${requestTypeCode})` : requestTypeCode}
            canEdit={canEdit}
            onSaved={setOutcome}
          />
        </>
      )}
    </Stack>
  );
}

function SavedNotice({ outcome }: { outcome: SaveOutcome }) {
  return (
    <Alert
      color={outcome.changed ? 'teal' : 'gray'}
      icon={<IconCircleCheck />}
      title={outcome.changed ? `Saved as version ${outcome.version}` : 'Nothing changed'}
    >
      <Group gap="xs">
        <Text size="sm">
          {outcome.changed
            ? 'Decisions from now on use this version; earlier decisions keep the version they were made with.'
            : `The policy is as it was: still version ${outcome.version}.`}
        </Text>
        <Anchor component={Link} to={policyHistoryPath(outcome.id)} size="sm">
          See its change history
        </Anchor>
      </Group>
    </Alert>
  );
}

function PolicyEditorForm({
  row,
  initial,
  typeLabel,
  canEdit,
  onSaved,
}: {
  row: PolicyRow | null;
  initial: GuardrailPolicy;
  typeLabel: string;
  canEdit: boolean;
  onSaved: (outcome: SaveOutcome) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<PolicyFormValues>({
    mode: 'controlled',
    initialValues: formValuesOf(initial),
    validate: validatePolicyForm,
  });
  const save = useMutation(
    trpc.guardrails.savePolicy.mutationOptions({
      onSuccess: (saved) => {
        const changed = !row || saved.version !== row.version;
        onSaved({ id: saved.id, version: saved.version, changed });
        notifications.show({
          color: 'teal',
          message: changed ? `Policy saved as version ${saved.version}` : 'Nothing changed',
        });
        const values = { ...form.getValues(), rolloutNote: '' };
        form.setValues(values);
        form.resetDirty(values);
        queryClient.setQueryData(
          trpc.guardrails.policy.queryKey({
            requestTypeCode: saved.requestTypeCode,
            audience: saved.audience,
          }),
          saved,
        );
        void queryClient.invalidateQueries({ queryKey: trpc.guardrails.policies.queryKey() });
      },
    }),
  );

  // A refusal naming a field shows on it; the server names paths under `policy.`.
  const unplacedError = usePlacedServerErrors(
    save.error,
    (serverPath) => {
      const path = formPathOf(serverPath.split('.'), form.getValues());
      return isShownPath(path) ? path : null;
    },
    form.setErrors,
  );
  const hasErrors = Object.keys(form.errors).length > 0;
  const disabled = !canEdit;

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => save.mutate(saveInputOf(values)))}
      aria-label="Guardrail policy"
    >
      <Stack gap="md">
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label="Request type"
              value={typeLabel}
              readOnly
              disabled={disabled}
              error={form.errors.requestTypeCode}
            />
            <TextInput
              label="Audience"
              value={AUDIENCE_LABELS[initial.audience]}
              readOnly
              disabled={disabled}
              error={form.errors.audience}
            />
          </SimpleGrid>
        </Paper>
        {SECTIONS.map((section) => (
          <PolicySectionFields
            key={section}
            form={form}
            section={section}
            path={section}
            values={form.getValues()[section]}
            errors={form.errors}
            disabled={disabled}
          />
        ))}
        {canEdit ? (
          <EditorSaveBar
            rolloutNote={form.getInputProps('rolloutNote')}
            rolloutPlaceholder="From today, L1 agents refund driver no-shows up to €60 without asking."
            error={unplacedError}
            hasErrors={hasErrors}
            dirty={form.isDirty()}
            saving={save.isPending}
            onDiscard={() => {
              form.reset();
              save.reset();
            }}
            saveLabel={row ? 'Save policy' : 'Create policy'}
            saveDisabled={row !== null && !form.isDirty()}
          />
        ) : null}
      </Stack>
    </form>
  );
}
