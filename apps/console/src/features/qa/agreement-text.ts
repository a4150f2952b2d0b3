import { QA_CALIBRATED_AGREEMENT } from '@switchboard/domain';

/** "75%", or "—" without a figure. */
export function percentText(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)}%`;
}

export function agreementColor(share: number | null): string {
  if (share === null) return 'gray';
  if (share >= QA_CALIBRATED_AGREEMENT) return 'teal';
  return share >= QA_CALIBRATED_AGREEMENT - 0.2 ? 'orange' : 'red';
}
