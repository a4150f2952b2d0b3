import {
  Anchor,
  Group,
  SegmentedControl,
  Table,
  Text,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import {
  AUDIENCE_LABELS,
  KPI_SLICE_LABELS,
  KPI_SLICES,
  type KpiFigures,
  type KpiQuery,
  type KpiSlice,
} from '@switchboard/domain';
import {
  describeError,
  downloadFile,
  EmptyState,
  ErrorState,
  TableSkeleton,
} from '@switchboard/ui';
import { useTRPC } from '@switchboard/ui/trpc';
import {
  IconChartBarOff,
  IconChevronDown,
  IconChevronUp,
  IconFilter,
  IconSelector,
  IconUserCircle,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import {
  BREAKDOWN_COLUMNS,
  type BreakdownColumn,
  type BreakdownRow,
  breakdownCsvColumns,
  type SortDirection,
  sortBreakdown,
  sortColumnOf,
  totalRowOf,
} from './breakdown.ts';
import { ExportCsvButton, ReportSection } from './ReportSection.tsx';
import { csvFile, reportFileName } from './report-csv.ts';
import { type ReportView, SLICE_PARAMS, scorecardHref } from './report-params.ts';

export const BREAKDOWN_PARAMS = ['by', 'sort', 'dir'] as const;
export type BreakdownParam = (typeof BREAKDOWN_PARAMS)[number];

export function sliceOf(raw: string | undefined): KpiSlice {
  return KPI_SLICES.find((slice) => slice === raw) ?? 'audience';
}

const SLICE_OPTIONS = KPI_SLICES.map((slice) => ({ value: slice, label: KPI_SLICE_LABELS[slice] }));

/** What every row together is called: guests and drivers together, for the default slice. */
function totalLabel(view: ReportView, by: KpiSlice): string {
  const audience = view.filter.audience;
  if (audience) return `All ${AUDIENCE_LABELS[audience].toLowerCase()}s`;
  return by === 'audience' ? 'Guests and drivers together' : 'All';
}

function SortHeader({
  column,
  sorted,
  direction,
  onSort,
}: {
  column: BreakdownColumn;
  sorted: boolean;
  direction: SortDirection;
  onSort: () => void;
}) {
  const Icon = sorted ? (direction === 'asc' ? IconChevronUp : IconChevronDown) : IconSelector;
  return (
    <Table.Th
      ta="right"
      aria-sort={sorted ? (direction === 'asc' ? 'ascending' : 'descending') : undefined}
      style={{ whiteSpace: 'nowrap' }}
    >
      <UnstyledButton onClick={onSort} aria-label={`Sort by ${column.header} (${column.hint})`}>
        <Group gap={4} justify="flex-end" wrap="nowrap">
          <div>
            <Text size="xs" fw={600} ta="right">
              {column.header}
            </Text>
            <Text size="xs" c="dimmed" fw={400} ta="right">
              {column.hint}
            </Text>
          </div>
          <Icon size={14} aria-hidden />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

/**
 * The headline figures per value of one slice — guests against drivers by default, since
 * every KPI is reported for both separately and together — sortable, exportable, and each
 * row a filter one click away.
 */
export function BreakdownSection({
  view,
  query,
  figures,
  values,
  update,
}: {
  view: ReportView;
  query: KpiQuery;
  figures: KpiFigures | undefined;
  values: Partial<Record<BreakdownParam, string | undefined>>;
  update: (change: Partial<Record<string, string | undefined>>) => void;
}) {
  const trpc = useTRPC();
  const by = sliceOf(values.by);
  const sortColumn = sortColumnOf(values.sort);
  const direction: SortDirection = values.dir === 'asc' ? 'asc' : 'desc';
  const breakdown = useQuery({
    ...trpc.kpi.breakdown.queryOptions({ ...query, by }),
    // The last rows stay while a filter changes, not when the slice does: they would be mislabelled.
    placeholderData: (previous) => (previous?.by === by ? previous : undefined),
  });
  const sliceLabel = KPI_SLICE_LABELS[by];
  const rows: BreakdownRow[] = sortBreakdown(breakdown.data?.rows ?? [], sortColumn, direction);
  const total = figures ? totalRowOf(figures, totalLabel(view, by)) : null;
  const filterParam = SLICE_PARAMS[by];

  const sortBy = (column: BreakdownColumn) => {
    if (sortColumn?.key === column.key) {
      update({ sort: column.key, dir: direction === 'desc' ? 'asc' : 'desc' });
    } else {
      // Worst first is what a lead looks for: slowest, lowest rate, most open.
      const worstFirst = column.better === 'higher' ? 'asc' : 'desc';
      update({ sort: column.key, dir: worstFirst });
    }
  };

  return (
    <ReportSection
      title="Breakdown"
      description={`The headline figures per ${sliceLabel.toLowerCase()}. Click a row to filter the whole report to it.`}
      padded={false}
      aside={
        <>
          <SegmentedControl
            aria-label="Break down by"
            size="xs"
            data={SLICE_OPTIONS}
            value={by}
            onChange={(next) =>
              update({
                by: next === 'audience' ? undefined : next,
                sort: undefined,
                dir: undefined,
              })
            }
          />
          <ExportCsvButton
            aria-label="Export the breakdown as CSV"
            disabled={!breakdown.data}
            onClick={() =>
              downloadFile(
                reportFileName(`breakdown-by-${by}`, view.period),
                csvFile(breakdownCsvColumns(sliceLabel), total ? [...rows, total] : rows),
                'text/csv',
              )
            }
          />
        </>
      }
    >
      {breakdown.isPending ? (
        <TableSkeleton label="Loading the breakdown" />
      ) : breakdown.isError ? (
        <ErrorState
          message={describeError(breakdown.error)}
          onRetry={() => void breakdown.refetch()}
        />
      ) : rows.length === 0 ? (
        <EmptyState
          icon={<IconChartBarOff />}
          title="Nothing to break down"
          description="No conversation was created, answered, resolved, rated or open for this filter and period."
        />
      ) : (
        <Table.ScrollContainer minWidth={1000}>
          <Table
            aria-label={`KPIs by ${sliceLabel.toLowerCase()}`}
            highlightOnHover
            horizontalSpacing="xs"
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th pl="md">{sliceLabel}</Table.Th>
                {BREAKDOWN_COLUMNS.map((column) => (
                  <SortHeader
                    key={column.key}
                    column={column}
                    sorted={sortColumn?.key === column.key}
                    direction={direction}
                    onSort={() => sortBy(column)}
                  />
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => {
                const filterable = row.key !== null && view.params[filterParam] !== row.key;
                const addFilter = () => {
                  if (filterable && row.key) update({ [filterParam]: row.key });
                };
                return (
                  <Table.Tr
                    key={row.key ?? 'none'}
                    onClick={addFilter}
                    style={{ cursor: filterable ? 'pointer' : undefined }}
                  >
                    <Table.Th scope="row" fw={500} pl="md" style={{ whiteSpace: 'nowrap' }}>
                      <Group gap={6} wrap="nowrap">
                        {filterable ? (
                          <Tooltip label={`Filter the report to ${row.label}`} openDelay={300}>
                            <Anchor
                              component="button"
                              type="button"
                              size="sm"
                              fw={500}
                              onClick={(event) => {
                                event.stopPropagation();
                                addFilter();
                              }}
                              aria-label={`Filter to ${row.label}`}
                            >
                              <Group gap={4} wrap="nowrap" component="span">
                                {row.label}
                                <IconFilter size={12} aria-hidden />
                              </Group>
                            </Anchor>
                          </Tooltip>
                        ) : (
                          <Text size="sm" fw={500} c={row.key === null ? 'dimmed' : undefined}>
                            {row.label}
                          </Text>
                        )}
                        {by === 'agent' && row.key ? (
                          <Anchor
                            component={Link}
                            to={scorecardHref(row.key, view.params)}
                            size="xs"
                            onClick={(event) => event.stopPropagation()}
                            aria-label={`Scorecard of ${row.label}`}
                          >
                            <Group gap={2} wrap="nowrap" component="span">
                              <IconUserCircle size={14} aria-hidden />
                              Scorecard
                            </Group>
                          </Anchor>
                        ) : null}
                      </Group>
                    </Table.Th>
                    {BREAKDOWN_COLUMNS.map((column) => (
                      <Table.Td key={column.key} ta="right">
                        {column.format(row)}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
            {total ? (
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th scope="row" pl="md" style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm" fw={700}>
                      {total.label}
                    </Text>
                  </Table.Th>
                  {BREAKDOWN_COLUMNS.map((column) => (
                    <Table.Td key={column.key} ta="right" fw={700}>
                      {column.format(total)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              </Table.Tfoot>
            ) : null}
          </Table>
        </Table.ScrollContainer>
      )}
    </ReportSection>
  );
}
