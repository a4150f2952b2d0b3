import { KPI_DEFINITIONS, type KpiKey, type SnapshotDriver } from '@switchboard/domain';

export const snapshotPath = (snapshotId: string) => `/reports/snapshots/${snapshotId}`;

/** A snapshot's days, in the zone it was cut in: "9 – 15 Nov 2026", or "November 2026". */
export function snapshotPeriodText(snapshot: {
  kind: string;
  periodStart: Date;
  periodEnd: Date;
  timeZone: string;
}): string {
  const { timeZone } = snapshot;
  if (snapshot.kind === 'monthly') {
    return new Intl.DateTimeFormat('en-GB', { timeZone, month: 'long', year: 'numeric' }).format(
      snapshot.periodStart,
    );
  }
  // The period ends at the next local midnight; its last day is the one before.
  const lastDay = new Date(snapshot.periodEnd.getTime() - 1);
  const day = (at: Date, options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat('en-GB', { timeZone, ...options }).format(at);
  const sameYear =
    day(snapshot.periodStart, { year: 'numeric' }) === day(lastDay, { year: 'numeric' });
  const first = day(snapshot.periodStart, {
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
  });
  return `${first} – ${day(lastDay, { day: 'numeric', month: 'short', year: 'numeric' })}`;
}

export type DriverTrend = 'new' | 'up' | 'down' | 'same' | 'none';

/**
 * How a request type or root cause moved against the period before: "new", "+25%", "−40%"
 * (a real minus sign, as a report prints it).
 */
export function driverChange(driver: Pick<SnapshotDriver, 'count' | 'previous'>): {
  label: string;
  trend: DriverTrend;
} {
  if (driver.previous === 0) {
    return driver.count > 0 ? { label: 'new', trend: 'new' } : { label: '—', trend: 'none' };
  }
  const percent = Math.round(((driver.count - driver.previous) / driver.previous) * 100);
  if (percent === 0) return { label: '0%', trend: 'same' };
  return percent > 0
    ? { label: `+${percent}%`, trend: 'up' }
    : { label: `−${Math.abs(percent)}%`, trend: 'down' };
}

export interface DefinitionUsed {
  key: string;
  label: string;
  storedVersion: number;
  /** Null when the definition no longer exists. */
  currentVersion: number | null;
  /** Today's formula; it describes the snapshot only when the versions agree. */
  formula: string | null;
  changed: boolean;
}

/** The definitions a snapshot was computed with, set against today's. */
export function definitionsUsed(stored: Record<string, number>): DefinitionUsed[] {
  return Object.entries(stored).map(([key, storedVersion]) => {
    const current = key in KPI_DEFINITIONS ? KPI_DEFINITIONS[key as KpiKey] : undefined;
    return {
      key,
      label: current?.label ?? key,
      storedVersion,
      currentVersion: current?.version ?? null,
      formula: current?.formula ?? null,
      changed: current?.version !== storedVersion,
    };
  });
}

/** "computed with v1; the current definition is v2", or null when nothing changed. */
export function definitionDrift(definition: DefinitionUsed): string | null {
  if (!definition.changed) return null;
  return definition.currentVersion === null
    ? `computed with v${definition.storedVersion}; this KPI is no longer defined`
    : `computed with v${definition.storedVersion}; the current definition is v${definition.currentVersion}`;
}

/** The bytes of a base64 string (how the API sends a PDF). */
export function base64Bytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** Saves a Blob as a file through a temporary object URL and link, as a browser download does. */
export function saveBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked once the click has been handled, so the download has started.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
