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
