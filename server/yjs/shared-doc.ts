/**
 * One shared Yjs document in memory, with the connections that have it open and their awareness.
 *
 * Modelled on `WSSharedDoc` in @y/websocket-server, with three differences that are the point of this file:
 * - an update is broadcast only after persistence stored it (see `DurableBatcher`), and a sync-step-2 reply
 *   waits for the same, so no client ever sees state a crash could lose;
 * - read-only connections' updates never reach the document (the connection drops them; `receiveUpdate`
 *   refuses them again in case a caller forgets);
 * - awareness clientIDs belong to the connection that introduced them, so one client cannot rewrite or
 *   remove another's presence.
 */
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { AwarenessBroadcast, type AwarenessBroadcastOptions } from './awareness-broadcast.ts';
import { DurableBatcher } from './durable-batcher.ts';
import type { YPersistence } from './persistence.ts';
import {
  assertValidStateVector,
  assertValidUpdate,
  decodeAwarenessUpdate,
  encodeAwarenessEntries,
  encodeAwarenessStates,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncUpdate,
  type AwarenessEntry,
} from './protocol.ts';
import { CloseCode, ProtocolError } from './protocol.ts';
import { errorDetail, type DocConnection, type YjsLog } from './types.ts';
import type { DocRelay, RelayedMessage } from './relay.ts';

/**
 * A y-websocket client has one awareness clientID; a few more tolerate a client whose Y.Doc re-rolled its
 * clientID. The cap stops one connection from filling the server's awareness map.
 */
const MAX_AWARENESS_IDS_PER_CONNECTION = 4;

/** Transaction origin for updates read back from persistence: they are already stored and every client has them. */
const RESTORE_ORIGIN = Symbol('restore');
/**
 * Transaction origin for updates another instance stored (or this one read back after missing them): already
 * durable, so sent to this instance's clients at once and neither stored nor relayed again.
 */
const RELAYED_ORIGIN = Symbol('relayed');
/** y-protocols' own origin when it drops a state nobody renewed: every instance does that for itself. */
const AWARENESS_TIMEOUT_ORIGIN = 'timeout';

export interface SharedDocOptions {
  persistence: YPersistence;
  log: YjsLog;
  /** Called once when an append failed; the document is unusable afterwards and should be dropped. */
  onPersistFailure(doc: SharedDoc, error: unknown): void;
  /** How awareness changes are coalesced before they go out (see `AwarenessBroadcast`). */
  awareness?: AwarenessBroadcastOptions;
  /** With several instances: where stored updates and local awareness go for the other instances. */
  relay?: DocRelay;
}

interface PendingUpdate {
  update: Uint8Array;
  /** The connection the update came from, which already has it; `null` for server-side changes. */
  origin: DocConnection | null;
  message: Uint8Array;
}

export interface AwarenessResult {
  /** clientIDs whose entries were dropped because another connection (or the server) owns them, or over the cap. */
  rejected: number[];
}

export class SharedDoc extends Y.Doc {
  readonly name: string;
  readonly awareness: awarenessProtocol.Awareness;
  /** Each connection with the awareness clientIDs it introduced. */
  private readonly conns = new Map<DocConnection, Set<number>>();
  private readonly awarenessOwners = new Map<number, DocConnection>();
  /**
   * The participant who last owned each clientID, kept after their connection closed: otherwise anyone
   * could take over a departed client's clientID, and its owner, reconnecting with the same clientID, would
   * be the one rejected. Grows like `awareness.meta`, which y-protocols never prunes either; both go when
   * the document unloads.
   */
  private readonly awarenessParticipants = new Map<number, string>();
  private readonly batcher: DurableBatcher<PendingUpdate>;
  private readonly awarenessBroadcast: AwarenessBroadcast;
  private readonly log: YjsLog;

  constructor(name: string, private readonly options: SharedDocOptions) {
    super({ gc: true });
    this.name = name;
    this.log = options.log;
    this.batcher = new DurableBatcher<PendingUpdate>({
      write: (items) => options.persistence.append(name, items.map((item) => item.update)),
      onDurable: (items) => this.broadcastDurable(items),
      onFailure: (error) => this.persistFailed(error),
      onCallbackError: (error) => this.log('yjs.internal-error', { docName: name, error: errorDetail(error) }),
    });
    this.awareness = new awarenessProtocol.Awareness(this);
    // The server is not a participant; a local state would show up as a ghost user in every client.
    this.awareness.setLocalState(null);
    // Including the connection the change came from, like the reference server: y-websocket reconnects after 30 s
    // without any message, and the echo of its own 15-second awareness renewal is what keeps a lone client's
    // connection from looking dead.
    this.awarenessBroadcast = new AwarenessBroadcast(
      this.awareness,
      (message) => {
        for (const conn of this.conns.keys()) conn.send(message);
      },
      options.awareness,
    );
    this.awareness.on('update', this.onAwarenessUpdate);
    this.on('update', this.onDocUpdate);
  }

