// A receiver worker: a process that holds a share of a workload's clients and notes when each timed message reaches
// each of them. The harness spreads clients over a few of these, so that at 1,000 clients the figures measure the
// server rather than one overloaded client process.
import { io, type Socket } from 'socket.io-client';
import WebSocket, { type RawData } from 'ws';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import { nowMs } from './clock.ts';
import type { Arrival, ReceiverSpec, Traffic, WorkerReply, WorkerRequest } from './receiver-spec.ts';

/** Handshakes in flight at once: hundreds at a time would time out on a busy two-core machine. */
const CONNECT_CONCURRENCY = 25;
const CONNECT_TIMEOUT_MS = 30_000;

interface Group {
  arrivals: Map<string, Arrival>;
  traffic: Traffic;
  disconnects: number;
  closers: (() => void)[];
}

const groups = new Map<number, Group>();
// Every y-websocket provider adds a process 'exit' listener; hundreds in one worker are expected, not a leak.
process.setMaxListeners(0);
const send = (reply: WorkerReply) => process.send!(reply);

function note(group: Group, key: string, at = nowMs()): void {
  const entry = group.arrivals.get(key);
  if (entry) {
    entry[1] += 1;
    entry[2] = Math.min(entry[2], at);
    entry[3] = Math.max(entry[3], at);
  } else group.arrivals.set(key, [key, 1, at, at]);
}

function count(group: Group, bytes: number, awareness = false): void {
  group.traffic.messages += 1;
  group.traffic.bytes += bytes;
  if (awareness) {
    group.traffic.awarenessMessages += 1;
    group.traffic.awarenessBytes += bytes;
  }
}

