// The presenter's focus over real Socket.io clients: who may move it, that everyone gets it with the meeting's
// sequence, that late joiners and reconnecting clients land on it, and the agenda, handover and attendance.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import type { BoardSnapshot } from '../../server/shared/board.ts';
import { SCREEN_DISPLAY_NAME, type MeetingFocus, type PresenceEntry } from '../../server/shared/events/presenter.ts';
import { sessionCookieName } from '../../server/shared/session-cookie.ts';
import type { Role } from '../../server/shared/roles.ts';
import { startTestBoard, type ClientSocket, type TestBoard } from '../support/board.ts';

describe('the presenter-driven meeting', () => {
  let board: TestBoard;

  beforeAll(async () => {
    board = await startTestBoard();
  });
  afterAll(async () => {
    await board.stop();
  });

  const connect = (role: Role, name?: string) => board.connect(role, name, { reconnection: true });

  async function sync(socket: ClientSocket): Promise<BoardSnapshot> {
    const result = await socket.emitWithAck('meeting:sync', {});
    if (!('data' in result)) throw new Error(result.error.code);
    return result.data;
  }

  const projectIds = async (socket: ClientSocket) => (await sync(socket)).projects.map((p) => p.id);

  it('starts on the overview and the first agenda item', async () => {
    const { socket } = await connect('observer');
    const snapshot = await sync(socket);
    expect(snapshot.focus).toEqual({ view: { kind: 'overview' }, agendaItemId: snapshot.agenda[0].id, handover: null });
  });

  it('refuses a member or an observer who tries to move the focus, and the focus stays', async () => {
    const { socket: member } = await connect('member');
    const { socket: observer } = await connect('observer');
    const before = await sync(member);
    const target = { kind: 'project' as const, projectId: before.projects[3].id };
    for (const socket of [member, observer]) {
      const result = await socket.emitWithAck('focus:move', { view: target });
      expect(result).toMatchObject({ error: { code: 'forbidden', messageTh: expect.any(String) } });
      const agenda = await socket.emitWithAck('agenda:move', { agendaItemId: before.agenda[2].id });
      expect(agenda).toMatchObject({ error: { code: 'forbidden' } });
    }
    const after = await sync(member);
    expect(after.focus).toEqual(before.focus);
    expect(after.seq).toBe(before.seq);
  });

  it('broadcasts a move with the next sequence number; late joiners and reconnecting clients land on it', async () => {
    const { socket: presenter } = await connect('presenter');
    const { socket: follower } = await connect('member', 'กรรมการ ผู้ติดตาม');
    const ids = await projectIds(presenter);
    const { seq } = await sync(presenter);

    const received = new Promise<{ seq: number; focus: MeetingFocus }>((resolve) => follower.once('focus:changed', resolve));
    const result = await presenter.emitWithAck('focus:move', { view: { kind: 'project', projectId: ids[5] } });
    expect(result).toEqual({ data: { seq: seq + 1 } });
    expect(await received).toMatchObject({ seq: seq + 1, focus: { view: { kind: 'project', projectId: ids[5] } } });

    // Once a focus is stored, moves take the one-statement path: it must refuse just the same.
    expect(await follower.emitWithAck('focus:move', { view: { kind: 'overview' } })).toMatchObject({ error: { code: 'forbidden' } });
    expect((await sync(follower)).focus.view).toEqual({ kind: 'project', projectId: ids[5] });

    const agendaItemId = (await sync(presenter)).agenda[3].id;
    expect(await presenter.emitWithAck('agenda:move', { agendaItemId })).toEqual({ data: { seq: seq + 2 } });
    expect(await presenter.emitWithAck('agenda:move', { agendaItemId: 'nope' })).toMatchObject({ error: { code: 'focus_target_not_found' } });

    const { socket: late } = await connect('member', 'กรรมการ มาสาย');
    expect((await sync(late)).focus).toMatchObject({ view: { kind: 'project', projectId: ids[5] }, agendaItemId });

    follower.disconnect();
    await presenter.emitWithAck('focus:move', { view: { kind: 'approach', approachCode: '2.1' } });
    follower.connect();
    await new Promise<void>((resolve) => follower.once('session:ready', () => resolve()));
    expect((await sync(follower)).focus).toMatchObject({ view: { kind: 'approach', approachCode: '2.1' }, agendaItemId });
  });

  it('refuses a focus on something that does not exist', async () => {
    const { socket: chair } = await connect('chair');
    expect(await chair.emitWithAck('focus:move', { view: { kind: 'project', projectId: 'nope' } })).toMatchObject({
      error: { code: 'focus_target_not_found' },
    });
    expect(await chair.emitWithAck('focus:move', { view: { kind: 'galaxy' } as never })).toMatchObject({ error: { code: 'invalid_payload' } });
  });

  it('adds a custom agenda item under a standard one, for the secretary but not a member', async () => {
    const { socket: secretary } = await connect('secretary');
    const { socket: member } = await connect('member');
    const before = await sync(secretary);
    const consideration = before.agenda.find((item) => item.kind === 'consideration')!;
    expect(await member.emitWithAck('agenda:add', { parentId: consideration.id, titleTh: 'เรื่องแทรก' })).toMatchObject({ error: { code: 'forbidden' } });
    const changed = new Promise<{ seq: number }>((resolve) => member.once('agenda:changed', resolve));
    const result = await secretary.emitWithAck('agenda:add', { parentId: consideration.id, titleTh: 'กรอบวงเงินบูรณาการ' });
    expect(result).toMatchObject({ data: { seq: before.seq + 1, item: { number: '4.1', kind: 'custom', titleTh: 'กรอบวงเงินบูรณาการ' } } });
    expect((await changed).seq).toBe(before.seq + 1);
    const numbers = (await sync(member)).agenda.map((item) => item.number);
    expect(numbers).toEqual(['1', '2', '3', '4', '4.1', '5']);
  });

  it('lets the chair hand the presenter role to a member and take it back; the role is read from the database', async () => {
    const { socket: chair } = await connect('chair', 'ประธาน');
    const { socket: agency, identity } = await connect('member', 'ผู้แทนหน่วยงาน');
    const ids = await projectIds(chair);
    expect(await agency.emitWithAck('presenter:assign', { participantId: identity.participantId })).toMatchObject({ error: { code: 'forbidden' } });

    const changed = new Promise<unknown>((resolve) => agency.once('participants:changed', resolve));
    expect(await chair.emitWithAck('presenter:assign', { participantId: identity.participantId })).toHaveProperty('data');
    expect(await changed).toMatchObject({ changes: [{ participantId: identity.participantId, role: 'presenter' }] });
    expect((await sync(chair)).focus.handover).toEqual({ participantId: identity.participantId, previousRole: 'member' });
    // The same connection, without reconnecting, may now move the focus.
    expect(await agency.emitWithAck('focus:move', { view: { kind: 'project', projectId: ids[1] } })).toHaveProperty('data');

    expect(await chair.emitWithAck('presenter:reclaim', {})).toHaveProperty('data');
    expect(await agency.emitWithAck('focus:move', { view: { kind: 'project', projectId: ids[2] } })).toMatchObject({ error: { code: 'forbidden' } });
    expect((await board.db.participant.findUniqueOrThrow({ where: { id: identity.participantId } })).role).toBe('member');
    expect(await chair.emitWithAck('presenter:reclaim', {})).toMatchObject({ error: { code: 'no_handover' } });
  });

  it('records attendance and shows who is online and who follows', async () => {
    const { socket: secretary } = await connect('secretary', 'เลขานุการ');
    const { socket: member, identity } = await connect('member', 'กรรมการ ลอยตัว');
    const entry = async () => {
      const result = await secretary.emitWithAck('presence:list', {});
      if (!('data' in result)) throw new Error(result.error.code);
      return result.data.find((e: PresenceEntry) => e.participantId === identity.participantId);
    };
    await expect.poll(entry).toMatchObject({ online: true, attendance: 'online', role: 'member' });
    await member.emitWithAck('follow:report', { following: true });
    await expect.poll(entry).toMatchObject({ following: true });
    await member.emitWithAck('follow:report', { following: false });
    await expect.poll(entry).toMatchObject({ following: false });

    expect(await member.emitWithAck('attendance:record', { participantId: identity.participantId, attendance: 'present' })).toMatchObject({
      error: { code: 'forbidden' },
    });
    expect(await secretary.emitWithAck('attendance:record', { participantId: identity.participantId, attendance: 'present' })).toHaveProperty('data');
    await expect.poll(entry).toMatchObject({ attendance: 'present' });

    member.disconnect();
    await expect.poll(entry).toMatchObject({ online: false, following: null, attendance: 'present' });
  });

  it('lists the room screen as a device, never marked as attending', async () => {
    const { socket: secretary } = await connect('secretary', 'เลขานุการ ดูรายชื่อ');
    const screenInvite = await board.sessions.createInvite({ meetingId: board.meetingId, role: 'observer', kind: 'device', name: SCREEN_DISPLAY_NAME });
    const { identity, sessionToken } = await board.sessions.redeemInvite(screenInvite, '');
    const screen: ClientSocket = io(board.url, { auth: { meetingId: board.meetingId, token: sessionToken }, transports: ['websocket'], reconnection: false, forceNew: true });
    await new Promise<void>((resolve) => screen.once('session:ready', () => resolve()));
    const entry = async () => {
      const result = await secretary.emitWithAck('presence:list', {});
      if (!('data' in result)) throw new Error(result.error.code);
      return result.data.find((e: PresenceEntry) => e.participantId === identity.participantId);
    };
    await expect.poll(entry).toMatchObject({ online: true, device: true, attendance: null });
    screen.close();
  });

  it('opens the screen from a screen link without a name, and refuses other invites there', async () => {
    const screenInvite = await board.sessions.createInvite({ meetingId: board.meetingId, role: 'observer', kind: 'device', name: SCREEN_DISPLAY_NAME, ttlMs: 60_000 });
    const opened = await fetch(`${board.url}/meetings/${board.meetingId}/screen?invite=${screenInvite}`, { redirect: 'manual' });
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toBe(`/meetings/${board.meetingId}/screen`);
    const cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0];
    expect(cookie).toMatch(new RegExp(`^${sessionCookieName(board.meetingId)}=`));
    const screen = await fetch(`${board.url}/meetings/${board.meetingId}/screen`, { headers: { cookie } });
    expect(screen.status).toBe(200);
    expect(await screen.text()).toContain('สแกนเพื่อขอเข้าร่วมประชุม');

    const memberInvite = await board.sessions.createInvite({ meetingId: board.meetingId, role: 'member', name: SCREEN_DISPLAY_NAME });
    expect((await fetch(`${board.url}/meetings/${board.meetingId}/screen?invite=${memberInvite}`, { redirect: 'manual' })).status).toBe(401);
    const expired = await board.sessions.createInvite({ meetingId: board.meetingId, role: 'observer', kind: 'device', name: SCREEN_DISPLAY_NAME, ttlMs: -1 });
    expect((await fetch(`${board.url}/meetings/${board.meetingId}/screen?invite=${expired}`, { redirect: 'manual' })).status).toBe(401);
    expect((await fetch(`${board.url}/meetings/${board.meetingId}/screen`, { redirect: 'manual' })).status).toBe(401);
  });

  it('leads a short join code to a request to join, never to an invite, and refuses a made-up one', async () => {
    const { sessionToken } = await board.join('observer', 'จอสำหรับรหัส');
    const html = await (await fetch(`${board.url}/meetings/${board.meetingId}/screen`, { headers: { cookie: `${sessionCookieName(board.meetingId)}=${sessionToken}` } })).text();
    expect(html).toContain('สแกนเพื่อขอเข้าร่วมประชุม');
    const path = html.match(/\/j\/([A-Za-z0-9_-]{10})/)?.[0];
    expect(path).toBeDefined();
    const invitesBefore = await board.db.invite.count();
    const page = await fetch(`${board.url}${path}`, { redirect: 'manual' });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('ขอเข้าร่วมการประชุม');
    expect(await board.db.invite.count()).toBe(invitesBefore);
    expect((await fetch(`${board.url}/j/AAAAAAAAAA`, { redirect: 'manual' })).status).toBe(404);
  });
});
