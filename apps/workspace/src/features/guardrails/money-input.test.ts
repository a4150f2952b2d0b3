import { describe, expect, it } from 'vitest';
import { toMinorUnits } from './money-input.ts';

describe('toMinorUnits', () => {
  it('reads major units as whole minor units of the currency', () => {
    expect(toMinorUnits('12.5', 'EUR')).toBe(1250);
    expect(toMinorUnits('12.50', 'EUR')).toBe(1250);
    expect(toMinorUnits('12', 'EUR')).toBe(1200);
    expect(toMinorUnits('.5', 'EUR')).toBe(50);
    expect(toMinorUnits('12.', 'EUR')).toBe(1200);
    expect(toMinorUnits(80, 'AED')).toBe(8000);
    expect(toMinorUnits('500', 'JPY')).toBe(500);
    expect(toMinorUnits('1.005', 'KWD')).toBe(1005);
  });

  it('has no float drift where multiplying by 100 would have', () => {
    // 0.1 + 0.2 is 0.30000000000000004 and 0.29 × 100 is 28.999999999999996 in floats.
    expect(toMinorUnits(0.1 + 0.2, 'EUR')).toBeNull();
    expect(toMinorUnits('0.3', 'EUR')).toBe(30);
    expect(toMinorUnits(0.3, 'EUR')).toBe(30);
    expect(toMinorUnits('0.29', 'EUR')).toBe(29);
    expect(toMinorUnits(0.29, 'EUR')).toBe(29);
    expect(toMinorUnits('4.35', 'EUR')).toBe(435);
    expect(toMinorUnits('1.15', 'EUR')).toBe(115);
    expect(toMinorUnits('1234567.89', 'EUR')).toBe(123456789);
  });

  it('keeps the sign, and reads -0 as 0', () => {
    expect(toMinorUnits('-3.20', 'EUR')).toBe(-320);
    expect(toMinorUnits('-0', 'EUR')).toBe(0);
    expect(Object.is(toMinorUnits('-0.00', 'EUR'), 0)).toBe(true);
  });

  it('refuses what is not an amount in the currency', () => {
    expect(toMinorUnits('', 'EUR')).toBeNull();
    expect(toMinorUnits('-', 'EUR')).toBeNull();
    expect(toMinorUnits('.', 'EUR')).toBeNull();
    expect(toMinorUnits('12.345', 'EUR')).toBeNull();
    expect(toMinorUnits('5.5', 'JPY')).toBeNull();
    expect(toMinorUnits('1e3', 'EUR')).toBeNull();
    expect(toMinorUnits('12,50', 'EUR')).toBeNull();
    expect(toMinorUnits('99999999999999999', 'EUR')).toBeNull();
  });
});
