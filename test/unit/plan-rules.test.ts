import { describe, expect, it } from 'vitest';
import { checkPlanFields, checkValueChain, frameMillionText, orRefuse, parseFrameMillionBaht, type PlanInput } from '../../server/domain/plan-rules.ts';
import { agendaFor, bangkokDateTime, bangkokInstant, checkMeetingFields, nextMeetingNumber, type MeetingInput } from '../../server/domain/meeting-rules.ts';
import { dgaValueChain } from '../../server/seed/dga-value-chain.ts';
import { STANDARD_AGENDA } from '../../server/seed/standard-agenda.ts';
import { isBoardError } from '../../server/shared/errors.ts';

const plan: PlanInput = {
  titleTh: ' แผนงานบูรณาการรัฐบาลดิจิทัล ', titleEn: 'Digital Government', fiscalYearBE: 2568, hostAgencyTh: 'สพร.', hostAgencyEn: 'DGA',
  frameMillionBaht: '5,523.9110', hardCap: true, allowAboveRequest: false,
};

describe('the frame in million baht', () => {
  it('reads 4 decimals of a million as whole baht, with or without separators, and shows it back', () => {
    expect(parseFrameMillionBaht('5,523.9110')).toEqual({ ok: true, baht: 5_523_911_000 });
    expect(parseFrameMillionBaht('5523.911')).toEqual({ ok: true, baht: 5_523_911_000 });
    expect(parseFrameMillionBaht('１２')).toEqual({ ok: true, baht: 12_000_000 });
    expect(parseFrameMillionBaht('999999999.9999')).toEqual({ ok: true, baht: 999_999_999_999_900 });
    expect(frameMillionText(5_523_911_000)).toBe('5523.9110');
    expect(parseFrameMillionBaht(frameMillionText(12_345_600))).toEqual({ ok: true, baht: 12_345_600 });
  });

  it.each([
    ['0', 'frame_zero'],
    ['0.0000', 'frame_zero'],
    ['1000000000', 'frame_too_large'],
    ['1.23456', 'frame_invalid'],
    ['-5', 'frame_invalid'],
    ['12,34.5', 'frame_invalid'],
    ['', 'frame_invalid'],
    ['five', 'frame_invalid'],
  ])('refuses %j as %s', (input, code) => {
    expect(parseFrameMillionBaht(input)).toEqual({ ok: false, code });
  });
});

describe('a plan', () => {
  it('trims and stores the frame as baht', () => {
    expect(checkPlanFields(plan)).toEqual({ ok: true, value: { ...plan, titleTh: 'แผนงานบูรณาการรัฐบาลดิจิทัล', frameBaht: 5_523_911_000, frameMillionBaht: undefined } });
  });

  it('names every field that is wrong, and the refusal is the first with all of them', () => {
    const checked = checkPlanFields({ ...plan, titleTh: '  ', fiscalYearBE: 2499, frameMillionBaht: '0' });
    expect(checked).toEqual({
      ok: false,
      problems: [
        { field: 'titleTh', code: 'plan_title_required' },
        { field: 'fiscalYearBE', code: 'fiscal_year_invalid' },
        { field: 'frameMillionBaht', code: 'frame_zero' },
      ],
    });
    expect(checkPlanFields({ ...plan, fiscalYearBE: 2701 }).ok).toBe(false);
    expect(checkPlanFields({ ...plan, fiscalYearBE: 2700 }).ok).toBe(true);
    try {
      orRefuse(checked);
      expect.unreachable();
    } catch (error) {
      expect(isBoardError(error) && error.code).toBe('plan_title_required');
      expect(isBoardError(error) && error.details).toMatchObject({ field: 'titleTh', problems: expect.any(Array) });
    }
  });
});

describe('a refusal inside the value chain', () => {
  it('names the row as the form counts it, in Thai and English, without the API key', () => {
    const chain = dgaValueChain();
    chain[1]!.approaches[0]!.code = '1.1';
    try {
      orRefuse(checkValueChain(chain));
      expect.unreachable();
    } catch (error) {
      expect(isBoardError(error) && error.details).toMatchObject({
        field: 'valueChain.1.approaches.0.code',
        fieldTh: 'ห่วงโซ่คุณค่า เป้าหมายลำดับที่ 2 แนวทางลำดับที่ 1 รหัสแนวทาง',
        fieldEn: 'Value chain, goal row 2, approach row 1, Approach code',
      });
    }
  });
});

