// One shared Yjs document in the browser, synced with the board's /yjs endpoint by the unmodified y-websocket provider.
// The session cookie authenticates it. Edits made while disconnected stay in the Y.Doc and are sent on reconnect.
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';

export interface OpenDoc {
  doc: Y.Doc;
  provider: WebsocketProvider;
  close(): void;
}

export function openYjsDoc(docName: string): OpenDoc {
  const doc = new Y.Doc();
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  // No BroadcastChannel: two tabs of one browser are two participants in tests and on shared laptops, and the
  // server is the only place that decides who may see a private document.
  const provider = new WebsocketProvider(`${scheme}://${location.host}/yjs`, docName, doc, { disableBc: true });
  return {
    doc,
    provider,
    close() {
      provider.destroy();
      doc.destroy();
    },
  };
}
