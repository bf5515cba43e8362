// The shared notes the presenter put on the room's screen: the screen document names them, the meeting's
// annotations document holds their text; both are read live.
import type { Note, NoteTarget } from '$lib/annotations/document.ts';
import { promotedNotes, type Promotion } from '$lib/annotations/screen-document.ts';
import { openYjsDoc, type OpenDoc } from '$lib/realtime/yjs-doc.ts';

export class PromotedNotesState {
  /** Bumped on every change of either document, so `for()` recomputes where it is read. */
  #version = $state(0);
  readonly #annotations: OpenDoc;
  readonly #screen: OpenDoc;
  readonly #bump = () => this.#version++;

  constructor(meetingId: string) {
    this.#annotations = openYjsDoc(`meeting/${meetingId}/annotations`);
    this.#screen = openYjsDoc(`meeting/${meetingId}/screen`);
    for (const { doc } of [this.#annotations, this.#screen]) doc.on('update', this.#bump);
  }

  for(target: NoteTarget, targetId: string): Array<Note & { promoted: Promotion }> {
    void this.#version;
    return promotedNotes(this.#annotations.doc, this.#screen.doc, target, targetId);
  }

  close(): void {
    for (const open of [this.#annotations, this.#screen]) {
      open.doc.off('update', this.#bump);
      open.close();
    }
  }
}