const sizeOf = (data: RawData) => (Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : data instanceof ArrayBuffer ? data.byteLength : data.length);

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer in ${CONNECT_TIMEOUT_MS} ms`)), CONNECT_TIMEOUT_MS);
    }),
  ]);
}

function openSocketIo(group: Group, spec: Extract<ReceiverSpec, { kind: 'socketio' }>, index: number): Promise<void> {
  const socket: Socket = io(spec.urls?.[index] ?? spec.url, { auth: spec.auths[index], transports: ['websocket'], reconnection: false, forceNew: true });
  group.closers.push(() => socket.close());
  socket.io.on('open', () => {
    socket.io.engine.on('packet', (packet: { type: string; data?: unknown }) => {
      if (packet.type === 'message' && typeof packet.data === 'string') count(group, Buffer.byteLength(packet.data));
    });
  });
  if (spec.event) socket.on(spec.event, (payload: { seq?: unknown }) => note(group, String(payload?.seq)));
  socket.on('disconnect', (reason) => {
    if (reason !== 'io client disconnect') group.disconnects += 1;
  });
  return withTimeout(
    new Promise((resolve, reject) => {
      socket.once(spec.readyEvent, () => resolve());
      socket.once('connect_error', reject);
    }),
    'socket.io handshake',
  );
}

function openWs(group: Group, spec: Extract<ReceiverSpec, { kind: 'ws' }>): Promise<void> {
  const ws = new WebSocket(spec.url);
  group.closers.push(() => ws.close());
  ws.on('message', (data) => {
    const at = nowMs();
    count(group, sizeOf(data));
    note(group, String((JSON.parse(data.toString()) as { seq: unknown }).seq), at);
  });
  ws.on('close', () => {
    if (ws.readyState !== WebSocket.CLOSING) group.disconnects += 1;
  });
  return withTimeout(
    new Promise((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    }),
    'websocket open',
  );
}

const MARKER = /#(\d+:\d+)#/g;

function openYjs(group: Group, spec: Extract<ReceiverSpec, { kind: 'yjs' }>, index: number): Promise<void> {
  /** The provider's WebSocket, counting what arrives (message type 1 is awareness). */
  class CountingWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols);
      // y-websocket asks for ArrayBuffers; the first byte is the message type, 1 for awareness.
      this.on('message', (data) => count(group, sizeOf(data), new Uint8Array(data instanceof ArrayBuffer ? data : (data as Buffer))[0] === 1));
    }
  }
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  if (!spec.awareness) awareness.setLocalState(null);
  const token = spec.tokens[index];
  const provider = new WebsocketProvider(spec.url, spec.docName, doc, {
    WebSocketPolyfill: CountingWebSocket as never,
    params: token ? { token } : {},
    disableBc: true,
    awareness,
  });
  if (spec.probe === 'map') {
    doc.getMap<{ seq: number }>('bench').observe((event) => {
      const at = nowMs();
      for (const key of event.keysChanged) note(group, String(event.target.get(key)?.seq), at);
    });
  } else {
    doc.getText('bench').observe((event) => {
      const at = nowMs();
      for (const delta of event.changes.delta) {
        if (typeof delta.insert === 'string') for (const match of delta.insert.matchAll(MARKER)) note(group, match[1]!, at);
      }
    });
  }
  provider.on('connection-close', () => {
    if (provider.shouldConnect) group.disconnects += 1;
  });
  group.closers.push(() => {
    provider.destroy();
    // The provider's awareness checks for timeouts every few seconds until its document goes.
    doc.destroy();
  });
  return withTimeout(new Promise((resolve) => (provider.synced ? resolve() : provider.once('sync', () => resolve()))), 'yjs sync');
}

async function open(groupId: number, spec: ReceiverSpec): Promise<void> {
  const group: Group = {
    arrivals: new Map(),
    traffic: { messages: 0, bytes: 0, awarenessMessages: 0, awarenessBytes: 0 },
    disconnects: 0,
    closers: [],
  };
  groups.set(groupId, group);
  const total = spec.kind === 'socketio' ? spec.auths.length : spec.kind === 'ws' ? spec.count : spec.tokens.length;
  const openOne = (i: number) =>
    spec.kind === 'socketio' ? openSocketIo(group, spec, i) : spec.kind === 'ws' ? openWs(group, spec) : openYjs(group, spec, i);
  let connected = 0;
  let failed = 0;
  let firstError: string | undefined;
  for (let i = 0; i < total; i += CONNECT_CONCURRENCY) {
    const batch = Array.from({ length: Math.min(CONNECT_CONCURRENCY, total - i) }, (_, j) => openOne(i + j));
    for (const result of await Promise.allSettled(batch)) {
      if (result.status === 'fulfilled') connected++;
      else {
        failed++;
        firstError ??= String(result.reason?.message ?? result.reason);
      }
    }
  }
  // The connection burst is not part of any measurement.
  reset(group);
  send({ op: 'opened', group: groupId, connected, failed, firstError });
}

let cpuSinceReset = process.cpuUsage();

function reset(group: Group): void {
  group.arrivals.clear();
  group.traffic = { messages: 0, bytes: 0, awarenessMessages: 0, awarenessBytes: 0 };
  cpuSinceReset = process.cpuUsage();
}

process.on('message', async (request: WorkerRequest) => {
  if (request.op === 'open') {
    await open(request.group, request.spec);
    return;
  }
  const group = groups.get(request.group);
  if (request.op === 'collect') {
    const cpu = process.cpuUsage(cpuSinceReset);
    send({
      op: 'collected',
      group: request.group,
      arrivals: group ? [...group.arrivals.values()] : [],
      traffic: group?.traffic ?? { messages: 0, bytes: 0, awarenessMessages: 0, awarenessBytes: 0 },
      disconnects: group?.disconnects ?? 0,
      cpuMs: (cpu.user + cpu.system) / 1000,
    });
  } else if (request.op === 'reset') {
    if (group) reset(group);
    send({ op: 'reset', group: request.group });
  } else {
    for (const close of group?.closers ?? []) close();
    groups.delete(request.group);
    send({ op: 'closed', group: request.group });
  }
});
process.on('disconnect', () => process.exit(0));
