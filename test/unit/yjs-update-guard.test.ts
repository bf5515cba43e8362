// The check every client update passes before it reaches a document: the annotations layout and who may change which
// note, sizes, and awareness stamped with the sender's identity. Driven directly, on plain Y.Docs.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Identity } from '../../server/auth/identity.ts';
import { createUpdateGuard, DEFAULT_UPDATE_LIMITS } from '../../server/yjs/update-guard.ts';
import { decodeAwarenessUpdate, encodeAwarenessEntries } from '../../server/yjs/protocol.ts';
import { addNote, addReply, deleteNote, editNote, notesMap, setResolved } from '../../web/lib/annotations/document.ts';

const who = (participantId: string, role: Identity['role'], displayName = participantId): Identity => ({ participantId, meetingId: 'm1', role, displayName });
const chair = who('p-chair', 'chair', 'ประธาน');
const alice = who('p-alice', 'member', 'กรรมการ อลิส');
const bob = who('p-bob', 'member', 'กรรมการ บุญมี');
const secretary = who('p-sec', 'secretary', 'เลขานุการ');
const author = (identity: Identity) => ({ id: identity.participantId, name: identity.displayName });

/** The server's document, named as the endpoint names it. */
function serverDoc(name = 'meeting/m1/annotations'): Y.Doc & { name: string } {
  return Object.assign(new Y.Doc(), { name });
}

/** What a client whose copy equals the server's sends when it makes `change`. */
function updateFrom(server: Y.Doc, change: (client: Y.Doc) => void): Uint8Array {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const before = Y.encodeStateVector(client);
  change(client);
  return Y.encodeStateAsUpdate(client, before);
}

