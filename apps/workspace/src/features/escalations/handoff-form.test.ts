import { describe, expect, it } from 'vitest';
import { buildHandoffFields, initialHandoffValues } from './handoff-form.ts';

describe('the handoff form', () => {
  it('starts from the booking and the amount at stake', () => {
    const values = initialHandoffValues({
      teamKind: 'finance_payouts',
      booking: { reference: 'LIS-4471', currency: 'EUR' },
      amountMinor: 12_050,
    });
    expect(values).toMatchObject({
      bookingReference: 'LIS-4471',
      amount: '120.50',
      currency: 'EUR',
    });
  });

  it('sends what the team requires and what else was filled in, in the right shapes', () => {
    const values = {
      ...initialHandoffValues({ booking: { reference: 'LIS-4471', currency: 'EUR' } }),
      amount: '1,200.5',
      evidence: 'https://files.example/a.png\n\n  statement week 47 ',
      stepsTried: '  Checked the statement  ',
      payoutPeriod: '2026-w47',
      location: '',
    };
    const built = buildHandoffFields(values, [
      'booking_reference',
      'amount',
      'evidence',
      'steps_tried',
      'payout_period',
      'location',
    ]);
    expect(built).toEqual({
      fields: {
        booking_reference: 'LIS-4471',
        amount: { amountMinor: 120_050, currency: 'EUR' },
        evidence: ['https://files.example/a.png', 'statement week 47'],
        steps_tried: 'Checked the statement',
        payout_period: '2026-W47',
      },
      errors: {},
    });
  });

  it('names an amount that is not money, and leaves out fields the team does not ask for', () => {
    const values = { ...initialHandoffValues(), amount: '12.345', deviceDetails: 'iPhone 15' };
    expect(buildHandoffFields(values, ['amount'])).toEqual({
      fields: {},
      errors: { 'fields.amount': expect.any(String) },
    });
  });

  it('round-trips the fields of a returned escalation', () => {
    const fields = {
      booking_reference: 'LIS-4471',
      amount: { amountMinor: 8_000, currency: 'GBP' },
      evidence: ['statement.pdf'],
      occurred_at: '2026-11-20T14:30:00.000Z',
    };
    const values = initialHandoffValues({ fields });
    expect(
      buildHandoffFields(values, ['booking_reference', 'amount', 'evidence', 'occurred_at']).fields,
    ).toEqual(fields);
  });
});
