import { QA_REVIEW_STATUS_LABELS, QA_SAMPLE_LABELS } from '@switchboard/domain';
import type { CsvColumn } from '../kpi/report-csv.ts';
import type { QaReviewRow } from './ReviewsTable.tsx';

/** The review list as a spreadsheet reads it: raw scores, ISO times. */
export const REVIEW_CSV_COLUMNS: CsvColumn<QaReviewRow>[] = [
  { header: 'Conversation', value: (row) => row.conversationNumber },
  { header: 'Subject', value: (row) => row.subject },
  { header: 'Agent', value: (row) => row.agentName },
  { header: 'Reviewer', value: (row) => row.reviewerName },
  { header: 'Scorecard', value: (row) => row.scorecardName },
  { header: 'Version', value: (row) => row.version },
  { header: 'Sample', value: (row) => QA_SAMPLE_LABELS[row.sample] },
  { header: 'Status', value: (row) => QA_REVIEW_STATUS_LABELS[row.status] },
  { header: 'Score (%)', value: (row) => row.score },
  { header: 'Pass mark (%)', value: (row) => row.passMark },
  { header: 'Auto-fail', value: (row) => (row.autoFailed ? 'yes' : 'no') },
  { header: 'Submitted', value: (row) => row.submittedAt?.toISOString() ?? null },
];