  get connectionCount(): number {
    return this.conns.size;
  }

  get pendingUpdates(): number {
    return this.batcher.pendingCount;
  }

  /** True once an append failed: the in-memory state is ahead of storage and must not be served. */
  get failed(): boolean {
    return this.batcher.failed;
  }

  /**
   * Applies what another instance relayed: an update it stored (sent on to this instance's clients, not stored
   * again), or awareness of its clients (whose clientIDs then belong to that participant here too).
   */
  receiveRelayed(message: RelayedMessage): void {
    if (this.isDestroyed) return;
    try {
      if (message.kind === 'update') {
        Y.applyUpdate(this, message.update, RELAYED_ORIGIN);
        return;
      }
      for (const entry of decodeAwarenessUpdate(message.update)) {
        if (!this.awarenessOwners.has(entry.clientID)) this.awarenessParticipants.set(entry.clientID, message.participantId);
      }
      awarenessProtocol.applyAwarenessUpdate(this.awareness, message.update, RELAYED_ORIGIN);
    } catch (error) {
      this.log('yjs.relay.unreadable', { docName: this.name, error: errorDetail(error) });
    }
  }

  /** Applies updates read back from storage that this copy may lack (the relay missed some): clients get the news. */
  catchUp(updates: readonly Uint8Array[]): void {
    if (this.isDestroyed) return;
    this.transact(() => {
      for (const update of updates) Y.applyUpdate(this, update, RELAYED_ORIGIN);
    }, RELAYED_ORIGIN);
  }

  /** Applies stored updates; they are neither re-persisted nor broadcast. */
  restore(updates: readonly Uint8Array[]): void {
    this.transact(() => {
      for (const update of updates) Y.applyUpdate(this, update, RESTORE_ORIGIN);
    }, RESTORE_ORIGIN);
  }

  addConnection(conn: DocConnection): void {
    this.conns.set(conn, new Set());
    // Like the reference server: offer our state vector so the client sends what we lack, and show who is here.
    conn.send(encodeSyncStep1(this));
    if (this.awareness.getStates().size > 0) conn.send(encodeAwarenessStates(this.awareness));
  }

  /**
   * Asks the client for whatever it has that the document lacks. For a connection that just became a writer: edits
   * it made while reading only were dropped, and every later edit of that client depends on them, so without this
   * nothing it writes from now on could be applied until it reconnected.
   */
  requestSync(conn: DocConnection): void {
    if (this.conns.has(conn)) conn.send(encodeSyncStep1(this));
  }

  removeConnection(conn: DocConnection): void {
    const owned = this.conns.get(conn);
    if (owned === undefined) return;
    this.conns.delete(conn);
    for (const clientID of owned) this.awarenessOwners.delete(clientID);
    // Tell the others this client's cursors are gone instead of waiting 30 s for the awareness timeout.
    if (!this.isDestroyed) awarenessProtocol.removeAwarenessStates(this.awareness, Array.from(owned), null);
  }

  /**
   * Answers a client's sync step 1. The reply is computed now but sent only once every update it may contain
   * is durable; computing it later instead could starve a joining client while others keep typing.
   */
  receiveSyncStep1(conn: DocConnection, stateVector: Uint8Array): void {
    assertValidStateVector(stateVector);
    const reply = encodeSyncStep2(Y.encodeStateAsUpdate(this, stateVector));
    this.batcher.afterDurable(() => {
      if (this.conns.has(conn)) conn.send(reply);
    });
  }

  /** Applies a writer's sync step 2 or update; throws `ProtocolError` (leaving the document untouched) if malformed. */
  receiveUpdate(conn: DocConnection, update: Uint8Array): void {
    if (conn.readOnly || this.failed || !this.conns.has(conn)) return;
    assertValidUpdate(update);
    try {
      // The 'update' event this triggers queues the update for persistence, tagged with `conn` as origin.
      Y.applyUpdate(this, update, conn);
    } catch (error) {
      // Decoding succeeded but Yjs still refused it: the client's fault, and resending will not help, so a
      // 44xx close (which y-websocket does not retry) rather than 1011.
      throw new ProtocolError(`update could not be applied: ${errorDetail(error)}`, { cause: error });
    }
  }

