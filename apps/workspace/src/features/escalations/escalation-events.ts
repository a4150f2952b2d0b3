import { REJECTION_REASON_LABELS, type RejectionReason } from '@switchboard/domain';

interface RecordEvent {
  type: string;
  payload: Record<string, unknown>;
}

const CLOCKS: Record<string, string> = { acknowledge: 'Acknowledging', resolve: 'Resolving' };

/** One line of an escalation's record, as people read it. */
export function eventText(event: RecordEvent): string {
  const payload = event.payload;
  switch (event.type) {
    case 'sent':
      return 'Sent to the team';
    case 'acknowledged':
      return 'Acknowledged';
    case 'started':
      return 'Work started';
    case 'resolved':
      return `Resolved: ${String(payload.outcome ?? '')}`;
    case 'rejected':
      return `Returned to support — ${REJECTION_REASON_LABELS[payload.reason as RejectionReason] ?? String(payload.reason)}: ${String(payload.note ?? '')}`;
    case 'resent':
      return `Corrected and sent again (round ${String(payload.round ?? '')})`;
    case 'noted':
      return 'Note';
    case 'reminder':
      return `Reminder: ${(CLOCKS[String(payload.clock)] ?? 'The clock').toLowerCase()} is due soon`;
    case 'breach':
      return `${CLOCKS[String(payload.clock)] ?? 'A clock'} ran out of time`;
    default:
      return event.type.replaceAll('_', ' ');
  }
}
