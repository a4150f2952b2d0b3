import { notifications } from '@mantine/notifications';
import { AUDIENCE_LABELS, type KpiDrilldownInput, PRIORITY_LABELS } from '@switchboard/domain';
import { CHANNEL_LABELS, describeError, downloadFile, STATUS_LABELS } from '@switchboard/ui';
import { type RouterOutputs, useTRPCClient } from '@switchboard/ui/trpc';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type CsvColumn, csvFile } from './report-csv.ts';

export type DrilldownItem = RouterOutputs['kpi']['drilldown']['items'][number];

/** The most the API returns at once. */
export const EXPORT_PAGE_SIZE = 200;
/** Past this a lead wants a data export, not a spreadsheet of conversations. */
export const EXPORT_CAP = 5_000;

/** The workspace is served beside the console on the same origin. */
export function workspaceConversationPath(id: string): string {
  return `/workspace/conversations/${id}`;
}

function labelOf<Key extends string>(labels: Record<Key, string>, key: string): string {
  return key in labels ? labels[key as Key] : key;
}

export function drilldownCsvColumns(origin: string): CsvColumn<DrilldownItem>[] {
  return [
    { header: 'Conversation', value: (item) => item.number },
    { header: 'Subject', value: (item) => item.subject },
    { header: 'Audience', value: (item) => labelOf(AUDIENCE_LABELS, item.audience) },
    { header: 'Channel', value: (item) => labelOf(CHANNEL_LABELS, item.channel) },
    { header: 'Status', value: (item) => labelOf(STATUS_LABELS, item.status) },
    {
      header: 'Priority',
      value: (item) =>
        item.priority in PRIORITY_LABELS
          ? `${item.priority} ${PRIORITY_LABELS[item.priority as keyof typeof PRIORITY_LABELS].label}`
          : item.priority,
    },
    { header: 'Created (UTC)', value: (item) => new Date(item.createdAt).toISOString() },
    { header: 'Inbox', value: (item) => item.inboxName },
    { header: 'Assignee', value: (item) => item.assigneeName },
    { header: 'Request type', value: (item) => item.requestTypeName },
    { header: 'First response (business s)', value: (item) => item.firstResponseBusinessSeconds },
    { header: 'Resolution (business s)', value: (item) => item.resolutionBusinessSeconds },
    { header: 'CSAT', value: (item) => item.csatRating },
    { header: 'Id', value: (item) => item.id },
    { header: 'Link', value: (item) => `${origin}${workspaceConversationPath(item.id)}` },
  ];
}

export interface ExportProgress {
  fetched: number;
  /** How many will be exported: the list's total, at most the cap. */
  expected: number;
}

/**
 * Exports every conversation of a drill-down as CSV by paging through the API (the list on
 * screen is one page), up to EXPORT_CAP, reporting progress as pages arrive.
 */
export function useDrilldownExport() {
  const client = useTRPCClient();
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const run = useRef(0);
  useEffect(
    () => () => {
      run.current += 1;
    },
    [],
  );

  const cancel = useCallback(() => {
    run.current += 1;
    setProgress(null);
  }, []);

  const start = useCallback(
    async (input: Omit<KpiDrilldownInput, 'limit' | 'offset'>, fileName: string) => {
      const id = ++run.current;
      const items: DrilldownItem[] = [];
      let total = Number.POSITIVE_INFINITY;
      setProgress({ fetched: 0, expected: 0 });
      try {
        while (items.length < Math.min(total, EXPORT_CAP)) {
          const page = await client.kpi.drilldown.query({
            ...input,
            limit: Math.min(EXPORT_PAGE_SIZE, EXPORT_CAP - items.length),
            offset: items.length,
          });
          if (run.current !== id) return;
          total = page.total;
          items.push(...page.items);
          setProgress({ fetched: items.length, expected: Math.min(total, EXPORT_CAP) });
          if (page.items.length === 0) break;
        }
        downloadFile(
          fileName,
          csvFile(drilldownCsvColumns(window.location.origin), items),
          'text/csv',
        );
        notifications.show({
          color: 'teal',
          title: 'CSV exported',
          message:
            total > EXPORT_CAP
              ? `The first ${EXPORT_CAP.toLocaleString('en')} of ${total.toLocaleString('en')} conversations. Narrow the period or filters for the rest.`
              : `${items.length.toLocaleString('en')} conversations.`,
        });
      } catch (error) {
        if (run.current !== id) return;
        notifications.show({ color: 'red', title: 'Export failed', message: describeError(error) });
      } finally {
        if (run.current === id) setProgress(null);
      }
    },
    [client],
  );

  return { progress, start, cancel };
}
