import { describe, expect, it } from 'vitest';
import { formatBaht, formatMillionBaht, formatSignedMillionBaht, parseMoneyInput } from '../../server/domain/money.ts';

describe('formatMillionBaht', () => {
  it('shows the agreed frame as the documents do', () => {
    expect(formatMillionBaht(5_523_911_000)).toBe('5,523.9110');
  });
  it('keeps four decimals for small and zero amounts', () => {
    expect(formatMillionBaht(0)).toBe('0.0000');
    expect(formatMillionBaht(100)).toBe('0.0001');
    expect(formatMillionBaht(12_345_600)).toBe('12.3456');
  });
  it('rounds to the nearest 100 baht, half away from zero', () => {
    expect(formatMillionBaht(149)).toBe('0.0001');
    expect(formatMillionBaht(150)).toBe('0.0002');
    expect(formatMillionBaht(-150)).toBe('-0.0002');
    expect(formatMillionBaht(-49)).toBe('0.0000');
  });
  it('is exact where floating-point division is not', () => {
    expect(formatMillionBaht(9_007_199_254_740_900)).toBe('9,007,199,254.7409');
  });
  it('refuses what is not whole baht', () => {
    expect(() => formatMillionBaht(1.5)).toThrow(RangeError);
    expect(() => formatMillionBaht(Number.NaN)).toThrow(RangeError);
  });
  it('signs differences and writes exact baht', () => {
    expect(formatSignedMillionBaht(1_000_000)).toBe('+1.0000');
    expect(formatSignedMillionBaht(-500_000)).toBe('-0.5000');
    expect(formatSignedMillionBaht(0)).toBe('0.0000');
    expect(formatBaht(1_234_567)).toBe('1,234,567');
  });
});

describe('parseMoneyInput', () => {
  it.each([
    ['1,234.5678', 1_234_567_800, 'million'],
    ['12', 12_000_000, 'million'],
    ['0.5', 500_000, 'million'],
    ['12 ล้าน', 12_000_000, 'million'],
    ['12.3456 ล้านบาท', 12_345_600, 'million'],
    ['3.141592', 3_141_592, 'million'],
    ['1,234,567,800', 1_234_567_800, 'baht'],
    ['2500000', 2_500_000, 'baht'],
    ['900 บาท', 900, 'baht'],
    ['０.５', 500_000, 'million'],
    ['0', 0, 'million'],
    ['-0', 0, 'million'],
  ])('reads %s', (input, baht, unit) => {
    expect(parseMoneyInput(input)).toEqual({ ok: true, baht, unit });
  });
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['abc', 'not_a_number'],
    ['1.2.3', 'not_a_number'],
    ['.', 'not_a_number'],
    ['-5', 'negative'],
    ['1.2345678', 'fractional_baht'],
    ['100.5 บาท', 'fractional_baht'],
    ['99999999999999999', 'too_large'],
  ])('rejects %j as %s', (input, error) => {
    expect(parseMoneyInput(input)).toEqual({ ok: false, error });
  });
});
