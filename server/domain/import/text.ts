// How cells of a Thai budget spreadsheet are compared: Thai digits are digits, spacing and line breaks inside a header
// are layout, and the zero-width characters Word and Excel leave behind are nothing.

const THAI_ZERO = 0x0e50;
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;

/** `๒๕๖๗` -> `2567`: Thai documents often write their numbers in Thai digits. */
export function arabicDigits(text: string): string {
  return text.replace(/[\u0e50-\u0e59]/g, (digit) => String(digit.charCodeAt(0) - THAI_ZERO));
}

/** A cell's text as a person reads it: NFC, Thai digits as digits, no zero-width marks, single spaces, trimmed. */
export function cleanCell(text: string): string {
  return arabicDigits(text.normalize('NFC').replace(ZERO_WIDTH, '')).replace(/\s+/g, ' ').trim();
}

/** For matching words: `cleanCell`, lower case, and no spaces at all (Thai does not separate words with them). */
export function matchKey(text: string): string {
  return cleanCell(text).toLowerCase().replace(/\s+/g, '');
}
