import { noShowPolicy } from '@switchboard/domain';
import { describe, expect, it } from 'vitest';
import { majorText, parseLimitAmount } from './money-entry.ts';
import {
  formPathOf,
  formValuesOf,
  policyOf,
  saveInputOf,
  startingPolicy,
  validatePolicyForm,
} from './policy-form.ts';

describe('money entry', () => {
  it('shows minor units as major-unit text, by the currency’s digits', () => {
    expect(majorText(5010, 'EUR')).toBe('50.10');
    expect(majorText(5, 'EUR')).toBe('0.05');
    expect(majorText(0, 'AED')).toBe('0.00');
    expect(majorText(1234, 'JPY')).toBe('1234');
    expect(majorText(1500, 'KWD')).toBe('1.500');
  });

  it('reads major units into exact minor units, never through a float', () => {
    expect(parseLimitAmount('50.1', 'EUR')).toEqual({ ok: true, amountMinor: 5010 });
    expect(parseLimitAmount('0.29', 'EUR')).toEqual({ ok: true, amountMinor: 29 });
    expect(parseLimitAmount('1,250.75', 'MXN')).toEqual({ ok: true, amountMinor: 125075 });
    expect(parseLimitAmount('.5', 'GBP')).toEqual({ ok: true, amountMinor: 50 });
    expect(parseLimitAmount('12', 'JPY')).toEqual({ ok: true, amountMinor: 12 });
    expect(parseLimitAmount('12.345', 'EUR')).toEqual({
      ok: false,
      message: 'EUR has at most 2 decimals',
    });
    expect(parseLimitAmount('1.5', 'JPY')).toMatchObject({ ok: false });
    expect(parseLimitAmount('-3', 'EUR')).toMatchObject({ ok: false });
    expect(parseLimitAmount('', 'EUR')).toEqual({ ok: false, message: 'Enter an amount' });
  });
});

describe('policy form', () => {
  it('round-trips a policy exactly', () => {
    const { version: _version, ...policy } = noShowPolicy;
    const values = formValuesOf(policy);
    expect(values.refund.tiers.L1.maxAmount).toEqual([
      { currency: 'AED', amount: '200.00' },
      { currency: 'EUR', amount: '50.00' },
    ]);
    expect(validatePolicyForm(values)).toEqual({});
    expect(saveInputOf(values)).toEqual({ policy, rolloutNote: undefined });
  });

  it('starts a new policy from the example for the chosen request type and audience', () => {
    const policy = startingPolicy('LOST_ITEM', 'driver');
    expect(policy).toMatchObject({ requestTypeCode: 'LOST_ITEM', audience: 'driver' });
    expect(policy).not.toHaveProperty('version');
    expect(policy.refund).toEqual(noShowPolicy.refund);
  });

  it('puts schema and amount errors on the fields that show them', () => {
    const values = formValuesOf(startingPolicy('DRIVER_NO_SHOW', 'guest'));
    values.refund.tiers.L1.maxAmount[1]!.amount = '12.345';
    values.refund.tiers.L2.maxPercentOfBooking = 120;
    values.gesture.frequency.days = '';
    values.rebooking.reasons = [];
    values.refund.reasons[0]!.evidence = ['GPS trace'];
    values.refund.reasons[1]!.code = 'DRIVER_NO_SHOW';
    const errors = validatePolicyForm(values);
    expect(errors).toEqual({
      'refund.tiers.L1.maxAmount.1.amount': 'EUR has at most 2 decimals',
      'refund.tiers.L2.maxPercentOfBooking': 'At most 100% of the booking',
      'gesture.frequency.days': 'Enter a whole number',
      'rebooking.reasons': 'Add at least one reason code',
      'refund.reasons.0.evidence': 'Evidence kinds are lower_snake_case, e.g. gps_trace',
      'refund.reasons.1.code': 'Listed already',
    });
    expect(policyOf(values).policy.refund.tiers.L1.maxAmount.EUR).toBeNaN();
  });

  it('maps the server’s policy paths onto the form', () => {
    const values = formValuesOf(startingPolicy('DRIVER_NO_SHOW', 'guest'));
    expect(formPathOf(['policy', 'refund', 'tiers', 'L1', 'maxAmount', 'EUR'], values)).toBe(
      'refund.tiers.L1.maxAmount.1.amount',
    );
    expect(formPathOf(['policy', 'refund', 'customerCap', 'maxAmount'], values)).toBe(
      'refund.customerCap.maxAmount',
    );
    expect(formPathOf(['policy', 'refund', 'tiers', 'L1', 'maxAmount', 'GBP'], values)).toBe(
      'refund.tiers.L1.maxAmount',
    );
    expect(formPathOf(['requestTypeCode'], values)).toBe('requestTypeCode');
    expect(formPathOf(['policy', 'gesture', 'reasons', 0, 'evidence', 1], values)).toBe(
      'gesture.reasons.0.evidence',
    );
  });
});
