import { describe, expect, it } from 'vitest';
import {
  fiscalYearBE,
  formatDate,
  formatDateTime,
  formatMeetingLine,
  formatMeetingNumber,
  formatShortDate,
  formatThaiDate,
  formatThaiDateWithWeekday,
  formatThaiTime,
  formatTime,
  formatYearBE,
} from '../../server/domain/thai-dates.ts';

describe('Thai dates', () => {
  it('writes the committee meeting date in the Buddhist Era', () => {
    const meeting = new Date('2023-01-26T03:00:00Z');
    expect(formatThaiDate(meeting)).toBe('26 มกราคม 2566');
    expect(formatThaiDateWithWeekday(meeting)).toBe('วันพฤหัสบดีที่ 26 มกราคม 2566');
    expect(formatThaiTime(meeting)).toBe('10.00 น.');
  });
  it('uses Bangkok time, not the machine clock', () => {
    expect(formatThaiDate(new Date('2023-09-30T17:30:00Z'))).toBe('1 ตุลาคม 2566');
  });
  it('puts a moment in its fiscal year, which starts on 1 October in Bangkok', () => {
    expect(fiscalYearBE(new Date('2023-09-30T16:59:59Z'))).toBe(2566);
    expect(fiscalYearBE(new Date('2023-09-30T17:00:00Z'))).toBe(2567);
    expect(fiscalYearBE(new Date('2024-09-30T12:00:00Z'))).toBe(2567);
  });
  it('writes English dates in the Gregorian calendar, with the B.E. year where Thai documents print one', () => {
    const meeting = new Date('2023-01-26T03:00:00Z');
    expect(formatDate(meeting, 'en')).toBe('26 January 2023 (B.E. 2566)');
    expect(formatDate(meeting, 'th')).toBe('26 มกราคม 2566');
    expect(formatShortDate(meeting, 'en')).toBe('26 Jan 2023');
    expect(formatShortDate(meeting, 'th')).toBe('26 ม.ค. 66');
    expect(formatTime(meeting, 'en')).toBe('10:00');
    expect(formatTime(meeting, 'th')).toBe('10.00 น.');
    expect(formatYearBE(2567, 'en')).toBe('2024 (B.E. 2567)');
    expect(formatMeetingNumber(1, 2567, 'en')).toBe('Meeting 1/2024 (B.E. 2567)');
    expect(formatMeetingNumber(1, 2567, 'th')).toBe('ครั้งที่ 1/2567');
    expect(formatDateTime(meeting, 'en')).toBe('26 January 2023 (B.E. 2566), 10:00');
    expect(formatMeetingLine(1, 2566, meeting, 'en')).toBe('Meeting 1/2023 · 26 January 2023 (B.E. 2566)');
    expect(formatMeetingLine(1, 2566, meeting, 'th')).toBe('ครั้งที่ 1/2566 · 26 มกราคม 2566');
    // A meeting numbered in one year and held in the next says both years.
    expect(formatMeetingLine(9, 2565, meeting, 'en')).toBe('Meeting 9/2022 (B.E. 2565) · 26 January 2023 (B.E. 2566)');
    expect(formatDateTime(meeting, 'th')).toBe('26 มกราคม 2566 10.00 น.');
    // The B.E. year follows the Bangkok date: late on 31 December UTC is already the new year there.
    expect(formatDate(new Date('2023-12-31T18:00:00Z'), 'en')).toBe('1 January 2024 (B.E. 2567)');
  });
});
