import {
  Alert,
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  durationText,
  escalationLabel,
  HANDOFF_FIELD_LABELS,
  type HandoffField,
  SEVERITIES,
  SEVERITY_LABELS,
  type Severity,
  TEAM_KIND_LABELS,
  type TeamKind,
} from '@switchboard/domain';
import { describeError } from '@switchboard/ui';
import { serverFieldErrors } from '@switchboard/ui/playbooks';
import { useTRPC } from '@switchboard/ui/trpc';
import { IconAlertTriangle, IconArrowBackUp } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useConversationRefresh } from '../conversations/use-conversation-mutation.ts';
import {
  buildHandoffFields,
  type HandoffFormValues,
  type HandoffPrefill,
  initialHandoffValues,
} from './handoff-form.ts';

export interface EscalationPath {
  teamKind: string;
  teamName: string;
  requiredFields: HandoffField[];
  sla: Record<Severity, { acknowledgeMinutes: number; resolveMinutes: number }>;
}

export interface EscalateModalProps {
  opened: boolean;
  onClose: () => void;
  conversationId: string;
  paths: readonly EscalationPath[];
  prefill: HandoffPrefill;
  /** Resending a returned escalation: its id and why it came back. */
  resend?: { escalationId: string; label: string; returnedBecause: string } | null;
}

/**
 * The handoff form: the team, the severity, what the team needs to do, and exactly the fields
 * that team requires. The conversation's context is attached by the server.
 */
export function EscalateModal(props: EscalateModalProps) {
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      size="lg"
      title={props.resend ? `Correct and resend ${props.resend.label}` : 'Escalate'}
    >
      {/* Mounted only while open, so each opening starts from the prefill. */}
      {props.opened ? <HandoffForm {...props} /> : null}
    </Modal>
  );
}

