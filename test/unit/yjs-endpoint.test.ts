/**
 * The Yjs endpoint end to end: a real HTTP server on a random port routing 'upgrade' to the endpoint, the
 * unmodified y-websocket `WebsocketProvider` as client (with `ws` as its WebSocket), and raw `ws` clients
 * for what a well-behaved provider would never send.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { WebsocketProvider } from 'y-websocket';
import type { Identity } from '../../server/auth/identity.ts';
import type { Role } from '../../server/shared/roles.ts';
import { createYjsEndpoint, type YjsEndpoint, type YjsEndpointOptions } from '../../server/yjs/endpoint.ts';
import type { YPersistence } from '../../server/yjs/persistence.ts';
import { seededRandom } from '../support/fuzz.ts';
import {
  decodeClientMessage,
  encodeAwarenessEntries,
  encodeAwarenessMessage,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncUpdate,
} from '../../server/yjs/protocol.ts';

/**
 * The transport is exercised on the minutes, whose content the server does not read: any text goes. The annotations
 * document's layout is checked on every update (test/unit/yjs-update-guard.test.ts).
 */
const DOC = 'meeting/m1/minutes';

function identity(participantId: string, role: Role, meetingId = 'm1'): Identity {
  return { participantId, meetingId, role, displayName: participantId };
}

const TOKENS: Record<string, Identity> = {
  chair: identity('p-chair', 'chair'),
  writer: identity('p-writer', 'secretary'),
  writer2: identity('p-writer2', 'chair'),
  secretary: identity('p-secretary', 'secretary'),
  /** May read the minutes but not write them. */
  reader: identity('p-reader', 'presenter'),
  outsider: identity('p-outsider', 'secretary', 'm2'),
};

/** Test scaffolding: persistence as an array per document, with hooks to delay or inspect appends. */
class MemoryPersistence implements YPersistence {
  readonly stored = new Map<string, Uint8Array[]>();
  readonly loadCalls: string[] = [];
  readonly appendCalls: Array<{ docName: string; updates: Uint8Array[] }> = [];
  loadDelayMs = 0;
  /** Runs inside `append` before the updates count as stored; may delay or throw. */
  beforeAppend: ((docName: string, updates: Uint8Array[]) => Promise<void> | void) | undefined;

  async load(docName: string): Promise<Uint8Array[]> {
    this.loadCalls.push(docName);
    if (this.loadDelayMs > 0) await sleep(this.loadDelayMs);
    return [...(this.stored.get(docName) ?? [])];
  }

  async append(docName: string, updates: Uint8Array[]): Promise<void> {
    this.appendCalls.push({ docName, updates });
    await this.beforeAppend?.(docName, updates);
    const list = this.stored.get(docName) ?? [];
    list.push(...updates.map((update) => update.slice()));
    this.stored.set(docName, list);
  }

  async appendFirst(docName: string, update: Uint8Array): Promise<boolean> {
    if (this.stored.get(docName)?.length) return false;
    await this.append(docName, [update]);
    return true;
  }

  /** The text a fresh document built only from what was stored would show. */
  storedText(docName: string, field = 't'): string {
    const doc = new Y.Doc();
    for (const update of this.stored.get(docName) ?? []) Y.applyUpdate(doc, update);
    const text = doc.getText(field).toString();
    doc.destroy();
    return text;
  }
}

interface LogEvent {
  event: string;
  detail: Record<string, unknown>;
}

interface TestServer {
  endpoint: YjsEndpoint;
  url: string;
  port: number;
  events: LogEvent[];
  persistence: MemoryPersistence;
  close(): Promise<void>;
}

const cleanups: Array<() => Promise<void> | void> = [];

