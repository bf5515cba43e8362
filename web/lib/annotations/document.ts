/**
 * The layout of annotations in a Yjs document, and the only code that reads or writes it.
 *
 * The same layout serves the meeting's shared document (`meeting/<id>/annotations`) and each participant's
 * private one (`meeting/<id>/private/<participantId>`): a private note is simply one written to the author's
 * own document, which the server never sends to anyone else.
 *
 *   doc.getMap('notes'): Y.Map<noteId, Y.Map>          one entry per note, keyed by a random id
 *     note: Y.Map {
 *       id: string,
 *       target: 'project' | 'agenda' | 'minutes',         what the note is about ...
 *       targetId: string,                                 ... the Project.id, AgendaItem.id or Meeting.id
 *       authorId: string, authorName: string,             the Participant.id and name at the time of writing
 *       createdAt: number,                                epoch milliseconds
 *       text: string,
 *       editedAt?: number,                                set when its author changed the text
 *       resolved: boolean,
 *       replies: Y.Array<Y.Map { id, authorId, authorName, createdAt, text }>
 *     }
 *
 * A note's fields are set once except `text`/`editedAt` (its author's edits), `resolved` and `replies`, so two people
 * resolving and replying at once merge field by field. Whether a note is on the room's screen is kept apart, in
 * `screen-document.ts`. Every reader here tolerates missing or mistyped fields: the document arrives from other
 * clients. The server holds the shared document to this layout exactly (`readNoteStrictly`, used by
 * server/yjs/annotations-rules.ts): only these keys and types, authors as the server knows them, and each change made
 * by whom the rules allow.
 */
import * as Y from 'yjs';

export const NOTES_MAP = 'notes';

/** `minutes`: a comment on the circulated draft minutes, whose targetId is the meeting's id. */
export type NoteTarget = 'project' | 'agenda' | 'minutes';

export interface Author {
  id: string;
  name: string;
}

export interface Reply {
  id: string;
  authorId: string;
  authorName: string;
  createdAt: number;
  text: string;
}

export interface Note {
  id: string;
  target: NoteTarget;
  targetId: string;
  authorId: string;
  authorName: string;
  createdAt: number;
  text: string;
  /** When its author last changed the text; absent for a note never edited. */
  editedAt?: number;
  resolved: boolean;
  replies: Reply[];
}

/** The longest note or reply, in characters; the editor stops there and the server refuses longer ones. */
export const MAX_NOTE_TEXT = 5000;
const MAX_SHORT_TEXT = 200;
const NOTE_KEYS = new Set(['id', 'target', 'targetId', 'authorId', 'authorName', 'createdAt', 'text', 'editedAt', 'resolved', 'replies']);
const REPLY_KEYS = new Set(['id', 'authorId', 'authorName', 'createdAt', 'text']);

export function notesMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(NOTES_MAP);
}

/** Every readable note about one project or agenda item, oldest first. */
export function notesFor(doc: Y.Doc, target: NoteTarget, targetId: string): Note[] {
  return allNotes(doc).filter((note) => note.target === target && note.targetId === targetId);
}

