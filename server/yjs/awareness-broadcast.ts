/**
 * How one document's awareness (who is here, carets, who is typing) reaches its connections: coalesced, so that the
 * traffic of a meeting with a thousand readers does not grow as N².
 *
 * The reference server sends every awareness change to every connection the moment it arrives. With N clients that
 * each renew their state every 15 s (y-websocket's default), that is N²/15 messages a second: 67,000 a second for a
 * thousand. Here a change that arrives after a quiet spell still goes out at once (one caret moving is as quick as
 * before), and changes that come while one was just sent wait for the end of the interval and go out together, as one
 * message with each client's latest state: at most `1000 / minIntervalMs` broadcasts a second per document, however
 * many clients change. (The board's own readers send no awareness at all; this bounds what any client can cause.)
 *
 * y-websocket also closes a connection that received nothing for 30 s. Its own awareness renewal, echoed back, is
 * what normally prevents that; a reader with no awareness state renews nothing, so a document nobody edits sends
 * every connection an empty awareness message every `keepAliveMs` instead (3 bytes, which clients apply as no change).
 */
import type { Awareness } from 'y-protocols/awareness';
import { encodeAwarenessMessage, encodeAwarenessStates } from './protocol.ts';

export interface AwarenessBroadcastOptions {
  /** The shortest time between two awareness broadcasts of one document. Default 100 ms: at most 10 a second. */
  minIntervalMs?: number;
  /** How long a document may go without any awareness broadcast before it sends a keep-alive. Default 15 s. */
  keepAliveMs?: number;
}

export const AWARENESS_DEFAULTS = { minIntervalMs: 100, keepAliveMs: 15_000 } as const;

/** An awareness update with no entries: a message y-websocket counts as traffic and applies as nothing. */
const KEEP_ALIVE = encodeAwarenessMessage(Uint8Array.of(0));

export class AwarenessBroadcast {
  private readonly minIntervalMs: number;
  private readonly keepAliveMs: number;
  /** clientIDs changed since the last broadcast, in the order they first changed. */
  private readonly pending = new Set<number>();
  private lastSentAt = Number.NEGATIVE_INFINITY;
  private flushTimer: NodeJS.Timeout | null = null;
  private readonly keepAliveTimer: NodeJS.Timeout;

  constructor(
    private readonly awareness: Awareness,
    /** Sends one message to every connection of the document. */
    private readonly broadcast: (message: Uint8Array) => void,
    options: AwarenessBroadcastOptions = {},
  ) {
    this.minIntervalMs = options.minIntervalMs ?? AWARENESS_DEFAULTS.minIntervalMs;
    this.keepAliveMs = options.keepAliveMs ?? AWARENESS_DEFAULTS.keepAliveMs;
    if (!(this.minIntervalMs >= 0) || !(this.keepAliveMs > 0)) throw new RangeError('minIntervalMs must not be negative, keepAliveMs must be positive');
    // Checked at a third of the period, so no connection waits much longer than keepAliveMs for a message.
    this.keepAliveTimer = setInterval(() => this.keepAlive(), this.keepAliveMs / 3);
    this.keepAliveTimer.unref();
  }

  /** These clients' states changed (added, updated or removed): they go out now, or with the next broadcast. */
  changed(clientIDs: Iterable<number>): void {
    for (const id of clientIDs) this.pending.add(id);
    if (this.pending.size === 0 || this.flushTimer) return;
    const wait = this.lastSentAt + this.minIntervalMs - Date.now();
    if (wait <= 0) this.flush();
    else {
      this.flushTimer = setTimeout(() => this.flush(), wait);
      this.flushTimer.unref();
    }
  }

  dispose(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    clearInterval(this.keepAliveTimer);
    this.pending.clear();
  }

  private flush(): void {
    this.flushTimer = null;
    if (this.pending.size === 0) return;
    // Each client's state as it is now: a client that changed five times in the interval is sent once. One that left
    // is encoded with a null state and its last clock, which is how y-protocols says "gone".
    const message = encodeAwarenessStates(this.awareness, [...this.pending]);
    this.pending.clear();
    this.send(message);
  }

  private keepAlive(): void {
    if (Date.now() - this.lastSentAt >= this.keepAliveMs) this.send(KEEP_ALIVE);
  }

  private send(message: Uint8Array): void {
    this.lastSentAt = Date.now();
    this.broadcast(message);
  }
}
