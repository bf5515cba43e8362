// The sending side of a workload, in the harness's own process: one presenter, writer or plain client per system.
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import type { Sent } from './broadcast.ts';

export interface Sender {
  send(index: number): Promise<Sent>;
  close(): void;
}

/** A Socket.io client that the server said is ready (the board sends `session:ready`, so does the relay). */
export async function readySocket(url: string, auth: Record<string, string>): Promise<Socket> {
  const socket = io(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
  await new Promise<void>((resolve, reject) => {
    socket.once('session:ready', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

/** A command with an acknowledgement; the key is the `seq` the acknowledgement names. */
export function acknowledgedSender(socket: Socket, event: string, payload: (index: number) => unknown, onData?: (data: unknown, index: number) => void): Sender {
  return {
    async send(index) {
      const reply = (await socket.emitWithAck(event, payload(index))) as { data?: { seq?: number }; error?: { code: string } };
      if (reply.data?.seq === undefined) return { refused: reply.error?.code ?? 'no seq in the acknowledgement' };
      onData?.(reply.data, index);
      return { key: String(reply.data.seq) };
    },
    close: () => socket.close(),
  };
}

/** A plain WebSocket client whose message is broadcast as it is; the key is the index it carries. */
export async function wsSender(url: string, payload: (index: number) => Record<string, unknown>): Promise<Sender> {
  const ws = new WebSocket(url);
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  return {
    async send(index) {
      ws.send(JSON.stringify({ seq: index, ...payload(index) }));
      return { key: String(index) };
    },
    close: () => ws.close(),
  };
}

/** A y-websocket client that is editing (its awareness says so), synced before it is returned. */
export async function yjsWriter(url: string, docName: string, token: string | null): Promise<{ doc: Y.Doc; close(): void }> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(url, docName, doc, { WebSocketPolyfill: WebSocket as never, params: token ? { token } : {}, disableBc: true });
  provider.awareness.setLocalStateField('user', { name: 'bench writer', color: '#0072B2' });
  await new Promise<void>((resolve) => (provider.synced ? resolve() : provider.once('sync', () => resolve())));
  return {
    doc,
    close() {
      provider.destroy();
      doc.destroy();
    },
  };
}
