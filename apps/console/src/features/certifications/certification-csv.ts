import { CERTIFICATION_STATE_LABELS, ROLE_LABELS } from '@switchboard/domain';
import { type CsvColumn, csvFile } from '../kpi/report-csv.ts';
import { grantSummary } from './certification-format.ts';
import type { ExpiringGrant, Holder, HolderColumn } from './certification-types.ts';

/** The holders matrix as a spreadsheet: a person a row, a certification a column. */
export function holdersCsv(certifications: readonly HolderColumn[], people: readonly Holder[]) {
  const columns: CsvColumn<Holder>[] = [
    { header: 'Name', value: (person) => person.name },
    { header: 'Email', value: (person) => person.email },
    { header: 'Role', value: (person) => ROLE_LABELS[person.role] },
    { header: 'Teams', value: (person) => person.teams.map((team) => team.name).join('; ') },
    { header: 'Tier', value: (person) => person.agentTier },
    ...certifications.map(
      (certification): CsvColumn<Holder> => ({
        header: certification.name,
        value: (person) => {
          const grant = person.grants.find((held) => held.certificationId === certification.id);
          return grant ? grantSummary(grant) : 'Not held';
        },
      }),
    ),
  ];
  return csvFile(columns, people);
}

const EXPIRING_COLUMNS: CsvColumn<ExpiringGrant>[] = [
  { header: 'Name', value: (row) => row.name },
  { header: 'Email', value: (row) => row.email },
  { header: 'Certification', value: (row) => row.certificationName },
  { header: 'Code', value: (row) => row.certificationCode },
  { header: 'State', value: (row) => CERTIFICATION_STATE_LABELS[row.state] },
  { header: 'Expires (UTC)', value: (row) => row.expiresAt?.toISOString() ?? null },
  { header: 'Granted (UTC)', value: (row) => row.grantedAt.toISOString() },
  { header: 'Reminder sent', value: (row) => (row.reminded ? 'Yes' : 'No') },
];

/** The expiring list as a spreadsheet, soonest first. */
export function expiringCsv(rows: readonly ExpiringGrant[]) {
  return csvFile(EXPIRING_COLUMNS, rows);
}
