// One per process: sends each meeting's committed events to this process's own sockets in seq order, whatever order
// the commits' replies come back in, and runs the effects that follow an event here (a revoked participant's
// connections closed, a changed role reaching open sockets and Yjs connections).
//
// Its input is committed events, from anywhere: this process's pipeline calls `deliver` after each commit, and an
// instance that learns of events committed by another (LISTEN/NOTIFY, a Redis stream) calls the same `deliver`. A
// hole that no transaction of ours is about to fill is read from the event log after a short wait, so nothing is
// skipped and nothing is sent twice.
import { SequenceBuffer } from '../domain/sequence.ts';
import type { SequencedEvent } from '../shared/events/sequenced.ts';

/** Runs after an event was sent to this process's sockets; must not throw (errors are logged and dropped). */
export type DeliveryEffect = (meetingId: string, event: SequencedEvent) => void | Promise<void>;

export interface DeliveryDeps {
  /** Sends one event to this process's sockets of the meeting (never to other instances: each delivers its own). */
  emit(meetingId: string, event: SequencedEvent): void;
  /** The logged events from `fromSeq` to `toSeq`, in order; numbers without an event are simply absent. */
  loadEvents(meetingId: string, fromSeq: number, toSeq: number): Promise<SequencedEvent[]>;
  /** How long a hole may stay open before it is read from the log. */
  gapWaitMs?: number;
  log?: (message: string, error?: unknown) => void;
}

export interface Delivery {
  /** A transaction of ours took this seq: hold later events until it commits or gives the number back. */
  reserve(meetingId: string, seq: number): void;
  release(meetingId: string, seq: number): void;
  /** Committed events of one meeting, in any order and possibly repeated. */
  deliver(meetingId: string, events: readonly SequencedEvent[]): void;
  /**
   * Reads from the log what was committed after the last event delivered, for every meeting delivered to so far: for
   * an instance whose news of other instances' commits was cut off for a while (its LISTEN connection was lost).
   */
  catchUp(): Promise<void>;
  /** Adds an effect; returns its removal. */
  onDelivered(effect: DeliveryEffect): () => void;
  close(): void;
}

const DEFAULT_GAP_WAIT_MS = 200;
/** Postgres's largest int, the column type of seq. */
const LAST_SEQ = 2_147_483_647;

export function createDelivery(deps: DeliveryDeps): Delivery {
  const gapWaitMs = deps.gapWaitMs ?? DEFAULT_GAP_WAIT_MS;
  const log = deps.log ?? ((message, error) => console.error(message, error));
  const buffers = new Map<string, SequenceBuffer<SequencedEvent>>();
  const gapTimers = new Map<string, NodeJS.Timeout>();
  const effects = new Set<DeliveryEffect>();
  let closed = false;

  const bufferOf = (meetingId: string) => buffers.get(meetingId) ?? buffers.set(meetingId, new SequenceBuffer()).get(meetingId)!;

  function send(meetingId: string, ready: SequencedEvent[]) {
    for (const event of ready) {
      deps.emit(meetingId, event);
      for (const effect of effects) {
        try {
          void Promise.resolve(effect(meetingId, event)).catch((error) => log(`delivery effect failed on ${event.type}`, error));
        } catch (error) {
          log(`delivery effect failed on ${event.type}`, error);
        }
      }
    }
  }

  function watchForGap(meetingId: string) {
    const buffer = bufferOf(meetingId);
    if (closed || gapTimers.has(meetingId) || !buffer.gap()) return;
    gapTimers.set(
      meetingId,
      setTimeout(() => void fillGap(meetingId), gapWaitMs),
    );
  }

  async function fillGap(meetingId: string) {
    const buffer = bufferOf(meetingId);
    const gap = buffer.gap();
    try {
      if (!gap) return;
      const found = await deps.loadEvents(meetingId, gap.from, gap.to);
      for (const event of found) send(meetingId, buffer.push(event.payload.seq, event));
      // What the log does not have was never an event (a number given back, or taken outside the pipeline): move on.
      if (buffer.next !== undefined && buffer.next <= gap.to && !buffer.isReserved(buffer.next)) send(meetingId, buffer.skipTo(gap.to + 1));
    } catch (error) {
      log(`delivery could not read the event log for meeting ${meetingId}`, error);
    } finally {
      gapTimers.delete(meetingId);
      watchForGap(meetingId);
    }
  }

  return {
    reserve(meetingId, seq) {
      bufferOf(meetingId).reserve(seq);
    },
    release(meetingId, seq) {
      bufferOf(meetingId).release(seq);
      watchForGap(meetingId);
    },
    deliver(meetingId, events) {
      const buffer = bufferOf(meetingId);
      for (const event of events) send(meetingId, buffer.push(event.payload.seq, event));
      watchForGap(meetingId);
    },
    async catchUp() {
      for (const [meetingId, buffer] of buffers) {
        if (buffer.next === undefined) continue;
        try {
          const found = await deps.loadEvents(meetingId, buffer.next, LAST_SEQ);
          for (const event of found) send(meetingId, buffer.push(event.payload.seq, event));
        } catch (error) {
          log(`delivery could not catch up on meeting ${meetingId}`, error);
        }
        watchForGap(meetingId);
      }
    },
    onDelivered(effect) {
      effects.add(effect);
      return () => effects.delete(effect);
    },
    close() {
      closed = true;
      for (const timer of gapTimers.values()) clearTimeout(timer);
      gapTimers.clear();
    },
  };
}
