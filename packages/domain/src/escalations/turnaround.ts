/*
 * Escalation turnaround, measured from the escalation's own events: from each send (or resend)
 * to the acknowledgement, and from the first send to the resolution. Calendar minutes: what
 * the customer waited.
 */

export interface EscalationEventFact {
  type: 'sent' | 'acknowledged' | 'started' | 'resolved' | 'rejected' | 'resent' | string;
  at: Date;
}

export interface EscalationTurnaround {
  acknowledgeMinutes: number | null;
  resolveMinutes: number | null;
  returns: number;
}

export function escalationTurnaround(events: readonly EscalationEventFact[]): EscalationTurnaround {
  const ordered = [...events].sort((a, b) => a.at.getTime() - b.at.getTime());
  const first = ordered.find((event) => event.type === 'sent');
  let lastSend: Date | null = null;
  let acknowledgeMinutes: number | null = null;
  let resolveMinutes: number | null = null;
  let returns = 0;
  for (const event of ordered) {
    if (event.type === 'sent' || event.type === 'resent') lastSend = event.at;
    if (event.type === 'rejected') returns += 1;
    if (
      (event.type === 'acknowledged' || event.type === 'started') &&
      lastSend &&
      acknowledgeMinutes === null
    ) {
      acknowledgeMinutes = (event.at.getTime() - lastSend.getTime()) / 60_000;
    }
    if (event.type === 'resolved' && first) {
      resolveMinutes = (event.at.getTime() - first.at.getTime()) / 60_000;
    }
  }
  return { acknowledgeMinutes, resolveMinutes, returns };
}
