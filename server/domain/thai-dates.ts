// Dates as Thai official documents write them: Buddhist Era years, Thai month names, Bangkok time, `10.00 น.`.

export const TIME_ZONE = 'Asia/Bangkok';
const BE_OFFSET = 543;

const longDate = new Intl.DateTimeFormat('th-TH', { timeZone: TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' });
const shortDate = new Intl.DateTimeFormat('th-TH', { timeZone: TIME_ZONE, day: 'numeric', month: 'short', year: '2-digit' });
const clock = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const weekday = new Intl.DateTimeFormat('th-TH', { timeZone: TIME_ZONE, weekday: 'long' });
const bangkokYearMonth = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: 'numeric' });

/** `26 มกราคม 2566` */
export function formatThaiDate(date: Date): string {
  return longDate.format(date);
}

/** `วันพฤหัสบดีที่ 26 มกราคม 2566`, the form that heads minutes. */
export function formatThaiDateWithWeekday(date: Date): string {
  return `${weekday.format(date)}ที่ ${longDate.format(date)}`;
}

/** `26 ม.ค. 66` */
export function formatThaiShortDate(date: Date): string {
  return shortDate.format(date);
}

/** `10.00 น.` */
export function formatThaiTime(date: Date): string {
  return `${clock.format(date).replace(':', '.')} น.`;
}

export function toBuddhistYear(gregorianYear: number): number {
  return gregorianYear + BE_OFFSET;
}

/** The Thai fiscal year (B.E.) a moment falls in: it starts on 1 October, Bangkok time. */
export function fiscalYearBE(date: Date): number {
  const parts = Object.fromEntries(bangkokYearMonth.formatToParts(date).map((p) => [p.type, p.value]));
  const year = Number(parts.year);
  return toBuddhistYear(Number(parts.month) >= 10 ? year + 1 : year);
}

// The same moments for an English page: Gregorian dates, with the Buddhist Era year in brackets where a Thai document
// would print one (the meeting's date and number, the fiscal year), so both readers find the year they know.
export type DateLocale = 'th' | 'en';

const englishLongDate = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' });
const englishShortDate = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, day: 'numeric', month: 'short', year: 'numeric' });
const bangkokYear = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric' });

/** `26 มกราคม 2566` · `26 January 2023 (B.E. 2566)` */
export function formatDate(date: Date, locale: DateLocale): string {
  if (locale === 'th') return formatThaiDate(date);
  return `${englishLongDate.format(date)} (B.E. ${toBuddhistYear(Number(bangkokYear.format(date)))})`;
}

/** `26 ม.ค. 66` · `26 Jan 2023` */
export function formatShortDate(date: Date, locale: DateLocale): string {
  return locale === 'th' ? formatThaiShortDate(date) : englishShortDate.format(date);
}

/** `10.00 น.` · `10:00` */
export function formatTime(date: Date, locale: DateLocale): string {
  return locale === 'th' ? formatThaiTime(date) : clock.format(date);
}

/** A B.E. year as its reader expects it: `2567` · `2024 (B.E. 2567)`. */
export function formatYearBE(yearBE: number, locale: DateLocale): string {
  return locale === 'th' ? String(yearBE) : `${yearBE - BE_OFFSET} (B.E. ${yearBE})`;
}

/** The meeting's number as the minutes head it: `ครั้งที่ 1/2567` · `Meeting 1/2024 (B.E. 2567)`. */
export function formatMeetingNumber(number: number, yearBE: number, locale: DateLocale): string {
  return locale === 'th' ? `ครั้งที่ ${number}/${yearBE}` : `Meeting ${number}/${formatYearBE(yearBE, 'en')}`;
}

/** `26 มกราคม 2566 10.00 น.` · `26 January 2023 (B.E. 2566), 10:00` */
export function formatDateTime(date: Date, locale: DateLocale): string {
  return `${formatDate(date, locale)}${locale === 'th' ? ' ' : ', '}${formatTime(date, locale)}`;
}

/**
 * The meeting's number and date on one line, as the board's top bar and the list of meetings show them:
 * `ครั้งที่ 1/2566 · 26 มกราคม 2566` · `Meeting 1/2023 · 26 January 2023 (B.E. 2566)`, the B.E. year said once where the
 * number and the date share it.
 */
export function formatMeetingLine(number: number, yearBE: number, startsAt: Date, locale: DateLocale): string {
  const date = formatDate(startsAt, locale);
  if (locale === 'en' && yearBE === toBuddhistYear(Number(bangkokYear.format(startsAt)))) return `Meeting ${number}/${yearBE - BE_OFFSET} · ${date}`;
  return `${formatMeetingNumber(number, yearBE, locale)} · ${date}`;
}
