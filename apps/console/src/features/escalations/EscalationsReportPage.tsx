import { Button, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { seesEveryEscalation } from '@switchboard/domain';
import { describeError, downloadFile, ErrorState, TableSkeleton } from '@switchboard/ui';
import { useViewer } from '@switchboard/ui/auth';
import { useTRPC } from '@switchboard/ui/trpc';
import { IconDownload } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useListParams } from '../../lib/use-list-params.ts';
import { AllEscalationsList } from './AllEscalationsList.tsx';
import { TurnaroundTable } from './TurnaroundTable.tsx';
import { REPORT_PERIODS, reportPeriodOf, turnaroundCsv } from './turnaround.ts';

const PARAMS = ['days'] as const;
const PERIOD_OPTIONS = REPORT_PERIODS.map((days) => ({
  value: String(days),
  label: `${days} days`,
}));

/**
 * How the downstream teams keep their escalation promises: per team over a period, then
 * every team's escalations (leads and admins).
 */
export function EscalationsReportPage() {
  const trpc = useTRPC();
  const viewer = useViewer();
  const { values, update } = useListParams(PARAMS);
  const days = reportPeriodOf(values.days);
  const report = useQuery({
    ...trpc.escalations.report.queryOptions({ days }),
    placeholderData: keepPreviousData,
  });

  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          Escalations
        </Title>
        <Text c="dimmed" size="sm">
          What support handed to Finance, Engineering, Operations and Compliance, and how fast they
          acknowledged and resolved it. Times are calendar time from sending.
        </Text>
      </div>
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h4">
          Turnaround by team
        </Title>
        <Group gap="sm">
          <SegmentedControl
            aria-label="Period"
            data={PERIOD_OPTIONS}
            value={String(days)}
            onChange={(next) => update({ days: next === '30' ? undefined : next })}
          />
          <Button
            variant="default"
            size="xs"
            leftSection={<IconDownload size={14} />}
            disabled={!report.data}
            onClick={() =>
              report.data &&
              downloadFile(
                `escalation-turnaround-${days}d.csv`,
                turnaroundCsv(report.data),
                'text/csv',
              )
            }
          >
            Export CSV
          </Button>
        </Group>
      </Group>
      <Paper p={0} style={{ overflow: 'hidden' }}>
        {report.isPending ? (
          <TableSkeleton label="Loading the escalation report" />
        ) : report.isError ? (
          <ErrorState message={describeError(report.error)} onRetry={() => void report.refetch()} />
        ) : (
          <TurnaroundTable rows={report.data} />
        )}
      </Paper>
      <Text size="xs" c="dimmed">
        Escalations sent in the last {days} days. Breached now: open ones whose acknowledge or
        resolve time has passed. Returned: sent back to support at least once.
      </Text>
      <Title order={2} size="h4" mt="md">
        All escalations
      </Title>
      {seesEveryEscalation(viewer.role) ? (
        <AllEscalationsList />
      ) : (
        <Text size="sm" c="dimmed">
          Team leads and admins see every team’s escalations here.
        </Text>
      )}
    </Stack>
  );
}
