import { downloadFile } from '@switchboard/ui';
import type { RouterOutputs } from '@switchboard/ui/trpc';
import { TurnaroundTable } from '../escalations/TurnaroundTable.tsx';
import { turnaroundCsv } from '../escalations/turnaround.ts';
import { FormulaInfo } from './KpiCard.tsx';
import type { KpiDefinitions } from './kpi-figures.ts';
import { ExportCsvButton, ReportSection } from './ReportSection.tsx';
import { reportFileName } from './report-csv.ts';
import type { ReportPeriod } from './report-params.ts';

type Turnaround = RouterOutputs['kpi']['dashboard']['turnaround'];

/**
 * How fast the downstream teams acknowledged and resolved what support escalated to them in
 * the period: the same table and CSV as the Escalations report, for the report's period.
 */
export function TurnaroundSection({
  rows,
  definitions,
  period,
}: {
  rows: Turnaround;
  definitions: KpiDefinitions;
  period: ReportPeriod;
}) {
  return (
    <ReportSection
      title="Escalation turnaround"
      description="Escalations sent in the period, per downstream team, in calendar time from sending. Every audience and city: the filters above do not apply to it."
      padded={false}
      aside={
        <>
          <FormulaInfo
            label="Escalation turnaround"
            formula={definitions.escalationTurnaround.formula}
          />
          <ExportCsvButton
            aria-label="Export escalation turnaround as CSV"
            onClick={() =>
              downloadFile(
                reportFileName('escalation-turnaround', period),
                `\uFEFF${turnaroundCsv(rows)}`,
                'text/csv',
              )
            }
          />
        </>
      }
    >
      <TurnaroundTable rows={rows} />
    </ReportSection>
  );
}
