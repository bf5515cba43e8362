import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import {
  ProtocolError,
  assertValidStateVector,
  assertValidUpdate,
  decodeAwarenessUpdate,
  decodeClientMessage,
  encodeAwarenessEntries,
  encodeAwarenessMessage,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncUpdate,
} from '../../server/yjs/protocol.ts';

function docWithText(text: string): Y.Doc {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return doc;
}

function frame(...parts: Array<(e: encoding.Encoder) => void>): Uint8Array {
  const encoder = encoding.createEncoder();
  for (const part of parts) part(encoder);
  return encoding.toUint8Array(encoder);
}

describe('decodeClientMessage', () => {
  it('reads what y-websocket sends', () => {
    const doc = docWithText('hi');
    const update = Y.encodeStateAsUpdate(doc);
    expect(decodeClientMessage(encodeSyncStep1(doc))).toEqual({ kind: 'sync-step1', stateVector: Y.encodeStateVector(doc) });
    expect(decodeClientMessage(encodeSyncStep2(update))).toEqual({ kind: 'sync-step2', update });
    expect(decodeClientMessage(encodeSyncUpdate(update))).toEqual({ kind: 'sync-update', update });
    const awareness = encodeAwarenessEntries([{ clientID: 7, clock: 1, state: { name: 'ก' } }]);
    expect(decodeClientMessage(encodeAwarenessMessage(awareness))).toEqual({ kind: 'awareness', update: awareness });
    expect(decodeClientMessage(Uint8Array.of(3))).toEqual({ kind: 'query-awareness' });
  });

  it.each([
    ['empty frame', new Uint8Array()],
    ['truncated varUint', Uint8Array.of(0x80)],
    ['auth from a client', Uint8Array.of(2, 0)],
    ['unknown type', Uint8Array.of(9)],
    [
      'unknown sync type',
      frame(
        (e) => encoding.writeVarUint(e, 0),
        (e) => encoding.writeVarUint(e, 7),
        (e) => encoding.writeVarUint8Array(e, new Uint8Array(1)),
      ),
    ],
    ['sync without payload', Uint8Array.of(0, 1)],
    ['payload shorter than its length', Uint8Array.of(0, 2, 5, 1, 2)],
    ['trailing bytes', Uint8Array.of(3, 0)],
    ['awareness without payload', Uint8Array.of(1)],
  ])('throws ProtocolError on %s', (_name, bytes) => {
    expect(() => decodeClientMessage(bytes)).toThrow(ProtocolError);
  });

  it('gives every truncation of a real message a ProtocolError, never another error', () => {
    const message = encodeSyncStep2(Y.encodeStateAsUpdate(docWithText('สวัสดี committee')));
    for (let end = 0; end < message.length; end++) {
      expect(() => decodeClientMessage(message.subarray(0, end))).toThrow(ProtocolError);
    }
  });

  it('carries close code 4400', () => {
    try {
      decodeClientMessage(Uint8Array.of(42));
      expect.unreachable();
    } catch (error) {
      expect((error as ProtocolError).closeCode).toBe(4400);
    }
  });
});

describe('update and state vector validation', () => {
  it('accepts real ones', () => {
    const doc = docWithText('x');
    expect(() => assertValidUpdate(Y.encodeStateAsUpdate(doc))).not.toThrow();
    expect(() => assertValidStateVector(Y.encodeStateVector(doc))).not.toThrow();
  });

  it('rejects truncated ones', () => {
    const update = Y.encodeStateAsUpdate(docWithText('hello world'));
    expect(() => assertValidUpdate(update.subarray(0, update.length - 3))).toThrow(ProtocolError);
    expect(() => assertValidStateVector(Uint8Array.of(1, 0x80))).toThrow(ProtocolError);
  });
});

describe('awareness entries', () => {
  it('round-trips and matches what y-protocols encodes', () => {
    const entries = [
      { clientID: 1, clock: 3, state: { user: { name: 'ประธาน' } } },
      { clientID: 2 ** 31, clock: 0, state: null },
    ];
    expect(decodeAwarenessUpdate(encodeAwarenessEntries(entries))).toEqual(entries);
  });

  it('rejects bad JSON and trailing bytes', () => {
    const badJson = frame(
      (e) => encoding.writeVarUint(e, 1),
      (e) => encoding.writeVarUint(e, 5),
      (e) => encoding.writeVarUint(e, 1),
      (e) => encoding.writeVarString(e, '{nope'),
    );
    expect(() => decodeAwarenessUpdate(badJson)).toThrow(ProtocolError);
    const trailing = new Uint8Array([...encodeAwarenessEntries([]), 0]);
    expect(() => decodeAwarenessUpdate(trailing)).toThrow(ProtocolError);
  });
});
