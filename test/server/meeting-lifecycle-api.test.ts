// Opening and closing a meeting over the JSON API (and so from the set-up page and the board's buttons, which run the
// same MeetingSetup methods): the pipeline's meeting:open and meeting:close, with the permissions table's checks (an
// organiser, the chair, the secretary; never a member), the phase's typed refusals, and every board hearing the step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireError } from '../../server/shared/errors.ts';
import type { MeetingPhaseChanged } from '../../server/shared/events/lifecycle.ts';
import type { MeetingDetail } from '../../server/shared/setup/plans.ts';
import { ORGANISER_COOKIE } from '../../server/shared/session-cookie.ts';
import { startTestBoard, type TestBoard } from '../support/board.ts';

describe('opening and closing a meeting over the API', () => {
  let board: TestBoard;
  let organiser: string;
  let chair: string;
  let secretary: string;
  let member: string;
  let memberSocket: Awaited<ReturnType<TestBoard['connect']>>['socket'];

  const call = async (method: string, path: string, cookie?: string) => {
    const response = await fetch(`${board.url}${path}`, { method, headers: { origin: board.url, ...(cookie ? { cookie } : {}) } });
    return { status: response.status, body: (await response.json()) as MeetingPhaseChanged & { meeting?: MeetingDetail; error?: WireError } };
  };
  const step = (which: 'open' | 'close', cookie?: string, meetingId = board.meetingId) => call('POST', `/api/meetings/${meetingId}/${which}`, cookie);
  const stored = () => board.db.meeting.findUniqueOrThrow({ where: { id: board.meetingId }, select: { status: true, openedAt: true, closedAt: true, seq: true } });

  beforeAll(async () => {
    board = await startTestBoard();
    await board.db.meeting.update({ where: { id: board.meetingId }, data: { status: 'scheduled', openedAt: null, closedAt: null } });
    const session = await board.organisers.redeemLink(await board.organisers.createLink(), 'ฝ่ายเลขานุการ สพร.');
    organiser = `${ORGANISER_COOKIE}=${session.sessionToken}`;
    chair = (await board.connect('chair', 'ประธาน')).cookie;
    secretary = (await board.connect('secretary', 'เลขานุการ')).cookie;
    const joined = await board.connect('member', 'กรรมการ');
    member = joined.cookie;
    memberSocket = joined.socket;
  });
  afterAll(async () => {
    await board.stop();
  });

  it('reads the meeting, its form fields in Bangkok time and its phase', async () => {
    const read = await call('GET', `/api/meetings/${board.meetingId}`, organiser);
    expect(read.status).toBe(200);
    expect(read.body.meeting).toMatchObject({ id: board.meetingId, status: 'scheduled', openedAt: null, closedAt: null });
    expect(read.body.meeting!.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(read.body.meeting!.time).toMatch(/^\d{2}:\d{2}$/);
    expect((await call('GET', `/api/meetings/${board.meetingId}`, member)).status).toBe(200);
    expect((await call('GET', '/api/meetings/no-such-meeting', organiser)).body.error).toMatchObject({ code: 'meeting_not_found' });
  });

  it('refuses a member, a stranger and an unknown meeting, changing nothing', async () => {
    const before = await stored();
    const refused = await step('open', member);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'forbidden', details: { action: 'meeting:open' } });
    expect((await step('open')).status).toBe(401);
    expect((await step('open', organiser, 'no-such-meeting')).body.error).toMatchObject({ code: 'meeting_not_found' });
    expect((await step('close', secretary)).body.error).toMatchObject({ code: 'meeting_not_open' });
    expect(await stored()).toEqual(before);
  });

  it('opens at an organiser’s call, records เริ่มประชุมเวลา, and the boards hear it', async () => {
    const heard = new Promise<MeetingPhaseChanged>((resolve) => memberSocket.once('meeting:phase-changed', resolve));
    const opened = await step('open', organiser);
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ status: 'in_session', closedAt: null, changedBy: 'ฝ่ายเลขานุการ สพร.' });
    expect(await heard).toEqual(opened.body);
    expect((await stored()).openedAt?.toISOString()).toBe(opened.body.openedAt);
    const again = await step('open', chair);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'meeting_already_open' });
    expect(again.body.error!.messageTh).toBeTruthy();
    expect(again.body.error!.messageEn).toBeTruthy();
  });

  it('closes at the chair’s call, records เลิกประชุมเวลา, and a closed meeting moves no further', async () => {
    expect((await step('close', member)).status).toBe(403);
    const heard = new Promise<MeetingPhaseChanged>((resolve) => memberSocket.once('meeting:phase-changed', resolve));
    const closed = await step('close', chair);
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', changedBy: 'ประธาน' });
    expect(await heard).toEqual(closed.body);
    const before = await stored();
    expect(before.closedAt?.toISOString()).toBe(closed.body.closedAt);
    expect((await step('close', secretary)).body.error).toMatchObject({ code: 'meeting_closed' });
    expect((await step('open', organiser)).body.error).toMatchObject({ code: 'meeting_closed' });
    expect(await stored()).toEqual(before);
  });
});
