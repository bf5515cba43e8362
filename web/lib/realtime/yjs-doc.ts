// One shared Yjs document in the browser, synced with the board's /yjs endpoint by the unmodified y-websocket provider.
// The session cookie authenticates it. Edits made while disconnected stay in the Y.Doc and are sent on reconnect; with
// an offline copy they also survive a reload or a closed tab.
import * as Y from 'yjs';
import * as authProtocol from 'y-protocols/auth';
import { WebsocketProvider, messageAuth } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import { Awareness } from 'y-protocols/awareness';
import { wireError, type WireError } from '$shared/errors.ts';

export interface OpenDoc {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /**
   * Calls back whenever the server refused an edit (too large, not the sender's note to change). The edit stays in
   * this browser only, so the person must be told.
   */
  onRefused(listener: (refusal: WireError) => void): () => void;
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
  const refusalListeners = new Set<(refusal: WireError) => void>();
  // The provider only logs a permission-denied message; the server's reason is the catalogue's error as JSON.
  provider.messageHandlers[messageAuth] = (_encoder, decoder) => {
    authProtocol.readAuthMessage(decoder, doc, (_doc, reason) => {
      const refusal = readRefusal(reason);
      for (const listener of refusalListeners) listener(refusal);
    });
  };
  return {
    doc,
    provider,
    onRefused(listener) {
      refusalListeners.add(listener);
      return () => refusalListeners.delete(listener);
    },
    close() {
      provider.destroy();
      void offline?.destroy();
      doc.destroy();
    },
  };
}

function readRefusal(reason: string): WireError {
  try {
    const parsed = JSON.parse(reason) as Partial<WireError>;
    if (typeof parsed.messageTh === 'string' && typeof parsed.messageEn === 'string' && typeof parsed.code === 'string') return parsed as WireError;
  } catch {
    // A plain-text reason (a read-only connection's dropped edit): the generic refusal says enough.
  }
  return wireError('forbidden');
}

function offlineCopyName(participantId: string, docName: string): string {
  return `committee-board/${participantId}/${docName}`;
}
