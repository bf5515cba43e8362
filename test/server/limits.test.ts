// Limits on the real server: one member's flood is throttled with the typed, Thai `rate_limited` while other members
// and the chair are still answered; the pending proposals a meeting can hold are capped; a Yjs update over the cap is
// refused and stored nowhere; an upload over its size is refused with `payload_too_large`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as authProtocol from 'y-protocols/auth';
import { WebsocketProvider, messageAuth } from 'y-websocket';
import type { Ack } from '../../server/shared/contract.ts';
import type { WireError } from '../../server/shared/errors.ts';
import { bahtFromDb } from '../../server/db/client.ts';
import { PENDING_PROPOSAL_LIMITS } from '../../server/db/ceiling-repository.ts';
import { LIMIT_RULES } from '../../server/limits/rate-limits.ts';
import { MAX_IMPORT_BYTES } from '../../server/http/meeting-documents.ts';
import { DEFAULT_UPDATE_LIMITS } from '../../server/yjs/update-guard.ts';
import { sessionCookieName } from '../../server/shared/session-cookie.ts';
import { startTestBoard, type TestBoard } from '../support/board.ts';

describe('limits', () => {
  let board: TestBoard;
  beforeAll(async () => {
    board = await startTestBoard();
  });
  afterAll(() => board.stop());

  const projects = async () =>
    (await board.db.project.findMany({ where: { plan: { meetings: { some: { id: board.meetingId } } } }, orderBy: { position: 'asc' } })).map((p) => ({
      id: p.id,
      requestedBaht: bahtFromDb(p.requestedBaht),
      version: p.version,
    }));
  const codes = (replies: Ack<unknown>[]) => replies.map((r) => ('data' in r ? 'ok' : r.error.code));

  it('throttles one member\'s flood while another member and the chair are still answered', async () => {
    const [flooder, other, chair] = await Promise.all([board.connect('member', 'กรรมการ ผู้ท่วม'), board.connect('member', 'กรรมการ ปกติ'), board.connect('chair', 'ประธาน')]);
    const [first, second] = await projects();
    const propose = (socket: typeof flooder.socket, baht: number) =>
      socket.emitWithAck('ceilings:propose', { projectId: first!.id, proposedBaht: baht, baseVersion: first!.version, reason: '' });
    const flood = await Promise.all(Array.from({ length: 150 }, (_, i) => propose(flooder.socket, first!.requestedBaht - 1000 - i)));
    const outcome = codes(flood);
    // Within one window of the per-member rule at most its allowance gets through; everything else is refused, typed.
    expect(outcome.filter((c) => c === 'ok').length).toBeLessThanOrEqual(LIMIT_RULES.memberCommand.points);
    expect(outcome.filter((c) => c === 'rate_limited').length).toBeGreaterThanOrEqual(150 - LIMIT_RULES.memberCommand.points);
    expect(new Set(outcome)).toEqual(new Set(['ok', 'rate_limited']));
    const refusal = flood.find((r) => 'error' in r) as { error: WireError };
    expect(refusal.error).toMatchObject({ messageTh: 'ส่งคำขอถี่เกินไป กรุณารอสักครู่', details: { retryAfterMs: expect.any(Number) } });
    // The others are not held back by it.
    expect(codes([await propose(other.socket, first!.requestedBaht - 7)])).toEqual(['ok']);
    const set = await chair.socket.emitWithAck('ceilings:set', { projectId: second!.id, toBaht: second!.requestedBaht - 1, expectedVersion: second!.version, reason: '' });
    expect(codes([set])).toEqual(['ok']);
    expect(codes([await other.socket.emitWithAck('meeting:sync', {})])).toEqual(['ok']);
    // One proposal per member per project: the flood left one pending, not 150.
    expect(await board.db.proposal.count({ where: { proposerId: flooder.identity.participantId, status: 'pending' } })).toBe(1);
  });

  it('caps the pending proposals one member can leave waiting, and those a meeting can hold', async () => {
    const [member, late] = await Promise.all([board.connect('member', 'กรรมการ ผู้เสนอมาก'), board.connect('member', 'กรรมการ มาทีหลัง')]);
    const all = await projects();
    const pending = (proposerId: string, count: number, from = 0) =>
      board.db.proposal.createMany({
        data: Array.from({ length: count }, (_, i) => {
          const p = all[(from + i) % all.length]!;
          return { meetingId: board.meetingId, projectId: p.id, proposerId, proposedBaht: BigInt(p.requestedBaht - 1), baseVersion: p.version };
        }),
      });
    const propose = (socket: typeof member.socket, p: (typeof all)[number]) =>
      socket.emitWithAck('ceilings:propose', { projectId: p.id, proposedBaht: p.requestedBaht - 3, baseVersion: p.version, reason: '' });
    // Waiting already, as if proposed one by one (the rate limit would make that take minutes here).
    await pending(member.identity.participantId, PENDING_PROPOSAL_LIMITS.perParticipant);
    const before = await board.db.proposal.count();
    expect(await propose(member.socket, all.at(-1)!)).toMatchObject({
      error: { code: 'proposals_pending_limit', messageTh: expect.stringContaining('ข้อเสนอรอพิจารณามากเกินไป'), details: { scope: 'participant' } },
    });
    expect(await board.db.proposal.count()).toBe(before);
    // Replacing one's own proposal on a project is not a new one waiting.
    expect(codes([await propose(member.socket, all[0]!)])).toEqual(['ok']);
    const others = await Promise.all(Array.from({ length: 10 }, (_, i) => board.join('member', `กรรมการ ${i}`)));
    const inMeeting = await board.db.proposal.count({ where: { meetingId: board.meetingId, status: 'pending' } });
    let missing = PENDING_PROPOSAL_LIMITS.perMeeting - inMeeting;
    for (const [i, other] of others.entries()) {
      const count = Math.min(missing, PENDING_PROPOSAL_LIMITS.perParticipant);
      await pending(other.identity.participantId, count, i * 7);
      missing -= count;
    }
    expect(missing).toBe(0);
    const full = await board.db.proposal.count();
    expect(await propose(late.socket, all[5]!)).toMatchObject({ error: { code: 'proposals_pending_limit', details: { scope: 'meeting', max: PENDING_PROPOSAL_LIMITS.perMeeting } } });
    expect(await board.db.proposal.count()).toBe(full);
  });

  it('refuses a Yjs update over the cap, stores nothing of it, and keeps the connection', async () => {
    const { sessionToken } = await board.join('secretary', 'เลขานุการ');
    const name = `meeting/${board.meetingId}/minutes`;
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(`${board.url.replace('http', 'ws')}/yjs`, name, doc, { WebSocketPolyfill: WebSocket as never, params: { token: sessionToken }, disableBc: true });
    const refusals: WireError[] = [];
    provider.messageHandlers[messageAuth] = (_e, decoder) => authProtocol.readAuthMessage(decoder, doc, (_d, reason) => void refusals.push(JSON.parse(reason)));
    try {
      await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
      const storedBefore = await board.documents.load(name);
      doc.getText('paste').insert(0, 'ก'.repeat(DEFAULT_UPDATE_LIMITS.maxUpdateBytes / 3 + 1000));
      await expect.poll(() => refusals.map((r) => r.code), { timeout: 10_000 }).toEqual(['payload_too_large']);
      expect(refusals[0]).toMatchObject({ messageTh: 'ข้อมูลที่ส่งมามีขนาดใหญ่เกินไป', details: { maxBytes: DEFAULT_UPDATE_LIMITS.maxUpdateBytes } });
      expect(await board.documents.load(name)).toEqual(storedBefore);
      expect(provider.wsconnected).toBe(true);
    } finally {
      provider.destroy();
    }
  });

  it('counts join codes per address: a guesser is held back with 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= LIMIT_RULES.joinCode.points; i++) statuses.push((await fetch(`${board.url}/j/guess${String(i).padStart(5, '0')}`, { redirect: 'manual' })).status);
    expect(statuses.slice(0, -1).every((s) => s === 404)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const refused = await fetch(`${board.url}/j/guess-again1`, { redirect: 'manual' });
    expect(refused.status).toBe(429);
  });

  it('refuses an upload over its size with payload_too_large', async () => {
    const { sessionToken } = await board.join('secretary', 'เลขานุการ');
    const response = await fetch(`${board.url}/meetings/${board.meetingId}/import/preview?name=big.csv`, {
      method: 'POST',
      headers: { cookie: `${sessionCookieName(board.meetingId)}=${sessionToken}`, 'content-type': 'text/csv' },
      body: Buffer.alloc(MAX_IMPORT_BYTES + 1, 0x41),
    });
    expect(response.status).toBe(413);
    expect((await response.json()).error).toMatchObject({ code: 'payload_too_large', details: { maxBytes: MAX_IMPORT_BYTES } });
  });
});
