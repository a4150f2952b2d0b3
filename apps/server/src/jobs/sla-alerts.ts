import type { DatabaseHandle } from '@switchboard/db/client';
import { sendDueApprovalAlerts } from '@switchboard/db/queries/approval-alerts';
import { sendDueEscalationAlerts } from '@switchboard/db/queries/escalations';
import { sendDueIncidentReminders } from '@switchboard/db/queries/incidents';
import { announceSlaBreaches } from '@switchboard/db/queries/sla-breaches';
import type { Logger } from '../logger.ts';
import { drainBatches, type RecurringJob, startRecurringJob } from './recurring-job.ts';

/** How often escalation, approval and incident clocks are checked; an alert is at most this late. */
export const SLA_ALERTS_EVERY_MS = 30_000;

/**
 * Conversation SLA breaches; reminders before, and alerts at, escalation and approval SLA
 * breaches; overdue incident status updates. What is due is read
 * from the database and each alert is keyed, so a restart or a second process sends each once.
 */
export function startSlaAlerts(options: {
  database: DatabaseHandle;
  logger: Logger;
  everyMs?: number;
}): RecurringJob {
  const { database } = options;
  return startRecurringJob({
    name: 'sla alerts',
    everyMs: options.everyMs ?? SLA_ALERTS_EVERY_MS,
    logger: options.logger,
    work: () =>
      drainBatches(async () => {
        const now = new Date();
        return (
          (await sendDueEscalationAlerts(database.db, now)) +
          (await sendDueApprovalAlerts(database.db, now)) +
          (await sendDueIncidentReminders(database.db, now)) +
          (await announceSlaBreaches(database.db, now))
        );
      }),
  });
}
