/**
 * What a writer's Yjs update must pass before it touches a document, and how awareness states are stamped: the one
 * validation step between a connection and its document (YConnection calls it for every update and awareness message
 * a client sends).
 *
 * - Size: an update larger than `maxUpdateBytes`, or one that would take the document past its kind's cap, is refused
 *   with `payload_too_large`.
 * - The shared annotations document: the update is applied to a copy of the document first, and the change is judged
 *   on the copy (`annotations-rules.ts`). An update that touches anything outside the notes map, leaves structs that
 *   wait for changes the server does not have, or changes a note in a way its sender may not, is refused whole.
 *
 * Why a copy rather than reading the update's structs: in the encoding, an item inserted next to another names only
 * that neighbour, not its parent; a map entry overwritten deletes the old value without naming it; and a delete set
 * is only ranges of ids. Deciding which note an update touches from the structs alone means redoing Yjs's own
 * integration. Applying to a copy lets Yjs do that, and the rules then read notes exactly as every client will. The
 * cost is one encode and apply of the document per annotations update; notes change a few times a minute, the
 * document is capped, and the minutes (typed a keystroke at a time) are not checked this way.
 *
 * Refused updates are answered with the protocol's permission-denied message, whose reason is the JSON of the
 * catalogue's error, and stored nowhere; the connection stays open. Updates that do not come from a client (the
 * server's own writes to the minutes, updates relayed from another instance, which that instance checked) do not
 * come through here: they are applied to the document directly, deliberately.
 */
import * as Y from 'yjs';
import type { Identity } from '../auth/identity.ts';
import { wireError, type ErrorCode, type WireError } from '../shared/errors.ts';
import { NOTES_MAP, readNote, readNoteStrictly } from '../../web/lib/annotations/document.ts';
import { refuseNoteChange } from './annotations-rules.ts';
import { parseDocName, type DocKind } from './doc-names.ts';
import { decodeAwarenessUpdate, encodeAwarenessEntries, ProtocolError } from './protocol.ts';
import { errorDetail } from './types.ts';

export interface UpdateLimits {
  /** The largest single update a client may send. */
  maxUpdateBytes: number;
  /** The largest each kind of document may grow to (its state encoded as one update). */
  maxDocumentBytes: Readonly<Record<DocKind, number>>;
  /** The largest awareness state (JSON) one client may publish. */
  maxAwarenessStateBytes: number;
}

const KIB = 1024;
const MIB = 1024 * KIB;

export const DEFAULT_UPDATE_LIMITS: UpdateLimits = {
  // A pasted report of some 80,000 Thai characters; anything larger is not typing.
  maxUpdateBytes: 256 * KIB,
  maxDocumentBytes: { annotations: 2 * MIB, minutes: 4 * MIB, screen: 256 * KIB, private: 1 * MIB },
  maxAwarenessStateBytes: 4 * KIB,
};

export interface UpdateRefusal {
  error: WireError;
  /** For the log. */
  reason: string;
}

/** An update no bigger than this changes nothing (no structs, an empty delete set). */
const EMPTY_UPDATE_BYTES = 2;

export interface UpdateGuard {
  /** Null when the update may be applied to `doc`; the refusal otherwise. Throws ProtocolError on a malformed update. */
  checkUpdate(doc: Y.Doc & { name: string }, identity: Identity, update: Uint8Array): UpdateRefusal | null;
  /**
   * The awareness update with each state's `user` as the server knows this person: their name, role and participant
   * id replace whatever the client wrote (a colour is kept). States too large are dropped.
   */
  stampAwareness(identity: Identity, update: Uint8Array): Uint8Array;
}

export function createUpdateGuard(limits: UpdateLimits = DEFAULT_UPDATE_LIMITS): UpdateGuard {
  /**
   * An upper bound of each document's size: exact when measured, then grown by each accepted update's length (which
   * is at least what it adds). Measured again only when the bound would pass the cap, so a busy document is encoded
   * rarely. Weak, so it goes with the document.
   */
  const sizeBound = new WeakMap<Y.Doc, number>();

  function refusal(code: ErrorCode, reason: string, details?: unknown): UpdateRefusal {
    return { error: wireError(code, details), reason };
  }

  return {
    checkUpdate(doc, identity, update) {
      if (update.length <= EMPTY_UPDATE_BYTES) return null;
      if (update.length > limits.maxUpdateBytes) {
        return refusal('payload_too_large', `update of ${update.length} bytes`, { maxBytes: limits.maxUpdateBytes });
      }
      const kind = parseDocName(doc.name)?.kind;
      if (kind === undefined) return refusal('invalid_payload', 'unknown document');
      const cap = limits.maxDocumentBytes[kind];
      let bound = sizeBound.get(doc) ?? encodedSize(doc);
      if (bound + update.length > cap) bound = encodedSize(doc);
      if (bound + update.length > cap) {
        sizeBound.set(doc, bound);
        return refusal('payload_too_large', `document would pass ${cap} bytes`, { maxBytes: cap });
      }
      if (kind === 'annotations') {
        const refused = checkAnnotationsUpdate(doc, identity, update);
        if (refused) return refusal(refused.code, refused.reason);
      }
      sizeBound.set(doc, bound + update.length);
      return null;
    },

    stampAwareness(identity, update) {
      const entries = decodeAwarenessUpdate(update).flatMap((entry) => {
        if (entry.state === null) return [entry];
        if (JSON.stringify(entry.state).length > limits.maxAwarenessStateBytes) return [];
        return [{ ...entry, state: stampState(entry.state, identity) }];
      });
      return encodeAwarenessEntries(entries);
    },
  };
}

