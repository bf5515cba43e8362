// The meeting's annotations in the browser: the shared document, my private one, and the screen document that says
// which shared notes are on the room's screen, read through the layout modules.
import type * as Y from 'yjs';
import {
  addNote,
  addReply,
  countKey,
  deleteNote,
  editNote,
  notesFor,
  openNoteCounts,
  setResolved,
  type Author,
  type Note,
  type NoteTarget,
} from '$lib/annotations/document.ts';
import type { WireError } from '$shared/errors.ts';
import { promotions, setPromoted, type Promotion } from '$lib/annotations/screen-document.ts';
import { openYjsDoc, type OpenDoc } from '$lib/realtime/yjs-doc.ts';

export type NoteScope = 'shared' | 'private';

export interface ScopedNote extends Note {
  scope: NoteScope;
  /** Only a shared note can be on the screen. */
  promoted: Promotion | null;
}

export class AnnotationsState {
  /** Bumped on every change of either document: the getters below read it so Svelte recomputes them. */
  #version = $state(0);
  #synced = $state(false);
  /** The last edit the server refused, until the person dismisses it. */
  #refusal: WireError | null = $state(null);
  readonly #shared: OpenDoc;
  readonly #private: OpenDoc;
  /** Written only by roles with `annotation:promote`; the server drops anyone else's updates. */
  readonly #screen: OpenDoc;
  readonly #author: Author;
  readonly #detach: (() => void)[] = [];
  /** Lazy, so it first runs after the constructor has opened the documents. */
  readonly #counts = $derived.by(() => {
    void this.#version;
    const counts = openNoteCounts(this.#shared.doc);
    for (const [key, count] of openNoteCounts(this.#private.doc)) counts.set(key, (counts.get(key) ?? 0) + count);
    return counts;
  });

  constructor(options: { meetingId: string; author: Author }) {
    this.#author = options.author;
    const offline = { offlineCopyFor: options.author.id };
    this.#shared = openYjsDoc(`meeting/${options.meetingId}/annotations`, offline);
    this.#private = openYjsDoc(`meeting/${options.meetingId}/private/${options.author.id}`, offline);
    this.#screen = openYjsDoc(`meeting/${options.meetingId}/screen`, offline);
    for (const { doc, provider } of [this.#shared, this.#private, this.#screen]) {
      const bump = () => this.#version++;
      doc.on('update', bump);
      const onSync = (synced: boolean) => (this.#synced = synced);
      provider.on('sync', onSync);
      this.#detach.push(() => doc.off('update', bump), () => provider.off('sync', onSync));
    }
    for (const open of [this.#shared, this.#private, this.#screen]) this.#detach.push(open.onRefused((refusal) => (this.#refusal = refusal)));
  }

  get synced(): boolean {
    return this.#synced;
  }

  get refusal(): WireError | null {
    return this.#refusal;
  }

  dismissRefusal(): void {
    this.#refusal = null;
  }

  /** Only the author edits or deletes a note (the server refuses anyone else). */
  isMine(note: ScopedNote): boolean {
    return note.authorId === this.#author.id;
  }

  /** Open notes, shared and mine, about one project or agenda item. */
  openCount(target: NoteTarget, targetId: string): number {
    return this.#counts.get(countKey(target, targetId)) ?? 0;
  }

  notes(target: NoteTarget, targetId: string): ScopedNote[] {
    void this.#version;
    const promoted = promotions(this.#screen.doc);
    return [
      ...notesFor(this.#shared.doc, target, targetId).map((note) => ({ ...note, scope: 'shared' as const, promoted: promoted.get(note.id) ?? null })),
      ...notesFor(this.#private.doc, target, targetId).map((note) => ({ ...note, scope: 'private' as const, promoted: null })),
    ].sort((a, b) => a.createdAt - b.createdAt);
  }

  add(scope: NoteScope, target: NoteTarget, targetId: string, text: string): void {
    addNote(this.#doc(scope), { target, targetId, author: this.#author, text });
  }

  reply(note: ScopedNote, text: string): void {
    addReply(this.#doc(note.scope), note.id, { author: this.#author, text });
  }

  setResolved(note: ScopedNote, resolved: boolean): void {
    setResolved(this.#doc(note.scope), note.id, resolved);
  }

  edit(note: ScopedNote, text: string): void {
    editNote(this.#doc(note.scope), note.id, text);
  }

  delete(note: ScopedNote): void {
    deleteNote(this.#doc(note.scope), note.id);
  }

  setPromoted(note: ScopedNote, promoted: boolean): void {
    if (note.scope === 'shared') setPromoted(this.#screen.doc, note.id, promoted ? this.#author : null);
  }

  close(): void {
    for (const detach of this.#detach) detach();
    this.#shared.close();
    this.#private.close();
    this.#screen.close();
  }

  #doc(scope: NoteScope): Y.Doc {
    return scope === 'shared' ? this.#shared.doc : this.#private.doc;
  }
}
