/**
 * The layout of the meeting's screen document (`meeting/<id>/screen`): which shared notes the presenter put on
 * the room's screen.
 *
 *   doc.getMap('promoted'): Y.Map<noteId, { by: string, byName: string, at: number }>
 *
 * Promotions live in their own document rather than on the note because the server grants write access per
 * document: every member writes the annotations document, but only roles with `annotation:promote` write this
 * one, so a member's client cannot put a note on the screen however it edits its Yjs state. The entry only
 * names a note of the shared annotations document; a private note's id never resolves there.
 */
import * as Y from 'yjs';
import { notesFor, type Author, type Note, type NoteTarget } from './document.ts';

export const PROMOTED_MAP = 'promoted';

export interface Promotion {
  by: string;
  byName: string;
  at: number;
}

export function promotionsMap(screen: Y.Doc): Y.Map<unknown> {
  return screen.getMap<unknown>(PROMOTED_MAP);
}

/** Every readable promotion, keyed by note id. */
export function promotions(screen: Y.Doc): Map<string, Promotion> {
  const result = new Map<string, Promotion>();
  for (const [noteId, value] of promotionsMap(screen).entries()) {
    const promotion = readPromotion(value);
    if (promotion) result.set(noteId, promotion);
  }
  return result;
}

/** Puts a shared note on the screen, or takes it off with `by = null`. */
export function setPromoted(screen: Y.Doc, noteId: string, by: Author | null, now = Date.now()): void {
  if (by === null) promotionsMap(screen).delete(noteId);
  else promotionsMap(screen).set(noteId, { by: by.id, byName: by.name, at: now } satisfies Promotion);
}

/**
 * Open shared notes the presenter put on the screen for a project or an agenda item, in the order they were
 * promoted. A resolved note leaves the screen: the discussion it raised is over (reopening it brings it back).
 */
export function promotedNotes(
  annotations: Y.Doc,
  screen: Y.Doc,
  target: NoteTarget,
  targetId: string,
): Array<Note & { promoted: Promotion }> {
  const promoted = promotions(screen);
  return notesFor(annotations, target, targetId)
    .flatMap((note) => {
      const promotion = promoted.get(note.id);
      return promotion && !note.resolved ? [{ ...note, promoted: promotion }] : [];
    })
    .sort((a, b) => a.promoted.at - b.promoted.at);
}

function readPromotion(value: unknown): Promotion | null {
  if (typeof value !== 'object' || value === null) return null;
  const { by, byName, at } = value as Record<string, unknown>;
  return typeof by === 'string' && typeof at === 'number' ? { by, byName: typeof byName === 'string' ? byName : '', at } : null;
}
