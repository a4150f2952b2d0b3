import { describe, expect, it } from 'vitest';
import { catalogRow } from './certification-fixtures.ts';
import {
  certificationFormValuesOf,
  createInputOf,
  NEW_CERTIFICATION,
  updateInputOf,
  validateCertificationForm,
} from './certification-form.ts';

describe('the certification form', () => {
  it('sends no validity when the certification does not expire', () => {
    const values = {
      ...NEW_CERTIFICATION,
      code: 'LANGUAGE_PT',
      name: 'Portuguese',
      expires: false,
    };
    expect(createInputOf(values)).toMatchObject({ code: 'LANGUAGE_PT', validityDays: null });
    expect(validateCertificationForm(values, null)).toEqual({});
  });

  it('puts the schema’s messages on the fields, an empty number box included', () => {
    const values = { ...NEW_CERTIFICATION, code: 'GUEST_REFUNDS', name: 'Guest refunds' };
    expect(validateCertificationForm({ ...values, validityDays: '' }, null)).toEqual({
      validityDays: 'Validity: a number of days, or none',
    });
    expect(validateCertificationForm({ ...values, renewalReminderDays: 400 }, null)).toEqual({
      renewalReminderDays: 'Reminder: at most 365 days before expiry',
    });
    expect(validateCertificationForm({ ...values, code: '' }, null)).toHaveProperty('code');
  });

  it('edits what is saved, keeping the code out of the update', () => {
    const values = certificationFormValuesOf(catalogRow({ validityDays: null, grantsTier: 'L2' }));
    expect(values).toMatchObject({ expires: false, validityDays: 365, grantsTier: 'L2' });
    const input = updateInputOf({ ...values, expires: true, validityDays: '180' }, 'id-1');
    expect(input).toMatchObject({ id: 'id-1', validityDays: 180, grantsTier: 'L2' });
    expect(input).not.toHaveProperty('code');
  });
});