afterEach(async () => {
  // Clients first, then servers: a server waits for its clients' close handshakes.
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function startServer(
  options: Partial<YjsEndpointOptions> & { persistence?: MemoryPersistence } = {},
): Promise<TestServer> {
  const persistence = options.persistence ?? new MemoryPersistence();
  const events: LogEvent[] = [];
  const endpoint = createYjsEndpoint({
    pathPrefix: '/yjs',
    allowOrigin: (origin) => origin === undefined,
    ...options,
    persistence,
    authenticate: async (req) => {
      const token = new URL(req.url ?? '/', 'http://localhost').searchParams.get('token');
      return token === null ? null : (TOKENS[token] ?? null);
    },
    log: (event, detail) => events.push({ event, detail }),
  });
  const server = http.createServer((_req, res) => {
    res.statusCode = 404;
    res.end();
  });
  server.on('upgrade', (req, socket, head) => {
    if (!endpoint.handleUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await endpoint.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  cleanups.unshift(close); // servers close after every client of the test
  return { endpoint, url: `ws://127.0.0.1:${port}/yjs`, port, events, persistence, close };
}

interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  text: Y.Text;
  closeCodes: number[];
}

function connect(server: TestServer, docName: string, token: string | null): Client {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(server.url, docName, doc, {
    params: token === null ? {} : { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    // In one process, BroadcastChannel would connect the providers directly and hide what the server does.
    disableBc: true,
    maxBackoffTime: 100,
  });
  const closeCodes: number[] = [];
  provider.on('connection-close', (event) => {
    if (event) closeCodes.push(event.code);
  });
  cleanups.push(() => {
    provider.destroy();
    doc.destroy();
  });
  return { doc, provider, text: doc.getText('t'), closeCodes };
}

async function synced(...clients: Client[]): Promise<void> {
  await Promise.all(clients.map((c) => waitFor(() => c.provider.synced, `${c.provider.roomname} to sync`)));
}

async function waitFor(condition: () => boolean, what = 'condition', timeoutMs = 3000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function rawUrl(server: TestServer, docName: string, token: string | null): string {
  return `${server.url}/${docName}${token === null ? '' : `?token=${token}`}`;
}

/** A raw `ws` client, opened; closed by the test's cleanup. */
async function openRaw(server: TestServer, docName: string, token: string): Promise<WebSocket> {
  const ws = new WebSocket(rawUrl(server, docName, token));
  ws.on('error', () => {});
  cleanups.push(() => ws.terminate());
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
  });
  return ws;
}

/** The HTTP status of a refused upgrade, or 101 if it was accepted. */
function upgradeStatus(server: TestServer, docName: string, token: string | null): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(rawUrl(server, docName, token));
    ws.on('error', () => {});
    ws.once('open', () => {
      ws.terminate();
      resolve({ status: 101, body: '' });
    });
    ws.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
  });
}

function closeCodeOf(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => ws.once('close', (code) => resolve(code)));
}

