/**
 * SharedDoc driven by fake connections, asserting on the exact messages each one is sent.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { YPersistence } from '../../server/yjs/persistence.ts';
import {
  ProtocolError,
  decodeAwarenessUpdate,
  decodeClientMessage,
  encodeAwarenessEntries,
  encodeSyncUpdate,
  type AwarenessEntry,
} from '../../server/yjs/protocol.ts';
import { AWARENESS_DEFAULTS } from '../../server/yjs/awareness-broadcast.ts';
import { SharedDoc } from '../../server/yjs/shared-doc.ts';
import type { DocConnection } from '../../server/yjs/types.ts';

class FakeConn implements DocConnection {
  static nextId = 1;
  readonly id = FakeConn.nextId++;
  readonly sent: Uint8Array[] = [];
  readonly closes: Array<{ code: number; reason: string }> = [];
  constructor(
    readonly participantId: string,
    readonly readOnly = false,
  ) {}
  send(message: Uint8Array): void {
    this.sent.push(message);
  }
  close(code: number, reason: string): void {
    this.closes.push({ code, reason });
  }
  /** What was sent, decoded with the same framing the client uses. */
  kinds(): string[] {
    return this.sent.map((m) => decodeClientMessage(m).kind);
  }
  clear(): void {
    this.sent.length = 0;
  }
}

interface Gate {
  open(): void;
  fail(error: Error): void;
}

class GatedPersistence implements YPersistence {
  readonly appended: Uint8Array[][] = [];
  private gates: Array<{ resolve(): void; reject(error: Error): void }> = [];
  gated = false;
  async load(): Promise<Uint8Array[]> {
    return [];
  }
  async append(_docName: string, updates: Uint8Array[]): Promise<void> {
    if (this.gated) await new Promise<void>((resolve, reject) => this.gates.push({ resolve, reject }));
    this.appended.push(updates);
  }
  async appendFirst(docName: string, update: Uint8Array): Promise<boolean> {
    await this.append(docName, [update]);
    return true;
  }
  next(): Gate {
    const gate = this.gates.shift();
    if (!gate) throw new Error('no append waiting');
    return { open: gate.resolve, fail: gate.reject };
  }
  get waiting(): number {
    return this.gates.length;
  }
}

const docs: SharedDoc[] = [];
afterEach(() => {
  for (const doc of docs.splice(0)) doc.destroy();
});

function makeDoc(persistence: YPersistence = new GatedPersistence()) {
  const failures: unknown[] = [];
  const logs: string[] = [];
  const doc = new SharedDoc('meeting/m1/annotations', {
    persistence,
    log: (event) => logs.push(event),
    onPersistFailure: (_doc, error) => failures.push(error),
  });
  docs.push(doc);
  return { doc, failures, logs };
}

function edit(text: string): Uint8Array {
  const client = new Y.Doc();
  client.getText('t').insert(0, text);
  const update = Y.encodeStateAsUpdate(client);
  client.destroy();
  return update;
}

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 5));

