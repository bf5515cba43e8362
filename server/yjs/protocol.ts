/**
 * The y-websocket wire protocol as the server sees it.
 *
 * Every frame is `[messageType: varUint, payload…]`:
 *   0 sync       `[0, syncType: varUint, data: varUint8Array]` where syncType is step1 (0, data = state vector),
 *                step2 (1, data = update) or update (2, data = update)
 *   1 awareness  `[1, awarenessUpdate: varUint8Array]`
 *   3 query      `[3]` "send me every awareness state"
 * (2 is `auth`, which only a server sends: "permission denied" to a read-only client; from a client it is as unknown
 * as any other number.)
 *
 * Unlike `readSyncMessage` in y-protocols, decoding is separate from applying: the caller first learns what a
 * message is, then decides (a read-only connection's update is dropped before it ever touches the document).
 * Anything malformed, truncated, unknown or with trailing bytes throws `ProtocolError`; nothing is logged and
 * skipped here, because the only safe reaction to a client speaking garbage is to stop listening to it.
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as authProtocol from 'y-protocols/auth';
import { YJS_REVOKED_CLOSE_CODE } from '../shared/events/participants.ts';

export const MessageType = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const;
export const SyncType = { step1: 0, step2: 1, update: 2 } as const;

/**
 * WebSocket close codes we send. y-websocket treats 4400-4499 as "do not reconnect", everything else as
 * transient, so the choice of range is a decision about whether the client should try again.
 */
export const CloseCode = {
  goingAway: 1001,
  unsupportedData: 1003,
  messageTooBig: 1009,
  internalError: 1011,
  badMessage: 4400,
  rateLimited: 4429,
  /** The participant's access to the meeting was revoked: reconnecting would be refused. */
  accessRevoked: YJS_REVOKED_CLOSE_CODE,
} as const;

export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';
  readonly closeCode: number = CloseCode.badMessage;
}

export type ClientMessage =
  | { kind: 'sync-step1'; stateVector: Uint8Array }
  | { kind: 'sync-step2'; update: Uint8Array }
  | { kind: 'sync-update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'query-awareness' };

export interface AwarenessEntry {
  clientID: number;
  clock: number;
  /** The client's JSON state; `null` means "this client left". */
  state: unknown;
}

export function decodeClientMessage(frame: Uint8Array): ClientMessage {
  return withDecodeErrors('message', () => {
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    let message: ClientMessage;
    switch (type) {
      case MessageType.sync: {
        const syncType = decoding.readVarUint(decoder);
        const data = decoding.readVarUint8Array(decoder);
        switch (syncType) {
          case SyncType.step1:
            message = { kind: 'sync-step1', stateVector: data };
            break;
          case SyncType.step2:
            message = { kind: 'sync-step2', update: data };
            break;
          case SyncType.update:
            message = { kind: 'sync-update', update: data };
            break;
          default:
            throw new ProtocolError(`unknown sync message type ${syncType}`);
        }
        break;
      }
      case MessageType.awareness:
        message = { kind: 'awareness', update: decoding.readVarUint8Array(decoder) };
        break;
      case MessageType.queryAwareness:
        message = { kind: 'query-awareness' };
        break;
      default:
        throw new ProtocolError(`unknown message type ${type}`);
    }
    // y-websocket never sends trailing bytes; accepting them would let a frame smuggle data we do not check.
    if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes after message');
    return message;
  });
}

/**
 * Parses a Yjs update without applying it. `Y.applyUpdate` on a corrupt update can throw half way through a
 * transaction, after some structs were integrated; those would then be persisted and broadcast. Decoding
 * first rejects such updates whole (measured: no partial applications after a successful decode).
 */
export function assertValidUpdate(update: Uint8Array): void {
  withDecodeErrors('update', () => Y.decodeUpdate(update));
}

export function assertValidStateVector(stateVector: Uint8Array): void {
  withDecodeErrors('state vector', () => Y.decodeStateVector(stateVector));
}

export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  return withDecodeErrors('awareness update', () => {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientID = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const state: unknown = JSON.parse(decoding.readVarString(decoder));
      entries.push({ clientID, clock, state });
    }
    if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes after awareness update');
    return entries;
  });
}

/** The inverse of `decodeAwarenessUpdate`, in the format `applyAwarenessUpdate` reads. */
export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientID);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, JSON.stringify(entry.state));
  }
  return encoding.toUint8Array(encoder);
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  return encodeSync(SyncType.step1, Y.encodeStateVector(doc));
}

export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  return encodeSync(SyncType.step2, update);
}

export function encodeSyncUpdate(update: Uint8Array): Uint8Array {
  return encodeSync(SyncType.update, update);
}

export function encodeAwarenessMessage(awarenessUpdate: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, awarenessUpdate);
  return encoding.toUint8Array(encoder);
}

/** An awareness message carrying the given clients' current states (all of them when `clients` is omitted). */
export function encodeAwarenessStates(
  awareness: awarenessProtocol.Awareness,
  clients: number[] = Array.from(awareness.getStates().keys()),
): Uint8Array {
  return encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
}

/** y-protocols' "permission denied" auth message; y-websocket reports its reason on the console and stays connected. */
export function encodePermissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.auth);
  authProtocol.writePermissionDenied(encoder, reason);
  return encoding.toUint8Array(encoder);
}

function encodeSync(syncType: number, data: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, data);
  return encoding.toUint8Array(encoder);
}

/** lib0 and Yjs throw plain errors (or even TypeErrors) on bad input; callers should only ever see one type. */
function withDecodeErrors<T>(what: string, decode: () => T): T {
  try {
    return decode();
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    throw new ProtocolError(`malformed ${what}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}
