// Names the committee's data carries in Thai and, where someone gave one, in English: the English one when the
// interface is English, the Thai one otherwise. `lang` says when a Thai name stands in an English page, so a screen
// reader reads it as Thai.
import type { Locale } from './locale.ts';

interface Named {
  nameTh: string;
  nameEn?: string | null;
}

interface Titled {
  titleTh: string;
  titleEn?: string | null;
}

export function localName(item: Named, locale: Locale): string {
  return localText(item.nameTh, item.nameEn, locale);
}

export function localTitle(item: Titled, locale: Locale): string {
  return localText(item.titleTh, item.titleEn, locale);
}

/** Any pair of texts: the English where one was given and the page is English, the Thai otherwise. */
export function localText(th: string, en: string | null | undefined, locale: Locale): string {
  return (locale === 'en' && en?.trim()) || th;
}

/** `th` where an English page shows Thai text (no English given), nothing otherwise: the page's own lang holds. */
export function fallbackLang(english: string | null | undefined, locale: Locale): 'th' | undefined {
  return locale === 'en' && !english?.trim() ? 'th' : undefined;
}
