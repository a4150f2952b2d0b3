import { buildTimeline, describeEvent } from '@switchboard/ui/conversations';
import { describe, expect, it } from 'vitest';
import { conversationDetail } from '../../test/fixtures.ts';

describe('buildTimeline', () => {
  it('merges messages and events in time order, without events that restate a message', () => {
    const entries = buildTimeline(conversationDetail());
    expect(
      entries.map((entry) => (entry.kind === 'message' ? entry.message.id : entry.text)),
    ).toEqual([
      'Conversation started via WhatsApp',
      'm1',
      'Assigned to Ana Silva',
      'm2',
      'm3',
      'Status Open → Pending by Ana Silva',
    ]);
  });
});

describe('describeEvent', () => {
  const detail = conversationDetail();
  const event = (type: string, payload: Record<string, unknown>) => ({
    id: 99,
    type,
    actorType: 'system' as const,
    actorName: null,
    payload,
    occurredAt: new Date('2026-03-12T15:00:00Z'),
  });

  it('names what changed in words an agent reads at a glance', () => {
    expect(describeEvent(event('resolved', { from: 'open' }), detail)).toBe(
      'Status Open → Resolved',
    );
    expect(describeEvent(event('closed', { reason: 'auto_close' }), detail)).toBe(
      'Closed automatically',
    );
    expect(describeEvent(event('sla_breached', { target: 'firstResponse' }), detail)).toBe(
      'First response SLA breached',
    );
    expect(describeEvent(event('priority_changed', { from: 'P3', to: 'P1' }), detail)).toBe(
      'Priority P3 Normal → P1 Urgent',
    );
    expect(
      describeEvent(event('request_type_set', { requestType: 'driver_no_show' }), detail),
    ).toBe('Request type set to Driver no-show · Driver late');
    expect(describeEvent(event('tagged', { tag: 'airport' }), detail)).toBe('Tagged Airport');
    expect(describeEvent(event('csat_received', { rating: 4, comment: 'Quick' }), detail)).toBe(
      'Rated the support 4/5 — “Quick”',
    );
    expect(describeEvent(event('reply_sent', { messageId: 'm3' }), detail)).toBeNull();
  });

  it('says what the guardrails decided on money', () => {
    const amount = { amountMinor: 4_000, currency: 'EUR' };
    expect(
      describeEvent(
        event('guardrail_decided', { kind: 'refund', amount, outcome: 'allow' }),
        detail,
      ),
    ).toBe('Refund of €40.00 allowed');
    expect(
      describeEvent(
        event('guardrail_decided', {
          kind: 'gesture',
          amount,
          outcome: 'approval_required',
          approverRole: 'finance',
          reason: 'Over the customer cap',
        }),
        detail,
      ),
    ).toBe('Goodwill gesture of €40.00 sent to Finance for approval — Over the customer cap');
    expect(
      describeEvent(
        event('guardrail_decided', {
          kind: 'refund',
          amount,
          outcome: 'deny',
          reason: 'Paid in full',
        }),
        detail,
      ),
    ).toBe('Refund of €40.00 refused — Paid in full');
    expect(describeEvent(event('approval_answered', { outcome: 'approved' }), detail)).toBeNull();
  });
});
