import { majorUnitsText, type ParsedAmount, parseMajorAmount } from '@switchboard/domain';

/*
 * Limits are typed in major units ("50.10" euros) and stored as integer minor units (5010
 * cents), both ways through the decimal text (domain.parseMajorAmount), never a float.
 */

export const majorText = majorUnitsText;

/** Typed text as whole minor units: "1,250.50" EUR → 125050; thousands separators allowed. */
export function parseLimitAmount(text: string, currency: string): ParsedAmount {
  return parseMajorAmount(text.replace(/[\s,_]/g, ''), currency);
}
