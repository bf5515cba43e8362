// Adopting the minutes against a real Postgres and Socket.io: every transition and who may take it, every refusal
// writing nothing, the live minutes going read-only on the server, and the locked record (hash, chain, signature,
// stored PDF) verifying, failing on one altered byte with the record named, its exports then refused.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as authProtocol from 'y-protocols/auth';
import { WebsocketProvider, messageAuth } from 'y-websocket';
import { io } from 'socket.io-client';
import type { Role } from '../../server/shared/roles.ts';
import type { MinutesAdoptionView } from '../../server/shared/events/minutes.ts';
import { sessionCookieName } from '../../server/shared/session-cookie.ts';
import { participantActor } from '../../server/shared/actor.ts';
import { startTestBoard, type ClientSocket, type TestBoard } from '../support/board.ts';
import { createNextMeeting } from '../support/next-meeting.ts';

describe('adopting the minutes', () => {
  let board: TestBoard;
  let nextMeetingId: string;
  const providers: WebsocketProvider[] = [];
  const sockets: ClientSocket[] = [];
  type Person = { socket: ClientSocket; cookie: string; token: string };
  const first = {} as Record<'secretary' | 'chair' | 'member', Person>;
  const next = {} as Record<'secretary' | 'chair' | 'member', Person>;

  async function seat(meetingId: string, role: Role, name: string): Promise<Person> {
    const invite = await board.sessions.createInvite({ meetingId, role, name });
    const { sessionToken } = await board.sessions.redeemInvite(invite, name);
    const socket: ClientSocket = io(board.url, { auth: { meetingId, token: sessionToken }, transports: ['websocket'], reconnection: false, forceNew: true });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('session:ready', () => resolve());
      socket.once('connect_error', reject);
    });
    return { socket, token: sessionToken, cookie: `${sessionCookieName(meetingId)}=${sessionToken}` };
  }

  beforeAll(async () => {
    board = await startTestBoard();
    const created = await createNextMeeting(board.db, board.meetingId);
    nextMeetingId = created.id;
    for (const role of ['secretary', 'chair', 'member'] as const) {
      first[role] = await seat(board.meetingId, role, `ครั้งแรก ${role}`);
      next[role] = await seat(nextMeetingId, role, `ครั้งถัดไป ${role}`);
    }
  });
  afterAll(async () => {
    for (const provider of providers) provider.destroy();
    for (const socket of sockets) socket.close();
    await board.stop();
  });

  type Reply = { data: MinutesAdoptionView } | { error: { code: string; details?: Record<string, unknown> } };
  const emit = (who: Person, event: 'minutes:circulate' | 'minutes:adopt' | 'minutes:lock', payload: unknown) =>
    who.socket.emitWithAck(event as 'minutes:circulate', payload as never) as Promise<Reply>;
  const stateOf = async () => (await board.db.minutesAdoption.findUnique({ where: { meetingId: board.meetingId } }))?.state ?? 'draft';
  /** Everything a refused command could have written: the minutes' row, both meetings' sequences and event logs. */
  async function written() {
    const [row, meetings, events] = await Promise.all([
      board.db.minutesAdoption.findUnique({ where: { meetingId: board.meetingId } }),
      board.db.meeting.findMany({ where: { id: { in: [board.meetingId, nextMeetingId] } }, select: { id: true, seq: true }, orderBy: { id: 'asc' } }),
      board.db.meetingEvent.count({ where: { meetingId: { in: [board.meetingId, nextMeetingId] } } }),
    ]);
    return { row, meetings, events };
  }
  async function refusedWritingNothing(who: Person, event: 'minutes:circulate' | 'minutes:adopt' | 'minutes:lock', payload: unknown, code: string) {
    const before = await written();
    const reply = await emit(who, event, payload);
    expect(reply, `${event} ${JSON.stringify(payload)}`).toMatchObject({ error: { code } });
    expect(await written()).toEqual(before);
  }

  /** A y-websocket client on the first meeting's minutes; `denied` collects the server's permission-denied reasons. */
  async function minutesClient(who: Person) {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(`${board.url.replace('http', 'ws')}/yjs`, `meeting/${board.meetingId}/minutes`, doc, {
      WebSocketPolyfill: WebSocket as never,
      params: { token: who.token },
      disableBc: true,
    });
    providers.push(provider);
    const denied: string[] = [];
    provider.messageHandlers[messageAuth] = (_encoder, decoder) => authProtocol.readAuthMessage(decoder, doc, (_doc, reason) => void denied.push(reason));
    await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
    return { doc, provider, denied };
  }
  async function storedText(): Promise<string> {
    const doc = new Y.Doc();
    for (const update of await board.documents.load(`meeting/${board.meetingId}/minutes`)) Y.applyUpdate(doc, update);
    return doc.getXmlFragment('default').toString();
  }
  /** Types a paragraph at the end of the minutes, as the editor would. */
  function type(doc: Y.Doc, text: string) {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(text)]);
    doc.getXmlFragment('default').push([paragraph]);
  }

  it('refuses every step from the draft but circulating, and circulating to anyone but the secretary, writing nothing', async () => {
    await refusedWritingNothing(first.member, 'minutes:circulate', {}, 'forbidden');
    await refusedWritingNothing(first.chair, 'minutes:circulate', {}, 'forbidden');
    await refusedWritingNothing(first.chair, 'minutes:adopt', { how: 'circulation' }, 'minutes_wrong_state');
    await refusedWritingNothing(first.secretary, 'minutes:lock', {}, 'minutes_wrong_state');
    await refusedWritingNothing(next.chair, 'minutes:adopt', { how: 'next-meeting' }, 'minutes_wrong_state');
    // Bad input of every kind: typed, nothing written.
    await refusedWritingNothing(first.secretary, 'minutes:circulate', { extra: 1 }, 'invalid_payload');
    await refusedWritingNothing(first.chair, 'minutes:adopt', { how: 'by-decree' }, 'invalid_payload');
    await refusedWritingNothing(first.chair, 'minutes:adopt', { how: 'circulation', amendments: 'ทั้งหมด' }, 'invalid_payload');
    await refusedWritingNothing(first.chair, 'minutes:adopt', { how: 'circulation', amendments: ['ก'.repeat(2001)] }, 'invalid_payload');
    await refusedWritingNothing(first.secretary, 'minutes:lock', { minutesOf: 'every-meeting' }, 'invalid_payload');
    // The first meeting has no meeting before it whose minutes it could adopt.
    await refusedWritingNothing(first.chair, 'minutes:adopt', { how: 'next-meeting' }, 'minutes_no_previous_meeting');
    expect(await stateOf()).toBe('draft');
  });

  it('circulates: everyone hears it, members read and cannot type, the chair no longer types, the secretary still amends', async () => {
    const secretaryDoc = await minutesClient(first.secretary);
    const chairDoc = await minutesClient(first.chair);
    const memberDoc = await minutesClient(first.member);
    type(chairDoc.doc, 'ร่างของประธานก่อนเวียน');
    await expect.poll(storedText, { timeout: 10_000 }).toContain('ร่างของประธานก่อนเวียน');

    const heard = new Promise<{ adoption: MinutesAdoptionView }>((resolve) => first.member.socket.once('minutes:adoption-changed', resolve));
    const reply = await emit(first.secretary, 'minutes:circulate', {});
    expect(reply).toMatchObject({ data: { state: 'circulated', circulatedBy: 'ครั้งแรก secretary' } });
    expect((await heard).adoption.state).toBe('circulated');
    await refusedWritingNothing(first.secretary, 'minutes:circulate', {}, 'minutes_wrong_state');

    type(memberDoc.doc, 'สมาชิกพิมพ์ลงร่าง');
    type(chairDoc.doc, 'ประธานพิมพ์หลังเวียน');
    await expect.poll(() => memberDoc.denied.length, { timeout: 10_000 }).toBe(1);
    await expect.poll(() => chairDoc.denied.length, { timeout: 10_000 }).toBe(1);
    expect(chairDoc.denied[0]).toContain('read-only');
    type(secretaryDoc.doc, 'เลขานุการแก้ตามความเห็น');
    await expect.poll(storedText, { timeout: 10_000 }).toContain('เลขานุการแก้ตามความเห็น');
    const text = await storedText();
    expect(text).not.toContain('สมาชิกพิมพ์ลงร่าง');
    expect(text).not.toContain('ประธานพิมพ์หลังเวียน');
  });

  it('adopts at the next meeting only while it sits and at agenda item 2, by its chair; the first meeting hears it', async () => {
    await refusedWritingNothing(next.member, 'minutes:adopt', { how: 'next-meeting' }, 'forbidden');
    await refusedWritingNothing(next.secretary, 'minutes:adopt', { how: 'next-meeting' }, 'forbidden');
    await refusedWritingNothing(next.chair, 'minutes:adopt', { how: 'next-meeting' }, 'minutes_next_meeting_not_sitting');
    await board.runCommand('meeting:open', participantActor(await board.sessions.identify(next.chair.token, nextMeetingId)), {});
    await refusedWritingNothing(next.chair, 'minutes:adopt', { how: 'next-meeting' }, 'minutes_not_at_agenda_item');
    const item2 = await board.db.agendaItem.findFirstOrThrow({ where: { meetingId: nextMeetingId, kind: 'minutes_approval' } });
    expect(await next.chair.socket.emitWithAck('agenda:move', { agendaItemId: item2.id })).toHaveProperty('data');

    const heardHere = new Promise<MinutesAdoptionView>((resolve) => first.member.socket.once('minutes:adoption', resolve));
    const reply = await emit(next.chair, 'minutes:adopt', { how: 'next-meeting', amendments: ['  แก้ไขชื่อหน่วยงานในหน้า 2  ', ''] });
    expect(reply).toMatchObject({
      data: { state: 'adopted', adoptedHow: 'next-meeting', adoptedBy: 'ครั้งถัดไป chair', amendments: ['แก้ไขชื่อหน่วยงานในหน้า 2'] },
    });
    expect((await heardHere).state).toBe('adopted');
    await refusedWritingNothing(next.chair, 'minutes:adopt', { how: 'next-meeting' }, 'minutes_wrong_state');
    await refusedWritingNothing(first.chair, 'minutes:adopt', { how: 'circulation' }, 'minutes_wrong_state');

    // Adopted: nobody types any more, the secretary included.
    const secretaryDoc = await minutesClient(first.secretary);
    type(secretaryDoc.doc, 'แก้หลังรับรอง');
    await expect.poll(() => secretaryDoc.denied.length, { timeout: 10_000 }).toBe(1);
    expect(await storedText()).not.toContain('แก้หลังรับรอง');
  });

  it('locks (the secretary, from the next meeting too): the record verifies, the PDF export is the stored one', async () => {
    await refusedWritingNothing(first.chair, 'minutes:lock', {}, 'forbidden');
    await refusedWritingNothing(next.secretary, 'minutes:lock', { minutesOf: 'this-meeting' }, 'minutes_wrong_state');
    const reply = await emit(next.secretary, 'minutes:lock', { minutesOf: 'previous-meeting' });
    expect(reply).toMatchObject({ data: { state: 'locked', version: 1, lockedBy: 'ครั้งถัดไป secretary' } });
    await refusedWritingNothing(first.secretary, 'minutes:lock', {}, 'minutes_wrong_state');

    const verify = await (await fetch(`${board.url}/meetings/${board.meetingId}/minutes/verify`, { headers: { cookie: first.member.cookie } })).json();
    expect(verify.data).toMatchObject({ ok: true, records: [{ id: board.meetingId, version: 1, ok: true, signature: 'valid' }] });

    const row = await board.db.minutesAdoption.findUniqueOrThrow({ where: { meetingId: board.meetingId } });
    const pdf = Buffer.from(await (await fetch(`${board.url}/meetings/${board.meetingId}/export/minutes.pdf`, { headers: { cookie: first.member.cookie } })).arrayBuffer());
    expect(pdf.equals(Buffer.from(row.pdf!))).toBe(true);
    const dir = await mkdtemp(path.join(tmpdir(), 'cb-minutes-'));
    try {
      await writeFile(path.join(dir, 'minutes.pdf'), pdf);
      const text = execFileSync('pdftotext', ['-layout', path.join(dir, 'minutes.pdf'), '-'], { encoding: 'utf8' });
      expect(text).toContain('เลขานุการแก้ตามความเห็น');
      expect(text).toContain('แก้ไขชื่อหน่วยงานในหน้า 2');
      expect(text).not.toContain('แก้หลังรับรอง');
      // The record offline: the signed text, its signature and the public key, with the README's command.
      const get = async (file: string) => Buffer.from(await (await fetch(`${board.url}/meetings/${board.meetingId}/export/${file}`, { headers: { cookie: first.member.cookie } })).arrayBuffer());
      await writeFile(path.join(dir, 'm.json'), await get('minutes.json'));
      await writeFile(path.join(dir, 'm.sig'), await get('minutes.sig'));
      await writeFile(path.join(dir, 'key.pem'), await (await fetch(`${board.url}/record-signing-key.pub.pem`)).text());
      const verified = execFileSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', path.join(dir, 'key.pem'), '-rawin', '-in', path.join(dir, 'm.json'), '-sigfile', path.join(dir, 'm.sig')], { encoding: 'utf8' });
      expect(verified).toContain('Signature Verified Successfully');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('fails verification on one altered byte of the text, the PDF or the signature, names the record, refuses its exports', async () => {
    const row = await board.db.minutesAdoption.findUniqueOrThrow({ where: { meetingId: board.meetingId } });
    const client = new pg.Client({ connectionString: board.databaseUrl });
    await client.connect();
    // Past the trigger that keeps locked minutes unchanged, as someone with the database's own access could.
    const rewrite = async (text: string, values: unknown[]) => {
      await client.query('SET session_replication_role = replica');
      await client.query(text, values);
      await client.query('SET session_replication_role = DEFAULT');
    };
    const verify = async () => (await (await fetch(`${board.url}/meetings/${board.meetingId}/minutes/verify`, { headers: { cookie: first.member.cookie } })).json()).data;
    const exportStatus = async (file: string) => {
      const response = await fetch(`${board.url}/meetings/${board.meetingId}/export/${file}`, { headers: { cookie: first.member.cookie } });
      return { status: response.status, body: response.status === 200 ? null : await response.json() };
    };
    const refusedExports = async (fault: string) => {
      for (const file of ['minutes.pdf', 'minutes.json', 'minutes.sig']) {
        const answer = await exportStatus(file);
        expect(answer.status, file).toBe(409);
        expect(answer.body.error).toMatchObject({ code: 'record_failed_verification', details: { recordId: board.meetingId, fault } });
        expect(answer.body.error.details.fieldTh).toContain(`รายงานการประชุมครั้งที่ ${row.canonical ? JSON.parse(row.canonical).meeting.number : ''}`);
      }
    };
    try {
      // Does the trigger hold at all? A plain UPDATE of a locked row is refused.
      await expect(client.query(`UPDATE "MinutesAdoption" SET "amendments" = '[]' WHERE "meetingId" = $1`, [board.meetingId])).rejects.toThrow(/immutable/);

      await rewrite(`UPDATE "MinutesAdoption" SET "canonical" = replace("canonical", 'เลขานุการแก้ตามความเห็น', 'เลขานุการแก้ตามความเห็x') WHERE "meetingId" = $1`, [board.meetingId]);
      expect(await verify()).toMatchObject({ ok: false, records: [{ id: board.meetingId, ok: false, fault: 'hash_mismatch' }] });
      await refusedExports('hash_mismatch');
      await rewrite(`UPDATE "MinutesAdoption" SET "canonical" = $1 WHERE "meetingId" = $2`, [row.canonical, board.meetingId]);
      expect((await verify()).ok).toBe(true);

      const pdf = Buffer.from(row.pdf!);
      pdf[pdf.length - 10] ^= 1;
      await rewrite(`UPDATE "MinutesAdoption" SET "pdf" = $1 WHERE "meetingId" = $2`, [pdf, board.meetingId]);
      expect(await verify()).toMatchObject({ ok: false, records: [{ id: board.meetingId, fault: 'pdf_mismatch' }] });
      await refusedExports('pdf_mismatch');
      await rewrite(`UPDATE "MinutesAdoption" SET "pdf" = $1 WHERE "meetingId" = $2`, [Buffer.from(row.pdf!), board.meetingId]);

      const signature = row.signature!;
      const flipped = signature.slice(0, -2) + (signature.endsWith('00') ? '01' : '00');
      await rewrite(`UPDATE "MinutesAdoption" SET "signature" = $1 WHERE "meetingId" = $2`, [flipped, board.meetingId]);
      expect(await verify()).toMatchObject({ ok: false, records: [{ id: board.meetingId, fault: 'signature_invalid', signature: 'invalid' }] });
      await refusedExports('signature_invalid');
      await rewrite(`UPDATE "MinutesAdoption" SET "signature" = $1 WHERE "meetingId" = $2`, [signature, board.meetingId]);
      expect((await verify()).ok).toBe(true);
    } finally {
      await client.end();
    }
  });
});
