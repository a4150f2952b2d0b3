import { MAX_PAGE_SIZE } from '@switchboard/domain';

/** Past this a trainer wants a data export, not a spreadsheet. */
export const EXPORT_CAP = 5_000;

/**
 * Every row of a paged list (the screen shows one page), fetched a full page at a time up to
 * EXPORT_CAP, for a CSV download.
 */
export async function fetchAllPages<Row>(
  fetchPage: (page: { limit: number; offset: number }) => Promise<{ items: Row[]; total: number }>,
): Promise<Row[]> {
  const rows: Row[] = [];
  for (let offset = 0; offset < EXPORT_CAP; offset += MAX_PAGE_SIZE) {
    const page = await fetchPage({ limit: MAX_PAGE_SIZE, offset });
    rows.push(...page.items);
    if (page.items.length < MAX_PAGE_SIZE || rows.length >= page.total) break;
  }
  return rows.slice(0, EXPORT_CAP);
}
