import { describeChange } from '../changes/diff.ts';
import { TEAM_KIND_LABELS } from '../people/teams.ts';
import { SEVERITIES, SEVERITY_LABELS } from '../shared/severity.ts';
import { WEEKDAYS } from '../sla/calendar.ts';
import { HANDOFF_FIELD_LABELS } from './handoff.ts';
import type { EscalationMatrixEntry, EscalationTrigger } from './matrix.ts';

/** Minutes as a lead reads them: "45 min", "4 h", "1 d 2 h". */
export function durationText(minutes: number): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts = [days ? `${days} d` : '', hours ? `${hours} h` : '', rest ? `${rest} min` : ''];
  return parts.filter(Boolean).join(' ') || '0 min';
}

function triggerText(trigger: EscalationTrigger): string {
  const parts = [
    trigger.requestTypeCodes.length ? `request type ${trigger.requestTypeCodes.join(' or ')}` : '',
    trigger.tags.length ? `tag ${trigger.tags.join(' or ')}` : '',
    trigger.keywords.length ? `words ${trigger.keywords.map((k) => `“${k}”`).join(' or ')}` : '',
    trigger.audiences.length ? `${trigger.audiences.join(' or ')}s only` : '',
    trigger.priorities.length ? `priority ${trigger.priorities.join(' or ')}` : '',
  ].filter(Boolean);
  return `${trigger.name}: ${parts.join(', ')} → ${SEVERITY_LABELS[trigger.severity]}`;
}

function calendarText(entry: EscalationMatrixEntry): string {
  // Weekday order, not key order: stored JSON does not keep keys in the order they were written.
  const days = WEEKDAYS.flatMap((day) => {
    const intervals = entry.calendar.weekly[day] ?? [];
    return intervals.length > 0
      ? [`${day} ${intervals.map(([a, b]) => `${a}–${b}`).join(', ')}`]
      : [];
  });
  const holidays = entry.calendar.holidays.length
    ? `; closed ${entry.calendar.holidays.join(', ')}`
    : '';
  return `${entry.calendar.timeZone}: ${days.join('; ') || 'never open'}${holidays}`;
}

/** The entry flattened to one readable value per setting, keyed by its label. */
export function escalationMatrixSummary(entry: EscalationMatrixEntry): Record<string, unknown> {
  const summary: Record<string, unknown> = {
    Team: TEAM_KIND_LABELS[entry.teamKind],
    'Owner queue': entry.ownerTeamCode,
    Triggers: entry.triggers.map(triggerText),
    'Required fields': entry.requiredFields.map((field) => HANDOFF_FIELD_LABELS[field].label),
    'Business calendar': calendarText(entry),
    Reminder: `${durationText(entry.reminderMinutesBefore)} before due`,
  };
  for (const severity of SEVERITIES) {
    const targets = entry.sla[severity];
    summary[`${SEVERITY_LABELS[severity]}`] =
      `acknowledge in ${durationText(targets.acknowledgeMinutes)}, resolve in ${durationText(targets.resolveMinutes)}`;
  }
  return summary;
}

export function describeEscalationMatrixChange(
  before: EscalationMatrixEntry | null,
  after: EscalationMatrixEntry,
): string[] {
  const next = escalationMatrixSummary(after);
  const labels = Object.fromEntries(Object.keys(next).map((key) => [key, { label: key }]));
  const lines = describeChange(before ? escalationMatrixSummary(before) : null, next, labels);
  return lines.length > 0 ? lines : ['No visible change'];
}
