// The Yjs endpoint on the real server with unmodified y-websocket clients: convergence (also after being offline),
// read-only observers, refused documents, the minutes skeleton written once, and 1,000 hostile frames.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import { MINUTES_FRAGMENT } from '../../server/yjs/minutes-template.ts';
import { addNote, allNotes } from '../../web/lib/annotations/document.ts';
import type { Role } from '../../server/shared/roles.ts';
import { startTestBoard, type TestBoard } from '../support/board.ts';
import { handshakeStatus } from '../support/yjs.ts';

describe('shared documents on the real server', () => {
  let board: TestBoard;
  const providers: WebsocketProvider[] = [];

  beforeAll(async () => {
    board = await startTestBoard();
  });
  afterAll(async () => {
    for (const provider of providers) provider.destroy();
    await board.stop();
  });

  const wsUrl = () => `${board.url.replace('http', 'ws')}/yjs`;
  const docName = (kind: string) => `meeting/${board.meetingId}/${kind}`;

  function open(token: string, name: string, doc = new Y.Doc()) {
    const provider = new WebsocketProvider(wsUrl(), name, doc, { WebSocketPolyfill: WebSocket as never, params: { token }, disableBc: true });
    providers.push(provider);
    return { doc, provider };
  }
  const synced = (provider: WebsocketProvider) =>
    new Promise<void>((resolve) => (provider.synced ? resolve() : provider.once('sync', () => resolve())));
  /**
   * Resolves once the server handled everything this client sent before: messages on one socket are handled in
   * order, and the answer to a sync step 1 is what y-websocket marks as synced.
   */
  async function roundTrip(provider: WebsocketProvider): Promise<void> {
    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, 0);
    syncProtocol.writeSyncStep1(step1, provider.doc);
    provider.synced = false;
    const answered = new Promise<void>((resolve) => provider.once('sync', () => resolve()));
    provider.ws!.send(encoding.toUint8Array(step1));
    await answered;
  }
  async function tokenFor(role: Role, name?: string) {
    return (await board.join(role, name)).sessionToken;
  }
  /** The document as Postgres has it, read through the persistence the server uses. */
  async function stored(name: string): Promise<Y.Doc> {
    const doc = new Y.Doc();
    for (const update of await board.documents.load(name)) Y.applyUpdate(doc, update);
    return doc;
  }
  const documentHandshake = (name: string, token: string) => handshakeStatus(`${wsUrl()}/${name}?token=${token}`);

  it('converges after concurrent edits, and after one client edited offline', async () => {
    const name = docName('annotations');
    const [alice, bob] = await Promise.all([board.join('member', 'เอ'), board.join('member', 'บี')]);
    const a = open(alice.sessionToken, name);
    const b = open(bob.sessionToken, name);
    const author = (who: typeof alice) => ({ id: who.identity.participantId, name: who.identity.displayName });
    const note = (doc: Y.Doc, who: typeof alice, text: string) => addNote(doc, { target: 'project', targetId: 'p1', author: author(who), text });
    const texts = (doc: Y.Doc) => allNotes(doc).map((n) => n.text).sort();
    await Promise.all([synced(a.provider), synced(b.provider)]);
    note(a.doc, alice, 'a1');
    note(b.doc, bob, 'b1');
    await expect.poll(() => [a.doc, b.doc].map((d) => allNotes(d).length)).toEqual([2, 2]);

    b.provider.disconnect();
    note(a.doc, alice, 'a2');
    note(b.doc, bob, 'b2-offline');
    b.provider.connect();
    await expect.poll(() => [a.doc, b.doc].map((d) => allNotes(d).length), { timeout: 10_000 }).toEqual([4, 4]);
    expect(texts(a.doc)).toEqual(texts(b.doc));
    await expect.poll(async () => texts(await stored(name)), { timeout: 10_000 }).toEqual(['a1', 'a2', 'b1', 'b2-offline']);
  });

  it("drops an observer's updates: they reach neither Postgres nor other clients", async () => {
    const name = docName('annotations');
    const observer = open(await tokenFor('observer', 'ผู้สังเกต'), name);
    const writer = await board.join('member', 'ผู้เขียน');
    const member = open(writer.sessionToken, name);
    await Promise.all([synced(observer.provider), synced(member.provider)]);
    observer.doc.getText('observer').insert(0, 'ไม่ควรถูกบันทึก');
    await roundTrip(observer.provider);
    addNote(member.doc, { target: 'project', targetId: 'p1', author: { id: writer.identity.participantId, name: 'ผู้เขียน' }, text: 'ลำดับ' });
    await expect.poll(() => allNotes(observer.doc).map((n) => n.text), { timeout: 10_000 }).toContain('ลำดับ');
    await expect.poll(async () => allNotes(await stored(name)).map((n) => n.text), { timeout: 10_000 }).toContain('ลำดับ');
    expect(member.doc.getText('observer').toString()).toBe('');
    expect((await stored(name)).getText('observer').toString()).toBe('');
  });

  it('lets only a promoter put a note on the screen, whatever a member writes to the screen document', async () => {
    const name = docName('screen');
    const member = open(await tokenFor('member', 'สมาชิกผู้แอบแก้'), name);
    const presenter = open(await tokenFor('presenter', 'ผู้นำเสนอ'), name);
    await Promise.all([synced(member.provider), synced(presenter.provider)]);
    member.doc.getMap('promoted').set('note-by-member', { by: 'x', byName: 'x', at: 1 });
    await roundTrip(member.provider);
    presenter.doc.getMap('promoted').set('note-by-presenter', { by: 'y', byName: 'y', at: 2 });
    await expect.poll(() => member.doc.getMap('promoted').has('note-by-presenter'), { timeout: 10_000 }).toBe(true);
    await expect.poll(async () => (await stored(name)).getMap('promoted').has('note-by-presenter'), { timeout: 10_000 }).toBe(true);
    expect(presenter.doc.getMap('promoted').has('note-by-member')).toBe(false);
    expect((await stored(name)).getMap('promoted').has('note-by-member')).toBe(false);
  });

  it("refuses another meeting's documents and another member's private notes", async () => {
    const other = await board.db.meeting.create({
      data: {
        id: 'other-meeting',
        planId: (await board.db.meeting.findUniqueOrThrow({ where: { id: board.meetingId } })).planId,
        number: 2,
        yearBE: 2566,
        titleTh: 'การประชุมอื่น',
        venueTh: 'ห้องอื่น',
        startsAt: new Date(),
      },
    });
    const alice = await board.join('member', 'อลิส');
    const bob = await board.join('member', 'บ๊อบ');
    expect(await documentHandshake(`meeting/${other.id}/annotations`, alice.sessionToken)).toBe(401);
    expect(await documentHandshake(`meeting/${other.id}/private/${alice.identity.participantId}`, alice.sessionToken)).toBe(401);
    expect(await documentHandshake(`meeting/${board.meetingId}/private/${bob.identity.participantId}`, alice.sessionToken)).toBe(403);
    expect(await documentHandshake(`meeting/${board.meetingId}/private/${alice.identity.participantId}`, alice.sessionToken)).toBe(101);
  });

  it('writes the minutes skeleton exactly once when many open a new document at the same moment', async () => {
    const name = docName('minutes');
    const tokens = await Promise.all(Array.from({ length: 8 }, (_, i) => tokenFor(i % 2 ? 'secretary' : 'member', `คนที่ ${i}`)));
    const clients = tokens.map((token) => open(token, name));
    await Promise.all(clients.map((c) => synced(c.provider)));
    for (const { doc } of clients) {
      const text = doc.getXmlFragment(MINUTES_FRAGMENT).toString();
      expect(text.split('ผู้ไม่มาประชุม')).toHaveLength(2);
      expect(text).toContain('มติที่ประชุม');
    }
    expect(await board.db.yUpdate.count({ where: { docName: name } })).toBe(1);
  });

  it('survives 1,000 random and truncated frames, and the document stays intact', async () => {
    const name = docName('minutes');
    const token = await tokenFor('secretary', 'ผู้ทดสอบฟัซ');
    const writer = open(token, name);
    await synced(writer.provider);
    writer.doc.getText('fuzz-anchor').insert(0, 'ข้อความเดิม');
    await expect.poll(async () => (await stored(name)).getText('fuzz-anchor').toString(), { timeout: 10_000 }).toBe('ข้อความเดิม');
    const before = Y.encodeStateVector(await stored(name));

    // Valid messages to truncate: a real update and a sync step 1, cut at every length.
    const source = new Y.Doc();
    source.getText('fuzz-anchor').insert(0, 'ส่วนที่ถูกตัด');
    const update = encoding.createEncoder();
    encoding.writeVarUint(update, 0);
    syncProtocol.writeUpdate(update, Y.encodeStateAsUpdate(source));
    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, 0);
    syncProtocol.writeSyncStep1(step1, source);
    const valid = [encoding.toUint8Array(update), encoding.toUint8Array(step1)];
    let seed = 1;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const frames: Uint8Array[] = [];
    for (let i = 0; i < 1000; i++) {
      if (i % 2 === 0) {
        const message = valid[i % 4 === 0 ? 0 : 1]!;
        frames.push(message.slice(0, 1 + Math.floor(random() * (message.length - 1))));
      } else {
        const bytes = new Uint8Array(1 + Math.floor(random() * 64));
        for (let j = 0; j < bytes.length; j++) bytes[j] = Math.floor(random() * 256);
        // Most random frames start with a real message type, so they reach the decoders rather than the type check.
        if (i % 3 !== 0) bytes[0] = i % 6 < 3 ? 0 : 1;
        frames.push(bytes);
      }
    }
    // Ten connections at a time, each sending frames until the server closes it for one, then a new one.
    let next = 0;
    let closedByServer = 0;
    const worker = async () => {
      while (next < frames.length) {
        const socket = new WebSocket(`${wsUrl()}/${name}?token=${token}`);
        socket.on('error', () => {});
        await new Promise<void>((resolve, reject) => {
          socket.once('open', () => resolve());
          socket.once('unexpected-response', () => reject(new Error('refused')));
        });
        const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
        let open = true;
        void closed.then(() => (open = false));
        while (open && next < frames.length) {
          socket.send(frames[next++]!);
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
        if (open) socket.close();
        else closedByServer++;
        await closed;
      }
    };
    await Promise.all(Array.from({ length: 10 }, worker));
    expect(closedByServer).toBeGreaterThan(0);

    const health = await fetch(`${board.url}/healthz`);
    expect(health.status).toBe(200);
    const reader = open(await tokenFor('secretary', 'ผู้อ่านหลังฟัซ'), name);
    await synced(reader.provider);
    expect(reader.doc.getText('fuzz-anchor').toString()).toBe('ข้อความเดิม');
    writer.doc.getText('after-fuzz').insert(0, 'ยังเขียนได้');
    await expect.poll(() => reader.doc.getText('after-fuzz').toString(), { timeout: 10_000 }).toBe('ยังเขียนได้');
    const after = await stored(name);
    expect(after.getText('fuzz-anchor').toString()).toBe('ข้อความเดิม');
    expect(Y.decodeStateVector(Y.encodeStateVector(after)).size).toBeGreaterThanOrEqual(Y.decodeStateVector(before).size);
  }, 120_000);
});