describe('Yjs endpoint with the y-websocket provider', () => {
  it('two writers converge after concurrent edits, and again after one was offline', async () => {
    const server = await startServer();
    const a = connect(server, DOC, 'writer');
    const b = connect(server, DOC, 'chair');
    await synced(a, b);

    a.text.insert(0, 'alpha ');
    b.text.insert(0, 'beta ');
    await waitFor(() => a.text.length === 11 && a.text.toString() === b.text.toString(), 'convergence');

    b.provider.disconnect();
    a.text.insert(a.text.length, '[a offline edit]');
    b.text.insert(0, '[b offline edit]');
    await sleep(50);
    expect(b.text.toString()).not.toContain('[a offline edit]');
    expect(a.text.toString()).not.toContain('[b offline edit]');

    b.provider.connect();
    await synced(b);
    await waitFor(
      () => a.text.toString() === b.text.toString() && a.text.toString().includes('[b offline edit]'),
      'reconvergence',
    );
    expect(a.text.toString()).toContain('[a offline edit]');
    await waitFor(() => server.endpoint.stats().pendingUpdates === 0, 'flush');
    expect(server.persistence.storedText(DOC)).toBe(a.text.toString());
  });

  it('an observer receives edits, but its own edits reach neither the other client nor persistence', async () => {
    const server = await startServer();
    const writer = connect(server, DOC, 'writer');
    const observer = connect(server, DOC, 'reader');
    // A provider's initial awareness state has clock 0, which peers ignore by y-protocols' clock rule;
    // apps set their user right away, which is what makes them visible.
    observer.provider.awareness.setLocalStateField('user', 'reader');
    await synced(writer, observer);
    expect(server.endpoint.stats()).toMatchObject({ connections: 2, readOnlyConnections: 1 });

    writer.text.insert(0, 'from the writer');
    await waitFor(() => observer.text.toString() === 'from the writer', 'observer to receive');

    // y-websocket reports the server's permission-denied message on the console.
    const warnings: string[] = [];
    const warn = vi.spyOn(console, 'warn').mockImplementation((message: string) => void warnings.push(message));
    observer.text.insert(0, 'OBSERVER ');
    observer.text.insert(0, 'AGAIN ');
    await waitFor(() => server.events.some((e) => e.event === 'yjs.readonly.update-dropped'), 'drop to be logged');
    await waitFor(() => warnings.some((w) => w.includes('read-only: presenter may not change meeting/m1/minutes')), 'observer to be told');
    warn.mockRestore();
    // A later writer edit reaching the observer shows the server has dealt with the observer's messages.
    writer.text.insert(writer.text.length, '!');
    await waitFor(() => observer.text.toString().endsWith('!'), 'marker');
    await waitFor(() => server.endpoint.stats().pendingUpdates === 0, 'flush');

    expect(writer.text.toString()).toBe('from the writer!');
    expect(server.persistence.storedText(DOC)).toBe('from the writer!');
    expect(server.events.filter((e) => e.event === 'yjs.readonly.update-dropped')).toHaveLength(1);
    // The observer was not disconnected for trying, and counts as present.
    expect(observer.closeCodes).toEqual([]);
    await waitFor(() => writer.provider.awareness.getStates().has(observer.doc.clientID), 'observer presence');

    const late = connect(server, DOC, 'chair');
    await synced(late);
    expect(late.text.toString()).toBe('from the writer!');
  });

  it('refuses another meeting’s document and another participant’s private notes before any sync', async () => {
    const server = await startServer();
    server.persistence.stored.set('meeting/m2/annotations', [
      (() => {
        const doc = new Y.Doc();
        doc.getText('t').insert(0, 'secret of m2');
        return Y.encodeStateAsUpdate(doc);
      })(),
    ]);

    expect(await upgradeStatus(server, 'meeting/m2/annotations', 'writer')).toEqual({
      status: 403,
      body: 'no access to this document\n',
    });
    expect((await upgradeStatus(server, 'meeting/m1/private/p-chair', 'writer')).status).toBe(403);
    expect((await upgradeStatus(server, DOC, null)).status).toBe(401);
    expect((await upgradeStatus(server, DOC, 'forged')).status).toBe(401);
    expect((await upgradeStatus(server, 'meeting/m1/whatever', 'writer')).status).toBe(404);
    expect((await upgradeStatus(server, 'meeting%2Fm1%2F..%2Fm2%2Fminutes', 'writer')).status).toBe(404);
    expect((await upgradeStatus(server, 'meeting/m1/%E0%A4', 'writer')).status).toBe(404);

    const intruder = connect(server, 'meeting/m2/annotations', 'writer');
    const snoop = connect(server, 'meeting/m1/private/p-chair', 'writer');
    await sleep(300);
    for (const client of [intruder, snoop]) {
      expect(client.provider.synced).toBe(false);
      expect(client.provider.wsconnected).toBe(false);
    }
    expect(intruder.text.toString()).toBe('');
    // Refused before the document was even loaded.
    expect(server.persistence.loadCalls).toEqual([]);
    expect(server.events.filter((e) => e.event === 'yjs.upgrade.rejected').length).toBeGreaterThan(0);
    expect(JSON.stringify(server.events)).not.toContain('token=');

    // The same member may open their own private notes, and a URL-encoded name works like a plain one.
    const own = connect(server, 'meeting/m1/private/p-writer', 'writer');
    await synced(own);
    expect((await upgradeStatus(server, 'meeting%2Fm1%2Fminutes', 'writer')).status).toBe(101);
  });

  it('leaves other paths to other handlers', async () => {
    const server = await startServer();
    const notOurs = ['/socket.io/?EIO=4', '/yjs', '/yjsx/meeting/m1/minutes', '/'];
    for (const url of notOurs) {
      const req = { url, headers: {} } as http.IncomingMessage;
      expect(server.endpoint.handleUpgrade(req, null as never, Buffer.alloc(0))).toBe(false);
    }
  });

  it('loads a document once for many simultaneous connections, and unloads it when idle', async () => {
    const persistence = new MemoryPersistence();
    persistence.loadDelayMs = 50;
    const server = await startServer({ persistence, idleUnloadMs: 20 });
    const clients = Array.from({ length: 6 }, (_, i) => connect(server, DOC, i % 2 ? 'writer' : 'writer2'));
    await synced(...clients);
    expect(persistence.loadCalls).toEqual([DOC]);
    expect(server.endpoint.stats()).toMatchObject({ documents: 1, connections: 6 });

    clients[0]!.text.insert(0, 'kept');
    await waitFor(() => clients.every((c) => c.text.toString() === 'kept'), 'broadcast');
    for (const c of clients) c.provider.disconnect();
    await waitFor(() => server.endpoint.stats().documents === 0, 'idle unload');
    expect(persistence.storedText(DOC)).toBe('kept');

    const again = connect(server, DOC, 'chair');
    await synced(again);
    expect(again.text.toString()).toBe('kept');
    expect(persistence.loadCalls).toEqual([DOC, DOC]);
  });

  it('persists an update before any other client sees it, including a client joining meanwhile', async () => {
    const server = await startServer();
    const a = connect(server, DOC, 'writer');
    const b = connect(server, DOC, 'chair');
    await synced(a, b);

    const order: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    server.persistence.beforeAppend = async () => {
      order.push(`append started; b has it: ${b.text.toString().includes('durable')}`);
      await held;
      order.push('append resolved');
    };
    b.doc.on('update', () => {
      if (b.text.toString().includes('durable') && !order.includes('b received')) order.push('b received');
    });

    a.text.insert(0, 'durable');
    await waitFor(() => order.length === 1, 'append to start');
    const joiner = connect(server, DOC, 'secretary');
    await waitFor(() => server.endpoint.stats().connections === 3, 'joiner to connect');
    await sleep(100);
    expect(b.text.toString()).toBe('');
    // The joiner's sync reply would contain the update, so it waits too.
    expect(joiner.text.toString()).toBe('');
    expect(joiner.provider.synced).toBe(false);

    release();
    await waitFor(() => b.text.toString() === 'durable' && joiner.text.toString() === 'durable', 'delivery');
    expect(order).toEqual(['append started; b has it: false', 'append resolved', 'b received']);
    expect(server.persistence.appendCalls).toHaveLength(1);
  });

  it('close() flushes pending updates, and a new endpoint over the same storage restores the document', async () => {
    const persistence = new MemoryPersistence();
    // A slow store, so that the update is still pending when the endpoint closes.
    persistence.beforeAppend = () => sleep(100);
    const first = await startServer({ persistence });
    const writer = connect(first, 'meeting/m1/minutes', 'secretary');
    await synced(writer);
    writer.text.insert(0, 'รายงานการประชุม 10.00 น.');
    await waitFor(() => first.endpoint.stats().pendingUpdates > 0, 'update to arrive');
    await first.close();
    expect(persistence.storedText('meeting/m1/minutes')).toBe('รายงานการประชุม 10.00 น.');
    writer.provider.destroy();
    persistence.beforeAppend = undefined;
    const appendsBefore = persistence.appendCalls.length;

    const second = await startServer({ persistence });
    const reader = connect(second, 'meeting/m1/minutes', 'writer');
    await synced(reader);
    expect(reader.text.toString()).toBe('รายงานการประชุม 10.00 น.');
    await sleep(30);
    // Restoring is not an edit: nothing is appended again.
    expect(persistence.appendCalls.length).toBe(appendsBefore);
  });

  it('after a failed append, drops the document and lets clients reconnect and resend', async () => {
    const server = await startServer();
    const a = connect(server, DOC, 'writer');
    const b = connect(server, DOC, 'chair');
    await synced(a, b);
    let failures = 1;
    server.persistence.beforeAppend = () => {
      if (failures-- > 0) throw new Error('database unavailable');
    };

    a.text.insert(0, 'survives');
    await waitFor(() => a.closeCodes.includes(1011) && b.closeCodes.includes(1011), 'clients to be told');
    await waitFor(() => b.text.toString() === 'survives', 'b to receive after reconnect');
    await waitFor(() => server.endpoint.stats().pendingUpdates === 0, 'flush');
    expect(server.persistence.storedText(DOC)).toBe('survives');
    expect(server.events.some((e) => e.event === 'yjs.persist.failed')).toBe(true);
  });

});

