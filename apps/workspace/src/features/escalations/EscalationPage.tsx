import {
  Alert,
  Anchor,
  Button,
  Grid,
  Group,
  Loader,
  Modal,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  type EscalationMove,
  escalationLabel,
  formatMoney,
  HANDOFF_FIELD_LABELS,
  type HandoffField,
  type HandoffFields,
  REJECTION_REASON_LABELS,
  REJECTION_REASONS,
  type RejectionReason,
  type Severity,
} from '@switchboard/domain';
import {
  describeError,
  EmptyState,
  ErrorState,
  EscalationStateBadge,
  formatDateTime,
  formatInTimeZone,
  SeverityBadge,
  trpcErrorCode,
} from '@switchboard/ui';
import { serverFieldErrors } from '@switchboard/ui/playbooks';
import { useRefreshArea, useTRPC } from '@switchboard/ui/trpc';
import { IconArrowBackUp, IconLock } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { DetailList } from '../conversations/DetailList.tsx';
import { EscalateModal } from './EscalateModal.tsx';
import { EscalationClock, teamLabel } from './EscalationBadges.tsx';
import { eventText } from './escalation-events.ts';

const MOVE_LABELS: Record<EscalationMove, string> = {
  acknowledge: 'Acknowledge',
  start: 'Start work',
  resolve: 'Resolve',
  reject: 'Return to support',
  resend: 'Correct and resend',
};

function fieldValue(field: HandoffField, fields: HandoffFields): string {
  const value = fields[field];
  if (value === undefined) return '—';
  if (field === 'amount') return formatMoney(value as { amountMinor: number; currency: string });
  if (field === 'evidence') return (value as string[]).join('\n');
  if (field === 'occurred_at') return formatDateTime(new Date(value as string));
  return String(value);
}

