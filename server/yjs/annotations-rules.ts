/**
 * Who may change what in the shared annotations document: the rules, on notes as the layout reads them.
 *
 * Pure: it is given one note before and after an update (as `readNoteStrictly` reads them) and the person who sent
 * the update, and says why the change is not theirs to make, or null when it is. `update-guard.ts` finds which notes
 * an update touches and calls this for each.
 *
 *   - anyone who may write adds notes and replies, authored by themselves exactly as the server knows them (their
 *     participant id and display name), never by someone else;
 *   - only a note's author changes its text or deletes it; only a reply's author changes or deletes the reply;
 *   - the author of a note resolves and reopens it, and so do the roles with `annotation:resolve`;
 *   - what a note is about (its id, target, author, creation time) never changes.
 */
import type { Identity } from '../auth/identity.ts';
import { can } from '../domain/permissions.ts';
import type { ErrorCode } from '../shared/errors.ts';
import type { Note, Reply } from '../../web/lib/annotations/document.ts';

export interface NoteRefusal {
  code: ErrorCode;
  /** For the log: what exactly was wrong. */
  reason: string;
}

/** A note as stored before the update: `exact` is false for one that does not follow the layout (written before it was enforced). */
export interface NoteBefore {
  note: Note;
  exact: boolean;
}

/**
 * `after` is the note once the update is applied: null when the update deletes it, 'malformed' when what is there no
 * longer follows the layout.
 */
export function refuseNoteChange(before: NoteBefore | null, after: Note | null | 'malformed', actor: Identity): NoteRefusal | null {
  if (after === 'malformed') return { code: 'invalid_payload', reason: 'a note that does not follow the layout' };
  const isAuthor = (note: { authorId: string }) => note.authorId === actor.participantId;
  if (before === null) {
    if (after === null) return null;
    if (!signedBy(after, actor)) return { code: 'note_not_yours', reason: `a new note in the name of ${after.authorId}` };
    if (after.replies.some((reply) => !signedBy(reply, actor))) return { code: 'note_not_yours', reason: 'a new note with replies in another name' };
    return null;
  }
  const old = before.note;
  if (after === null) return isAuthor(old) ? null : { code: 'note_not_yours', reason: `deleting ${old.authorId}'s note` };
  if (!before.exact && !isAuthor(old)) return { code: 'note_not_yours', reason: `rewriting ${old.authorId}'s note` };
  if (
    after.id !== old.id ||
    after.target !== old.target ||
    after.targetId !== old.targetId ||
    after.authorId !== old.authorId ||
    after.authorName !== old.authorName ||
    after.createdAt !== old.createdAt
  ) {
    return { code: 'note_not_yours', reason: 'changing what a note is about or who wrote it' };
  }
  if ((after.text !== old.text || after.editedAt !== old.editedAt) && !isAuthor(old)) {
    return { code: 'note_not_yours', reason: `editing ${old.authorId}'s note` };
  }
  if (after.resolved !== old.resolved && !isAuthor(old) && !can(actor.role, 'annotation:resolve')) {
    return { code: 'forbidden', reason: `resolving ${old.authorId}'s note without annotation:resolve` };
  }
  return refuseRepliesChange(old.replies, after.replies, actor);
}

function refuseRepliesChange(before: Reply[], after: Reply[], actor: Identity): NoteRefusal | null {
  const afterById = new Map(after.map((reply) => [reply.id, reply]));
  const beforeById = new Map(before.map((reply) => [reply.id, reply]));
  for (const old of before) {
    const now = afterById.get(old.id);
    if ((now === undefined || !sameReply(old, now)) && old.authorId !== actor.participantId) {
      return { code: 'note_not_yours', reason: `${now === undefined ? 'deleting' : 'editing'} ${old.authorId}'s reply` };
    }
    if (now !== undefined && (now.authorId !== old.authorId || now.authorName !== old.authorName || now.createdAt !== old.createdAt)) {
      return { code: 'note_not_yours', reason: 'changing who wrote a reply' };
    }
  }
  for (const reply of after) {
    if (!beforeById.has(reply.id) && !signedBy(reply, actor)) return { code: 'note_not_yours', reason: `a reply in the name of ${reply.authorId}` };
  }
  return null;
}

function signedBy(written: { authorId: string; authorName: string }, actor: Identity): boolean {
  return written.authorId === actor.participantId && written.authorName === actor.displayName;
}

function sameReply(a: Reply, b: Reply): boolean {
  return a.text === b.text && a.authorId === b.authorId && a.authorName === b.authorName && a.createdAt === b.createdAt;
}