describe('Yjs endpoint against hostile input', () => {
  it('survives 1000 random and truncated frames; a good client still syncs and the document is intact', async () => {
    const server = await startServer({
      maxMessageBytes: 4096,
      // The limiter has its own test; here it would only hide the decoder behind 4429s.
      rateLimit: { messagesPerSecond: 1e6, burst: 1e6 },
    });
    const good = connect(server, DOC, 'writer');
    await synced(good);
    good.text.insert(0, 'intact content');
    await waitFor(() => server.endpoint.stats().pendingUpdates === 0 && server.persistence.stored.size === 1, 'persist');

    const random = seededRandom(20240126);
    const real = realMessages();
    const frames = Array.from({ length: 1000 }, (_, i) => fuzzFrame(i, random, real));
    const outcomes = new Map<string, number>();
    const count = (key: string) => outcomes.set(key, (outcomes.get(key) ?? 0) + 1);

    const workers = Array.from({ length: 8 }, async (_, w) => {
      let ws: WebSocket | null = null;
      for (let i = w; i < frames.length; i += 8) {
        if (ws === null || ws.readyState !== WebSocket.OPEN) ws = await openRaw(server, DOC, 'writer2');
        count(await sendAndObserve(ws, frames[i]!));
      }
      ws?.terminate();
    });
    await Promise.all(workers);

    // Each kind of bad input met its own close code; the valid frames mixed in were answered.
    expect(outcomes.get('survived')).toBeGreaterThan(40);
    expect(outcomes.get('closed:4400')).toBeGreaterThan(100);
    expect(outcomes.get('closed:1003')).toBeGreaterThan(0);
    expect(outcomes.get('closed:1009')).toBeGreaterThan(0);
    expect([...outcomes.keys()].every((k) => ['survived', 'closed:4400', 'closed:1003', 'closed:1009'].includes(k))).toBe(true);

    expect(good.provider.wsconnected).toBe(true);
    expect(good.closeCodes).toEqual([]);
    good.text.insert(good.text.length, '!');
    const fresh = connect(server, DOC, 'chair');
    await synced(fresh);
    await waitFor(() => fresh.text.toString() === 'intact content!', 'fresh client to see the document');
    await waitFor(() => server.endpoint.stats().pendingUpdates === 0, 'flush');
    expect(server.persistence.storedText(DOC)).toBe('intact content!');
    await waitFor(() => server.endpoint.stats().connections === 2, 'fuzz connections to be gone');
  });

  it('closes only the offending connection: text frame 1003, oversized 1009, malformed 4400', async () => {
    const server = await startServer({ maxMessageBytes: 1024 });
    const good = connect(server, DOC, 'writer');
    await synced(good);

    const text = await openRaw(server, DOC, 'writer2');
    const textClosed = closeCodeOf(text);
    text.send('hello');
    expect(await textClosed).toBe(1003);

    const big = await openRaw(server, DOC, 'writer2');
    const bigClosed = closeCodeOf(big);
    big.send(new Uint8Array(2048));
    expect(await bigClosed).toBe(1009);

    const bad = await openRaw(server, DOC, 'writer2');
    const badClosed = closeCodeOf(bad);
    bad.send(Uint8Array.of(0, 2, 200, 1)); // update claiming 200 bytes, carrying 1
    expect(await badClosed).toBe(4400);

    good.text.insert(0, 'still fine');
    await waitFor(() => server.persistence.storedText(DOC) === 'still fine', 'persist');
    expect(good.closeCodes).toEqual([]);
    const reasons = server.events.filter((e) => e.event === 'yjs.connection.closing').map((e) => e.detail['code']);
    expect(reasons).toEqual(expect.arrayContaining([1003, 4400]));
    const socketErrors = server.events.filter((e) => e.event === 'yjs.connection.socket-error');
    expect(socketErrors.map((e) => e.detail['reason'])).toContain('message too large');
  });

  it('closes a connection over its rate limit with 4429', async () => {
    const server = await startServer({ rateLimit: { messagesPerSecond: 10, burst: 20 } });
    const ws = await openRaw(server, DOC, 'writer');
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    for (let i = 0; i < 50; i++) ws.send(Uint8Array.of(3));
    expect(await closed).toEqual({ code: 4429, reason: 'rate limit exceeded' });
  });

  it('ignores awareness updates for another connection’s clientID', async () => {
    const server = await startServer();
    const alice = connect(server, DOC, 'writer');
    const watcher = connect(server, DOC, 'chair');
    alice.provider.awareness.setLocalState({ status: 'alice' });
    await synced(alice, watcher);
    const aliceId = alice.doc.clientID;
    await waitFor(() => stateOf(watcher, aliceId)?.['status'] === 'alice', 'alice presence');

    const mallory = await openRaw(server, DOC, 'writer2');
    const malloryId = 424242;
    const send = (...entries: Parameters<typeof encodeAwarenessEntries>[0]) =>
      mallory.send(encodeAwarenessMessage(encodeAwarenessEntries(entries)));
    send(
      { clientID: aliceId, clock: 1000, state: { status: 'mallory as alice' } },
      { clientID: malloryId, clock: 1, state: { status: 'mallory' } },
    );
    send({ clientID: aliceId, clock: 1001, state: null });
    send({ clientID: malloryId, clock: 2, state: { status: 'mallory, later' } });
    await waitFor(() => stateOf(watcher, malloryId)?.['status'] === 'mallory, later', 'mallory’s own state');

    expect(stateOf(watcher, aliceId)).toEqual({ status: 'alice' });
    expect(stateOf(alice, aliceId)).toEqual({ status: 'alice' });
    const rejected = server.events.filter((e) => e.event === 'yjs.awareness.rejected');
    expect(rejected.map((e) => e.detail['clientIDs'])).toEqual([[aliceId], [aliceId]]);

    // A second raw client cannot take over mallory's clientID either, and mallory's state goes when she does.
    const eve = await openRaw(server, DOC, 'secretary');
    eve.send(encodeAwarenessMessage(encodeAwarenessEntries([{ clientID: malloryId, clock: 50, state: { status: 'eve' } }])));
    await waitFor(() => server.events.filter((e) => e.event === 'yjs.awareness.rejected').length === 3, 'eve rejected');
    expect(stateOf(watcher, malloryId)).toEqual({ status: 'mallory, later' });
    mallory.close();
    await waitFor(() => !watcher.provider.awareness.getStates().has(malloryId), 'mallory’s presence to be removed');
    expect(stateOf(watcher, aliceId)).toEqual({ status: 'alice' });

    // Nor can another participant pick up the clientID mallory left behind.
    eve.send(encodeAwarenessMessage(encodeAwarenessEntries([{ clientID: malloryId, clock: 60, state: { status: 'eve' } }])));
    await waitFor(() => server.events.filter((e) => e.event === 'yjs.awareness.rejected').length === 4, 'eve rejected again');
    expect(watcher.provider.awareness.getStates().has(malloryId)).toBe(false);
  });

  it('speaks the protocol exactly: sync step 1 on connect, step 2 answering step 1, query-awareness answered', async () => {
    const server = await startServer();
    const writer = connect(server, DOC, 'writer');
    writer.provider.awareness.setLocalStateField('user', 'writer');
    await synced(writer);
    writer.text.insert(0, 'abc');
    await waitFor(() => server.endpoint.stats().pendingUpdates === 0 && server.persistence.stored.size === 1, 'persist');

    const ws = new WebSocket(rawUrl(server, DOC, 'reader'));
    cleanups.push(() => ws.terminate());
    const received: Uint8Array[] = [];
    ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
    await new Promise<void>((resolve) => ws.once('open', () => resolve()));
    await waitFor(() => received.length >= 1, 'server step 1');
    expect(Array.from(received[0]!.subarray(0, 2))).toEqual([0, 0]);

    // The writer's provider has a local awareness state, so the server introduces it right after step 1.
    await waitFor(() => received.length >= 2, 'initial awareness');
    expect(received[1]![0]).toBe(1);

    const empty = new Y.Doc();
    ws.send(encodeSyncStep1(empty));
    await waitFor(() => received.length >= 3, 'step 2');
    const step2 = decodeClientMessage(received[2]!); // same framing in both directions
    expect(step2.kind).toBe('sync-step2');
    if (step2.kind === 'sync-step2') Y.applyUpdate(empty, step2.update);
    expect(empty.getText('t').toString()).toBe('abc');
    ws.send(Uint8Array.of(3));
    await waitFor(() => received.length >= 4, 'awareness reply');
    expect(decodeClientMessage(received[3]!).kind).toBe('awareness');
    // The observer's step 2 / update are dropped without closing.
    ws.send(encodeSyncStep2(Y.encodeStateAsUpdate(docWith('nope'))));
    ws.send(encodeSyncUpdate(Y.encodeStateAsUpdate(docWith('nope'))));
    await sleep(50);
    expect(ws.readyState).toBe(WebSocket.OPEN);
    expect(writer.text.toString()).toBe('abc');
    empty.destroy();
  });
});

