import { z } from 'zod';

/** ISO 4217 alphabetic code, e.g. EUR, AED, MXN. */
export const currencySchema = z
  .string()
  .regex(/^[A-Z]{3}$/, 'Use a three-letter ISO 4217 currency code, e.g. EUR');

/** Money is integer minor units (cents, fils, centavos) plus its currency; never floats. */
export const moneySchema = z.object({
  amountMinor: z.number().int('Amount must be whole minor units'),
  currency: currencySchema,
});
export type Money = z.infer<typeof moneySchema>;

const MINOR_DIGITS: Record<string, number> = { JPY: 0, KWD: 3, BHD: 3 };

export function minorUnitDigits(currency: string): number {
  return MINOR_DIGITS[currency] ?? 2;
}

/** Formats money for people, in the given locale (e.g. "€12.50", "AED 80.00"). */
export function formatMoney(money: Money, locale = 'en'): string {
  const digits = minorUnitDigits(money.currency);
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: money.currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(money.amountMinor / 10 ** digits);
}

/** Minor units as the major-unit text a person types: 5010 EUR → "50.10", 7 JPY → "7". */
export function majorUnitsText(amountMinor: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  const sign = amountMinor < 0 ? '-' : '';
  const text = String(Math.abs(Math.trunc(amountMinor))).padStart(digits + 1, '0');
  if (digits === 0) return `${sign}${text}`;
  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

export type ParsedAmount = { ok: true; amountMinor: number } | { ok: false; message: string };

/**
 * A plain decimal in major units ("50.1" EUR) as whole minor units (5010), read digit by
 * digit — never multiplied as a float, so "0.29" is 29, not 28.999…. Refuses more decimals
 * than the currency has, a sign unless allowed, and anything that is not a plain decimal;
 * callers strip their own thousands separators or decimal commas first.
 */
export function parseMajorAmount(
  text: string,
  currency: string,
  options: { allowNegative?: boolean } = {},
): ParsedAmount {
  const digits = minorUnitDigits(currency);
  const cleaned = text.trim();
  if (cleaned === '') return { ok: false, message: 'Enter an amount' };
  const match = /^(-?)(\d*)(?:\.(\d*))?$/.exec(cleaned);
  const [, sign = '', whole = '', fraction = ''] = match ?? [];
  if (!match || (whole === '' && fraction === '') || (sign && !options.allowNegative)) {
    return {
      ok: false,
      message: `Enter an amount in ${currency}, e.g. ${majorUnitsText(5000, currency)}`,
    };
  }
  if (fraction.length > digits) {
    return {
      ok: false,
      message:
        digits === 0
          ? `${currency} has no minor unit: whole amounts only`
          : `${currency} has at most ${digits} decimal${digits === 1 ? '' : 's'}`,
    };
  }
  const magnitude = Number(`${whole || '0'}${fraction.padEnd(digits, '0')}`);
  if (!Number.isSafeInteger(magnitude)) return { ok: false, message: 'That amount is too large' };
  return { ok: true, amountMinor: sign && magnitude !== 0 ? -magnitude : magnitude };
}
