import { useViewer } from '@switchboard/ui/auth';
import { useListParams } from '../../lib/use-list-params.ts';
import { REPORT_PARAMS, type ReportView, reportViewOf } from './report-params.ts';

/**
 * The report view in the URL, read the same way by every report page, and its updater.
 * Without a time zone in the URL the viewer's own is used; links out carry it explicitly.
 */
export function useReportView<Extra extends string = never>(extra: readonly Extra[] = []) {
  const viewer = useViewer();
  const { values, page, update } = useListParams<(typeof REPORT_PARAMS)[number] | Extra>([
    ...REPORT_PARAMS,
    ...extra,
  ]);
  const view: ReportView = reportViewOf(values, viewer.timeZone);
  return { view, values, page, update, viewerTimeZone: viewer.timeZone };
}