/** One escalation: the handoff, the conversation's context, the clocks, and its record. */
export function EscalationPage() {
  const { escalationId = '' } = useParams();
  const trpc = useTRPC();
  const detail = useQuery(trpc.escalations.byId.queryOptions({ escalationId }));
  const [dialog, setDialog] = useState<'resolve' | 'reject' | 'resend' | null>(null);
  const [note, setNote] = useState('');
  const refresh = useRefreshArea('escalations');
  const move = useMutation(
    trpc.escalations.move.mutationOptions({
      onSuccess: async (result) => {
        notifications.show({ color: 'teal', message: `Now ${result.state.replace('_', ' ')}` });
        setDialog(null);
        await refresh();
      },
    }),
  );
  const addNote = useMutation(
    trpc.escalations.addNote.mutationOptions({
      onSuccess: async () => {
        setNote('');
        await refresh();
      },
    }),
  );

  if (detail.isPending) {
    return (
      <Group justify="center" py="xl">
        <Loader aria-label="Loading escalation" />
      </Group>
    );
  }
  if (detail.isError) {
    const code = trpcErrorCode(detail.error);
    if (code === 'FORBIDDEN' || code === 'NOT_FOUND' || code === 'BAD_REQUEST') {
      return (
        <EmptyState
          icon={<IconLock />}
          title={code === 'FORBIDDEN' ? 'You can’t open this escalation' : 'Escalation not found'}
          description={describeError(detail.error)}
        />
      );
    }
    return (
      <ErrorState message={describeError(detail.error)} onRetry={() => void detail.refetch()} />
    );
  }

  const escalation = detail.data;
  const label = escalationLabel(escalation.number);
  const { context } = escalation;
  const act = (kind: EscalationMove) => {
    if (kind === 'acknowledge' || kind === 'start') move.mutate({ escalationId, move: kind });
    else setDialog(kind);
  };
  const returnedBecause = escalation.rejectionReason
    ? `${REJECTION_REASON_LABELS[escalation.rejectionReason as RejectionReason]}: ${escalation.rejectionNote ?? ''}`
    : '';

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/escalations" size="sm">
        ← Escalations
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs">
            <Title order={2}>{label}</Title>
            <SeverityBadge severity={escalation.severity} />
            <EscalationStateBadge state={escalation.state} />
          </Group>
          <Text c="dimmed" size="sm">
            To {teamLabel(escalation.teamKind)}
            {escalation.ownerTeamName !== teamLabel(escalation.teamKind)
              ? ` (${escalation.ownerTeamName})`
              : ''}{' '}
            · raised by {escalation.createdByName} · {formatDateTime(escalation.sentAt)}
            {escalation.round > 1 ? ` · sent ${escalation.round} times` : ''}
            {escalation.assigneeName ? ` · worked by ${escalation.assigneeName}` : ''}
          </Text>
          <EscalationClock row={escalation} />
        </Stack>
        <Group gap="xs">
          {escalation.moves.map((kind) => (
            <Button
              key={kind}
              variant={kind === 'reject' ? 'default' : 'filled'}
              color={kind === 'resolve' ? 'teal' : undefined}
              loading={move.isPending && (kind === 'acknowledge' || kind === 'start')}
              onClick={() => act(kind)}
            >
              {MOVE_LABELS[kind]}
            </Button>
          ))}
        </Group>
      </Group>
      {move.isError && dialog === null ? (
        <Alert color="red" variant="light">
          {describeError(move.error)}
        </Alert>
      ) : null}
      {escalation.state === 'rejected' ? (
        <Alert
          color="orange"
          variant="light"
          icon={<IconArrowBackUp />}
          title="Returned to support"
        >
          {returnedBecause}
        </Alert>
      ) : null}
      {escalation.state === 'resolved' && escalation.outcome ? (
        <Alert color="teal" variant="light" title="Outcome">
          {escalation.outcome}
        </Alert>
      ) : null}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <Paper p="md">
              <Title order={4} mb="xs">
                What is needed
              </Title>
              <Text style={{ whiteSpace: 'pre-wrap' }}>{escalation.summary}</Text>
              <Stack mt="sm">
                <DetailList
                  items={(Object.keys(escalation.fields) as HandoffField[]).map((field) => ({
                    label: HANDOFF_FIELD_LABELS[field].label,
                    value: (
                      <span style={{ whiteSpace: 'pre-wrap' }}>
                        {fieldValue(field, escalation.fields)}
                      </span>
                    ),
                  }))}
                />
              </Stack>
            </Paper>
            <Paper p="md">
              <Title order={4} mb="xs">
                Record
              </Title>
              <Timeline bulletSize={14} lineWidth={2}>
                {escalation.events.map((event) => (
                  <Timeline.Item key={event.id} title={eventText(event)}>
                    <Text size="xs" c="dimmed">
                      {event.actorName ?? 'Switchboard'} · {formatDateTime(event.at)}
                    </Text>
                    {event.type === 'noted' ? (
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                        {String(event.payload.body ?? '')}
                      </Text>
                    ) : null}
                  </Timeline.Item>
                ))}
              </Timeline>
              <form
                onSubmit={(event) => {
                  event.preventDefault();
                  if (note.trim()) addNote.mutate({ escalationId, body: note });
                }}
              >
                <Group mt="md" align="flex-end" wrap="nowrap">
                  <Textarea
                    label="Add to the record"
                    placeholder="Progress, a question for support…"
                    autosize
                    minRows={1}
                    style={{ flex: 1 }}
                    value={note}
                    onChange={(event) => setNote(event.currentTarget.value)}
                    error={addNote.isError ? describeError(addNote.error) : undefined}
                  />
                  <Button
                    type="submit"
                    variant="light"
                    loading={addNote.isPending}
                    disabled={!note.trim()}
                  >
                    Add
                  </Button>
                </Group>
              </form>
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <Paper p="md">
              <Title order={4} mb="xs">
                Conversation #{escalation.conversationNumber}
              </Title>
              <DetailList
                items={[
                  {
                    label: 'Contact',
                    value: `${context.contact.name} (${context.contact.audience})`,
                  },
                  { label: 'Email', value: context.contact.email ?? '—' },
                  { label: 'Phone', value: context.contact.phone ?? '—' },
                  { label: 'City', value: context.contact.city ?? '—' },
                  { label: 'Channel', value: context.conversation.channel },
                  { label: 'Priority', value: context.conversation.priority },
                  { label: 'Request type', value: context.conversation.requestType ?? '—' },
                  { label: 'Tags', value: context.conversation.tags.join(', ') || '—' },
                ]}
              />
              <Anchor
                component={Link}
                to={`/conversations/${escalation.conversationId}`}
                size="sm"
                mt="xs"
              >
                Open the conversation
              </Anchor>
            </Paper>
            {context.booking ? (
              <Paper p="md">
                <Title order={4} mb="xs">
                  Booking {context.booking.reference}
                </Title>
                <DetailList
                  items={[
                    { label: 'Pickup', value: context.booking.pickup },
                    { label: 'Drop-off', value: context.booking.dropoff },
                    {
                      label: 'When',
                      value: formatInTimeZone(
                        new Date(context.booking.scheduledAt),
                        context.booking.timeZone,
                      ),
                    },
                    { label: 'Fare', value: formatMoney(context.booking.fare) },
                    { label: 'Status', value: context.booking.status },
                    { label: 'Driver', value: context.booking.driverName ?? '—' },
                  ]}
                />
              </Paper>
            ) : null}
            <Paper p="md">
              <Title order={4} mb="xs">
                Steps support already took
              </Title>
              {context.stepsTaken.length > 0 ? (
                <Stack gap={2}>
                  {context.stepsTaken.map((step, index) => (
                    <Text key={`${index}-${step}`} size="sm">
                      • {step}
                    </Text>
                  ))}
                </Stack>
              ) : (
                <Text size="sm" c="dimmed">
                  None recorded on the conversation.
                </Text>
              )}
            </Paper>
            <Paper p="md">
              <Title order={4} mb="xs">
                Latest messages
              </Title>
              <Stack gap="xs">
                {context.timeline.map((message) => (
                  <div key={`${message.at}-${message.from}`}>
                    <Text size="xs" c="dimmed">
                      {message.from} · {formatDateTime(new Date(message.at))}
                    </Text>
                    <Text size="sm">{message.text}</Text>
                  </div>
                ))}
              </Stack>
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
      <ResolveModal
        opened={dialog === 'resolve'}
        onClose={() => setDialog(null)}
        pending={move.isPending}
        error={dialog === 'resolve' && move.isError ? move.error : null}
        onSubmit={(outcome) => move.mutate({ escalationId, move: 'resolve', outcome })}
      />
      <RejectModal
        opened={dialog === 'reject'}
        onClose={() => setDialog(null)}
        pending={move.isPending}
        error={dialog === 'reject' && move.isError ? move.error : null}
        onSubmit={(reason, text) =>
          move.mutate({ escalationId, move: 'reject', reason, note: text })
        }
      />
      <EscalateModal
        opened={dialog === 'resend'}
        onClose={() => setDialog(null)}
        conversationId={escalation.conversationId}
        paths={escalation.path ? [escalation.path] : []}
        prefill={{
          teamKind: escalation.teamKind,
          severity: escalation.severity as Severity,
          summary: escalation.summary,
          fields: escalation.fields,
          booking: context.booking
            ? { reference: context.booking.reference, currency: context.booking.fare.currency }
            : null,
        }}
        resend={{ escalationId, label, returnedBecause }}
      />
    </Stack>
  );
}

