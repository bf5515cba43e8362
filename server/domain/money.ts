// Money is whole baht held in safe integers; Thai budget documents show it as million baht with four decimals.
// Every conversion here is integer arithmetic, so no display or parse ever drifts by a floating-point hair.

export const BAHT_PER_MILLION = 1_000_000;
/** Four decimals of a million: the display's resolution is 100 baht. */
const DISPLAY_UNIT_BAHT = 100;

const groupedInteger = new Intl.NumberFormat('th-TH', { maximumFractionDigits: 0, useGrouping: true });

export function isWholeBaht(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** `5_523_911_000` -> `"5,523.9110"`; rounds half away from zero to the nearest 100 baht, as a printed table would. */
export function formatMillionBaht(baht: number): string {
  if (!isWholeBaht(baht)) throw new RangeError(`Not a whole number of baht: ${baht}`);
  const units = Math.round(Math.abs(baht) / DISPLAY_UNIT_BAHT);
  const whole = Math.trunc(units / 10_000);
  const fraction = String(units % 10_000).padStart(4, '0');
  const sign = baht < 0 && units > 0 ? '-' : '';
  return `${sign}${groupedInteger.format(whole)}.${fraction}`;
}

/** A difference with its sign always shown: `+12.3456`, `-0.5000`, `0.0000`. */
export function formatSignedMillionBaht(baht: number): string {
  const text = formatMillionBaht(baht);
  return baht > 0 && text !== '0.0000' ? `+${text}` : text;
}

/** `1234567` -> `"1,234,567"`: exact baht, for audit trails where 100-baht rounding would hide a change. */
export function formatBaht(baht: number): string {
  if (!isWholeBaht(baht)) throw new RangeError(`Not a whole number of baht: ${baht}`);
  return groupedInteger.format(baht);
}

export type MoneyParseError = 'empty' | 'not_a_number' | 'negative' | 'fractional_baht' | 'too_large';
export type MoneyParseResult = { ok: true; baht: number; unit: 'million' | 'baht' } | { ok: false; error: MoneyParseError };

const MILLION_SUFFIX = /(ล้านบาท|ล้าน|million|mb|m)$/i;
const BAHT_SUFFIX = /(บาท|baht|thb|฿)$/i;
/** Below this a bare whole number is read as millions: no project asks for less than a million baht. */
const BARE_NUMBER_BAHT_THRESHOLD = 1_000_000;

/**
 * Reads what a person types into a ceiling cell. `1,234.5678` or `12 ล้าน` is million baht; `1,234,567,800 บาท`
 * is baht; a bare number with a decimal point is millions, a bare whole number of a million or more is baht.
 */
export function parseMoneyInput(input: string): MoneyParseResult {
  let text = input.normalize('NFKC').trim().replace(/[\s,_]/g, '');
  if (text === '') return { ok: false, error: 'empty' };
  let unit: 'million' | 'baht' | undefined;
  if (MILLION_SUFFIX.test(text)) {
    unit = 'million';
    text = text.replace(MILLION_SUFFIX, '');
  } else if (BAHT_SUFFIX.test(text)) {
    unit = 'baht';
    text = text.replace(BAHT_SUFFIX, '');
  }
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) return { ok: false, error: 'not_a_number' };
  const [, sign, integerDigits, fractionDigits] = match;
  if (sign === '-' && /[1-9]/.test(integerDigits + (fractionDigits ?? ''))) return { ok: false, error: 'negative' };
  unit ??= fractionDigits !== undefined || Number(integerDigits) < BARE_NUMBER_BAHT_THRESHOLD ? 'million' : 'baht';

  const decimals = unit === 'million' ? 6 : 0;
  const fraction = (fractionDigits ?? '').replace(/0+$/, '');
  if (fraction.length > decimals) return { ok: false, error: 'fractional_baht' };
  const digits = `${integerDigits || '0'}${fraction.padEnd(decimals, '0')}`.replace(/^0+(?=\d)/, '');
  if (digits.length > 15) return { ok: false, error: 'too_large' };
  const baht = Number(digits);
  if (!Number.isSafeInteger(baht)) return { ok: false, error: 'too_large' };
  return { ok: true, baht, unit };
}

export const MONEY_PARSE_MESSAGES: Record<MoneyParseError, { th: string; en: string }> = {
  empty: { th: 'กรุณากรอกจำนวนเงิน', en: 'Enter an amount' },
  not_a_number: { th: 'อ่านเป็นจำนวนเงินไม่ได้ ตัวอย่าง 12.3456 (ล้านบาท) หรือ 12,345,600 บาท', en: 'Not an amount: try 12.3456 (million) or 12,345,600 baht' },
  negative: { th: 'จำนวนเงินติดลบไม่ได้', en: 'An amount cannot be negative' },
  fractional_baht: { th: 'ละเอียดได้ถึงหลักบาทเท่านั้น (ล้านบาท ทศนิยมไม่เกิน 6 ตำแหน่ง)', en: 'Whole baht only (at most 6 decimals of a million)' },
  too_large: { th: 'จำนวนเงินมากเกินไป', en: 'The amount is too large' },
};