describe('the annotations layout check', () => {
  const guard = createUpdateGuard();
  /** Applies the update as the endpoint does when the guard lets it through; returns the refusal code or 'ok'. */
  function send(doc: Y.Doc & { name: string }, sender: Identity, change: (client: Y.Doc) => void): string {
    const update = updateFrom(doc, change);
    const refusal = guard.checkUpdate(doc, sender, update);
    if (refusal) return refusal.error.code;
    Y.applyUpdate(doc, update);
    return 'ok';
  }
  function withChairNote() {
    const doc = serverDoc();
    let noteId = '';
    expect(send(doc, chair, (c) => (noteId = addNote(c, { target: 'project', targetId: 'p1', author: author(chair), text: 'ความเห็นประธาน' })))).toBe('ok');
    return { doc, noteId };
  }

  it('lets a writer add, reply, edit, resolve and delete what is theirs', () => {
    const doc = serverDoc();
    let id = '';
    expect(send(doc, alice, (c) => (id = addNote(c, { target: 'project', targetId: 'p1', author: author(alice), text: 'ร่าง' })))).toBe('ok');
    expect(send(doc, alice, (c) => editNote(c, id, 'ฉบับแก้'))).toBe('ok');
    expect(send(doc, bob, (c) => addReply(c, id, { author: author(bob), text: 'เห็นด้วย' }))).toBe('ok');
    expect(send(doc, alice, (c) => setResolved(c, id, true))).toBe('ok');
    expect(notesMap(doc).get(id)?.toJSON()).toMatchObject({ text: 'ฉบับแก้', resolved: true, replies: [{ authorName: 'กรรมการ บุญมี' }] });
    expect(send(doc, alice, (c) => deleteNote(c, id))).toBe('ok');
    expect(notesMap(doc).size).toBe(0);
  });

  it('refuses rewriting, deleting or resolving another\'s note, forging an author, and new top-level types', () => {
    const { doc, noteId } = withChairNote();
    const stored = Y.encodeStateAsUpdate(doc);
    expect(send(doc, alice, (c) => editNote(c, noteId, 'ประธานเห็นด้วยกับการตัดงบทั้งหมด'))).toBe('note_not_yours');
    expect(send(doc, alice, (c) => notesMap(c).get(noteId)!.set('text', 'แก้โดยไม่มี editedAt'))).toBe('note_not_yours');
    expect(send(doc, alice, (c) => deleteNote(c, noteId))).toBe('note_not_yours');
    expect(send(doc, alice, (c) => addNote(c, { target: 'project', targetId: 'p1', author: author(chair), text: 'ปลอมเป็นประธาน' }))).toBe('note_not_yours');
    // The right id with another name is a forgery too: the name is the server's.
    expect(send(doc, alice, (c) => addNote(c, { target: 'project', targetId: 'p1', author: { id: alice.participantId, name: 'ประธาน' }, text: 'x' }))).toBe('note_not_yours');
    expect(send(doc, alice, (c) => c.getArray('evil').push(['x']))).toBe('invalid_payload');
    expect(send(doc, alice, (c) => c.getText('notes-too').insert(0, 'x'))).toBe('invalid_payload');
    expect(send(doc, alice, (c) => setResolved(c, noteId, true))).toBe('forbidden');
    expect(send(doc, alice, (c) => addReply(c, noteId, { author: author(chair), text: 'ตอบแทนประธาน' }))).toBe('note_not_yours');
    // Replacing the whole entry under the same id, or moving the note to another project, is rewriting it.
    expect(send(doc, alice, (c) => {
      const forged = new Y.Map<unknown>();
      for (const [key, value] of notesMap(c).get(noteId)!.entries()) forged.set(key, value instanceof Y.Array ? new Y.Array() : value);
      forged.set('text', 'ข้อความใหม่');
      notesMap(c).set(noteId, forged);
    })).toBe('note_not_yours');
    expect(send(doc, chair, (c) => notesMap(c).get(noteId)!.set('targetId', 'p2'))).toBe('note_not_yours');
    expect(Y.encodeStateAsUpdate(doc)).toEqual(stored);
  });

  it('lets roles with annotation:resolve resolve anyone\'s note, and nobody reply or edit in another\'s name', () => {
    const { doc, noteId } = withChairNote();
    expect(send(doc, secretary, (c) => setResolved(c, noteId, true))).toBe('ok');
    expect(send(doc, bob, (c) => addReply(c, noteId, { author: author(bob), text: 'ขอบคุณ' }))).toBe('ok');
    const replyId = (notesMap(doc).get(noteId)!.get('replies') as Y.Array<Y.Map<unknown>>).get(0).get('id');
    expect(send(doc, alice, (c) => (notesMap(c).get(noteId)!.get('replies') as Y.Array<Y.Map<unknown>>).delete(0, 1))).toBe('note_not_yours');
    expect(send(doc, alice, (c) => (notesMap(c).get(noteId)!.get('replies') as Y.Array<Y.Map<unknown>>).get(0).set('text', 'แก้คำตอบ'))).toBe('note_not_yours');
    expect(send(doc, bob, (c) => (notesMap(c).get(noteId)!.get('replies') as Y.Array<Y.Map<unknown>>).get(0).set('text', 'แก้คำตอบของตัวเอง'))).toBe('ok');
    expect((notesMap(doc).get(noteId)!.get('replies') as Y.Array<Y.Map<unknown>>).get(0).toJSON()).toMatchObject({ id: replyId, text: 'แก้คำตอบของตัวเอง' });
  });

  it('refuses anything off the layout: extra keys, wrong types, nested shared types, a key that is not the note\'s id', () => {
    const { doc, noteId } = withChairNote();
    expect(send(doc, chair, (c) => notesMap(c).get(noteId)!.set('hidden', 'x'))).toBe('invalid_payload');
    expect(send(doc, chair, (c) => notesMap(c).get(noteId)!.set('resolved', 'yes'))).toBe('invalid_payload');
    expect(send(doc, chair, (c) => notesMap(c).get(noteId)!.set('text', new Y.Text('x')))).toBe('invalid_payload');
    expect(send(doc, chair, (c) => notesMap(c).get(noteId)!.set('text', 'x'.repeat(5001)))).toBe('invalid_payload');
    expect(send(doc, alice, (c) => {
      const id = addNote(c, { target: 'project', targetId: 'p1', author: author(alice), text: 'x' });
      notesMap(c).set('another-key', notesMap(c).get(id)!.clone());
      notesMap(c).delete(id);
    })).toBe('invalid_payload');
    expect(send(doc, alice, (c) => c.getMap<unknown>('notes').set('plain', 'not a map'))).toBe('invalid_payload');
  });

  it('refuses an update that depends on changes the server never got', () => {
    const doc = serverDoc();
    const client = new Y.Doc();
    addNote(client, { target: 'project', targetId: 'p1', author: author(alice), text: 'first' });
    const afterFirst = Y.encodeStateVector(client);
    const id = [...notesMap(client).keys()][0]!;
    addReply(client, id, { author: author(alice), text: 'second' });
    const onlySecond = Y.encodeStateAsUpdate(client, afterFirst);
    expect(guard.checkUpdate(doc, alice, onlySecond)?.error.code).toBe('invalid_payload');
  });

  it('leaves other documents\' content alone, but caps every update and every document', () => {
    const small = createUpdateGuard({ ...DEFAULT_UPDATE_LIMITS, maxUpdateBytes: 1000, maxDocumentBytes: { ...DEFAULT_UPDATE_LIMITS.maxDocumentBytes, minutes: 3000 } });
    const minutes = serverDoc('meeting/m1/minutes');
    const typed = (text: string) => updateFrom(minutes, (c) => c.getText('anything').insert(0, text));
    const first = typed('ก'.repeat(200));
    expect(small.checkUpdate(minutes, secretary, first)).toBeNull();
    Y.applyUpdate(minutes, first);
    expect(small.checkUpdate(minutes, secretary, typed('x'.repeat(2000)))?.error).toMatchObject({ code: 'payload_too_large', details: { maxBytes: 1000 } });
    for (let i = 0; i < 3; i++) {
      const more = typed('x'.repeat(600));
      expect(small.checkUpdate(minutes, secretary, more)).toBeNull();
      Y.applyUpdate(minutes, more);
    }
    expect(small.checkUpdate(minutes, secretary, typed('x'.repeat(600)))?.error).toMatchObject({ code: 'payload_too_large', details: { maxBytes: 3000 } });
  });
});

