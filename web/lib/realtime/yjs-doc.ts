// One shared Yjs document in the browser, synced with the board's /yjs endpoint by the unmodified y-websocket provider.
// The session cookie authenticates it. Edits made while disconnected stay in the Y.Doc and are sent on reconnect; with
// an offline copy they also survive a reload or a closed tab.
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import { Awareness } from 'y-protocols/awareness';

export interface OpenDoc {
  doc: Y.Doc;
  provider: WebsocketProvider;
  close(): void;
}

export interface OpenDocOptions {
  /**
   * The participant whose offline copy this is: the document is also kept in this browser's IndexedDB, so what they
   * typed without a connection is still there when the page opens again, and reaches the server once it is back.
   * Keyed by participant, not only by document, so that two people who share a browser never exchange private
   * notes, and a copy made against another database (a participant id is never reused) is never merged into this one.
   */
  offlineCopyFor?: string;
  /**
   * Whether this client shows itself in the document's awareness (a caret, "who is editing"). Off by default: a
   * reader with an awareness state renews it every 15 s to every other client, which in a meeting of a thousand
   * readers is a thousand times a thousand messages for nothing anyone sees.
   */
  presence?: boolean;
}

export function openYjsDoc(docName: string, options: OpenDocOptions = {}): OpenDoc {
  const doc = new Y.Doc();
  const offline = options.offlineCopyFor === undefined ? null : new IndexeddbPersistence(offlineCopyName(options.offlineCopyFor, docName), doc);
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  // No BroadcastChannel: two tabs of one browser are two participants in tests and on shared laptops, and the
  // server is the only place that decides who may see a private document.
  const awareness = new Awareness(doc);
  if (!options.presence) awareness.setLocalState(null);
  const provider = new WebsocketProvider(`${scheme}://${location.host}/yjs`, docName, doc, { disableBc: true, awareness });
  return {
    doc,
    provider,
    close() {
      provider.destroy();
      void offline?.destroy();
      doc.destroy();
    },
  };
}

function offlineCopyName(participantId: string, docName: string): string {
  return `committee-board/${participantId}/${docName}`;
}
