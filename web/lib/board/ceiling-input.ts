// What a person typed into a ceiling field, read back to them as they type it.
import { BAHT_PER_MILLION, MONEY_PARSE_MESSAGES, formatMillionBaht, parseMoneyInput } from '$domain/money.ts';
import type { WireError } from '$shared/errors.ts';
import type { Locale } from '$lib/i18n/locale.ts';
import type { Translate } from '$lib/i18n/translator.ts';

export interface AmountReading {
  baht: number | null;
  /** What was understood ("= 1,234.5678 million baht"), or what was not. */
  message: string;
}

export function readAmount(text: string, locale: Locale, unitLabel: string): AmountReading {
  const parsed = parseMoneyInput(text);
  if (!parsed.ok) return { baht: null, message: MONEY_PARSE_MESSAGES[parsed.error][locale] };
  return { baht: parsed.baht, message: `= ${formatMillionBaht(parsed.baht)} ${unitLabel}` };
}

/** The exact amount in million baht for an edit field: `12.345678`, never rounded to the display's 100 baht. */
export function exactMillionText(baht: number): string {
  const whole = Math.trunc(baht / BAHT_PER_MILLION);
  const fraction = String(baht % BAHT_PER_MILLION).padStart(6, '0').replace(/0+$/, '').padEnd(4, '0');
  return `${whole.toLocaleString('en-US')}.${fraction}`;
}

/** A refused ceiling command in words; after a conflict, the value it is now and how to insist. */
export function ceilingRefusalText(error: WireError, locale: Locale, t: Translate): string {
  const text = locale === 'th' ? error.messageTh : error.messageEn;
  const details = error.details as { ceilingBaht?: unknown } | undefined;
  if (error.code !== 'version_conflict' || typeof details?.ceilingBaht !== 'number') return text;
  return `${t('conflictNow')} ${formatMillionBaht(details.ceilingBaht)} ${t('millionBaht')} · ${t('conflictConfirm')}`;
}

/** The version to send after a conflict: the one the server says is current, which the person has now seen. */
export function conflictVersion(error: WireError): number | undefined {
  const details = error.details as { version?: unknown } | undefined;
  return error.code === 'version_conflict' && typeof details?.version === 'number' ? details.version : undefined;
}
