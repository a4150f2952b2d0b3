import { formatMoney } from '@switchboard/domain';
import type { RouterOutputs } from '../trpc.tsx';

export type ApprovalRow = RouterOutputs['guardrails']['approvals']['items'][number];

const KIND_LABELS: Record<string, string> = {
  refund: 'Refund',
  gesture: 'Goodwill gesture',
  rebooking: 'Rebooking',
  driver_adjustment: 'Driver earnings adjustment',
};

export const APPROVER_LABELS: Record<string, string> = {
  lead: 'Team lead',
  finance: 'Finance & Payouts',
};

export function kindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? kind;
}

/** What the agent asked for: "Refund of €80.00". */
export function askedText(approval: ApprovalRow): string {
  const kind = kindLabel(approval.kind);
  return approval.amountMinor !== null && approval.currency
    ? `${kind} of ${formatMoney({ amountMinor: Number(approval.amountMinor), currency: approval.currency })}`
    : kind;
}

/** The reason code the agent chose, when the action carries one. */
export function reasonCodeOf(approval: ApprovalRow): string | null {
  const code = approval.action.reasonCode;
  return typeof code === 'string' ? code : null;
}
