// Thai first, English second. The choice is a cookie, so the server renders the right language before any script runs.
export const LOCALES = ['th', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const LOCALE_COOKIE = 'cb_lang';

export function asLocale(value: string | undefined | null): Locale {
  return value === 'en' ? 'en' : 'th';
}

/** Picks the text of a `{ th, en }` pair. */
export function pick(text: { th: string; en: string }, locale: Locale): string {
  return text[locale];
}