function stateOf(client: Client, clientID: number): Record<string, unknown> | undefined {
  return client.provider.awareness.getStates().get(clientID) as Record<string, unknown> | undefined;
}

function docWith(text: string): Y.Doc {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return doc;
}

/** Sends one fuzz frame, then a query-awareness; the reply proves the frame was processed and survived. */
function sendAndObserve(ws: WebSocket, frame: Uint8Array | string): Promise<string> {
  return new Promise((resolve) => {
    const onMessage = (data: Buffer) => {
      if (data[0] === 1) done('survived');
    };
    const onClose = (code: number) => done(`closed:${code}`);
    const done = (outcome: string) => {
      ws.off('message', onMessage);
      ws.off('close', onClose);
      resolve(outcome);
    };
    ws.on('message', onMessage);
    ws.on('close', onClose);
    ws.send(frame);
    ws.send(Uint8Array.of(3));
  });
}

/** Well-formed messages to truncate or extend; the last two are harmless as they are. */
function realMessages(): Uint8Array[] {
  const docs = [docWith('fuzz step 2'), docWith('fuzz update'), docWith('fuzz state vector')];
  const messages = [
    encodeSyncStep2(Y.encodeStateAsUpdate(docs[0]!)),
    encodeSyncUpdate(Y.encodeStateAsUpdate(docs[1]!)),
    encodeSyncStep1(docs[2]!),
    encodeAwarenessMessage(encodeAwarenessEntries([{ clientID: 777_000, clock: 1, state: { fuzz: true } }])),
  ];
  for (const doc of docs) doc.destroy();
  return messages;
}

