import {
  CANDIDATE_REJECTION_LABELS,
  CANDIDATE_SOURCE_LABELS,
  type CandidateSource,
  requisitionLabel,
} from '@switchboard/domain';
import { type CsvColumn, csvFile } from '../kpi/report-csv.ts';
import type { CandidateRow } from './CandidatesTable.tsx';

const DAY_MS = 86_400_000;

export function candidateCsvColumns(now: Date): CsvColumn<CandidateRow>[] {
  return [
    { header: 'Name', value: (row) => row.name },
    { header: 'Email', value: (row) => row.email },
    { header: 'Phone', value: (row) => row.phone },
    { header: 'Requisition', value: (row) => requisitionLabel(row.requisitionNumber) },
    { header: 'Requisition title', value: (row) => row.requisitionTitle },
    { header: 'Stage', value: (row) => row.stageName },
    {
      header: 'Days in stage',
      value: (row) => Math.floor((now.getTime() - row.stageEnteredAt.getTime()) / DAY_MS),
    },
    {
      header: 'Rejection reason',
      value: (row) =>
        row.rejectionReason ? CANDIDATE_REJECTION_LABELS[row.rejectionReason] : null,
    },
    {
      header: 'Average score',
      value: (row) => (row.averageScore === null ? null : Math.round(row.averageScore * 100) / 100),
    },
    { header: 'Scorecards', value: (row) => row.scorecardCount },
    { header: 'Languages', value: (row) => row.languages.join(' ') },
    {
      header: 'Source',
      value: (row) => CANDIDATE_SOURCE_LABELS[row.source as CandidateSource] ?? row.source,
    },
    { header: 'Location', value: (row) => row.location },
    { header: 'Applied', value: (row) => row.createdAt.toISOString() },
    { header: 'Hired', value: (row) => row.hiredAt?.toISOString() ?? null },
  ];
}

/** The candidates as a spreadsheet-ready CSV (UTF-8 with BOM). */
export function candidatesCsv(rows: readonly CandidateRow[], now: Date): string {
  return csvFile(candidateCsvColumns(now), rows);
}
