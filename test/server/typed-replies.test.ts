// Typed replies always (issue 13, Build 7): unknown events, calls of the wrong shape, names that reach an object's
// prototype and text carrying NUL all get the contract's typed `invalid_payload` (or `invalid_name`) and change
// nothing; observers cannot read the draft minutes by any door; invite links never take the request's Host.
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_MESSAGES } from '../../server/shared/errors.ts';
import { ORGANISER_COOKIE } from '../../server/shared/session-cookie.ts';
import { BURST_LIMITS, startTestBoard, type Connected, type TestBoard } from '../support/board.ts';
import { handshakeStatus } from '../support/yjs.ts';

describe('typed replies always', () => {
  let board: TestBoard;
  let member: Connected;
  let observer: Connected;
  let chair: Connected;
  const emit = (who: Connected, event: string, ...args: unknown[]) =>
    (who.socket.timeout(5_000) as unknown as { emitWithAck(event: string, ...args: unknown[]): Promise<unknown> }).emitWithAck(event, ...args);
  const invalid = { error: { code: 'invalid_payload', messageTh: ERROR_MESSAGES.invalid_payload.th, messageEn: ERROR_MESSAGES.invalid_payload.en } };

  beforeAll(async () => {
    board = await startTestBoard({ limitRules: BURST_LIMITS });
    member = await board.connect('member', 'กรรมการ ทดสอบ');
    observer = await board.connect('observer', 'ผู้สังเกตการณ์ ทดสอบ');
    chair = await board.connect('chair', 'ประธาน ทดสอบ');
  });
  afterAll(() => board.stop());

  it('answers an unknown event, and a call with an extra argument before the acknowledgement, with invalid_payload', async () => {
    expect(await emit(member, 'ceilings:explode', {})).toMatchObject(invalid);
    expect(await emit(member, 'presence:list', {}, 'extra')).toMatchObject(invalid);
    expect(await emit(member, 'ceilings:propose', {}, {}, {})).toMatchObject(invalid);
  });

  it('answers names found on every object and the socket\'s own lifecycle names, and stays up', async () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'error']) expect(await emit(member, name, {}), name).toMatchObject(invalid);
    expect(await emit(member, 'presence:list', {})).toHaveProperty('data');
  });

  it('refuses text with a NUL character, typed and naming where, changing nothing', async () => {
    const project = await board.db.project.findFirstOrThrow({ where: { plan: { meetings: { some: { id: board.meetingId } } } } });
    const proposal = { projectId: project.id, proposedBaht: 1_000_000, baseVersion: project.version, reason: 'ตัดลด\u0000' };
    expect(await emit(member, 'ceilings:propose', proposal)).toMatchObject({ error: { code: 'invalid_payload', details: [{ path: 'reason' }] } });
    expect(await emit(chair, 'agenda:move', { agendaItemId: 'a\u0000' })).toMatchObject(invalid);
    expect(await emit(member, 'ceilings:history', { projectId: `${project.id}\u0000` })).toMatchObject(invalid);
    expect(await board.db.proposal.count()).toBe(0);

    const token = await board.sessions.createInvite({ meetingId: board.meetingId, role: 'member' });
    await expect(board.sessions.redeemInvite(token, 'นาย\u0000ก')).rejects.toMatchObject({ code: 'invalid_name' });

    const session = await board.organisers.redeemLink(await board.organisers.createLink(), 'ผู้จัดการประชุม');
    const planId = project.planId;
    const before = await board.db.rosterMember.count();
    const response = await fetch(`${board.url}/api/plans/${planId}/roster`, {
      method: 'POST',
      headers: { origin: board.url, 'content-type': 'application/json', cookie: `${ORGANISER_COOKIE}=${session.sessionToken}` },
      body: JSON.stringify({ nameTh: 'นาย\u0000ข', position: 'member', agencyTh: 'ก' }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('invalid_payload');
    expect(await board.db.rosterMember.count()).toBe(before);
  });

  it('keeps the draft minutes from observers: the page, the PDF and the Yjs document', async () => {
    const page = await fetch(`${board.url}/meetings/${board.meetingId}/minutes`, { headers: { cookie: observer.cookie } });
    expect(page.status).toBe(403);
    const pdf = await fetch(`${board.url}/meetings/${board.meetingId}/export/minutes.pdf`, { headers: { cookie: observer.cookie } });
    expect(pdf.status).toBe(403);
    expect(((await pdf.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    const yjs = `${board.url.replace('http', 'ws')}/yjs/meeting/${board.meetingId}/minutes?token=${observer.sessionToken}`;
    expect(await handshakeStatus(yjs)).not.toBe(101);
    // A member, who may read drafts, gets all three doors open (the PDF is checked elsewhere: it prints with Chromium).
    expect((await fetch(`${board.url}/meetings/${board.meetingId}/minutes`, { headers: { cookie: member.cookie } })).status).toBe(200);
    expect(await handshakeStatus(yjs.replace(observer.sessionToken, member.sessionToken))).toBe(101);
  });

  it('builds invite links from the board\'s address, never from the request\'s Host', async () => {
    const secretary = await board.connect('secretary', 'เลขานุการ ทดสอบ');
    await board.services.people.issueInvite({ kind: 'participant', ...secretary.identity }, board.meetingId, { name: 'แขกรับเชิญ', role: 'observer' });
    const html = await new Promise<string>((resolve, reject) => {
      const req = httpRequest(`${board.url}/setup/meetings/${board.meetingId}/invites`, { headers: { host: 'evil.invalid', cookie: secretary.cookie } });
      req.on('response', (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve(body));
      });
      req.on('error', reject);
      req.end();
    });
    expect(html).toContain(`${board.url}/join/`);
    expect(html).not.toContain('evil.invalid');
  });
});