/** How many open (unresolved) notes each project or agenda item has, keyed `<target>:<targetId>`. */
export function openNoteCounts(doc: Y.Doc): Map<string, number> {
  const counts = new Map<string, number>();
  for (const note of allNotes(doc)) {
    if (note.resolved) continue;
    const key = countKey(note.target, note.targetId);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export function countKey(target: NoteTarget, targetId: string): string {
  return `${target}:${targetId}`;
}

export function allNotes(doc: Y.Doc): Note[] {
  const notes: Note[] = [];
  for (const value of notesMap(doc).values()) {
    const note = readNote(value);
    if (note) notes.push(note);
  }
  return notes.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

export function addNote(doc: Y.Doc, input: { target: NoteTarget; targetId: string; author: Author; text: string; now?: number }): string {
  const id = randomId();
  doc.transact(() => {
    const note = new Y.Map<unknown>();
    note.set('id', id);
    note.set('target', input.target);
    note.set('targetId', input.targetId);
    note.set('authorId', input.author.id);
    note.set('authorName', input.author.name);
    note.set('createdAt', input.now ?? Date.now());
    note.set('text', input.text);
    note.set('resolved', false);
    note.set('replies', new Y.Array<Y.Map<unknown>>());
    notesMap(doc).set(id, note);
  });
  return id;
}

export function addReply(doc: Y.Doc, noteId: string, input: { author: Author; text: string; now?: number }): void {
  const replies = notesMap(doc).get(noteId)?.get('replies');
  if (!(replies instanceof Y.Array)) return;
  const reply = new Y.Map<unknown>();
  reply.set('id', randomId());
  reply.set('authorId', input.author.id);
  reply.set('authorName', input.author.name);
  reply.set('createdAt', input.now ?? Date.now());
  reply.set('text', input.text);
  replies.push([reply]);
}

export function setResolved(doc: Y.Doc, noteId: string, resolved: boolean): void {
  notesMap(doc).get(noteId)?.set('resolved', resolved);
}

/** The author's new text for their note. */
export function editNote(doc: Y.Doc, noteId: string, text: string, now = Date.now()): void {
  const note = notesMap(doc).get(noteId);
  if (!note) return;
  doc.transact(() => {
    note.set('text', text);
    note.set('editedAt', now);
  });
}

export function deleteNote(doc: Y.Doc, noteId: string): void {
  notesMap(doc).delete(noteId);
}

/**
 * A note exactly as the layout says, or null when anything about it is off: a key the layout does not have, a value
 * of the wrong type, a text too long, a reply that is not itself exact, two replies with one id. `key` is the entry's
 * key in the notes map, which must be the note's own id.
 */
export function readNoteStrictly(key: string, value: unknown): Note | null {
  if (!(value instanceof Y.Map) || !onlyKeys(value, NOTE_KEYS)) return null;
  const replies = value.get('replies');
  if (!(replies instanceof Y.Array)) return null;
  const note = readNote(value);
  if (
    note === null ||
    note.id !== key ||
    !isText(value.get('id'), MAX_SHORT_TEXT) ||
    !isText(value.get('targetId'), MAX_SHORT_TEXT) ||
    !isText(value.get('authorId'), MAX_SHORT_TEXT) ||
    !isText(value.get('authorName'), MAX_SHORT_TEXT) ||
    !isTime(value.get('createdAt')) ||
    !isText(value.get('text'), MAX_NOTE_TEXT) ||
    (value.has('editedAt') && !isTime(value.get('editedAt'))) ||
    typeof value.get('resolved') !== 'boolean'
  ) {
    return null;
  }
  const strictReplies = replies.toArray().map(readReplyStrictly);
  if (strictReplies.some((r) => r === null)) return null;
  const ids = new Set(strictReplies.map((r) => r!.id));
  if (ids.size !== strictReplies.length) return null;
  return { ...note, replies: strictReplies as Reply[] };
}

function readReplyStrictly(value: unknown): Reply | null {
  if (!(value instanceof Y.Map) || !onlyKeys(value, REPLY_KEYS)) return null;
  const reply = readReply(value);
  const exact =
    isText(value.get('id'), MAX_SHORT_TEXT) &&
    isText(value.get('authorId'), MAX_SHORT_TEXT) &&
    isText(value.get('authorName'), MAX_SHORT_TEXT) &&
    isTime(value.get('createdAt')) &&
    isText(value.get('text'), MAX_NOTE_TEXT);
  return exact ? reply : null;
}

function onlyKeys(map: Y.Map<unknown>, allowed: ReadonlySet<string>): boolean {
  for (const key of map.keys()) if (!allowed.has(key)) return false;
  return true;
}

const isText = (value: unknown, max: number): boolean => typeof value === 'string' && value.length <= max;
const isTime = (value: unknown): boolean => typeof value === 'number' && Number.isFinite(value) && value >= 0;

/** A note as far as it can be read, tolerating missing or mistyped fields; null when it is not one at all. */
export function readNote(value: unknown): Note | null {
  if (!(value instanceof Y.Map)) return null;
  const id = value.get('id');
  const target = value.get('target');
  const targetId = value.get('targetId');
  if (typeof id !== 'string' || (target !== 'project' && target !== 'agenda' && target !== 'minutes') || typeof targetId !== 'string') return null;
  const replies = value.get('replies');
  return {
    id,
    target,
    targetId,
    authorId: str(value.get('authorId')),
    authorName: str(value.get('authorName')),
    createdAt: num(value.get('createdAt')),
    text: str(value.get('text')),
    ...(typeof value.get('editedAt') === 'number' ? { editedAt: num(value.get('editedAt')) } : {}),
    resolved: value.get('resolved') === true,
    replies: replies instanceof Y.Array ? replies.toArray().flatMap((r) => readReply(r) ?? []) : [],
  };
}

function readReply(value: unknown): Reply | null {
  if (!(value instanceof Y.Map)) return null;
  const id = value.get('id');
  if (typeof id !== 'string') return null;
  return {
    id,
    authorId: str(value.get('authorId')),
    authorName: str(value.get('authorName')),
    createdAt: num(value.get('createdAt')),
    text: str(value.get('text')),
  };
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/** Not `randomUUID`: browsers offer it only on https or localhost, and members join over the room's LAN. */
function randomId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
