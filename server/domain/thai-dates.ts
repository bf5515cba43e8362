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
