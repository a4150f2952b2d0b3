import { QA_CALIBRATED_AGREEMENT } from '@switchboard/domain';

export function agreementColor(share: number | null): string {
  if (share === null) return 'gray';
  if (share >= QA_CALIBRATED_AGREEMENT) return 'teal';
  return share >= QA_CALIBRATED_AGREEMENT - 0.2 ? 'orange' : 'red';
}
