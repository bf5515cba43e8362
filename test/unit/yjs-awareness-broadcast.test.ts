// Awareness coalescing: one change goes out at once, a storm of changes goes out as at most ten messages a second
// with each client's latest state, and a quiet document still sends y-websocket something to keep it connected.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import { AwarenessBroadcast } from '../../server/yjs/awareness-broadcast.ts';
import { decodeAwarenessUpdate, decodeClientMessage, type AwarenessEntry } from '../../server/yjs/protocol.ts';

let doc: Y.Doc;
let server: Awareness;
let sent: Uint8Array[];
let broadcast: AwarenessBroadcast;

/** The awareness entries of each message sent, decoded as a client would. */
const entries = (): AwarenessEntry[][] =>
  sent.map((message) => {
    const decoded = decodeClientMessage(message);
    if (decoded.kind !== 'awareness') throw new Error(`not awareness: ${decoded.kind}`);
    return decodeAwarenessUpdate(decoded.update);
  });

/** A client's awareness state as it reaches the server: applied to the server's awareness, which reports it changed. */
function clientSays(clientID: number, clock: number, state: unknown) {
  const client = new Awareness(new Y.Doc());
  client.clientID = clientID;
  client.meta.set(clientID, { clock: clock - 1, lastUpdated: 0 });
  client.setLocalState(state as Record<string, unknown>);
  applyAwarenessUpdate(server, encodeAwarenessUpdate(client, [clientID]), 'client');
  client.destroy();
}

beforeEach(() => {
  vi.useFakeTimers();
  doc = new Y.Doc();
  server = new Awareness(doc);
  server.setLocalState(null);
  sent = [];
  broadcast = new AwarenessBroadcast(server, (message) => sent.push(message));
  server.on('update', ({ added, updated, removed }: Record<string, number[]>) => broadcast.changed([...added!, ...updated!, ...removed!]));
});

afterEach(() => {
  broadcast.dispose();
  server.destroy();
  doc.destroy();
  vi.useRealTimers();
});

describe('AwarenessBroadcast', () => {
  it('sends a change that follows a quiet spell at once', () => {
    clientSays(7, 1, { user: 'ก' });
    expect(entries()).toEqual([[{ clientID: 7, clock: 1, state: { user: 'ก' } }]]);
  });

  it('sends changes that come within the interval together, each client once with its latest state', () => {
    clientSays(1, 1, { n: 0 });
    clientSays(2, 1, { n: 0 });
    clientSays(1, 2, { n: 1 });
    clientSays(3, 1, { n: 0 });
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(100);
    expect(entries()[1]).toEqual([
      { clientID: 2, clock: 1, state: { n: 0 } },
      { clientID: 1, clock: 2, state: { n: 1 } },
      { clientID: 3, clock: 1, state: { n: 0 } },
    ]);
  });

  it('keeps a thousand clients renewing at once to ten messages a second, none of them lost', () => {
    // Every client renews once in the second, spread over it: the reference server would send 1,000 messages to each connection.
    for (let i = 0; i < 1_000; i++) {
      clientSays(i + 1, 1, { i });
      vi.advanceTimersByTime(1);
    }
    vi.advanceTimersByTime(100);
    expect(sent.length).toBeLessThanOrEqual(11);
    expect(new Set(entries().flat().map((e) => e.clientID)).size).toBe(1_000);
  });

  it('tells everyone a client left, with a null state', () => {
    clientSays(5, 3, { user: 'a' });
    vi.advanceTimersByTime(200);
    removeAwarenessStates(server, [5], 'gone');
    expect(entries().at(-1)).toEqual([{ clientID: 5, clock: 3, state: null }]);
  });

  it('sends a quiet document an empty awareness message every 15 s, and nothing more while it is busy', () => {
    vi.advanceTimersByTime(15_000);
    expect(entries()).toEqual([[]]);
    sent = [];
    for (let s = 0; s < 30; s++) {
      clientSays(9, s + 1, { s });
      vi.advanceTimersByTime(1_000);
    }
    expect(entries().every((e) => e.length === 1)).toBe(true);
  });
});
