// The real server on a free port: pages, the health check, Socket.io with a role, and Yjs through the unmodified
// y-websocket client.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import type { ClientToServerEvents, ServerToClientEvents } from '../../server/shared/contract.ts';
import { sessionCookieName } from '../../server/shared/session-cookie.ts';
import type { Role } from '../../server/shared/roles.ts';
import { startTestBoard, type TestBoard } from '../support/board.ts';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

describe('the board server', () => {
  let board: TestBoard;
  const sockets: ClientSocket[] = [];

  beforeAll(async () => {
    board = await startTestBoard();
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await board.stop();
  });

  function connect(auth: Record<string, unknown>): ClientSocket {
    const socket: ClientSocket = io(board.url, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
    sockets.push(socket);
    return socket;
  }

  async function cookieFor(role: Role, name?: string) {
    const { sessionToken, identity } = await board.join(role, name);
    return { cookie: `${sessionCookieName(board.meetingId)}=${sessionToken}`, sessionToken, identity };
  }

  it('reports database reachability at /healthz, and Redis as off on a single instance', async () => {
    const response = await fetch(`${board.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', database: { status: 'up' }, redis: { status: 'off' } });
  });

  it('lists at / only the meetings this browser has joined: none for a stranger', async () => {
    const title = 'ประชุมคณะกรรมการจัดทำงบประมาณรายจ่ายบูรณาการ ประจำปีงบประมาณ พ.ศ. 2567';
    const stranger = await (await fetch(board.url)).text();
    expect(stranger).not.toContain(title);
    expect(stranger).not.toContain(`/meetings/${board.meetingId}`);
    const forged = await (await fetch(board.url, { headers: { cookie: `${sessionCookieName(board.meetingId)}=v1.e30.forged` } })).text();
    expect(forged).not.toContain(title);
    const { cookie } = await cookieFor('member');
    const member = await (await fetch(board.url, { headers: { cookie } })).text();
    expect(member).toContain(title);
    expect(member).toContain(`/meetings/${board.meetingId}`);
  });

  it('refuses the board without a session, in Thai, with 401', async () => {
    const response = await fetch(`${board.url}/meetings/${board.meetingId}`);
    expect(response.status).toBe(401);
    expect(await response.text()).toContain('กรุณาเปิดลิงก์เชิญที่ได้รับ');
  });

  it('refuses a forged invite with 401 and an expired one with its reason', async () => {
    const forged = await fetch(`${board.url}/join/v1.e30.forged`);
    expect(forged.status).toBe(401);
    expect(await forged.text()).toContain('ลิงก์เชิญไม่ถูกต้องหรือถูกแก้ไข');
    const expired = await board.sessions.createInvite({ meetingId: board.meetingId, role: 'member', ttlMs: -1 });
    const response = await fetch(`${board.url}/join/${expired}`);
    expect(response.status).toBe(401);
    expect(await response.text()).toContain('ลิงก์เชิญหมดอายุแล้ว');
  });

  it('joins through an invite link: the form sets an httpOnly SameSite cookie and leads to the board', async () => {
    const invite = await board.inviteUrl('member');
    const form = new URLSearchParams({ name: 'นายสมชาย กรรมการ' });
    const response = await fetch(invite, {
      method: 'POST',
      body: form,
      redirect: 'manual',
      headers: { origin: board.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/meetings/${board.meetingId}`);
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(new RegExp(`^${sessionCookieName(board.meetingId)}=`));
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
  });

  it('serves the board, server-rendered: 78 projects, the frame, totals in million baht with B.E. dates', async () => {
    const { cookie } = await cookieFor('observer');
    const response = await fetch(`${board.url}/meetings/${board.meetingId}`, { headers: { cookie } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html.match(/<tr data-project=/g)).toHaveLength(78);
    expect(html).toContain('5,523.9110');
    expect(html).toContain('26 มกราคม 2566');
    expect(html).toContain('ข้อมูลตัวอย่าง');
  });

  it('sends pages and page data compressed, in the language of the interface, with icons', async () => {
    const { cookie } = await cookieFor('member');
    const page = await fetch(`${board.url}/meetings/${board.meetingId}`, { headers: { cookie, 'accept-encoding': 'br, gzip' } });
    expect(page.headers.get('content-encoding')).toBe('br');
    const html = await page.text();
    expect(html).toMatch(/^<!doctype html>\s*<html lang="th">/);
    expect(html).toContain('<link rel="icon" href="/favicon.ico"');
    expect(html).toMatch(/<title>ประชุมคณะกรรมการ[^<]+· กระดานประชุมคณะกรรมการ<\/title>/);
    const english = await fetch(`${board.url}/meetings/${board.meetingId}`, { headers: { cookie: `${cookie}; cb_lang=en`, 'accept-encoding': 'gzip' } });
    expect(english.headers.get('content-encoding')).toBe('gzip');
    expect(await english.text()).toMatch(/<html lang="en">/);
    const data = await fetch(`${board.url}/meetings/${board.meetingId}/__data.json`, { headers: { cookie, 'accept-encoding': 'gzip' } });
    expect(data.headers.get('content-type')).toContain('application/json');
    expect(data.headers.get('content-encoding')).toBe('gzip');

    for (const [icon, type] of [['/favicon.ico', 'image/'], ['/favicon.svg', 'image/svg+xml'], ['/apple-touch-icon.png', 'image/png'], ['/manifest.webmanifest', 'manifest']]) {
      const response = await fetch(`${board.url}${icon}`);
      expect(response.status, icon).toBe(200);
      expect(response.headers.get('content-type'), icon).toContain(type);
    }
    // Socket.io's long-polling handshake is answered by Socket.io itself, untouched by the page compression.
    const handshake = await fetch(`${board.url}/socket.io/?EIO=4&transport=polling`, { headers: { 'accept-encoding': 'gzip' } });
    expect(handshake.status).toBe(200);
    expect(handshake.headers.get('content-encoding')).toBeNull();
    expect(await handshake.text()).toMatch(/^0\{"sid"/);
  });

  it('lets the chair create an invite from the meeting page, and not an observer', async () => {
    const chair = await cookieFor('chair');
    const body = new URLSearchParams({ role: 'presenter', name: 'ผู้แทน สพร.' });
    const headers = { origin: board.url, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
    const made = await fetch(`${board.url}/meetings/${board.meetingId}?/invite`, { method: 'POST', body, headers: { ...headers, cookie: chair.cookie } });
    const result = await made.json();
    expect(result.type).toBe('success');
    expect(result.data).toContain('/join/');

    const observer = await cookieFor('observer');
    const refused = await fetch(`${board.url}/meetings/${board.meetingId}?/invite`, { method: 'POST', body, headers: { ...headers, cookie: observer.cookie } });
    expect((await refused.json()).type).toBe('failure');
  });

  it('authenticates Socket.io with the session and tells the client its role', async () => {
    const { cookie, identity } = await cookieFor('presenter', 'ผู้นำเสนอ ทดสอบ');
    const socket: ClientSocket = io(board.url, {
      auth: { meetingId: board.meetingId },
      extraHeaders: { cookie },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    sockets.push(socket);
    const ready = await new Promise<Parameters<ServerToClientEvents['session:ready']>[0]>((resolve) => socket.once('session:ready', resolve));
    expect(ready).toMatchObject({ participantId: identity.participantId, role: 'presenter', displayName: 'ผู้นำเสนอ ทดสอบ', seq: 0 });

    const synced = await socket.emitWithAck('meeting:sync', {});
    expect('data' in synced && synced.data.projects).toHaveLength(78);
  });

  it("leaves the projects' summaries out of the board and sends one when its panel asks; none for a project of another plan", async () => {
    const { sessionToken } = await cookieFor('observer');
    const socket = connect({ meetingId: board.meetingId, token: sessionToken });
    await new Promise((resolve) => socket.once('session:ready', resolve));
    const synced = await socket.emitWithAck('meeting:sync', {});
    const project = 'data' in synced ? synced.data.projects[0]! : undefined;
    expect(project).toBeDefined();
    expect(project).not.toHaveProperty('summaryTh');
    const stored = await board.db.project.findUniqueOrThrow({ where: { id: project!.id } });
    expect(stored.summaryTh).not.toBe('');
    expect(await socket.emitWithAck('meeting:project-details', { projectId: project!.id })).toEqual({
      data: { summaryTh: stored.summaryTh, summaryEn: stored.summaryEn },
    });
    expect(await socket.emitWithAck('meeting:project-details', { projectId: 'not-in-this-plan' })).toMatchObject({
      error: { code: 'project_not_found', messageTh: expect.any(String), messageEn: expect.any(String) },
    });
    expect(await socket.emitWithAck('meeting:project-details', { projectId: '' })).toMatchObject({ error: { code: 'invalid_payload' } });
  });

  it('answers a malformed command with a typed error and stays up', async () => {
    const { sessionToken } = await cookieFor('member');
    const socket = connect({ meetingId: board.meetingId, token: sessionToken });
    await new Promise((resolve) => socket.once('session:ready', resolve));
    const reply = await socket.emitWithAck('meeting:sync', { evil: true } as never);
    expect(reply).toMatchObject({ error: { code: 'invalid_payload', messageTh: expect.any(String) } });
    expect((await fetch(`${board.url}/healthz`)).status).toBe(200);
  });

  it.each([
    ['no token', { meetingId: 'sample-fy2567' }, 'unauthenticated'],
    ['a forged token', { meetingId: 'sample-fy2567', token: 'v1.e30.x' }, 'token_bad_signature'],
    ['no meeting', {}, 'unauthenticated'],
  ])('refuses a Socket.io connection with %s, saying why', async (_label, auth, code) => {
    const socket = connect(auth);
    const error = await new Promise<Error & { data?: { code: string } }>((resolve) => socket.once('connect_error', resolve));
    expect(error.data?.code).toBe(code);
  });

  it('syncs a shared document between two unmodified y-websocket clients, and keeps it in Postgres', async () => {
    const alice = await cookieFor('secretary', 'อลิส');
    const bob = await cookieFor('secretary', 'บ๊อบ');
    // The minutes: the server reads nothing of their content (the annotations document's layout is checked).
    const docName = `meeting/${board.meetingId}/minutes`;
    const provider = (token: string, doc: Y.Doc) =>
      new WebsocketProvider(`${board.url.replace('http', 'ws')}/yjs`, docName, doc, {
        WebSocketPolyfill: WebSocket as never,
        params: { token },
        disableBc: true,
      });
    const aliceDoc = new Y.Doc();
    const bobDoc = new Y.Doc();
    const a = provider(alice.sessionToken, aliceDoc);
    const b = provider(bob.sessionToken, bobDoc);
    try {
      await Promise.all([a, b].map((p) => new Promise<void>((resolve) => (p.synced ? resolve() : p.once('sync', () => resolve())))));
      aliceDoc.getText('note').insert(0, 'งบประมาณ');
      await expect.poll(() => bobDoc.getText('note').toString(), { timeout: 5000 }).toBe('งบประมาณ');
      await expect.poll(() => board.db.yUpdate.count({ where: { docName } }), { timeout: 5000 }).toBeGreaterThan(0);
    } finally {
      a.destroy();
      b.destroy();
    }
  });

  it('refuses a Yjs connection without a session, before any sync', async () => {
    const socket = new WebSocket(`${board.url.replace('http', 'ws')}/yjs/meeting/${board.meetingId}/minutes`);
    socket.on('error', () => {});
    const status = await new Promise<number>((resolve) => {
      socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      socket.once('open', () => resolve(101));
    });
    socket.terminate();
    expect(status).toBe(401);
  });
});
