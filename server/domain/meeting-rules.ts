// What makes a meeting's details well formed, and what a new meeting of a plan starts from: ครั้งที่ N/พ.ศ. numbered
// per plan and calendar year, the date and time in Bangkok, the venue, and the standard agenda whose item 2 adopts the
// previous meeting's minutes. Pure: the clock and the plan's other meetings are passed in.
import type { AgendaKind } from '../shared/board.ts';
import { FISCAL_YEAR_BE_RANGE, type Checked, type Problem } from './plan-rules.ts';

const BE_OFFSET = 543;
const BANGKOK_OFFSET = '+07:00';
const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export interface MeetingInput {
  /** ครั้งที่; the next free number of the year when absent. */
  number?: number;
  /** พ.ศ. of ครั้งที่ N/พ.ศ.; the meeting date's year when absent. */
  yearBE?: number;
  titleTh: string;
  titleEn: string;
  /** YYYY-MM-DD and HH:MM, Bangkok time, as a date and a time field give them. */
  date: string;
  time: string;
  venueTh: string;
  venueEn: string;
  onlineUrl: string;
}

export interface MeetingFields {
  number: number;
  yearBE: number;
  titleTh: string;
  titleEn: string;
  startsAt: Date;
  venueTh: string;
  venueEn: string;
  onlineUrl: string;
}

export const MEETING_WARNINGS = {
  meeting_in_past: { th: 'วันและเวลาประชุมผ่านมาแล้ว (บันทึกไว้ตามที่กรอก)', en: 'The meeting date and time are in the past (saved as entered)' },
} as const;
export type MeetingWarning = keyof typeof MEETING_WARNINGS;

export interface AgendaTemplateItem {
  number: string;
  kind: AgendaKind;
  titleTh: string;
  titleEn: string;
}

/** The Bangkok date and time as an instant; null when either is not a real one. */
export function bangkokInstant(date: string, time: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !CLOCK_TIME.test(time)) return null;
  const instant = new Date(`${date}T${time}:00${BANGKOK_OFFSET}`);
  if (Number.isNaN(instant.getTime())) return null;
  // Date parsing rolls 31 February over into March: a real date reads back the same.
  return bangkokDateTime(instant).date === date ? instant : null;
}

/** An instant as the Bangkok date and time fields show it. */
export function bangkokDateTime(instant: Date): { date: string; time: string } {
  const shifted = new Date(instant.getTime() + 7 * 3600_000).toISOString();
  return { date: shifted.slice(0, 10), time: shifted.slice(11, 16) };
}

/** The next ครั้งที่ of a plan in a year: one after the highest used. */
export function nextMeetingNumber(existing: readonly { number: number; yearBE: number }[], yearBE: number): number {
  return Math.max(0, ...existing.filter((m) => m.yearBE === yearBE).map((m) => m.number)) + 1;
}

function validUrl(value: string): boolean {
  if (value === '') return true;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * Checks the details and fills the number and year. `others` are the plan's other meetings (a number used by one of
 * them is refused); a date in the past is a warning, not a refusal: a secretariat records meetings after the fact too.
 */
export function checkMeetingFields(
  input: MeetingInput,
  context: { now: Date; others: readonly { number: number; yearBE: number }[] },
): Checked<{ fields: MeetingFields; warnings: MeetingWarning[] }> {
  const problems: Problem[] = [];
  const trimmed = (value: string) => value.normalize('NFC').trim();
  const titleTh = trimmed(input.titleTh);
  if (!titleTh) problems.push({ field: 'titleTh', code: 'meeting_title_required' });
  const startsAt = bangkokInstant(input.date, input.time);
  if (!CLOCK_TIME.test(input.time)) problems.push({ field: 'time', code: 'meeting_time_invalid' });
  else if (!startsAt) problems.push({ field: 'date', code: 'meeting_date_invalid' });
  const venueTh = trimmed(input.venueTh);
  if (!venueTh) problems.push({ field: 'venueTh', code: 'venue_required' });
  const onlineUrl = trimmed(input.onlineUrl);
  if (!validUrl(onlineUrl)) problems.push({ field: 'onlineUrl', code: 'online_url_invalid' });
  const yearBE = input.yearBE ?? (startsAt ? Number(bangkokDateTime(startsAt).date.slice(0, 4)) + BE_OFFSET : FISCAL_YEAR_BE_RANGE.min);
  const number = input.number ?? nextMeetingNumber(context.others, yearBE);
  if (!Number.isInteger(number) || number < 1 || !Number.isInteger(yearBE) || yearBE < FISCAL_YEAR_BE_RANGE.min || yearBE > FISCAL_YEAR_BE_RANGE.max) {
    problems.push({ field: 'number', code: 'meeting_number_invalid' });
  } else if (context.others.some((m) => m.number === number && m.yearBE === yearBE)) {
    problems.push({ field: 'number', code: 'meeting_number_taken' });
  }
  if (problems.length || !startsAt) return { ok: false, problems };
  const warnings: MeetingWarning[] = startsAt.getTime() < context.now.getTime() ? ['meeting_in_past'] : [];
  return {
    ok: true,
    value: { fields: { number, yearBE, titleTh, titleEn: trimmed(input.titleEn), startsAt, venueTh, venueEn: trimmed(input.venueEn), onlineUrl }, warnings },
  };
}

/**
 * The standard agenda of a new meeting. After a plan's first meeting, item 2 names the minutes it adopts
 * (รับรองรายงานการประชุม ครั้งที่ N/พ.ศ.).
 */
export function agendaFor(standard: readonly AgendaTemplateItem[], previous: { number: number; yearBE: number } | null): AgendaTemplateItem[] {
  return standard.map((item) =>
    item.kind === 'minutes_approval' && previous
      ? {
          ...item,
          titleTh: `${item.titleTh} ครั้งที่ ${previous.number}/${previous.yearBE}`,
          titleEn: `${item.titleEn} of meeting ${previous.number}/${previous.yearBE}`,
        }
      : { ...item },
  );
}
