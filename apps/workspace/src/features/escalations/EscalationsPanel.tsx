import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import {
  escalationLabel,
  REJECTION_REASON_LABELS,
  type RejectionReason,
  type Severity,
} from '@switchboard/domain';
import { EscalationStateBadge, SeverityBadge } from '@switchboard/ui';
import { useTRPC } from '@switchboard/ui/trpc';
import { IconArrowBackUp, IconBulb, IconSend } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ConversationDetail } from '../conversations/timeline.ts';
import { EscalateModal } from './EscalateModal.tsx';
import { EscalationClock, teamLabel } from './EscalationBadges.tsx';
import type { HandoffPrefill } from './handoff-form.ts';

export interface EscalationsPanelProps {
  conversationId: string;
  booking: ConversationDetail['booking'];
  readOnly: boolean;
  /** Set by another panel (a driver adjustment) to open the form ready for a team. */
  request?: HandoffPrefill | null;
  onRequestHandled?: () => void;
}

type Opened = {
  prefill: HandoffPrefill;
  resend: { escalationId: string; label: string; returnedBecause: string } | null;
};

/**
 * The conversation's handoffs to downstream teams: what the matrix suggests, what was sent
 * and where it stands, and a returned one to correct and send again.
 */
export function EscalationsPanel({
  conversationId,
  booking,
  readOnly,
  request,
  onRequestHandled,
}: EscalationsPanelProps) {
  const trpc = useTRPC();
  const data = useQuery(trpc.escalations.forConversation.queryOptions({ conversationId }));
  const [opened, setOpened] = useState<Opened | null>(null);
  const bookingPrefill = booking
    ? { reference: booking.reference, currency: booking.currency }
    : null;
  const shown = request
    ? { prefill: { booking: bookingPrefill, ...request }, resend: null }
    : opened;
  const close = () => {
    setOpened(null);
    onRequestHandled?.();
  };
  if (!data.data) return null;
  const { escalations, suggestions, paths } = data.data;
  if (paths.length === 0 && escalations.length === 0) return null;

  return (
    <Paper p="md" component="section" aria-labelledby="escalations-heading">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4} id="escalations-heading">
            Escalations
          </Title>
          {!readOnly && paths.length > 0 ? (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconSend size={14} />}
              onClick={() => setOpened({ prefill: { booking: bookingPrefill }, resend: null })}
            >
              Escalate
            </Button>
          ) : null}
        </Group>
        {!readOnly
          ? suggestions.map((suggestion) => (
              <Alert
                key={suggestion.teamKind}
                color="grape"
                variant="light"
                icon={<IconBulb />}
                p="xs"
              >
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Text size="sm">{suggestion.why}.</Text>
                  <Button
                    size="compact-xs"
                    variant="white"
                    onClick={() =>
                      setOpened({
                        prefill: {
                          booking: bookingPrefill,
                          teamKind: suggestion.teamKind,
                          severity: suggestion.severity as Severity,
                        },
                        resend: null,
                      })
                    }
                  >
                    Escalate to {teamLabel(suggestion.teamKind)}
                  </Button>
                </Group>
              </Alert>
            ))
          : null}
        {escalations.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nothing escalated yet.
          </Text>
        ) : (
          escalations.map((escalation) => {
            const label = escalationLabel(escalation.number);
            const returnedBecause = escalation.rejectionReason
              ? `${REJECTION_REASON_LABELS[escalation.rejectionReason as RejectionReason] ?? escalation.rejectionReason}: ${escalation.rejectionNote ?? ''}`
              : '';
            return (
              <Paper key={escalation.id} withBorder p="xs">
                <Stack gap={4}>
                  <Group justify="space-between" wrap="nowrap">
                    <Group gap="xs">
                      <Anchor
                        component={Link}
                        to={`/escalations/${escalation.id}`}
                        fw={600}
                        size="sm"
                      >
                        {label}
                      </Anchor>
                      <Text size="sm">{teamLabel(escalation.teamKind)}</Text>
                    </Group>
                    <Group gap={4}>
                      <SeverityBadge severity={escalation.severity} />
                      <EscalationStateBadge state={escalation.state} />
                    </Group>
                  </Group>
                  <Text size="sm" lineClamp={2}>
                    {escalation.summary}
                  </Text>
                  <EscalationClock row={escalation} />
                  {escalation.state === 'resolved' && escalation.outcome ? (
                    <Text size="sm" c="teal">
                      Outcome: {escalation.outcome}
                    </Text>
                  ) : null}
                  {escalation.state === 'rejected' ? (
                    <Alert
                      color="orange"
                      variant="light"
                      p="xs"
                      icon={<IconArrowBackUp size={16} />}
                    >
                      <Stack gap={4}>
                        <Text size="sm">Returned — {returnedBecause}</Text>
                        {!readOnly ? (
                          <Button
                            size="compact-xs"
                            variant="white"
                            onClick={() =>
                              setOpened({
                                prefill: {
                                  booking: bookingPrefill,
                                  teamKind: escalation.teamKind,
                                  severity: escalation.severity as Severity,
                                  summary: escalation.summary,
                                  fields: escalation.fields,
                                },
                                resend: { escalationId: escalation.id, label, returnedBecause },
                              })
                            }
                          >
                            Correct and resend
                          </Button>
                        ) : null}
                      </Stack>
                    </Alert>
                  ) : null}
                </Stack>
              </Paper>
            );
          })
        )}
      </Stack>
      <EscalateModal
        opened={shown !== null}
        onClose={close}
        conversationId={conversationId}
        paths={paths}
        prefill={shown?.prefill ?? {}}
        resend={shown?.resend ?? null}
      />
    </Paper>
  );
}
