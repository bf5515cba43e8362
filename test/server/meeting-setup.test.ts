// Creating a plan's meetings through the API against the real server: ครั้งที่ N/พ.ศ. numbered per plan and year by
// default, the standard five-item agenda whose item 2 adopts the previous meeting's minutes, a number already used
// refused (409), a date in the past saved with a warning, every bad input refused naming the field in Thai and English
// with nothing written, and nobody but an organiser creating one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireError } from '../../server/shared/errors.ts';
import { ORGANISER_COOKIE } from '../../server/shared/session-cookie.ts';
import type { CreatedMeeting } from '../../server/setup/meeting-setup.ts';
import type { PlanDetail } from '../../server/shared/setup/plans.ts';
import { startTestBoard, type TestBoard } from '../support/board.ts';

const LATIN_WORD = /[A-Za-z]{2,}/;
const meeting = { titleTh: 'การประชุมคณะกรรมการ', date: '2099-03-15', time: '09:30', venueTh: 'ห้องประชุม 1 ชั้น 17' };

describe('creating meetings of a plan', () => {
  let board: TestBoard;
  let organiser: string;
  let planId: string;

  const call = async (path: string, json: unknown, cookie?: string) => {
    const response = await fetch(`${board.url}${path}`, {
      method: 'POST',
      headers: { origin: board.url, 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(json),
    });
    return { status: response.status, body: (await response.json()) as CreatedMeeting & { error?: WireError } };
  };
  const create = (json: unknown) => call(`/api/plans/${planId}/meetings`, json, organiser);
  const meetingCount = () => board.db.meeting.count();

  beforeAll(async () => {
    board = await startTestBoard();
    const session = await board.organisers.redeemLink(await board.organisers.createLink(), 'ฝ่ายเลขานุการ สพร.');
    organiser = `${ORGANISER_COOKIE}=${session.sessionToken}`;
    const made = await fetch(`${board.url}/api/plans`, {
      method: 'POST',
      headers: { origin: board.url, 'content-type': 'application/json', cookie: organiser },
      body: JSON.stringify({ titleTh: 'แผนงานของคณะกรรมการเอง', fiscalYearBE: 2643, frameMillionBaht: '100' }),
    });
    planId = ((await made.json()) as { plan: PlanDetail }).plan.id;
  });
  afterAll(async () => {
    await board.stop();
  });

  let first: CreatedMeeting['meeting'];

  it('numbers the first meeting 1 of its year (B.E.) and gives it the standard agenda', async () => {
    const created = await create({ ...meeting, onlineUrl: 'https://meet.example.go.th/abc' });
    expect(created.status).toBe(201);
    first = created.body.meeting;
    expect(first).toMatchObject({ number: 1, yearBE: 2642, status: 'scheduled', previousMeetingId: null, startsAt: '2099-03-15T02:30:00.000Z' });
    expect(created.body.warnings).toEqual([]);
    expect(first.agenda.map((item) => item.number)).toEqual(['1', '2', '3', '4', '5']);
    expect(first.agenda[1]!.titleTh).toBe('เรื่องรับรองรายงานการประชุม');
    const stored = await board.db.meeting.findUniqueOrThrow({ where: { id: first.id }, include: { agendaItems: { orderBy: { position: 'asc' } }, plan: true } });
    expect(stored).toMatchObject({ onlineUrl: 'https://meet.example.go.th/abc', venueTh: meeting.venueTh, plan: { isSample: false } });
    expect(stored.agendaItems.map((i) => i.kind)).toEqual(['announcement', 'minutes_approval', 'follow_up', 'consideration', 'other']);
  });

  it("numbers the next one 2, and its item 2 adopts the first one's minutes", async () => {
    const created = await create({ ...meeting, date: '2099-06-01' });
    expect(created.body.meeting).toMatchObject({ number: 2, yearBE: 2642, previousMeetingId: first.id });
    expect(created.body.meeting.agenda[1]).toEqual({ number: '2', titleTh: 'เรื่องรับรองรายงานการประชุม ครั้งที่ 1/2642', titleEn: 'Approval of the minutes of meeting 1/2642' });
    expect((await create({ ...meeting, date: '2100-01-10' })).body.meeting).toMatchObject({ number: 1, yearBE: 2643 });
  });

  it('refuses a number already used with 409, naming ครั้งที่, writing nothing', async () => {
    const before = await meetingCount();
    const taken = await create({ ...meeting, number: 2, yearBE: 2642 });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({ code: 'meeting_number_taken', details: { field: 'number' } });
    expect(taken.body.error!.messageTh).toContain('ครั้งที่/พ.ศ.');
    expect(await meetingCount()).toBe(before);
  });

  it('saves a meeting dated in the past, with a warning', async () => {
    const past = await create({ ...meeting, date: '2020-01-06', number: 9, yearBE: 2563 });
    expect(past.status).toBe(201);
    expect(past.body.warnings).toEqual([{ code: 'meeting_in_past', messageTh: expect.stringContaining('ผ่านมาแล้ว'), messageEn: expect.stringContaining('past') }]);
  });

  it.each([
    ['a date that does not exist', { date: '2099-02-30' }, 'meeting_date_invalid', 'date', 'วันที่ประชุม'],
    ['a time that does not exist', { time: '25:00' }, 'meeting_time_invalid', 'time', 'เวลาประชุม'],
    ['no venue', { venueTh: '  ' }, 'venue_required', 'venueTh', 'สถานที่ประชุม'],
    ['no title', { titleTh: '' }, 'meeting_title_required', 'titleTh', 'ชื่อการประชุม'],
    ['an online link that is not a web address', { onlineUrl: 'ftp://files.example' }, 'online_url_invalid', 'onlineUrl', 'ลิงก์ประชุมออนไลน์'],
    ['a number of zero', { number: 0 }, 'meeting_number_invalid', 'number', 'ครั้งที่'],
    ['a year outside 2500-2700', { number: 1, yearBE: 3000 }, 'meeting_number_invalid', 'number', 'พ.ศ.'],
    ['a number that is text', { number: 'สาม' }, 'invalid_field', 'number', 'ครั้งที่'],
    ['a venue too long', { venueTh: 'ก'.repeat(301) }, 'invalid_field', 'venueTh', 'สถานที่ประชุม (ภาษาไทย)'],
  ])('refuses %s, naming the field, writing nothing', async (_label, change, code, field, thai) => {
    const before = await meetingCount();
    const refused = await create({ ...meeting, ...change });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code, details: { field } });
    expect(refused.body.error!.messageTh).toContain(thai);
    expect(refused.body.error!.messageTh.replace(/[a-z]+:\/\/\S*/g, '')).not.toMatch(LATIN_WORD);
    expect(refused.body.error!.messageEn).toMatch(/[A-Za-z]/);
    expect(await meetingCount()).toBe(before);
  });

  it('refuses a plan that does not exist, unknown fields, and anyone but an organiser', async () => {
    const before = await meetingCount();
    expect((await call('/api/plans/no-such-plan/meetings', meeting, organiser)).status).toBe(404);
    expect((await create({ ...meeting, status: 'in_session' })).body.error).toMatchObject({ code: 'invalid_payload' });
    const chair = await board.connect('chair');
    for (const cookie of [chair.cookie, undefined]) expect([401, 403]).toContain((await call(`/api/plans/${planId}/meetings`, meeting, cookie)).status);
    expect(await meetingCount()).toBe(before);
  });
});
