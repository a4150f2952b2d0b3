import type { FormErrors } from '@mantine/form';
import { randomId } from '@mantine/hooks';
import {
  type Audience,
  type BusinessCalendar,
  type DownstreamTeamKind,
  type EscalationMatrixEntry,
  type EscalationTrigger,
  escalationMatrixEntrySchema,
  exampleEscalationMatrix,
  type HandoffField,
  type Priority,
  rolloutNoteSchema,
  SEVERITIES,
  type Severity,
  WEEKDAYS,
  type Weekday,
} from '@switchboard/domain';

/*
 * The matrix editor's form: one team's entry as a person edits it. Minutes may be empty while
 * typing, weekdays always have a (possibly empty) list of opening intervals, and list rows
 * carry keys for React. `entryOf` turns it back into an EscalationMatrixEntry, and validation
 * runs the very schema the server enforces, with its errors moved onto the fields.
 */

export interface TriggerValues {
  /** Only for React: triggers are added, removed and edited in place. */
  key: string;
  name: string;
  requestTypeCodes: string[];
  tags: string[];
  keywords: string[];
  audiences: Audience[];
  priorities: Priority[];
  severity: Severity;
}

export interface IntervalValues {
  key: string;
  /** "HH:MM"; "24:00" closes at midnight. */
  from: string;
  to: string;
}

export interface TargetValues {
  acknowledgeMinutes: number | string;
  resolveMinutes: number | string;
}

export interface MatrixFormValues {
  teamKind: DownstreamTeamKind;
  ownerTeamCode: string;
  triggers: TriggerValues[];
  requiredFields: HandoffField[];
  sla: Record<Severity, TargetValues>;
  calendar: {
    timeZone: string;
    weekly: Record<Weekday, IntervalValues[]>;
    holidays: string[];
  };
  reminderMinutesBefore: number | string;
  rolloutNote: string;
}

/** A new entry starts from the worked example for its team kind. */
export function startingEntry(teamKind: DownstreamTeamKind): EscalationMatrixEntry {
  const example = exampleEscalationMatrix.find((entry) => entry.teamKind === teamKind);
  if (!example) throw new Error(`No example matrix entry for ${teamKind}`);
  return structuredClone(example);
}

export function newTrigger(): TriggerValues {
  return {
    key: randomId(),
    name: '',
    requestTypeCodes: [],
    tags: [],
    keywords: [],
    audiences: [],
    priorities: [],
    severity: 'sev3',
  };
}

export function newInterval(from = '09:00', to = '18:00'): IntervalValues {
  return { key: randomId(), from, to };
}

/** Every day open around the clock. */
export function roundTheClock(): Record<Weekday, IntervalValues[]> {
  return Object.fromEntries(
    WEEKDAYS.map((day) => [day, [newInterval('00:00', '24:00')]]),
  ) as Record<Weekday, IntervalValues[]>;
}

export function isRoundTheClock(weekly: Record<Weekday, IntervalValues[]>): boolean {
  return WEEKDAYS.every((day) => {
    const [only, ...rest] = weekly[day];
    return only?.from === '00:00' && only.to === '24:00' && rest.length === 0;
  });
}

function triggerValues(trigger: EscalationTrigger): TriggerValues {
  return {
    key: randomId(),
    name: trigger.name,
    requestTypeCodes: [...trigger.requestTypeCodes],
    tags: [...trigger.tags],
    keywords: [...trigger.keywords],
    audiences: [...trigger.audiences],
    priorities: [...trigger.priorities],
    severity: trigger.severity,
  };
}

function weeklyValues(weekly: BusinessCalendar['weekly']): Record<Weekday, IntervalValues[]> {
  return Object.fromEntries(
    WEEKDAYS.map((day) => [
      day,
      (weekly[day] ?? []).map(([from, to]) => ({ key: randomId(), from, to })),
    ]),
  ) as Record<Weekday, IntervalValues[]>;
}

export function formValuesOf(entry: EscalationMatrixEntry): MatrixFormValues {
  return {
    teamKind: entry.teamKind,
    ownerTeamCode: entry.ownerTeamCode,
    triggers: entry.triggers.map(triggerValues),
    requiredFields: [...entry.requiredFields],
    sla: Object.fromEntries(
      SEVERITIES.map((severity) => [severity, { ...entry.sla[severity] }]),
    ) as Record<Severity, TargetValues>,
    calendar: {
      timeZone: entry.calendar.timeZone,
      weekly: weeklyValues(entry.calendar.weekly),
      holidays: [...entry.calendar.holidays],
    },
    reminderMinutesBefore: entry.reminderMinutesBefore,
    rolloutNote: '',
  };
}

