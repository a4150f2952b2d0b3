import {
  Alert,
  Autocomplete,
  Button,
  Group,
  List,
  Loader,
  NumberInput,
  Paper,
  Radio,
  SegmentedControl,
  Stack,
  Switch,
  TagsInput,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { formatMoney, type GuardrailDecision, minorUnitDigits } from '@switchboard/domain';
import { describeError } from '@switchboard/ui';
import { useTRPC } from '@switchboard/ui/trpc';
import {
  IconAlertTriangle,
  IconArrowForwardUp,
  IconCircleCheck,
  IconCircleX,
  IconUserCheck,
} from '@tabler/icons-react';
import {
  keepPreviousData,
  skipToken,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import type { ConversationDetail } from '../conversations/timeline.ts';
import { useConversationRefresh } from '../conversations/use-conversation-mutation.ts';
import type { HandoffPrefill } from '../escalations/handoff-form.ts';
import {
  ACTION_KINDS,
  type ActionFormValues,
  type ActionKind,
  buildAction,
  COMMON_EVIDENCE,
  evidenceNamedIn,
  initialActionValues,
  normaliseEvidence,
  type PlacedErrors,
  placeServerErrors,
  reasonCodesNamedIn,
  recordedMessage,
  submitLabel,
} from './action-form.ts';

export interface ActionsPanelProps {
  conversation: ConversationDetail['conversation'];
  booking: NonNullable<ConversationDetail['booking']>;
  /** Driver adjustments are Finance's: opens the handoff form ready for Finance & Payouts. */
  onEscalate?: (prefill: HandoffPrefill) => void;
}

const DEBOUNCE_MS = 300;

/**
 * Refunds, goodwill gestures, rebookings and driver adjustments on the conversation's booking.
 * While the agent types, the server answers what the policy decides; submitting records it.
 */
export function ActionsPanel({ conversation, booking, onEscalate }: ActionsPanelProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const conversationId = conversation.id;
  const { currency } = booking;
  const digits = minorUnitDigits(currency);
  const [values, setValues] = useState(() => initialActionValues(conversation.reasonCode));
  const [debouncedValues] = useDebouncedValue(values, DEBOUNCE_MS);
  const action = useMemo(() => buildAction(values, currency), [values, currency]);
  const decidedAction = useMemo(
    () => buildAction(debouncedValues, currency),
    [debouncedValues, currency],
  );

  const options = useQuery(trpc.conversations.options.queryOptions({ conversationId }));
  const decide = useQuery({
    ...trpc.guardrails.decide.queryOptions(
      decidedAction ? { conversationId, action: decidedAction } : skipToken,
    ),
    placeholderData: keepPreviousData,
  });
  // Agents cannot read the policy; its refusals name the reason codes it takes, per action.
  const [learnedCodes, setLearnedCodes] = useState<Partial<Record<ActionKind, string[]>>>({});
  useEffect(() => {
    if (!decidedAction || !decide.data || decide.isPlaceholderData) return;
    const named = reasonCodesNamedIn(decide.data.reasons);
    if (named.length > 0) setLearnedCodes((known) => ({ ...known, [decidedAction.kind]: named }));
  }, [decidedAction, decide.data, decide.isPlaceholderData]);
  const { refresh } = useConversationRefresh(conversationId);
  const propose = useMutation(
    trpc.guardrails.propose.mutationOptions({
      onSuccess: async (result, input) => {
        const { decision } = result;
        if (decision.outcome === 'deny') {
          // The server decided again on its own facts, which changed since the live answer.
          notifications.show({
            color: 'red',
            title: 'Refused',
            message: decision.reasons[0] ?? 'The policy refuses this action',
          });
        } else {
          notifications.show({
            color: decision.outcome === 'allow' ? 'teal' : 'orange',
            message: recordedMessage(input.action, decision),
          });
          setValues(initialActionValues(conversation.reasonCode));
        }
        await Promise.all([
          refresh(),
          queryClient.invalidateQueries({ queryKey: trpc.guardrails.decide.pathKey() }),
        ]);
      },
    }),
  );

  const update = <Key extends keyof ActionFormValues>(key: Key, value: ActionFormValues[Key]) => {
    setValues((current) => ({ ...current, [key]: value }));
    if (propose.isError) propose.reset();
  };

  // The live answer is for what was typed 300 ms ago; only an answer for what is on screen
  // now may be acted on.
  const decision = action && decidedAction ? (decide.data ?? null) : null;
  const current =
    decision !== null &&
    !decide.isPlaceholderData &&
    !decide.isFetching &&
    JSON.stringify(action) === JSON.stringify(decidedAction);
  const errors = failureOf(propose.isError ? propose.error : decide.error);
  // A driver adjustment is never decided here: its button hands it to Finance & Payouts.
  const canEscalate = values.kind === 'driver_adjustment' && action !== null && Boolean(onEscalate);
  const canSubmit =
    canEscalate ||
    (current &&
      values.kind !== 'driver_adjustment' &&
      decision.outcome !== 'deny' &&
      !propose.isPending);

  const typeReasons =
    options.data?.requestTypes.find((type) => type.code === conversation.requestTypeCode)
      ?.reasons ?? [];
  const reasonNames = new Map(typeReasons.map((reason) => [reason.code, reason.name]));
  const reasonCodes = [...new Set([...(learnedCodes[values.kind] ?? []), ...reasonNames.keys()])];
  const evidenceKinds = [
    ...new Set([...evidenceNamedIn(decision?.reasons ?? []), ...COMMON_EVIDENCE]),
  ];

  const submit = () => {
    if (!canSubmit || !action) return;
    if (action.kind === 'driver_adjustment') {
      onEscalate?.({
        teamKind: 'finance_payouts',
        severity: 'sev3',
        amountMinor: action.amount.amountMinor,
        summary: `Driver earnings adjustment: ${action.reason}`,
      });
      return;
    }
    propose.mutate({ conversationId, action, note: values.note.trim() });
  };
  const kind = values.kind;
  const fare = formatMoney({ amountMinor: booking.fareAmountMinor, currency });

  return (
    <Paper p="md" component="section" aria-labelledby="actions-heading">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <Stack gap={2}>
            <Title order={2} size="h5" id="actions-heading">
              Actions
            </Title>
            <Text size="xs" c="dimmed">
              On booking {booking.reference}, paid {fare}
            </Text>
          </Stack>
          <SegmentedControl
            aria-label="Action"
            size="xs"
            fullWidth
            value={kind}
            onChange={(value) => update('kind', value as ActionKind)}
            data={ACTION_KINDS}
          />
          <NumberInput
            label={kind === 'rebooking' ? 'Price difference' : 'Amount'}
            description={
              kind === 'rebooking'
                ? `In ${currency}: what the new trip costs more than the booked one (0 if nothing)`
                : `In ${currency}`
            }
            rightSection={
              <Text size="xs" c="dimmed">
                {currency}
              </Text>
            }
            hideControls
            decimalScale={digits}
            allowDecimal={digits > 0}
            allowNegative={kind === 'rebooking'}
            inputMode="decimal"
            value={values.amount}
            onChange={(amount) => update('amount', amount)}
            error={errors.fields.amount}
          />
          {kind === 'driver_adjustment' ? (
            <Textarea
              label="What the adjustment is for"
              autosize
              minRows={2}
              maxRows={6}
              value={values.adjustmentReason}
              onChange={(event) => update('adjustmentReason', event.currentTarget.value)}
              error={errors.fields.adjustmentReason}
            />
          ) : (
            <Autocomplete
              label="Reason code"
              description="Choose one or type the policy's code"
              placeholder="e.g. DRIVER_NO_SHOW"
              data={reasonCodes}
              filter={({ options: shown, search }) => {
                const needle = search
                  .trim()
                  .toLowerCase()
                  .replace(/[\s-]+/g, '_');
                return shown.filter((option) => {
                  if (!('value' in option)) return true;
                  const name = reasonNames.get(option.value) ?? '';
                  return (
                    option.value.toLowerCase().includes(needle) ||
                    name.toLowerCase().replace(/\s+/g, '_').includes(needle)
                  );
                });
              }}
              renderOption={({ option }) => (
                <Stack gap={0}>
                  <Text size="sm">{option.value}</Text>
                  {reasonNames.get(option.value) ? (
                    <Text size="xs" c="dimmed">
                      {reasonNames.get(option.value)}
                    </Text>
                  ) : null}
                </Stack>
              )}
              value={values.reasonCode}
              onChange={(code) => update('reasonCode', code)}
              error={errors.fields.reasonCode}
            />
          )}
          {kind === 'refund' ? (
            <TagsInput
              label="Evidence"
              description="What you checked, e.g. gps_trace; type another and press Enter"
              data={evidenceKinds}
              value={values.evidence}
              onChange={(kinds) => update('evidence', normaliseEvidence(kinds))}
              clearable
              error={errors.fields.evidence}
            />
          ) : null}
          {kind === 'gesture' ? (
            <Radio.Group
              label="Give it as"
              value={values.form}
              onChange={(form) => update('form', form as ActionFormValues['form'])}
              error={errors.fields.form}
            >
              <Group gap="md" mt={4}>
                <Radio value="credit" label="Credit" />
                <Radio value="voucher" label="Voucher" />
              </Group>
            </Radio.Group>
          ) : null}
          {kind === 'rebooking' ? (
            <Switch
              label="The cause is on the platform’s side"
              description="Only then is a rebooking at our cost"
              checked={values.platformCause}
              onChange={(event) => update('platformCause', event.currentTarget.checked)}
              error={errors.fields.platformCause}
            />
          ) : null}
          <Textarea
            label="Note"
            description="Kept with the decision, for approvers and audits. Ctrl+Enter submits."
            autosize
            minRows={2}
            maxRows={6}
            value={values.note}
            onChange={(event) => update('note', event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                submit();
              }
            }}
            error={errors.fields.note}
          />
          <LiveDecision
            kind={kind}
            complete={action !== null}
            decision={decision}
            checking={decision !== null && !current}
            loading={!decide.isError}
          />
          {kind === 'driver_adjustment' ? (
            <Alert color="blue" variant="light" icon={<IconArrowForwardUp />}>
              Driver earnings and fines go to Finance & Payouts as an escalation: support does not
              decide them. The button below opens the handoff with this amount.
            </Alert>
          ) : null}
          {errors.other.length > 0 ? (
            <Alert
              color="red"
              variant="light"
              icon={<IconAlertTriangle />}
              title={propose.isError ? 'Not recorded' : 'The policy cannot decide'}
            >
              {errors.other.join(' ')}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button
              type="submit"
              color={decision?.outcome === 'approval_required' ? 'orange' : undefined}
              disabled={!canSubmit}
              loading={propose.isPending}
            >
              {submitLabel(kind, action, decision)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** A refusal's messages: per field of the panel, and the rest (or the whole message) above. */
function failureOf(error: unknown): PlacedErrors {
  if (!error) return { fields: {}, other: [] };
  const placed = placeServerErrors(error);
  return Object.keys(placed.fields).length === 0 && placed.other.length === 0
    ? { fields: {}, other: [describeError(error)] }
    : placed;
}

const HINTS: Record<ActionKind, string> = {
  refund: 'Enter the amount and a reason code to see what the policy allows.',
  gesture: 'Enter the amount and a reason code to see what the policy allows.',
  rebooking: 'Enter the price difference and a reason code to see what the policy allows.',
  driver_adjustment: 'Enter the amount and what it is for.',
};

function look(decision: GuardrailDecision): { color: string; title: string; icon: ReactNode } {
  if (decision.escalateTo === 'finance_payouts') {
    return {
      color: 'blue',
      title: 'Goes to Finance & Payouts',
      icon: <IconArrowForwardUp />,
    };
  }
  switch (decision.outcome) {
    case 'allow':
      return { color: 'green', title: 'Allowed', icon: <IconCircleCheck /> };
    case 'approval_required':
      return {
        color: 'orange',
        title: `Needs approval by ${decision.approverRole === 'finance' ? 'Finance' : 'a lead'}`,
        icon: <IconUserCheck />,
      };
    case 'deny':
      return { color: 'red', title: 'Refused', icon: <IconCircleX /> };
  }
}

function LiveDecision({
  kind,
  complete,
  decision,
  checking,
  loading,
}: {
  kind: ActionKind;
  complete: boolean;
  decision: GuardrailDecision | null;
  checking: boolean;
  loading: boolean;
}) {
  if (!complete) {
    return (
      <Text size="sm" c="dimmed">
        {HINTS[kind]}
      </Text>
    );
  }
  if (!decision) {
    return loading ? (
      <Group gap="xs">
        <Loader size="xs" aria-label="Checking the policy" />
        <Text size="sm" c="dimmed">
          Checking the policy…
        </Text>
      </Group>
    ) : null;
  }
  const { color, title, icon } = look(decision);
  return (
    <Alert
      role="status"
      aria-live="polite"
      aria-busy={checking}
      color={color}
      variant="light"
      icon={icon}
      title={title}
      style={{ opacity: checking ? 0.6 : 1 }}
    >
      <Stack gap={4}>
        <List size="sm" spacing={2}>
          {decision.reasons.map((reason) => (
            <List.Item key={reason}>{reason}</List.Item>
          ))}
        </List>
        <Text size="xs" c="dimmed">
          Policy version {decision.policyVersion}
          {checking ? ' · checking your changes…' : ''}
        </Text>
      </Stack>
    </Alert>
  );
}
