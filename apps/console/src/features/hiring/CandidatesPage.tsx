import { Button, Group, Paper, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import {
  CANDIDATE_OUTCOME_LABELS,
  CANDIDATE_OUTCOMES,
  type CandidateListInput,
  type CandidateOutcome,
  MAX_PAGE_SIZE,
  requisitionLabel,
} from '@switchboard/domain';
import {
  describeError,
  downloadFile,
  ErrorState,
  ListPagination,
  ListQueryState,
  TableSkeleton,
} from '@switchboard/ui';
import { useTRPC, useTRPCClient } from '@switchboard/ui/trpc';
import { IconDownload, IconPlus, IconUsers } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { fetchAllPages, useCsvExport } from '../../lib/csv-export.ts';
import { SearchInput } from '../../lib/SearchInput.tsx';
import { useListParams } from '../../lib/use-list-params.ts';
import { CandidateBoard } from './CandidateBoard.tsx';
import { CandidateModal } from './CandidateModal.tsx';
import { CandidatesTable } from './CandidatesTable.tsx';
import { candidatesCsv } from './candidates-csv.ts';
import { HiringActionsProvider } from './HiringActions.tsx';
import { HiringTabs } from './HiringTabs.tsx';
import { useHiringOptions } from './use-hiring.ts';

const PAGE_SIZE = 50;
/** Exports read every page; more than this many candidates is not a hiring pipeline. */
const CANDIDATE_EXPORT_CAP = 10_000;
const PARAMS = ['view', 'requisition', 'stage', 'outcome', 'search'] as const;

function outcomeOf(value: string | undefined): CandidateOutcome | undefined {
  return CANDIDATE_OUTCOMES.find((outcome) => outcome === value);
}

/** Every candidate, on the board by stage or in a table to filter and export. */
export function CandidatesPage() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const { values, page, update } = useListParams(PARAMS);
  const view = values.view === 'table' ? 'table' : 'board';
  const [adding, setAdding] = useState(false);
  const { exporting, run } = useCsvExport();
  const options = useHiringOptions();
  const requisitions = useQuery(
    trpc.hiring.requisitions.queryOptions({ sort: 'targetStartDate', limit: MAX_PAGE_SIZE }),
  );
  const filters: Omit<CandidateListInput, 'limit' | 'offset'> = {
    requisitionId: values.requisition || undefined,
    stageId: values.stage || undefined,
    outcome: outcomeOf(values.outcome),
    search: values.search || undefined,
    sort: 'stageEnteredAt',
  };
  const table = useQuery({
    ...trpc.hiring.candidates.queryOptions({
      ...filters,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    }),
    enabled: view === 'table',
    placeholderData: keepPreviousData,
  });
  const board = useQuery({
    ...trpc.hiring.board.queryOptions({ requisitionId: filters.requisitionId }),
    enabled: view === 'board',
  });
  const now = new Date();

  const exportCsv = () =>
    run(async () => {
      // A requisition's whole pipeline, however long the campaign ran.
      const rows = await fetchAllPages(
        (range) => client.hiring.candidates.query({ ...filters, ...range }),
        CANDIDATE_EXPORT_CAP,
      );
      downloadFile(
        `candidates-${now.toISOString().slice(0, 10)}.csv`,
        candidatesCsv(rows, now),
        'text/csv;charset=utf-8',
      );
    });

  return (
    <HiringActionsProvider>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={1} size="h2">
              Candidates
            </Title>
            <Text c="dimmed" size="sm">
              Everyone applying, by stage. Move candidates from their card; open one for scorecards,
              notes, CV and history.
            </Text>
          </div>
          <Group>
            <Button
              variant="default"
              leftSection={<IconDownload size={16} />}
              loading={exporting}
              onClick={() => void exportCsv()}
            >
              Export CSV
            </Button>
            <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
              Add candidate
            </Button>
          </Group>
        </Group>
        <HiringTabs />
        <Group align="flex-end" wrap="wrap">
          <SegmentedControl
            aria-label="View"
            value={view}
            onChange={(next) => update({ view: next === 'board' ? undefined : next })}
            data={[
              { value: 'board', label: 'Board' },
              { value: 'table', label: 'Table' },
            ]}
          />
          <Select
            label="Requisition"
            placeholder="Every requisition"
            data={(requisitions.data?.items ?? []).map((row) => ({
              value: row.id,
              label: `${requisitionLabel(row.number)} ${row.title}`,
            }))}
            value={values.requisition ?? null}
            onChange={(requisition) => update({ requisition: requisition ?? undefined })}
            clearable
            searchable
            w={{ base: '100%', sm: 320 }}
          />
          {view === 'table' ? (
            <>
              <Select
                label="Stage"
                placeholder="Every stage"
                data={(options.data?.stages ?? []).map((stage) => ({
                  value: stage.id,
                  label: stage.name,
                }))}
                value={values.stage ?? null}
                onChange={(stage) => update({ stage: stage ?? undefined })}
                clearable
                w={180}
              />
              <Select
                label="Outcome"
                placeholder="Any"
                data={CANDIDATE_OUTCOMES.map((outcome) => ({
                  value: outcome,
                  label: CANDIDATE_OUTCOME_LABELS[outcome],
                }))}
                value={outcomeOf(values.outcome) ?? null}
                onChange={(outcome) => update({ outcome: outcome ?? undefined })}
                clearable
                w={160}
              />
              <SearchInput
                label="Search"
                placeholder="Name or email"
                value={values.search ?? ''}
                onSearch={(search) => update({ search })}
              />
            </>
          ) : null}
        </Group>
        {view === 'board' ? (
          board.isPending ? (
            <TableSkeleton label="Loading the board" />
          ) : board.isError ? (
            <ErrorState message={describeError(board.error)} onRetry={() => void board.refetch()} />
          ) : (
            <CandidateBoard
              columns={board.data}
              showRequisition={!filters.requisitionId}
              now={now}
            />
          )
        ) : (
          <>
            <Paper p={0} style={{ overflow: 'hidden' }}>
              <ListQueryState
                query={table}
                loadingLabel="Loading candidates"
                empty={{
                  icon: <IconUsers />,
                  title: 'No candidates match',
                  description: 'Change the filters, or add a candidate to a requisition.',
                }}
              >
                {(items) => <CandidatesTable items={items} now={now} />}
              </ListQueryState>
            </Paper>
            {table.data ? (
              <ListPagination
                page={page}
                pageSize={PAGE_SIZE}
                total={table.data.total}
                onChange={(next) => update({ page: next })}
              />
            ) : null}
          </>
        )}
        <CandidateModal
          opened={adding}
          candidate={null}
          requisitionId={filters.requisitionId}
          onClose={() => setAdding(false)}
        />
      </Stack>
    </HiringActionsProvider>
  );
}
