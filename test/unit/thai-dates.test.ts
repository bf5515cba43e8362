import { describe, expect, it } from 'vitest';
import { fiscalYearBE, formatThaiDate, formatThaiDateWithWeekday, formatThaiTime } from '../../server/domain/thai-dates.ts';

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
});