function encodedSize(doc: Y.Doc): number {
  return Y.encodeStateAsUpdate(doc).length;
}

function stampState(state: unknown, identity: Identity): unknown {
  if (typeof state !== 'object' || state === null || Array.isArray(state)) return {};
  const { user, ...rest } = state as Record<string, unknown>;
  // No `user` is a reader present without a caret (the minutes editor's readers); that is not a claim to be anyone.
  if (typeof user !== 'object' || user === null) return user === undefined ? rest : { ...rest, user: null };
  const color = (user as Record<string, unknown>).color;
  return {
    ...rest,
    user: {
      name: identity.displayName,
      role: identity.role,
      participantId: identity.participantId,
      ...(typeof color === 'string' && /^#[0-9a-f]{3,8}$/i.test(color) ? { color } : {}),
    },
  };
}

interface AnnotationsRefusal {
  code: ErrorCode;
  reason: string;
}

function checkAnnotationsUpdate(live: Y.Doc, actor: Identity, update: Uint8Array): AnnotationsRefusal | null {
  const copy = new Y.Doc({ gc: true });
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(live));
    // Typed now, so that the root the update names is this map and not a bare type that reads as nothing.
    const notes = copy.getMap<unknown>(NOTES_MAP);
    const touched = new Set<string>();
    let outside: string | null = null;
    copy.on('afterTransaction', (transaction: Y.Transaction) => {
      for (const [type, keys] of transaction.changed) {
        const noteId = noteKeyOf(type, notes);
        if (noteId === undefined) outside ??= 'a change outside the notes map';
        // Content of a map that is not a key (array-like items under a Y.Map) is invisible and has no place here.
        else if (type instanceof Y.Map && keys.has(null)) outside ??= 'list content inside a map';
        else if (noteId === null) for (const key of keys) touched.add(key!);
        else touched.add(noteId);
      }
    });
    try {
      Y.applyUpdate(copy, update);
    } catch (error) {
      throw new ProtocolError(`update could not be applied: ${errorDetail(error)}`, { cause: error });
    }
    if (outside) return { code: 'invalid_payload', reason: outside };
    if (copy.store.pendingStructs !== null || copy.store.pendingDs !== null) {
      return { code: 'invalid_payload', reason: 'an update that depends on changes the server does not have' };
    }
    const liveNotes = live.getMap<unknown>(NOTES_MAP);
    for (const id of touched) {
      const beforeValue = liveNotes.get(id);
      const strictBefore = beforeValue === undefined ? null : readNoteStrictly(id, beforeValue);
      const lenientBefore = beforeValue === undefined ? null : readNote(beforeValue);
      const before = strictBefore ? { note: strictBefore, exact: true } : lenientBefore ? { note: lenientBefore, exact: false } : null;
      const afterValue = notes.get(id);
      const after = afterValue === undefined ? null : (readNoteStrictly(id, afterValue) ?? 'malformed');
      if (before === null && beforeValue !== undefined && after !== null) {
        // An entry that never was a note (written before the layout was enforced) cannot become one by rewriting.
        return { code: 'invalid_payload', reason: `rewriting entry ${id}, which is not a note` };
      }
      const refused = refuseNoteChange(before, after, actor);
      if (refused) return { code: refused.code, reason: `${refused.reason} (note ${id})` };
    }
    return null;
  } finally {
    copy.destroy();
  }
}

/**
 * Which note a changed type belongs to: null for the notes map itself, the note's id for a type inside a note (the
 * note's map, its replies, a reply), undefined for anything under another root.
 */
function noteKeyOf(type: Y.AbstractType<any>, notes: Y.Map<unknown>): string | null | undefined {
  if (type === notes) return null;
  let current = type;
  for (;;) {
    const item = current._item;
    if (item === null) return undefined;
    const parent = item.parent;
    if (!(parent instanceof Y.AbstractType)) return undefined;
    if (parent === notes) return item.parentSub ?? undefined;
    current = parent;
  }
}