function ResolveModal(props: {
  opened: boolean;
  onClose: () => void;
  pending: boolean;
  error: unknown;
  onSubmit: (outcome: string) => void;
}) {
  const [outcome, setOutcome] = useState('');
  const fieldError = props.error
    ? (serverFieldErrors(props.error).outcome ?? describeError(props.error))
    : undefined;
  return (
    <Modal opened={props.opened} onClose={props.onClose} title="Resolve">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          props.onSubmit(outcome);
        }}
      >
        <Stack gap="sm">
          <Textarea
            label="Outcome"
            description="Support passes this on to the customer; say what was done and what happens next."
            autosize
            minRows={3}
            value={outcome}
            onChange={(event) => setOutcome(event.currentTarget.value)}
            error={fieldError}
            required
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button type="submit" color="teal" loading={props.pending}>
              Resolve
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function RejectModal(props: {
  opened: boolean;
  onClose: () => void;
  pending: boolean;
  error: unknown;
  onSubmit: (reason: RejectionReason, note: string) => void;
}) {
  const [reason, setReason] = useState<RejectionReason>('missing_information');
  const [note, setNote] = useState('');
  const fieldErrors = props.error ? serverFieldErrors(props.error) : {};
  return (
    <Modal opened={props.opened} onClose={props.onClose} title="Return to support">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          props.onSubmit(reason, note);
        }}
      >
        <Stack gap="sm">
          <Select
            label="Reason"
            data={REJECTION_REASONS.map((value) => ({
              value,
              label: REJECTION_REASON_LABELS[value],
            }))}
            value={reason}
            onChange={(value) => value && setReason(value as RejectionReason)}
            allowDeselect={false}
            error={fieldErrors.reason}
          />
          <Textarea
            label="What support should fix"
            autosize
            minRows={2}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            error={
              fieldErrors.note ??
              (props.error && !fieldErrors.reason ? describeError(props.error) : undefined)
            }
            required
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button type="submit" color="orange" loading={props.pending}>
              Return to support
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