function fuzzFrame(i: number, random: () => number, real: Uint8Array[]): Uint8Array | string {
  const int = (n: number) => Math.floor(random() * n);
  const bytes = (n: number) => Uint8Array.from({ length: n }, () => int(256));
  const prefixed = (...head: number[]) => {
    const encoder = encoding.createEncoder();
    for (const h of head) encoding.writeVarUint(encoder, h);
    encoding.writeVarUint8Array(encoder, bytes(int(48)));
    return encoding.toUint8Array(encoder);
  };
  switch (i % 10) {
    case 0:
    case 1:
    case 2:
      return bytes(int(64));
    case 3:
    case 4: {
      const message = real[int(real.length)]!;
      return message.subarray(0, int(message.length)); // strictly shorter: truncated
    }
    case 5:
      return prefixed(0, int(3)); // well-framed sync with a garbage payload
    case 6:
      return prefixed(4 + int(300)); // unknown message type
    case 7:
      return prefixed(1); // awareness with garbage inside
    case 8:
      return i % 20 === 8 ? `text frame ${i}` : bytes(5000); // over the 4096-byte limit
    default:
      // Half valid (a state vector or an awareness claim, neither of which touches the text), half with
      // trailing bytes after a valid message.
      return i % 20 === 9 ? real[2 + int(2)]! : new Uint8Array([...real[int(real.length)]!, ...bytes(1 + int(4))]);
  }
}

describe('Yjs endpoint keep-alive', () => {
  it('drops a connection that stops answering pings, and keeps one that answers', async () => {
    const server = await startServer({ pingIntervalMs: 40 });
    const healthy = connect(server, DOC, 'writer');
    await synced(healthy);
    const silent = new WebSocket(rawUrl(server, DOC, 'chair'), { autoPong: false });
    silent.on('error', () => {});
    cleanups.push(() => silent.terminate());
    const closed = closeCodeOf(silent);
    await new Promise<void>((resolve) => silent.once('open', () => resolve()));
    expect(await closed).toBe(1006); // terminated, no close frame
    expect(server.events.some((e) => e.event === 'yjs.connection.terminated')).toBe(true);
    await waitFor(() => server.endpoint.stats().connections === 1, 'server to forget the dead connection');
    await sleep(100); // a few more rounds: the answering client stays
    expect(healthy.provider.wsconnected).toBe(true);
    expect(healthy.closeCodes).toEqual([]);
  });
});
