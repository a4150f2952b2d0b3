import { parseMajorAmount } from '@switchboard/domain';

/**
 * What the amount field holds (NumberInput gives a number once parsed, text while typing)
 * as whole minor units, or null when it is no amount.
 */
export function toMinorUnits(major: string | number, currency: string): number | null {
  // A parsed number prints back as the shortest decimal that reads as it, i.e. what was typed.
  const text = (typeof major === 'number' ? String(major) : major).trim();
  const parsed = parseMajorAmount(text, currency, { allowNegative: true });
  return parsed.ok ? parsed.amountMinor : null;
}
