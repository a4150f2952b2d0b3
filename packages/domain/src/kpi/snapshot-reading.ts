import { KPI_DEFINITIONS, type KpiKey } from './definitions.ts';
import type { SnapshotDriver } from './snapshot.ts';

/*
 * How a frozen snapshot reads, wherever it is shown: the console page, Markdown and PDF.
 */

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

type Definitions = Record<KpiKey, { version: number; label: string; formula: string }>;

/** The definitions a snapshot was computed with, set against today's (`current`). */
export function definitionsUsed(
  stored: Record<string, number>,
  current: Definitions = KPI_DEFINITIONS,
): DefinitionUsed[] {
  return Object.entries(stored).map(([key, storedVersion]) => {
    const definition = key in current ? current[key as KpiKey] : undefined;
    return {
      key,
      label: definition?.label ?? key,
      storedVersion,
      currentVersion: definition?.version ?? null,
      formula: definition?.formula ?? null,
      changed: definition?.version !== storedVersion,
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