describe('awareness stamping', () => {
  const guard = createUpdateGuard();
  const stamp = (identity: Identity, state: unknown) =>
    decodeAwarenessUpdate(guard.stampAwareness(identity, encodeAwarenessEntries([{ clientID: 7, clock: 1, state }])))[0]?.state;

  it('puts the sender\'s own name and role on their user, keeping only a colour', () => {
    const observer = who('p-obs', 'observer', 'ผู้สังเกตการณ์');
    expect(stamp(observer, { user: { name: 'ประธาน (Chair)', role: 'chair', color: '#0072B2', participantId: 'p-chair' }, cursor: { anchor: 1 } })).toEqual({
      user: { name: 'ผู้สังเกตการณ์', role: 'observer', participantId: 'p-obs', color: '#0072B2' },
      cursor: { anchor: 1 },
    });
    expect(stamp(observer, { user: { name: 'x', color: 'red; background: url(x)' } })).toEqual({ user: { name: 'ผู้สังเกตการณ์', role: 'observer', participantId: 'p-obs' } });
  });

  it('keeps presence without a user as it is, leaves a departure alone, and drops oversized states', () => {
    expect(stamp(alice, {})).toEqual({});
    expect(stamp(alice, { user: null })).toEqual({ user: null });
    expect(stamp(alice, { user: 'ประธาน' })).toEqual({ user: null });
    expect(stamp(alice, null)).toBeNull();
    expect(stamp(alice, { padding: 'x'.repeat(5000) })).toBeUndefined();
  });
});
