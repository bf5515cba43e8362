// The secretariat's way in: the organiser link printed at start becomes an organiser (once), their cookie opens the
// set-up pages and nothing else, organisers add and withdraw organisers, and an organiser's commands pass the same
// pipeline and permissions table as everyone's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORGANISER_COOKIE, sessionCookieName } from '../../server/shared/session-cookie.ts';
import { organiserLinkLines } from '../../server/invite-links.ts';
import type { OrganiserActor } from '../../server/shared/actor.ts';
import { loadBoard } from '../../server/db/board-repository.ts';
import { startTestBoard, type TestBoard } from '../support/board.ts';

const SAMPLE_TITLE = 'ประชุมคณะกรรมการจัดทำงบประมาณรายจ่ายบูรณาการ ประจำปีงบประมาณ พ.ศ. 2567';

describe('organisers', () => {
  let board: TestBoard;
  const form = (body: Record<string, string>, cookie?: string) => ({
    method: 'POST',
    body: new URLSearchParams(body),
    redirect: 'manual' as const,
    headers: { origin: board.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) } as Record<string, string>,
  });

  /** Opens an organiser link as a person does: the page, then its form with a name; the cookie it leaves. */
  async function redeem(link: string, name: string): Promise<string> {
    expect((await fetch(link)).status).toBe(200);
    const response = await fetch(link, form({ name }));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/setup');
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(new RegExp(`^${ORGANISER_COOKIE}=`));
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    return setCookie.split(';')[0]!;
  }

  beforeAll(async () => {
    board = await startTestBoard();
  });
  afterAll(async () => {
    await board.stop();
  });

  let first: string;

  it('makes the first organiser from the console link, once', async () => {
    expect(await board.organisers.exist()).toBe(false);
    const [, line] = await organiserLinkLines(board.organisers, board.url);
    const link = line!.match(/(http\S+\/organiser\/\S+)/)![1]!;
    first = await redeem(link, 'นางสาวจัดการ ประชุม');
    expect(await board.organisers.exist()).toBe(true);

    const again = await fetch(link);
    expect(again.status).toBe(401);
    expect(await again.text()).toContain('ลิงก์ผู้จัดการประชุมนี้ถูกใช้ไปแล้ว');
    expect((await fetch(link, form({ name: 'ผู้มาทีหลัง' }))).status).toBe(401);
    expect(await board.db.organiser.count()).toBe(1);
  });

  it('opens /setup to the organiser only, and lists every meeting at / for them', async () => {
    const setup = await fetch(`${board.url}/setup`, { headers: { cookie: first } });
    expect(setup.status).toBe(200);
    expect(await setup.text()).toContain('นางสาวจัดการ ประชุม');
    const stranger = await fetch(`${board.url}/setup`);
    expect(stranger.status).toBe(401);
    expect(await stranger.text()).toContain('หน้านี้สำหรับผู้จัดการประชุม');
    // A participant's session is not an organiser's.
    const { sessionToken } = await board.join('chair');
    expect((await fetch(`${board.url}/setup`, { headers: { cookie: `${sessionCookieName(board.meetingId)}=${sessionToken}` } })).status).toBe(401);
    expect((await fetch(`${board.url}/setup`, { headers: { cookie: `${ORGANISER_COOKIE}=v1.e30.forged` } })).status).toBe(401);
    expect(await (await fetch(board.url, { headers: { cookie: first } })).text()).toContain(SAMPLE_TITLE);
  });

  it('lets an organiser add another, who is recorded as added by them, and withdraw them', async () => {
    const made = await fetch(`${board.url}/setup?/addOrganiser`, { ...form({}, first), headers: { ...form({}, first).headers, accept: 'application/json' } });
    const result = await made.json();
    expect(result.type).toBe('success');
    const link = (JSON.parse(result.data) as unknown[]).find((value): value is string => typeof value === 'string' && value.includes('/organiser/'))!;
    const second = await redeem(link, 'นายผู้ช่วย จัดการ');
    const list = await board.organisers.list();
    expect(list.find((o) => o.name === 'นายผู้ช่วย จัดการ')).toMatchObject({ addedBy: 'นางสาวจัดการ ประชุม', revoked: false });
    expect((await fetch(`${board.url}/setup`, { headers: { cookie: second } })).status).toBe(200);

    const secondId = list.find((o) => o.name === 'นายผู้ช่วย จัดการ')!.id;
    await board.organisers.revoke(secondId);
    const refused = await fetch(`${board.url}/setup`, { headers: { cookie: second } });
    expect(refused.status).toBe(401);
    expect(await refused.text()).toContain('สิทธิ์ผู้จัดการประชุมของท่านถูกยกเลิกแล้ว');
    // Nobody withdraws the last organiser standing.
    const firstId = list.find((o) => o.name === 'นางสาวจัดการ ประชุม')!.id;
    await expect(board.organisers.revoke(firstId)).rejects.toMatchObject({ code: 'organiser_last' });
    await expect(board.organisers.revoke('nobody')).rejects.toMatchObject({ code: 'organiser_not_found' });
  });

  it('refuses a forged, an edited or an expired organiser link, and a blank name, making nobody', async () => {
    const before = await board.db.organiser.count();
    expect((await fetch(`${board.url}/organiser/v1.e30.forged`)).status).toBe(401);
    const expired = await board.organisers.createLink({ ttlMs: -1 });
    expect(await (await fetch(`${board.url}/organiser/${expired}`)).text()).toContain('หมดอายุ');
    // An invite is not an organiser link.
    const invite = await board.sessions.createInvite({ meetingId: board.meetingId, role: 'chair' });
    expect((await fetch(`${board.url}/organiser/${invite}`)).status).toBe(401);
    const fresh = await board.organisers.createLink();
    expect((await fetch(`${board.url}/organiser/${fresh}`, form({ name: '   ' }))).status).toBe(400);
    expect(await board.db.organiser.count()).toBe(before);
  });

  it('runs an organiser’s commands through the pipeline, within the organiser’s row of the permissions table', async () => {
    const [standing] = (await board.organisers.list()).filter((o) => !o.revoked);
    const organiser: OrganiserActor = { kind: 'organiser', organiserId: standing!.id, displayName: standing!.name };
    const { agenda } = await loadBoard(board.db, board.meetingId);
    const ack = await board.runCommand('agenda:add', organiser, { parentId: agenda.at(-1)!.id, titleTh: 'เรื่องที่ผู้จัดการประชุมเพิ่ม' }, board.meetingId);
    expect(ack.item.titleTh).toBe('เรื่องที่ผู้จัดการประชุมเพิ่ม');
    const project = (await loadBoard(board.db, board.meetingId)).projects[0]!;
    await expect(
      board.runCommand('ceilings:set', organiser, { projectId: project.id, toBaht: project.ceilingBaht - 1, expectedVersion: project.version }, board.meetingId),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const withdrawn = (await board.organisers.list()).find((o) => o.revoked)!;
    await expect(
      board.runCommand('agenda:add', { kind: 'organiser', organiserId: withdrawn.id, displayName: withdrawn.name }, { parentId: agenda.at(-1)!.id, titleTh: 'ไม่ควรเพิ่ม' }, board.meetingId),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});
