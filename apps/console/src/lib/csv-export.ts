import { notifications } from '@mantine/notifications';
import { MAX_PAGE_SIZE } from '@switchboard/domain';
import { describeError } from '@switchboard/ui';
import { useState } from 'react';

/** Past this a lead or trainer wants a data export, not a spreadsheet. */
const EXPORT_CAP = 5_000;

/**
 * Every row of a paged list (the screen shows one page), fetched a full page at a time up to
 * `cap`, for a CSV download.
 */
export async function fetchAllPages<Row>(
  fetchPage: (page: { limit: number; offset: number }) => Promise<{ items: Row[]; total: number }>,
  cap = EXPORT_CAP,
): Promise<Row[]> {
  const rows: Row[] = [];
  for (let offset = 0; offset < cap; offset += MAX_PAGE_SIZE) {
    const page = await fetchPage({ limit: MAX_PAGE_SIZE, offset });
    rows.push(...page.items);
    if (page.items.length < MAX_PAGE_SIZE || rows.length >= page.total) break;
  }
  return rows.slice(0, cap);
}

/** Runs a CSV export with its button's loading state; a failure is told, never thrown. */
export function useCsvExport(): {
  exporting: boolean;
  run: (work: () => Promise<void>) => Promise<void>;
} {
  const [exporting, setExporting] = useState(false);
  async function run(work: () => Promise<void>) {
    setExporting(true);
    try {
      await work();
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not exported', message: describeError(error) });
    } finally {
      setExporting(false);
    }
  }
  return { exporting, run };
}
