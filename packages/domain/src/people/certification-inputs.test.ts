import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  certificationHoldersInputSchema,
  createCertificationInputSchema,
  grantCertificationsInputSchema,
  revokeCertificationInputSchema,
  updateCertificationInputSchema,
} from './certification-inputs.ts';

const ID = '3f1c2b9e-4d5a-4b6c-8d7e-9f0a1b2c3d4e';

function issues(result: z.ZodSafeParseResult<unknown>): Record<string, string> {
  return Object.fromEntries(
    (result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]),
  );
}

const refunds = {
  code: 'GUEST_REFUNDS',
  name: '  Guest refunds ',
  validityDays: 365,
  renewalReminderDays: 30,
};

describe('certification inputs', () => {
  it('takes a certification with defaults for what a trainer leaves out', () => {
    expect(createCertificationInputSchema.parse(refunds)).toEqual({
      ...refunds,
      name: 'Guest refunds',
      description: '',
      grantsTier: null,
      rolloutNote: undefined,
    });
    expect(
      createCertificationInputSchema.parse({
        code: 'PORTUGUESE',
        name: 'Portuguese',
        validityDays: null,
      }),
    ).toMatchObject({ validityDays: null, renewalReminderDays: 30 });
  });

  it('names the field at fault, in words', () => {
    expect(
      issues(createCertificationInputSchema.safeParse({ ...refunds, code: 'refunds' })),
    ).toEqual({ code: 'Code: UPPER_SNAKE_CASE, e.g. GUEST_REFUNDS' });
    expect(issues(createCertificationInputSchema.safeParse({ ...refunds, name: ' ' }))).toEqual({
      name: 'Name: name the certification',
    });
    expect(
      issues(createCertificationInputSchema.safeParse({ ...refunds, validityDays: 0 })),
    ).toEqual({
      validityDays: 'Validity: at least 1 day',
    });
    expect(
      issues(createCertificationInputSchema.safeParse({ ...refunds, validityDays: 3.5 })),
    ).toEqual({ validityDays: 'Validity: a whole number of days' });
    expect(
      issues(createCertificationInputSchema.safeParse({ ...refunds, renewalReminderDays: -1 })),
    ).toEqual({ renewalReminderDays: 'Reminder: 0 days or more before expiry' });
    expect(
      issues(createCertificationInputSchema.safeParse({ ...refunds, grantsTier: 'L3' })),
    ).toHaveProperty('grantsTier');
  });

  it('refuses a reminder as long as the validity', () => {
    expect(
      issues(
        updateCertificationInputSchema.safeParse({
          ...refunds,
          id: ID,
          validityDays: 30,
          renewalReminderDays: 30,
        }),
      ),
    ).toEqual({ renewalReminderDays: 'Reminder: fewer days than the validity (30)' });
    // No validity, any reminder: it is never used.
    expect(
      updateCertificationInputSchema.safeParse({
        ...refunds,
        id: ID,
        validityDays: null,
        renewalReminderDays: 90,
      }).success,
    ).toBe(true);
  });

  it('grants to at least one person and revokes with a reason', () => {
    expect(
      issues(grantCertificationsInputSchema.safeParse({ certificationId: ID, userIds: [] })),
    ).toEqual({
      userIds: 'People: choose at least one person',
    });
    expect(
      grantCertificationsInputSchema.parse({ certificationId: ID, userIds: ['u1'], note: ' ok ' }),
    ).toEqual({ certificationId: ID, userIds: ['u1'], note: 'ok' });
    expect(
      issues(
        revokeCertificationInputSchema.safeParse({
          certificationId: ID,
          userId: 'u1',
          reason: ' ',
        }),
      ),
    ).toEqual({ reason: 'Reason: say why it is revoked' });
    expect(
      issues(
        revokeCertificationInputSchema.safeParse({
          certificationId: 'x',
          userId: 'u1',
          reason: 'Left',
        }),
      ),
    ).toEqual({ certificationId: 'Certification: not a certification id' });
  });

  it('filters holders by state only for a chosen certification', () => {
    expect(issues(certificationHoldersInputSchema.safeParse({ state: 'expired' }))).toEqual({
      state: 'State: choose a certification first',
    });
    expect(
      certificationHoldersInputSchema.parse({ state: 'missing', certificationId: ID }),
    ).toMatchObject({ state: 'missing', limit: 50, offset: 0 });
  });
});