  /**
   * Applies the entries of an awareness update that this connection may speak for: clientIDs it introduced
   * earlier, or new ones nobody owns yet. Entries that would change another client's state are dropped and
   * reported, not applied.
   */
  receiveAwareness(conn: DocConnection, update: Uint8Array): AwarenessResult {
    const owned = this.conns.get(conn);
    if (owned === undefined) return { rejected: [] };
    const accepted: AwarenessEntry[] = [];
    const rejected: number[] = [];
    for (const entry of decodeAwarenessUpdate(update)) {
      const id = entry.clientID;
      const owner = this.awarenessOwners.get(id);
      if (owner === conn) {
        accepted.push(entry);
      } else if (!this.awarenessWouldChange(entry)) {
        // y-websocket re-broadcasts every awareness change it receives, so each client echoes everyone
        // else's states back to us. An echo changes nothing; it is neither an attack nor a claim.
      } else if (
        owner !== undefined ||
        id === this.awareness.clientID ||
        entry.state === null ||
        (this.awarenessParticipants.get(id) ?? conn.participantId) !== conn.participantId ||
        owned.size >= MAX_AWARENESS_IDS_PER_CONNECTION
      ) {
        rejected.push(id);
      } else {
        owned.add(id);
        this.awarenessOwners.set(id, conn);
        this.awarenessParticipants.set(id, conn.participantId);
        accepted.push(entry);
      }
    }
    if (accepted.length > 0) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(accepted), conn);
      // A client that said goodbye (state null) gives its clientID up, so its quick reconnect on a new
      // socket can claim it again before the old socket's close is noticed.
      for (const entry of accepted) {
        if (entry.state === null && !this.awareness.getStates().has(entry.clientID)) {
          owned.delete(entry.clientID);
          this.awarenessOwners.delete(entry.clientID);
        }
      }
    }
    return { rejected };
  }

  /** The answer to a query-awareness message: everyone's current state. */
  encodeAwarenessQueryReply(): Uint8Array {
    return encodeAwarenessStates(this.awareness);
  }

  /** Resolves when every update so far is stored; rejects if storing failed. */
  flush(): Promise<void> {
    return this.batcher.flush();
  }

  override destroy(): void {
    // Eviction and an unload that was already flushing can both reach here.
    if (this.isDestroyed) return;
    this.batcher.dispose();
    this.awarenessBroadcast.dispose();
    this.options.relay?.unsubscribe();
    this.conns.clear();
    this.awarenessOwners.clear();
    this.awarenessParticipants.clear();
    super.destroy();
  }

  /** The condition under which `applyAwarenessUpdate` would act on this entry (y-protocols' clock rule). */
  private awarenessWouldChange(entry: AwarenessEntry): boolean {
    const clock = this.awareness.meta.get(entry.clientID)?.clock ?? 0;
    return (
      clock < entry.clock ||
      (clock === entry.clock && entry.state === null && this.awareness.getStates().has(entry.clientID))
    );
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === RESTORE_ORIGIN) return;
    if (origin === RELAYED_ORIGIN) {
      const message = encodeSyncUpdate(update);
      for (const conn of this.conns.keys()) conn.send(message);
      return;
    }
    const from = this.conns.has(origin as DocConnection) ? (origin as DocConnection) : null;
    this.batcher.push({ update, origin: from, message: encodeSyncUpdate(update) });
  };

  private broadcastDurable(items: PendingUpdate[]): void {
    for (const conn of this.conns.keys()) {
      for (const item of items) {
        // The writer already has its own update; echoing it back is wasted bandwidth.
        if (item.origin !== conn) conn.send(item.message);
      }
    }
    this.options.relay?.publish({ kind: 'update', update: items.length === 1 ? items[0]!.update : Y.mergeUpdates(items.map((item) => item.update)) });
  }

  private readonly onAwarenessUpdate = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void => {
    const changed = [...added, ...updated, ...removed];
    this.awarenessBroadcast.changed(changed);
    if (!this.options.relay || origin === RELAYED_ORIGIN || origin === AWARENESS_TIMEOUT_ORIGIN) return;
    // Changes of one connection's clientIDs (its own update, or their removal when it closed) go out as that participant's.
    for (const [participantId, clientIDs] of this.byParticipant(changed)) {
      this.options.relay.publish({ kind: 'awareness', participantId, update: awarenessProtocol.encodeAwarenessUpdate(this.awareness, clientIDs) });
    }
  };

  private byParticipant(clientIDs: readonly number[]): Map<string, number[]> {
    const grouped = new Map<string, number[]>();
    for (const id of clientIDs) {
      const participantId = this.awarenessParticipants.get(id);
      if (participantId === undefined) continue;
      grouped.set(participantId, [...(grouped.get(participantId) ?? []), id]);
    }
    return grouped;
  }

  private persistFailed(error: unknown): void {
    this.log('yjs.persist.failed', { docName: this.name, error: errorDetail(error) });
    // Unstored updates were never shown to anyone but their writers, and those still hold them: a
    // reconnecting y-websocket client re-sends whatever the reloaded document lacks. So the safe recovery is
    // to drop this copy and make clients reconnect (1011 is not in the 44xx "give up" range).
    for (const conn of Array.from(this.conns.keys())) conn.close(CloseCode.internalError, 'storage unavailable');
    this.options.onPersistFailure(this, error);
  }
}