/** An input's number; an empty input is NaN, which the schema refuses as "not a number". */
function numberOf(value: number | string): number {
  if (typeof value === 'number') return value;
  return value.trim() === '' ? Number.NaN : Number(value);
}

/** The entry the form describes; a closed day is left out of the weekly hours. */
export function entryOf(values: MatrixFormValues): EscalationMatrixEntry {
  const weekly: BusinessCalendar['weekly'] = {};
  for (const day of WEEKDAYS) {
    const intervals = values.calendar.weekly[day];
    if (intervals.length > 0) {
      weekly[day] = intervals.map(({ from, to }) => [from.trim(), to.trim()]);
    }
  }
  return {
    teamKind: values.teamKind,
    ownerTeamCode: values.ownerTeamCode,
    triggers: values.triggers.map(({ key: _key, ...trigger }) => trigger),
    requiredFields: values.requiredFields,
    sla: Object.fromEntries(
      SEVERITIES.map((severity) => [
        severity,
        {
          acknowledgeMinutes: numberOf(values.sla[severity].acknowledgeMinutes),
          resolveMinutes: numberOf(values.sla[severity].resolveMinutes),
        },
      ]),
    ) as EscalationMatrixEntry['sla'],
    calendar: {
      timeZone: values.calendar.timeZone.trim(),
      weekly,
      holidays: values.calendar.holidays,
    },
    reminderMinutesBefore: numberOf(values.reminderMinutesBefore),
  };
}

/**
 * Where the form shows an error the schema (or the server) gives for an entry path. The
 * server's `entry.` prefix is dropped; a list item's error shows on its list's input
 * (`triggers.0.keywords.2` → `triggers.0.keywords`), an opening interval's on its "from" or
 * "to" input.
 */
export function formPathOf(path: readonly PropertyKey[]): string {
  const parts = path.map(String);
  if (parts[0] === 'entry') parts.shift();
  const [head, second] = parts;
  if (head === 'triggers' && parts.length > 3) return parts.slice(0, 3).join('.');
  if (head === 'requiredFields') return 'requiredFields';
  if (head === 'calendar' && second === 'holidays') return 'calendar.holidays';
  if (head === 'calendar' && second === 'weekly' && parts.length >= 4) {
    // The tuple's own check ("closes after it opens") and its second time belong to "to".
    const end = parts[4] === '0' ? 'from' : 'to';
    return `calendar.weekly.${parts[2]}.${parts[3]}.${end}`;
  }
  return parts.join('.');
}

/** Paths the editor shows on a field; a refusal naming anything else is shown above Save. */
export function isShownPath(path: string): boolean {
  return /^(ownerTeamCode|triggers|requiredFields|sla|calendar|reminderMinutesBefore|rolloutNote)(\.|$)/.test(
    path,
  );
}

/** The form's errors: the entry schema's, on the fields that show them, and the note's. */
export function validateMatrixForm(values: MatrixFormValues): FormErrors {
  const errors: FormErrors = {};
  const parsed = escalationMatrixEntrySchema.safeParse(entryOf(values));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      errors[formPathOf(issue.path)] ??=
        issue.code === 'invalid_type' && issue.expected === 'number'
          ? 'Enter a whole number of minutes'
          : issue.message;
    }
  }
  const note = rolloutNoteSchema.safeParse(values.rolloutNote);
  if (!note.success) errors.rolloutNote = note.error.issues[0]?.message ?? 'Too long';
  return errors;
}

/** What Save sends, once the form is valid: text trimmed, an empty note left out. */
export function saveInputOf(values: MatrixFormValues) {
  return {
    entry: escalationMatrixEntrySchema.parse(entryOf(values)),
    rolloutNote: rolloutNoteSchema.parse(values.rolloutNote),
  };
}

/** The error set on a path itself, for the input that shows it. */
export function errorAt(errors: FormErrors, path: string): string | null {
  const error = errors[path];
  return error === undefined || error === null ? null : String(error);
}