function HandoffForm({ onClose, conversationId, paths, prefill, resend }: EscalateModalProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { refresh } = useConversationRefresh(conversationId);
  const [values, setValues] = useState<HandoffFormValues>(() => initialHandoffValues(prefill));
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const path = paths.find((candidate) => candidate.teamKind === values.teamKind) ?? null;
  const onDone = async (message: string) => {
    notifications.show({ color: 'teal', message });
    await Promise.all([
      refresh(),
      queryClient.invalidateQueries({ queryKey: trpc.escalations.pathKey() }),
    ]);
    onClose();
  };
  const create = useMutation(
    trpc.escalations.create.mutationOptions({
      onSuccess: (result) => onDone(`Escalated as ${escalationLabel(result.number)}`),
    }),
  );
  const move = useMutation(
    trpc.escalations.move.mutationOptions({
      onSuccess: () => onDone(`${resend?.label ?? 'Escalation'} sent again`),
    }),
  );
  const mutation = resend ? move : create;
  const serverErrors = mutation.isError ? serverFieldErrors(mutation.error) : {};
  const errorOf = (key: string) => {
    const message = localErrors[key] ?? serverErrors[key];
    return message?.startsWith(`${key}: `) ? message.slice(key.length + 2) : message;
  };
  const update = <Key extends keyof HandoffFormValues>(key: Key, value: HandoffFormValues[Key]) => {
    setValues((current) => ({ ...current, [key]: value }));
    if (mutation.isError) mutation.reset();
  };

  const submit = () => {
    if (!path) {
      setLocalErrors({ teamKind: 'Choose the team' });
      return;
    }
    const built = buildHandoffFields(values, path.requiredFields);
    setLocalErrors(built.errors);
    if (Object.keys(built.errors).length > 0) return;
    if (resend) {
      move.mutate({
        escalationId: resend.escalationId,
        move: 'resend',
        summary: values.summary,
        fields: built.fields,
        note: '',
      });
    } else {
      create.mutate({
        conversationId,
        teamKind: path.teamKind as 'finance_payouts',
        severity: values.severity,
        summary: values.summary,
        fields: built.fields,
      });
    }
  };

  const placed = new Set([
    'teamKind',
    'severity',
    'summary',
    ...(path?.requiredFields ?? []).map((f) => `fields.${f}`),
  ]);
  const unplaced = Object.entries(serverErrors)
    .filter(([key]) => !placed.has(key))
    .map(([, message]) => message);
  const otherError =
    mutation.isError && Object.keys(serverErrors).length === 0
      ? describeError(mutation.error)
      : null;
  const targets = path?.sla[values.severity];

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack gap="sm">
        {resend ? (
          <Alert
            color="orange"
            variant="light"
            icon={<IconArrowBackUp />}
            title="Returned to support"
          >
            {resend.returnedBecause}
          </Alert>
        ) : null}
        <Select
          label="Team"
          placeholder="Who should take this?"
          data={paths.map((candidate) => ({
            value: candidate.teamKind,
            label: TEAM_KIND_LABELS[candidate.teamKind as TeamKind] ?? candidate.teamName,
          }))}
          value={values.teamKind}
          onChange={(value) => update('teamKind', value)}
          disabled={Boolean(resend)}
          error={errorOf('teamKind')}
          required
        />
        <div>
          <Text size="sm" fw={500} mb={4}>
            Severity
          </Text>
          <SegmentedControl
            fullWidth
            aria-label="Severity"
            value={values.severity}
            onChange={(value) => update('severity', value as Severity)}
            disabled={Boolean(resend)}
            data={SEVERITIES.map((severity) => ({
              value: severity,
              label: SEVERITY_LABELS[severity].split(' · ')[0]!,
            }))}
          />
          <Text size="xs" c="dimmed" mt={4}>
            {SEVERITY_LABELS[values.severity]}
            {targets
              ? ` — acknowledged within ${durationText(targets.acknowledgeMinutes)}, resolved within ${durationText(targets.resolveMinutes)} of the team’s hours`
              : ''}
          </Text>
        </div>
        <Textarea
          label="What the team needs to do"
          description="The conversation, its booking, latest messages and what support already did are attached."
          autosize
          minRows={3}
          value={values.summary}
          onChange={(event) => update('summary', event.currentTarget.value)}
          error={errorOf('summary')}
          required
        />
        {path ? (
          path.requiredFields.map((field) => (
            <FieldInput
              key={field}
              field={field}
              values={values}
              update={update}
              error={errorOf(`fields.${field}`)}
            />
          ))
        ) : (
          <Text size="sm" c="dimmed">
            Choose a team to see the details it needs.
          </Text>
        )}
        {unplaced.length > 0 || otherError ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle />} title="Not sent">
            {[...unplaced, ...(otherError ? [otherError] : [])].join(' ')}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {resend ? 'Send again' : 'Send escalation'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function FieldInput({
  field,
  values,
  update,
  error,
}: {
  field: HandoffField;
  values: HandoffFormValues;
  update: <Key extends keyof HandoffFormValues>(key: Key, value: HandoffFormValues[Key]) => void;
  error: string | undefined;
}): ReactNode {
  const { label, help } = HANDOFF_FIELD_LABELS[field];
  const common = { label, description: help, error, required: true };
  switch (field) {
    case 'booking_reference':
      return (
        <TextInput
          {...common}
          value={values.bookingReference}
          onChange={(event) => update('bookingReference', event.currentTarget.value)}
        />
      );
    case 'amount':
      return (
        <TextInput
          {...common}
          inputMode="decimal"
          rightSection={<Text size="xs">{values.currency}</Text>}
          rightSectionWidth={48}
          value={values.amount}
          onChange={(event) => update('amount', event.currentTarget.value)}
        />
      );
    case 'evidence':
      return (
        <Textarea
          {...common}
          description={`${help} — one per line`}
          autosize
          minRows={2}
          value={values.evidence}
          onChange={(event) => update('evidence', event.currentTarget.value)}
        />
      );
    case 'steps_tried':
      return (
        <Textarea
          {...common}
          autosize
          minRows={2}
          value={values.stepsTried}
          onChange={(event) => update('stepsTried', event.currentTarget.value)}
        />
      );
    case 'occurred_at':
      return (
        <TextInput
          {...common}
          type="datetime-local"
          value={values.occurredAt}
          onChange={(event) => update('occurredAt', event.currentTarget.value)}
        />
      );
    case 'payout_period':
      return (
        <TextInput
          {...common}
          placeholder="2026-W47"
          value={values.payoutPeriod}
          onChange={(event) => update('payoutPeriod', event.currentTarget.value)}
        />
      );
    case 'device_details':
      return (
        <TextInput
          {...common}
          value={values.deviceDetails}
          onChange={(event) => update('deviceDetails', event.currentTarget.value)}
        />
      );
    case 'location':
      return (
        <TextInput
          {...common}
          value={values.location}
          onChange={(event) => update('location', event.currentTarget.value)}
        />
      );
  }
}
