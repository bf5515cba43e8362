// Asking to join from the room screen's code, over HTTP as a phone does: the request waits; the chair admits it as an
// observer or as the roster person, or refuses; only the asking browser is signed in; nobody but the chair decides.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOIN_REQUEST_COOKIE, sessionCookieName } from '../../server/shared/session-cookie.ts';
import { MAX_PENDING_REQUESTS } from '../../server/setup/join-requests.ts';
import type { JoinRequestDecided, JoinRequestView } from '../../server/shared/events/join-requests.ts';
import { io } from 'socket.io-client';
import { startTestBoard, type ClientSocket, type TestBoard } from '../support/board.ts';

describe('requests to join from the screen', () => {
  let board: TestBoard;
  let code: string;
  let chair: string;
  let memberId: string;
  const sockets: ClientSocket[] = [];

  const post = (path: string, fields: Record<string, string>, cookie?: string) =>
    fetch(`${board.url}${path}`, {
      method: 'POST',
      redirect: 'manual',
      body: new URLSearchParams(fields),
      headers: { origin: board.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
    });

  /** Asks as a phone would; the cookie the phone then holds. */
  async function ask(name: string, rosterMemberId = ''): Promise<string> {
    const response = await post(`/j/${code}`, { name, rosterMemberId });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/j/${code}/wait`);
    return (response.headers.get('set-cookie') ?? '').split(';')[0]!;
  }
  const wait = (cookie: string) => fetch(`${board.url}/j/${code}/wait`, { headers: { cookie }, redirect: 'manual' });
  const requestIdOf = async (name: string) => (await board.db.joinRequest.findFirstOrThrow({ where: { name } })).id;

  beforeAll(async () => {
    board = await startTestBoard();
    code = board.services.joinCode(board.meetingId);
    chair = `${sessionCookieName(board.meetingId)}=${(await board.join('chair', 'ประธานที่ประชุม')).sessionToken}`;
    const { planId } = await board.db.meeting.findUniqueOrThrow({ where: { id: board.meetingId } });
    memberId = (await board.db.rosterMember.create({ data: { planId, nameTh: 'นายกรรมการ ลืมลิงก์', position: 'member', agencyTh: 'สำนักงบประมาณ', meetingRole: 'member', order: 1 } })).id;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await board.stop();
  });

  it('lets the chair admit a request as an observer; the asking browser alone is signed in', async () => {
    const phone = await ask('นางสาวผู้สนใจ');
    expect(phone).toMatch(new RegExp(`^${JOIN_REQUEST_COOKIE}=`));
    const waiting = await wait(phone);
    expect(waiting.status).toBe(200);
    expect(await waiting.text()).toContain('กำลังรอประธานอนุญาต');

    const list = await (await fetch(`${board.url}/meetings/${board.meetingId}/join-requests`, { headers: { cookie: chair } })).text();
    expect(list).toContain('นางสาวผู้สนใจ');
    expect((await post(`/meetings/${board.meetingId}/join-requests?/admit`, { requestId: await requestIdOf('นางสาวผู้สนใจ') }, chair)).status).toBeLessThan(400);

    const admitted = await wait(phone);
    expect(admitted.status).toBe(303);
    expect(admitted.headers.get('location')).toBe(`/meetings/${board.meetingId}`);
    const session = admitted.headers.getSetCookie().find((c) => c.startsWith(sessionCookieName(board.meetingId)))!.split(';')[0]!;
    const seated = await board.sessions.identify(session.split('=')[1], board.meetingId);
    expect(seated).toMatchObject({ role: 'observer', displayName: 'นางสาวผู้สนใจ' });
    expect(await board.db.participant.findUniqueOrThrow({ where: { id: seated.participantId } })).toMatchObject({ kind: 'attendee' });
    // Another browser without the request's cookie learns nothing.
    expect((await wait('')).status).toBe(401);
  });

  it('admits a member who lost their link as the roster person they said they are', async () => {
    const phone = await ask('กรรมการ (ลืมลิงก์)', memberId);
    expect((await post(`/meetings/${board.meetingId}/join-requests?/admit`, { requestId: await requestIdOf('กรรมการ (ลืมลิงก์)'), rosterMemberId: memberId }, chair)).status).toBeLessThan(400);
    const session = (await wait(phone)).headers.getSetCookie().find((c) => c.startsWith(sessionCookieName(board.meetingId)))!.split(';')[0]!;
    const seated = await board.sessions.identify(session.split('=')[1], board.meetingId);
    expect(seated).toMatchObject({ role: 'member', displayName: 'นายกรรมการ ลืมลิงก์' });
    expect(await board.db.participant.findUniqueOrThrow({ where: { id: seated.participantId } })).toMatchObject({ kind: 'member', rosterMemberId: memberId });
  });

  it('tells a refused request so, and a request is decided once', async () => {
    const phone = await ask('ผู้ไม่ได้รับเชิญ');
    const requestId = await requestIdOf('ผู้ไม่ได้รับเชิญ');
    expect((await post(`/meetings/${board.meetingId}/join-requests?/refuse`, { requestId }, chair)).status).toBeLessThan(400);
    expect(await (await wait(phone)).text()).toContain('ประธานไม่อนุญาต');
    const chairActor = { kind: 'participant' as const, ...(await board.sessions.identify(chair.split('=')[1], board.meetingId)) };
    await expect(board.services.joinRequests.admit(chairActor, board.meetingId, requestId)).rejects.toMatchObject({ code: 'join_request_decided' });
    await expect(board.services.joinRequests.refuse(chairActor, board.meetingId, 'nope')).rejects.toMatchObject({ code: 'join_request_not_found' });
  });

  it('lets nobody but the chair see or decide requests', async () => {
    await ask('ผู้รอ');
    const requestId = await requestIdOf('ผู้รอ');
    for (const role of ['presenter', 'member', 'secretary', 'observer'] as const) {
      const cookie = `${sessionCookieName(board.meetingId)}=${(await board.join(role, `ผู้ลอง ${role}`)).sessionToken}`;
      expect((await fetch(`${board.url}/meetings/${board.meetingId}/join-requests`, { headers: { cookie } })).status, role).toBe(403);
      const tried = await post(`/meetings/${board.meetingId}/join-requests?/admit`, { requestId }, cookie);
      expect(tried.status, role).toBe(403);
    }
    expect((await board.db.joinRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe('pending');
  });

  it('tells the chair\'s sockets, and only theirs, of each request and each decision as it happens', async () => {
    const open = async (role: 'chair' | 'member', name: string) => {
      const socket: ClientSocket = io(board.url, { auth: { meetingId: board.meetingId, token: (await board.join(role, name)).sessionToken }, transports: ['websocket'], autoConnect: false });
      sockets.push(socket);
      return socket;
    };
    const chairSocket = { socket: await open('chair', 'ประธาน (แท็บเล็ต)') };
    const member = { socket: await open('member', 'กรรมการผู้อยากรู้') };
    const heardByMember: string[] = [];
    for (const event of ['join:waiting', 'join:asked', 'join:decided'] as const) member.socket.on(event, () => heardByMember.push(event));
    // Those already waiting, as the chair's socket joined: the earlier tests' requests nobody decided.
    const waiting = await board.db.joinRequest.findMany({ where: { meetingId: board.meetingId, status: 'pending' } });
    const listed = new Promise<string[]>((resolve) => chairSocket.socket.once('join:waiting', (list) => resolve(list.map((r) => r.name).sort())));
    const ready = new Promise((resolve) => member.socket.once('session:ready', resolve));
    chairSocket.socket.connect();
    member.socket.connect();
    expect(await listed).toEqual(waiting.map((r) => r.name).sort());
    await ready;

    const asked = new Promise<JoinRequestView>((resolve) => chairSocket.socket.once('join:asked', resolve));
    const phone = await ask('ผู้ขอแบบสด', memberId);
    const request = await asked;
    expect(request).toMatchObject({ name: 'ผู้ขอแบบสด', claimed: { id: memberId, nameTh: 'นายกรรมการ ลืมลิงก์' } });

    const decided = new Promise<JoinRequestDecided>((resolve) => chairSocket.socket.once('join:decided', resolve));
    expect((await post(`/meetings/${board.meetingId}/join-requests?/admit`, { requestId: request.id }, chair)).status).toBeLessThan(400);
    expect(await decided).toEqual({ requestId: request.id, name: 'ผู้ขอแบบสด', status: 'admitted', decidedBy: 'ประธานที่ประชุม' });
    expect((await wait(phone)).status).toBe(303);
    // A round trip on the member's own socket: anything sent to it before would have arrived by now.
    await member.socket.emitWithAck('presence:list', {});
    expect(heardByMember).toEqual([]);
  });

  it('refuses a blank name, a roster person of another plan, and a flood of requests', async () => {
    const before = await board.db.joinRequest.count();
    expect((await post(`/j/${code}`, { name: '  ' })).status).toBe(400);
    expect((await post(`/j/${code}`, { name: 'ก', rosterMemberId: 'someone-else' })).status).toBe(400);
    expect(await board.db.joinRequest.count()).toBe(before);
    const pending = await board.db.joinRequest.count({ where: { status: 'pending' } });
    await board.db.joinRequest.createMany({ data: Array.from({ length: MAX_PENDING_REQUESTS - pending }, (_, i) => ({ meetingId: board.meetingId, name: `ผู้ขอ ${i}` })) });
    expect((await post(`/j/${code}`, { name: 'คนที่เกิน' })).status).toBe(429);
  });
});