describe('the value chain', () => {
  it("takes DGA's three goals and four approaches as they are", () => {
    const checked = checkValueChain(dgaValueChain());
    expect(checked.ok).toBe(true);
    expect(checked.ok && checked.value.flatMap((g) => g.approaches.map((a) => a.code))).toEqual(['1.1', '1.2', '2.1', '3.1']);
  });

  it('refuses duplicate goal numbers and approach codes (across goals), empty names and empty goals', () => {
    const goals = dgaValueChain();
    goals[1]!.number = 1;
    goals[2]!.approaches[0]!.code = '1.2';
    goals[0]!.approaches[0]!.nameTh = ' ';
    const checked = checkValueChain([...goals, { number: 4, stream: 'downstream', nameTh: 'ใหม่', nameEn: '', approaches: [] }]);
    expect(checked).toEqual({
      ok: false,
      problems: [
        { field: 'valueChain.0.approaches.0.nameTh', code: 'value_chain_name_required' },
        { field: 'valueChain.1.number', code: 'goal_number_duplicate' },
        { field: 'valueChain.2.approaches.0.code', code: 'approach_code_duplicate' },
        { field: 'valueChain.3.approaches', code: 'goal_without_approach' },
      ],
    });
    expect(checkValueChain([])).toEqual({ ok: false, problems: [{ field: 'valueChain', code: 'value_chain_empty' }] });
  });
});

describe('a meeting', () => {
  const now = new Date('2026-12-02T01:00:00Z');
  const input: MeetingInput = { titleTh: 'ประชุมคณะกรรมการ', titleEn: '', date: '2027-01-26', time: '10:00', venueTh: 'ห้องประชุมวิจิตรวาทการ', venueEn: '', onlineUrl: '' };

  it('reads the date and time in Bangkok, and numbers it per plan and calendar year B.E.', () => {
    const checked = checkMeetingFields(input, { now, others: [{ number: 1, yearBE: 2570 }, { number: 3, yearBE: 2569 }] });
    expect(checked).toEqual({
      ok: true,
      value: { fields: expect.objectContaining({ number: 2, yearBE: 2570, startsAt: new Date('2027-01-26T03:00:00Z') }), warnings: [] },
    });
    expect(nextMeetingNumber([], 2570)).toBe(1);
    expect(bangkokDateTime(new Date('2027-01-25T20:30:00Z'))).toEqual({ date: '2027-01-26', time: '03:30' });
  });

  it('refuses a number already used, unreal dates and times, no venue, a bad link; a past date only warns', () => {
    expect(checkMeetingFields({ ...input, number: 1, yearBE: 2570 }, { now, others: [{ number: 1, yearBE: 2570 }] })).toEqual({ ok: false, problems: [{ field: 'number', code: 'meeting_number_taken' }] });
    expect(bangkokInstant('2027-02-31', '10:00')).toBeNull();
    expect(checkMeetingFields({ ...input, date: '2027-02-31' }, { now, others: [] })).toMatchObject({ ok: false, problems: [{ field: 'date', code: 'meeting_date_invalid' }] });
    expect(checkMeetingFields({ ...input, time: '25:00' }, { now, others: [] })).toMatchObject({ ok: false, problems: [{ field: 'time', code: 'meeting_time_invalid' }] });
    expect(checkMeetingFields({ ...input, time: '9.30' }, { now, others: [] })).toMatchObject({ ok: false, problems: [{ field: 'time', code: 'meeting_time_invalid' }] });
    expect(checkMeetingFields({ ...input, venueTh: '', onlineUrl: 'javascript:alert(1)' }, { now, others: [] })).toMatchObject({
      ok: false,
      problems: [{ field: 'venueTh', code: 'venue_required' }, { field: 'onlineUrl', code: 'online_url_invalid' }],
    });
    expect(checkMeetingFields({ ...input, number: 0 }, { now, others: [] })).toMatchObject({ ok: false, problems: [{ field: 'number', code: 'meeting_number_invalid' }] });
    expect(checkMeetingFields({ ...input, date: '2026-11-30' }, { now, others: [] })).toMatchObject({ ok: true, value: { warnings: ['meeting_in_past'] } });
  });

  it('starts from the standard agenda; after the first meeting, item 2 adopts the previous minutes', () => {
    expect(agendaFor(STANDARD_AGENDA, null)).toEqual(STANDARD_AGENDA);
    const later = agendaFor(STANDARD_AGENDA, { number: 1, yearBE: 2570 });
    expect(later[1]).toEqual({ number: '2', kind: 'minutes_approval', titleTh: 'เรื่องรับรองรายงานการประชุม ครั้งที่ 1/2570', titleEn: 'Approval of the minutes of meeting 1/2570' });
    expect(later.map((i) => i.number)).toEqual(['1', '2', '3', '4', '5']);
  });
});
