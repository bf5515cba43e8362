// Amounts as Thai budget sheets write them: "1,234,567", "1,234.5678" in a million-baht column, Thai digits
// "๑,๒๓๔.๕", a unit in the cell ("12.5 ล้านบาท"), "-" for nothing, "(1,000)" for a negative.
import type { AmountUnit } from './fields.ts';
import { arabicDigits } from './text.ts';

export type AmountReason = 'amount_not_a_number' | 'amount_negative' | 'amount_zero' | 'amount_fractional_baht' | 'amount_too_large';

const DASH_ONLY = /^[-–—]$/;
const MILLION_WORD = /(ล้านบาท|ล้าน|million|mb)$/i;
const BAHT_WORD = /(บาท|baht|thb|฿)$/i;

/** Whole baht from a cell, in `unit` unless the cell names its own; six decimals of a million are one baht. */
export function parseImportAmount(text: string, unit: AmountUnit): { baht: number } | { reason: AmountReason } {
  let compact = arabicDigits(text.normalize('NFKC')).replace(/[\s,]/g, '');
  if (DASH_ONLY.test(compact)) return { reason: 'amount_zero' };
  if (MILLION_WORD.test(compact)) {
    unit = 'million';
    compact = compact.replace(MILLION_WORD, '');
  } else compact = compact.replace(BAHT_WORD, '');
  const bracketed = /^\((.*)\)$/.exec(compact);
  if (bracketed) compact = `-${bracketed[1]}`;
  const match = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(compact);
  if (!match) return { reason: 'amount_not_a_number' };
  const [, sign, whole, fractionDigits = ''] = match;
  const decimals = unit === 'million' ? 6 : 0;
  const fraction = fractionDigits.replace(/0+$/, '');
  if (fraction.length > decimals) return { reason: 'amount_fractional_baht' };
  const digits = `${whole}${fraction.padEnd(decimals, '0')}`.replace(/^0+(?=\d)/, '');
  if (digits.length > 15 || !Number.isSafeInteger(Number(digits))) return { reason: 'amount_too_large' };
  const baht = Number(digits);
  if (sign === '-' && baht > 0) return { reason: 'amount_negative' };
  if (baht === 0) return { reason: 'amount_zero' };
  return { baht };
}

/** Below this median a column of bare numbers is read as millions: no project asks for less than 100,000 baht. */
const MEDIAN_BAHT_FLOOR = 100_000;

/**
 * The unit a column's own figures suggest when nothing states it: figures with decimals, or figures too small to be
 * baht, are millions; whole figures of a hundred thousand and up are baht.
 */
export function unitFromFigures(cells: string[]): { unit: AmountUnit; because: 'decimals' | 'small_figures' | 'large_figures' } {
  const figures = cells.map((cell) => arabicDigits(cell.normalize('NFKC')).replace(/[\s,]/g, '')).filter((cell) => /^\d+(\.\d+)?$/.test(cell));
  if (figures.some((figure) => /\.\d*[1-9]/.test(figure))) return { unit: 'million', because: 'decimals' };
  const sorted = figures.map(Number).sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  if (median !== undefined && median < MEDIAN_BAHT_FLOOR) return { unit: 'million', because: 'small_figures' };
  return { unit: 'baht', because: 'large_figures' };
}
