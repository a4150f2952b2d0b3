import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  currencySchema,
  formatMoney,
  majorUnitsText,
  minorUnitDigits,
  moneySchema,
  parseMajorAmount,
} from './money.ts';

describe('minorUnitDigits', () => {
  it('is 2 for most currencies, 0 for JPY and 3 for KWD and BHD', () => {
    expect(minorUnitDigits('EUR')).toBe(2);
    expect(minorUnitDigits('AED')).toBe(2);
    expect(minorUnitDigits('MXN')).toBe(2);
    expect(minorUnitDigits('JPY')).toBe(0);
    expect(minorUnitDigits('KWD')).toBe(3);
    expect(minorUnitDigits('BHD')).toBe(3);
  });
});

describe('formatMoney', () => {
  it('formats EUR 1250 minor units as €12.50', () => {
    expect(formatMoney({ amountMinor: 1250, currency: 'EUR' })).toBe('€12.50');
  });

  it('formats JPY with no decimals: 1250 minor units are ¥1,250', () => {
    expect(formatMoney({ amountMinor: 1250, currency: 'JPY' })).toBe('¥1,250');
  });

  it('formats three-decimal currencies', () => {
    expect(formatMoney({ amountMinor: 1234, currency: 'KWD' })).toMatch(/1\.234$/);
  });

  it('formats AED, zero and negative amounts', () => {
    expect(formatMoney({ amountMinor: 8000, currency: 'AED' })).toMatch(/^AED\s80\.00$/);
    expect(formatMoney({ amountMinor: 0, currency: 'EUR' })).toBe('€0.00');
    expect(formatMoney({ amountMinor: -500, currency: 'EUR' })).toBe('-€5.00');
    expect(formatMoney({ amountMinor: 5, currency: 'EUR' })).toBe('€0.05');
  });

  it('honours the locale', () => {
    expect(formatMoney({ amountMinor: 1250, currency: 'EUR' }, 'pt-PT')).toMatch(/^12,50\s€$/);
    expect(formatMoney({ amountMinor: 123456, currency: 'USD' }, 'en-US')).toBe('$1,234.56');
  });

  it('property: the digits shown are exactly the minor units', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.constantFrom('EUR', 'USD', 'GBP', 'AED', 'MXN', 'JPY', 'KWD', 'BHD'),
        (amountMinor, currency) => {
          const text = formatMoney({ amountMinor, currency });
          const digits = text.replace(/\D/g, '');
          expect(BigInt(digits)).toBe(BigInt(amountMinor));
          const decimals = minorUnitDigits(currency);
          if (decimals === 0) expect(text).not.toContain('.');
          else expect(text).toMatch(new RegExp(`\\.\\d{${decimals}}$`));
        },
      ),
    );
  });
});

describe('moneySchema', () => {
  it('accepts integer minor units with an ISO currency', () => {
    expect(moneySchema.parse({ amountMinor: 1250, currency: 'EUR' })).toEqual({
      amountMinor: 1250,
      currency: 'EUR',
    });
    expect(moneySchema.safeParse({ amountMinor: -300, currency: 'AED' }).success).toBe(true);
  });

  it('rejects a non-integer amount under amountMinor', () => {
    const result = moneySchema.safeParse({ amountMinor: 12.5, currency: 'EUR' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['amountMinor']);
    expect(result.error?.issues[0]?.message).toBe('Amount must be whole minor units');
  });

  it.each(['eur', 'EU', 'EURO', '€', ''])('rejects the currency %j under currency', (currency) => {
    const result = moneySchema.safeParse({ amountMinor: 100, currency });
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['currency']);
    expect(currencySchema.safeParse(currency).success).toBe(false);
  });

  it('property: accepts exactly the safe integer amounts', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
        (amountMinor) => {
          expect(moneySchema.safeParse({ amountMinor, currency: 'EUR' }).success).toBe(
            // Beyond 2^53 integers stop being exact, so they are refused too.
            Number.isSafeInteger(amountMinor),
          );
        },
      ),
    );
  });
});

describe('major units as typed', () => {
  it('reads decimal text digit by digit, never as a float', () => {
    expect(parseMajorAmount('0.29', 'EUR')).toEqual({ ok: true, amountMinor: 29 });
    expect(parseMajorAmount('4.35', 'EUR')).toEqual({ ok: true, amountMinor: 435 });
    expect(parseMajorAmount('50.1', 'EUR')).toEqual({ ok: true, amountMinor: 5010 });
    expect(parseMajorAmount('.5', 'EUR')).toEqual({ ok: true, amountMinor: 50 });
    expect(parseMajorAmount('1250', 'JPY')).toEqual({ ok: true, amountMinor: 1250 });
    expect(parseMajorAmount('1.250', 'KWD')).toEqual({ ok: true, amountMinor: 1250 });
  });

  it('refuses what is not an amount, with a message', () => {
    expect(parseMajorAmount('', 'EUR')).toEqual({ ok: false, message: 'Enter an amount' });
    expect(parseMajorAmount('12.345', 'EUR')).toEqual({
      ok: false,
      message: 'EUR has at most 2 decimals',
    });
    expect(parseMajorAmount('1.5', 'JPY')).toMatchObject({ ok: false, message: /whole amounts/ });
    expect(parseMajorAmount('1e3', 'EUR').ok).toBe(false);
    expect(parseMajorAmount('-5', 'EUR').ok).toBe(false);
    expect(parseMajorAmount('-5', 'EUR', { allowNegative: true })).toEqual({
      ok: true,
      amountMinor: -500,
    });
    expect(parseMajorAmount('99999999999999999', 'EUR')).toEqual({
      ok: false,
      message: 'That amount is too large',
    });
  });

  it('writes minor units back as the same text, for any amount', () => {
    expect(majorUnitsText(5010, 'EUR')).toBe('50.10');
    expect(majorUnitsText(7, 'EUR')).toBe('0.07');
    expect(majorUnitsText(-250, 'EUR')).toBe('-2.50');
    expect(majorUnitsText(7, 'JPY')).toBe('7');
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.constantFrom('EUR', 'JPY', 'KWD'),
        (amountMinor, currency) => {
          expect(
            parseMajorAmount(majorUnitsText(amountMinor, currency), currency, {
              allowNegative: true,
            }),
          ).toEqual({
            ok: true,
            amountMinor: amountMinor === 0 ? 0 : amountMinor,
          });
        },
      ),
    );
  });
});
