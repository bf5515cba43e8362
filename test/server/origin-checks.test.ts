// A page on another origin (another port of the same host, a sibling name) holding a member's cookie cannot reach the
// board's Socket.io, Yjs or state-changing HTTP endpoints; links never take the request's Host.
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { startTestBoard, type TestBoard } from '../support/board.ts';
import { handshakeStatus } from '../support/yjs.ts';
import { sessionCookieName } from '../../server/shared/session-cookie.ts';

describe('origin checks', () => {
  let board: TestBoard;
  let chairCookie: string;
  let secretaryCookie: string;
  const foreign = () => board.url.replace(/:(\d+)$/, (_m, port) => `:${Number(port) + 1}`);

  beforeAll(async () => {
    board = await startTestBoard();
    chairCookie = `${sessionCookieName(board.meetingId)}=${(await board.join('chair', 'ประธาน')).sessionToken}`;
    secretaryCookie = `${sessionCookieName(board.meetingId)}=${(await board.join('secretary', 'เลขานุการ')).sessionToken}`;
  });
  afterAll(() => board.stop());

  /** Whether a Socket.io client sending these headers gets a session. */
  function socketConnects(headers: Record<string, string>): Promise<boolean> {
    const socket = io(board.url, { auth: { meetingId: board.meetingId }, transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: headers });
    return new Promise<boolean>((resolve) => {
      socket.once('session:ready', () => resolve(true));
      socket.once('connect_error', () => resolve(false));
    }).finally(() => socket.close());
  }

  const yjsHandshake = (headers: Record<string, string>) =>
    handshakeStatus(`${board.url.replace('http', 'ws')}/yjs/meeting/${board.meetingId}/annotations`, headers);

  it('refuses a Socket.io handshake from a foreign origin that carries the chair\'s cookie', async () => {
    expect(await socketConnects({ cookie: chairCookie, origin: foreign() })).toBe(false);
    expect(await socketConnects({ cookie: chairCookie, origin: 'http://evil.localhost:' + new URL(board.url).port })).toBe(false);
    expect(await socketConnects({ cookie: chairCookie, origin: 'null' })).toBe(false);
    // The board's own page, and a client that is not a browser, still connect.
    expect(await socketConnects({ cookie: chairCookie, origin: board.url })).toBe(true);
    expect(await socketConnects({ cookie: chairCookie })).toBe(true);
  });

  it('refuses a Yjs upgrade from a foreign origin that carries a member\'s cookie, before authenticating', async () => {
    expect(await yjsHandshake({ cookie: chairCookie, origin: foreign() })).toBe(403);
    expect(await yjsHandshake({ cookie: chairCookie, origin: 'http://localhost.evil.invalid' })).toBe(403);
    expect(await yjsHandshake({ cookie: chairCookie, origin: board.url })).toBe(101);
    expect(await yjsHandshake({ cookie: chairCookie, origin: board.url.replace('127.0.0.1', 'localhost') })).toBe(101);
  });

  it('refuses an import posted as text/plain from a foreign origin, and one of the wrong type from its own, changing nothing', async () => {
    const before = await board.db.project.count();
    const post = (headers: Record<string, string>) =>
      fetch(`${board.url}/meetings/${board.meetingId}/import/commit?name=x.csv`, {
        method: 'POST',
        headers: { cookie: secretaryCookie, ...headers },
        body: 'รหัสโครงการ,หน่วยงาน,ชื่อโครงการ,แนวทาง,ลักษณะการบูรณาการ,วงเงินที่ขอ (บาท)\nX1,กรม,โครงการ,1.1,งบประมาณ,1\n',
      });
    const crossSite = await post({ origin: foreign(), 'content-type': 'text/plain' });
    expect(crossSite.status).toBe(403);
    expect((await crossSite.json()).error.code).toBe('origin_forbidden');
    const wrongType = await post({ origin: board.url, 'content-type': 'text/plain' });
    expect(wrongType.status).toBe(415);
    expect((await wrongType.json()).error).toMatchObject({ code: 'unsupported_media_type', messageTh: expect.any(String) });
    const form = await post({ 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    expect(await board.db.project.count()).toBe(before);
  });

  it('refuses a form action posted from a foreign origin (an invite minted with the chair\'s cookie)', async () => {
    const response = await fetch(`${board.url}/meetings/${board.meetingId}?/invite`, {
      method: 'POST',
      headers: { cookie: chairCookie, origin: foreign(), 'content-type': 'application/x-www-form-urlencoded' },
      body: 'role=chair&name=x',
    });
    expect(response.status).toBe(403);
  });

  it('puts the configured address in the screen\'s join link, whatever Host the request names', async () => {
    const observer = await board.join('observer', 'จอห้องประชุม');
    const html = await new Promise<string>((resolve, reject) => {
      const req = httpRequest(`${board.url}/meetings/${board.meetingId}/screen`, {
        headers: { host: 'evil.invalid', cookie: `${sessionCookieName(board.meetingId)}=${observer.sessionToken}` },
      });
      req.on('response', (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve(body));
      });
      req.on('error', reject);
      req.end();
    });
    expect(html).toContain(`${board.url}/j/`);
    expect(html).not.toContain('evil.invalid');
  });
});
