// The minutes editor: Tiptap 3 (ProseMirror) bound to the meeting's minutes document, with who-is-editing from awareness.
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { TableKit } from '@tiptap/extension-table';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { BoardSection } from '$lib/minutes/board-section.ts';
import { keepTextInEveryBlock } from '$lib/minutes/text-blocks.ts';
import { openYjsDoc, type OpenDoc } from '$lib/realtime/yjs-doc.ts';
import type { WireError } from '$shared/errors.ts';
import { YJS_REVOKED_CLOSE_CODE } from '$shared/events/participants.ts';

/** The Y.XmlFragment the editor and the PDF printer read (server/yjs/minutes-template.ts writes the skeleton there). */
export const MINUTES_FIELD = 'default';

/** Colour-blind-safe (Okabe-Ito) caret colours; the name is always shown beside it. */
const CARET_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];

export interface Editing {
  clientId: number;
  name: string;
  color: string;
}

export type MinutesConnection = 'connecting' | 'live' | 'offline' | 'revoked';

export class MinutesEditorState {
  #connection: MinutesConnection = $state('connecting');
  #editors: Editing[] = $state([]);
  /** The last edit the server refused (a paste too large, a document at its size limit). */
  #refusal: WireError | null = $state(null);
  readonly #open: OpenDoc;
  readonly #editor: Editor;

  constructor(options: { element: HTMLElement; meetingId: string; user: { id: string; name: string }; editable: boolean }) {
    // Only those who may write show themselves: readers are present on the board, not in the document.
    this.#open = openYjsDoc(`meeting/${options.meetingId}/minutes`, { offlineCopyFor: options.user.id, presence: options.editable });
    const { doc, provider } = this.#open;
    const color = CARET_COLOURS[hash(options.user.id) % CARET_COLOURS.length]!;
    this.#editor = new Editor({
      element: options.element,
      editable: options.editable,
      extensions: [
        // Collaboration brings its own undo, which undoes only this person's edits.
        StarterKit.configure({ undoRedo: false }),
        // The decisions the board writes: project resolutions as a table, each agenda item's in its section.
        TableKit.configure({ table: { resizable: false } }),
        BoardSection,
        Collaboration.configure({ document: doc, field: MINUTES_FIELD }),
        CollaborationCaret.configure({ provider, user: { name: options.user.name, color } }),
      ],
      editorProps: { attributes: { 'aria-label': 'รายงานการประชุม', class: 'minutes-document' } },
    });
    keepTextInEveryBlock(ySyncPluginKey.getState(this.#editor.state).binding, doc, this.#editor.schema);
    provider.on('status', ({ status }: { status: string }) => {
      if (this.#connection === 'revoked') return;
      this.#connection = status === 'connected' ? 'live' : status === 'connecting' && this.#connection === 'connecting' ? 'connecting' : 'offline';
    });
    // A page opened while the server is unreachable never gets a 'disconnected' status, only closed attempts; the
    // person should still learn at once that what they type is kept on this device.
    provider.on('connection-close', (event: CloseEvent | null) => {
      if (event?.code === YJS_REVOKED_CLOSE_CODE) this.#connection = 'revoked';
      if (this.#connection === 'connecting') this.#connection = 'offline';
    });
    const readEditors = () => {
      const editors: Editing[] = [];
      for (const [clientId, state] of provider.awareness.getStates()) {
        const user = (state as { user?: { name?: unknown; color?: unknown } | null }).user;
        if (user && typeof user.name === 'string' && typeof user.color === 'string') {
          editors.push({ clientId, name: user.name, color: user.color });
        }
      }
      this.#editors = editors;
    };
    provider.awareness.on('change', readEditors);
    readEditors();
    this.#open.onRefused((refusal) => (this.#refusal = refusal));
  }

  get refusal(): WireError | null {
    return this.#refusal;
  }

  get connection(): MinutesConnection {
    return this.#connection;
  }

  get editors(): Editing[] {
    return this.#editors;
  }

  get editor(): Editor {
    return this.#editor;
  }

  /** The minutes were circulated or adopted while open: the server already refuses what this person types. */
  setEditable(editable: boolean): void {
    this.#editor.setEditable(editable);
  }

  destroy(): void {
    this.#editor.destroy();
    this.#open.close();
  }
}

function hash(text: string): number {
  let h = 0;
  for (const ch of text) h = (h * 31 + ch.codePointAt(0)!) >>> 0;
  return h;
}
