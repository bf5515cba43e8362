// The shared notes the presenter put on the room's screen, read live from the meeting's annotations document.
import { promotedNotes, type Note } from '$lib/annotations/document.ts';
import { openYjsDoc, type OpenDoc } from '$lib/realtime/yjs-doc.ts';

export class PromotedNotesState {
  /** Bumped on every change of the document, so `for()` recomputes where it is read. */
  #version = $state(0);
  readonly #shared: OpenDoc;
  readonly #bump = () => this.#version++;

  constructor(meetingId: string) {
    this.#shared = openYjsDoc(`meeting/${meetingId}/annotations`);
    this.#shared.doc.on('update', this.#bump);
  }

  for(projectId: string): Note[] {
    void this.#version;
    return promotedNotes(this.#shared.doc, projectId);
  }

  close(): void {
    this.#shared.doc.off('update', this.#bump);
    this.#shared.close();
  }
}
