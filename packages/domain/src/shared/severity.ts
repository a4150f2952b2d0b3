import { z } from 'zod';

/** SEV1 is the worst (platform-wide outage, payouts failing for everyone, a safety event). */
export const SEVERITIES = ['sev1', 'sev2', 'sev3', 'sev4'] as const;
export const severitySchema = z.enum(SEVERITIES, { error: 'Severity: sev1, sev2, sev3 or sev4' });
export type Severity = z.infer<typeof severitySchema>;

export const SEVERITY_LABELS: Record<Severity, string> = {
  sev1: 'SEV1 · critical',
  sev2: 'SEV2 · major',
  sev3: 'SEV3 · moderate',
  sev4: 'SEV4 · minor',
};
