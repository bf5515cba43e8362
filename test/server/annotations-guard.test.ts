// The shared annotations document on the real server, with unmodified y-websocket clients: the four attacks of a
// member on others' notes are refused whole and stored nowhere, legitimate notes still work, and presence carries the
// name the server knows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as authProtocol from 'y-protocols/auth';
import { WebsocketProvider, messageAuth } from 'y-websocket';
import type { Role } from '../../server/shared/roles.ts';
import type { WireError } from '../../server/shared/errors.ts';
import { addNote, addReply, allNotes, deleteNote, editNote, notesMap, setResolved } from '../../web/lib/annotations/document.ts';
import { startTestBoard, type TestBoard } from '../support/board.ts';

describe('who may change which note', () => {
  let board: TestBoard;
  const providers: WebsocketProvider[] = [];
  beforeAll(async () => {
    board = await startTestBoard();
  });
  afterAll(async () => {
    for (const provider of providers) provider.destroy();
    await board.stop();
  });

  const name = () => `meeting/${board.meetingId}/annotations`;
  /** A participant's client on the shared document; `refusals` collects what the server refused, as the board reads it. */
  async function client(role: Role, displayName: string) {
    const { identity, sessionToken } = await board.join(role, displayName);
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(`${board.url.replace('http', 'ws')}/yjs`, name(), doc, {
      WebSocketPolyfill: WebSocket as never,
      params: { token: sessionToken },
      disableBc: true,
    });
    providers.push(provider);
    const refusals: WireError[] = [];
    provider.messageHandlers[messageAuth] = (_encoder, decoder) =>
      authProtocol.readAuthMessage(decoder, doc, (_doc, reason) => void refusals.push(JSON.parse(reason) as WireError));
    await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
    return { doc, provider, refusals, author: { id: identity.participantId, name: identity.displayName } };
  }
  async function stored(): Promise<Y.Doc> {
    const doc = new Y.Doc();
    for (const update of await board.documents.load(name())) Y.applyUpdate(doc, update);
    return doc;
  }
  /** What a reader sees of the stored document, and which top-level types it has. */
  async function storedView() {
    const doc = await stored();
    return { share: [...doc.share.keys()].sort(), notes: notesMap(doc).toJSON() };
  }

  it('refuses each attack whole, stores nothing of it, and tells the attacker why', async () => {
    const chair = await client('chair', 'ประธาน');
    const member = await client('member', 'กรรมการ ผู้บุกรุก');
    const other = await client('member', 'กรรมการ สุดา');
    const chairNote = addNote(chair.doc, { target: 'project', targetId: 'p1', author: chair.author, text: 'ความเห็นของประธาน' });
    const otherNote = addNote(other.doc, { target: 'project', targetId: 'p1', author: other.author, text: 'ความเห็นของสุดา' });
    await expect.poll(async () => allNotes(await stored()).length, { timeout: 10_000 }).toBe(2);
    await expect.poll(() => allNotes(member.doc).length, { timeout: 10_000 }).toBe(2);
    const before = await storedView();

    const attacks: [string, () => void][] = [
      ["rewrites the chair's note", () => editNote(member.doc, chairNote, 'ประธานเห็นชอบให้ตัดงบทั้งหมด')],
      ["deletes another member's note", () => deleteNote(member.doc, otherNote)],
      ["forges a note in the chair's name", () => addNote(member.doc, { target: 'project', targetId: 'p1', author: chair.author, text: 'มติประธาน: อนุมัติ' })],
      ['adds a top-level type', () => member.doc.getMap('evil').set('x', 'y')],
    ];
    const answers: WireError[] = [];
    for (const [attack, run] of attacks) {
      run();
      await expect.poll(() => member.refusals.length, { timeout: 10_000, message: attack }).toBe(1);
      answers.push(member.refusals[0]!);
      // Each attack from a fresh client: a refused update stays in its sender's copy, and later ones would build on it.
      member.provider.destroy();
      member.doc.destroy();
      Object.assign(member, await client('member', 'กรรมการ ผู้บุกรุก'));
    }
    expect(answers.map((a) => a.code)).toEqual(['note_not_yours', 'note_not_yours', 'note_not_yours', 'invalid_payload']);
    expect(answers[0]!.messageTh).toContain('เฉพาะบันทึกของท่านเอง');
    // The attacker was told in Thai; the others saw nothing; Postgres has nothing of it.
    expect(await storedView()).toEqual(before);
    expect(notesMap(chair.doc).toJSON()).toEqual(before.notes);
    expect(chair.doc.share.has('evil')).toBe(false);
  });

  it('still lets a member write a note, reply to another, edit their own, and the chair resolve it', async () => {
    const member = await client('member', 'กรรมการ วิชัย');
    const colleague = await client('member', 'กรรมการ มาลี');
    const chair = await client('chair', 'ประธาน');
    const id = addNote(member.doc, { target: 'project', targetId: 'p2', author: member.author, text: 'ขอข้อมูลเพิ่ม' });
    await expect.poll(() => notesMap(colleague.doc).has(id), { timeout: 10_000 }).toBe(true);
    addReply(colleague.doc, id, { author: colleague.author, text: 'เห็นด้วย' });
    editNote(member.doc, id, 'ขอข้อมูลค่าใช้จ่ายเพิ่มเติม');
    await expect.poll(() => notesMap(chair.doc).get(id)?.toJSON(), { timeout: 10_000 }).toMatchObject({
      text: 'ขอข้อมูลค่าใช้จ่ายเพิ่มเติม',
      replies: [{ text: 'เห็นด้วย', authorName: 'กรรมการ มาลี' }],
    });
    setResolved(chair.doc, id, true);
    await expect.poll(async () => notesMap(await stored()).get(id)?.toJSON(), { timeout: 10_000 }).toMatchObject({
      text: 'ขอข้อมูลค่าใช้จ่ายเพิ่มเติม',
      resolved: true,
      authorName: 'กรรมการ วิชัย',
    });
    expect([member, colleague, chair].flatMap((c) => c.refusals)).toEqual([]);
  });

  it('shows every presence under the name the server knows, whatever a read-only client claims', async () => {
    const observer = await client('observer', 'ผู้สังเกตการณ์');
    const member = await client('member', 'กรรมการ ดวงใจ');
    observer.provider.awareness.setLocalStateField('user', { name: 'ประธาน (Chair)', role: 'chair', color: '#0072B2' });
    const seen = () => member.provider.awareness.getStates().get(observer.doc.clientID) as { user?: unknown } | undefined;
    await expect.poll(() => seen()?.user, { timeout: 10_000 }).toEqual({
      name: 'ผู้สังเกตการณ์',
      role: 'observer',
      participantId: expect.any(String),
      color: '#0072B2',
    });
  });
});
