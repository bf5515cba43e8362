import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addNote,
  addReply,
  notesFor,
  notesMap,
  openNoteCounts,
  setResolved,
} from '../../web/lib/annotations/document.ts';
import { promotedNotes, promotionsMap, setPromoted } from '../../web/lib/annotations/screen-document.ts';

const alice = { id: 'p-alice', name: 'อลิส' };
const bob = { id: 'p-bob', name: 'บ๊อบ' };

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('the annotation document', () => {
  it('keeps notes with author, time, replies and state, per project and agenda item', () => {
    const doc = new Y.Doc();
    const first = addNote(doc, { target: 'project', targetId: 'proj-1', author: alice, text: 'ขอข้อมูลเพิ่ม', now: 1000 });
    addNote(doc, { target: 'agenda', targetId: 'item-4', author: bob, text: 'เรื่องสืบเนื่อง', now: 2000 });
    addReply(doc, first, { author: bob, text: 'รับทราบ', now: 3000 });
    const [note] = notesFor(doc, 'project', 'proj-1');
    expect(note).toMatchObject({
      id: first,
      authorId: 'p-alice',
      authorName: 'อลิส',
      createdAt: 1000,
      text: 'ขอข้อมูลเพิ่ม',
      resolved: false,
      replies: [{ authorName: 'บ๊อบ', text: 'รับทราบ', createdAt: 3000 }],
    });
    expect(notesFor(doc, 'agenda', 'item-4')).toHaveLength(1);
    expect(openNoteCounts(doc)).toEqual(new Map([['project:proj-1', 1], ['agenda:item-4', 1]]));
    setResolved(doc, first, true);
    expect(openNoteCounts(doc).get('project:proj-1')).toBeUndefined();
  });

  it('merges a concurrent resolve and reply field by field', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const id = addNote(a, { target: 'project', targetId: 'p', author: alice, text: 'x' });
    sync(a, b);
    setResolved(a, id, true);
    addReply(b, id, { author: bob, text: 'ตอบ' });
    sync(a, b);
    for (const doc of [a, b]) expect(notesFor(doc, 'project', 'p')[0]).toMatchObject({ resolved: true, replies: [{ text: 'ตอบ' }] });
  });

  it('lists the notes the screen document names for a project, in the order they were promoted, and takes them off', () => {
    const doc = new Y.Doc();
    const screen = new Y.Doc();
    const one = addNote(doc, { target: 'project', targetId: 'p', author: alice, text: 'หนึ่ง', now: 1 });
    const two = addNote(doc, { target: 'project', targetId: 'p', author: bob, text: 'สอง', now: 2 });
    const elsewhere = addNote(doc, { target: 'project', targetId: 'other', author: bob, text: 'อื่น', now: 3 });
    setPromoted(screen, two, bob, 10);
    setPromoted(screen, one, bob, 20);
    setPromoted(screen, elsewhere, bob, 30);
    expect(promotedNotes(doc, screen, 'project', 'p').map((n) => n.text)).toEqual(['สอง', 'หนึ่ง']);
    expect(promotedNotes(doc, screen, 'project', 'p')[0]!.promoted).toEqual({ by: 'p-bob', byName: 'บ๊อบ', at: 10 });
    setPromoted(screen, two, null);
    expect(promotedNotes(doc, screen, 'project', 'p').map((n) => n.text)).toEqual(['หนึ่ง']);
  });

  it('takes a promoted note off the screen once it is resolved, and puts agenda-item notes on it too', () => {
    const doc = new Y.Doc();
    const screen = new Y.Doc();
    const onProject = addNote(doc, { target: 'project', targetId: 'p', author: alice, text: 'โครงการ', now: 1 });
    const onItem = addNote(doc, { target: 'agenda', targetId: 'item-4', author: bob, text: 'วาระ', now: 2 });
    setPromoted(screen, onProject, bob, 10);
    setPromoted(screen, onItem, bob, 11);
    expect(promotedNotes(doc, screen, 'agenda', 'item-4').map((n) => n.text)).toEqual(['วาระ']);
    expect(promotedNotes(doc, screen, 'project', 'item-4')).toEqual([]);
    setResolved(doc, onProject, true);
    expect(promotedNotes(doc, screen, 'project', 'p')).toEqual([]);
    setResolved(doc, onProject, false);
    expect(promotedNotes(doc, screen, 'project', 'p').map((n) => n.text)).toEqual(['โครงการ']);
  });

  it('ignores promotions of notes the annotations document does not hold, and malformed entries', () => {
    const doc = new Y.Doc();
    const screen = new Y.Doc();
    const mine = new Y.Doc();
    const privateNote = addNote(mine, { target: 'project', targetId: 'p', author: alice, text: 'ส่วนตัว' });
    setPromoted(screen, privateNote, bob);
    const shared = addNote(doc, { target: 'project', targetId: 'p', author: alice, text: 'ร่วม' });
    promotionsMap(screen).set(shared, { by: 42 });
    expect(promotedNotes(doc, screen, 'project', 'p')).toEqual([]);
  });

  it('skips entries another client wrote in a shape it does not know', () => {
    const doc = new Y.Doc();
    const junk = new Y.Map<unknown>();
    junk.set('target', 'elsewhere');
    notesMap(doc).set('junk', junk);
    (doc.getMap('notes') as Y.Map<unknown>).set('scalar', 42);
    addNote(doc, { target: 'project', targetId: 'p', author: alice, text: 'ok' });
    expect(notesFor(doc, 'project', 'p')).toHaveLength(1);
    expect(openNoteCounts(doc).size).toBe(1);
  });
});