describe('SharedDoc', () => {
  it('greets a connection with sync step 1, and with awareness only when someone is present', () => {
    const { doc } = makeDoc();
    const first = new FakeConn('p1');
    doc.addConnection(first);
    expect(first.kinds()).toEqual(['sync-step1']);
    doc.receiveAwareness(first, encodeAwarenessEntries([{ clientID: 11, clock: 1, state: { user: 'a' } }]));
    const second = new FakeConn('p2');
    doc.addConnection(second);
    expect(second.kinds()).toEqual(['sync-step1', 'awareness']);
  });

  it('broadcasts a writer’s update to the others only after it is stored, and does not echo it', async () => {
    const persistence = new GatedPersistence();
    persistence.gated = true;
    const { doc } = makeDoc(persistence);
    const writer = new FakeConn('p1');
    const reader = new FakeConn('p2', true);
    doc.addConnection(writer);
    doc.addConnection(reader);
    writer.clear();
    reader.clear();

    const update = edit('hello');
    doc.receiveUpdate(writer, update);
    expect(doc.getText('t').toString()).toBe('hello');
    expect(doc.pendingUpdates).toBe(1);
    await tick();
    expect(persistence.waiting).toBe(1);
    expect(reader.sent).toEqual([]);

    persistence.next().open();
    await tick();
    expect(persistence.appended).toHaveLength(1);
    expect(reader.sent).toEqual([encodeSyncUpdate(persistence.appended[0]![0]!)]);
    expect(writer.sent).toEqual([]);
    expect(doc.pendingUpdates).toBe(0);
  });

  it('holds a sync step 2 reply until what it contains is stored', async () => {
    const persistence = new GatedPersistence();
    persistence.gated = true;
    const { doc } = makeDoc(persistence);
    const writer = new FakeConn('p1');
    const joiner = new FakeConn('p2');
    doc.addConnection(writer);
    doc.addConnection(joiner);
    joiner.clear();
    doc.receiveUpdate(writer, edit('x'));
    doc.receiveSyncStep1(joiner, Y.encodeStateVector(new Y.Doc()));
    await tick();
    expect(joiner.sent).toEqual([]);
    persistence.next().open();
    await tick();
    expect(joiner.kinds()).toEqual(['sync-update', 'sync-step2']);
  });

  it('answers sync step 1 at once when nothing is pending', () => {
    const { doc } = makeDoc();
    const conn = new FakeConn('p1', true);
    doc.addConnection(conn);
    conn.clear();
    doc.receiveSyncStep1(conn, Y.encodeStateVector(new Y.Doc()));
    expect(conn.kinds()).toEqual(['sync-step2']);
  });

  it('never applies an update from a read-only connection', async () => {
    const persistence = new GatedPersistence();
    const { doc } = makeDoc(persistence);
    const reader = new FakeConn('p1', true);
    doc.addConnection(reader);
    doc.receiveUpdate(reader, edit('sneaky'));
    await tick();
    expect(doc.getText('t').toString()).toBe('');
    expect(persistence.appended).toEqual([]);
  });

  it('rejects a malformed update whole, before touching the document', async () => {
    const persistence = new GatedPersistence();
    const { doc } = makeDoc(persistence);
    const writer = new FakeConn('p1');
    doc.addConnection(writer);
    const update = edit('hello world, a longer text');
    expect(() => doc.receiveUpdate(writer, update.subarray(0, update.length - 4))).toThrow(ProtocolError);
    expect(() => doc.receiveSyncStep1(writer, Uint8Array.of(5, 0x80))).toThrow(ProtocolError);
    await tick();
    expect(doc.getText('t').toString()).toBe('');
    expect(persistence.appended).toEqual([]);
  });

  it('restores stored updates without storing or broadcasting them again', async () => {
    const persistence = new GatedPersistence();
    const { doc } = makeDoc(persistence);
    const conn = new FakeConn('p1');
    doc.addConnection(conn);
    conn.clear();
    doc.restore([edit('a'), edit('b')]);
    await tick();
    expect(doc.getText('t').length).toBe(2);
    expect(persistence.appended).toEqual([]);
    expect(conn.sent).toEqual([]);
  });

  it('on a failed append closes every connection with 1011 and reports, without broadcasting', async () => {
    const persistence = new GatedPersistence();
    persistence.gated = true;
    const { doc, failures } = makeDoc(persistence);
    const writer = new FakeConn('p1');
    const other = new FakeConn('p2');
    doc.addConnection(writer);
    doc.addConnection(other);
    other.clear();
    doc.receiveUpdate(writer, edit('lost'));
    await tick();
    persistence.next().fail(new Error('db down'));
    await tick();
    expect(failures).toHaveLength(1);
    expect(doc.failed).toBe(true);
    expect(writer.closes).toEqual([{ code: 1011, reason: 'storage unavailable' }]);
    expect(other.closes).toEqual([{ code: 1011, reason: 'storage unavailable' }]);
    expect(other.sent).toEqual([]);
  });

  describe('awareness ownership', () => {
    const entry = (clientID: number, clock: number, state: unknown): AwarenessEntry => ({ clientID, clock, state });
    const states = (doc: SharedDoc) => Object.fromEntries(doc.awareness.getStates());

    it('lets a connection introduce clientIDs and update only its own', () => {
      const { doc } = makeDoc();
      const a = new FakeConn('pa');
      const b = new FakeConn('pb');
      doc.addConnection(a);
      doc.addConnection(b);
      expect(doc.receiveAwareness(a, encodeAwarenessEntries([entry(1, 1, { u: 'a' })])).rejected).toEqual([]);
      const mixed = encodeAwarenessEntries([entry(1, 2, { u: 'b' }), entry(2, 1, { u: 'b' })]);
      expect(doc.receiveAwareness(b, mixed).rejected).toEqual([1]);
      expect(doc.receiveAwareness(b, encodeAwarenessEntries([entry(1, 3, null)])).rejected).toEqual([1]);
      expect(states(doc)).toEqual({ 1: { u: 'a' }, 2: { u: 'b' } });
      expect(doc.receiveAwareness(a, encodeAwarenessEntries([entry(1, 2, { u: 'a2' })])).rejected).toEqual([]);
      expect(states(doc)[1]).toEqual({ u: 'a2' });
    });

    it('ignores echoes of states it already has, silently', () => {
      const { doc } = makeDoc();
      const a = new FakeConn('pa');
      const b = new FakeConn('pb');
      doc.addConnection(a);
      doc.addConnection(b);
      doc.receiveAwareness(a, encodeAwarenessEntries([entry(1, 4, { u: 'a' })]));
      expect(doc.receiveAwareness(b, encodeAwarenessEntries([entry(1, 4, { u: 'a' })])).rejected).toEqual([]);
      expect(states(doc)).toEqual({ 1: { u: 'a' } });
    });

    it('removes a connection’s states when it leaves, and tells the others', async () => {
      const { doc } = makeDoc();
      const a = new FakeConn('pa');
      const b = new FakeConn('pb');
      doc.addConnection(a);
      doc.addConnection(b);
      doc.receiveAwareness(a, encodeAwarenessEntries([entry(1, 1, { u: 'a' })]));
      b.clear();
      doc.removeConnection(a);
      expect(states(doc)).toEqual({});
      // The removal came within the awareness interval of the arrival, so it goes out with the next broadcast.
      await new Promise((resolve) => setTimeout(resolve, AWARENESS_DEFAULTS.minIntervalMs + 20));
      expect(b.kinds()).toEqual(['awareness']);
      const sent = decodeClientMessage(b.sent[0]!);
      expect(sent.kind === 'awareness' && decodeAwarenessUpdate(sent.update)).toEqual([entry(1, 1, null)]);
    });

    it('frees a clientID its owner removed, for that participant only', () => {
      const { doc } = makeDoc();
      const a = new FakeConn('pa');
      doc.addConnection(a);
      doc.receiveAwareness(a, encodeAwarenessEntries([entry(1, 1, { u: 'a' })]));
      doc.receiveAwareness(a, encodeAwarenessEntries([entry(1, 1, null)]));
      const stranger = new FakeConn('px');
      const aAgain = new FakeConn('pa');
      doc.addConnection(stranger);
      doc.addConnection(aAgain);
      expect(doc.receiveAwareness(stranger, encodeAwarenessEntries([entry(1, 2, { u: 'x' })])).rejected).toEqual([1]);
      expect(doc.receiveAwareness(aAgain, encodeAwarenessEntries([entry(1, 2, { u: 'a' })])).rejected).toEqual([]);
      expect(states(doc)).toEqual({ 1: { u: 'a' } });
    });

    it('caps how many clientIDs one connection may introduce', () => {
      const { doc } = makeDoc();
      const a = new FakeConn('pa');
      doc.addConnection(a);
      const many = Array.from({ length: 6 }, (_, i) => entry(100 + i, 1, { i }));
      expect(doc.receiveAwareness(a, encodeAwarenessEntries(many)).rejected).toEqual([104, 105]);
    });

    it('throws ProtocolError on a malformed awareness update', () => {
      const { doc } = makeDoc();
      const a = new FakeConn('pa');
      doc.addConnection(a);
      expect(() => doc.receiveAwareness(a, Uint8Array.of(1, 1, 1, 3, 0x7b))).toThrow(ProtocolError);
    });
  });
});
