// The browser's Socket.io connection to one meeting. The session cookie authenticates it. Sequenced events are applied
// in seq order: one that arrives early waits for those before it, and a hole that stays open is filled by asking the
// server for what is missing (`meeting:catchup`), which answers with the events from the meeting's log, or the whole
// board only when the log no longer reaches back that far. A reconnect catches up the same way, from the last seq seen.
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, HandshakeAuth, ServerToClientEvents } from '$shared/contract.ts';
import { SEQUENCED_EVENT_TYPES, type SequencedEvent } from '$shared/events/sequenced.ts';
import { SequenceBuffer } from '$domain/sequence.ts';
import type { BoardState } from '$lib/state/board.svelte.ts';
import type { ErrorCode, WireError } from '$shared/errors.ts';

/** Handshake refusals that say "try again shortly", not "you may not". */
const TEMPORARY_REFUSALS = new Set<ErrorCode>(['database_unavailable', 'server_restarting', 'internal']);

export type MeetingSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface MeetingConnection {
  socket: MeetingSocket;
  /**
   * A sequenced event from a broadcast or from a command's acknowledgement (which carries the same update, in case it
   * arrives first): applied in order, once.
   */
  receive(event: SequencedEvent): void;
  /** Calls `listener` with every event once it has been applied to the board; returns its removal. */
  onApplied(listener: (event: SequencedEvent) => void): () => void;
  close(): void;
}

/** How long a hole may stay open before the server is asked for what is missing: events usually arrive in order. */
const GAP_WAIT_MS = 300;

/** A socket of one meeting, authenticated by the page's session cookie, for pages that follow less than the board. */
export function openMeetingSocket(meetingId: string): MeetingSocket {
  const auth: HandshakeAuth = { meetingId };
  // WebSocket only: long-polling would need sticky sessions once the board runs on several instances.
  return io({ auth, transports: ['websocket'], withCredentials: true });
}

export function connectMeeting(board: BoardState): MeetingConnection {
  const socket = openMeetingSocket(board.meeting.id);
  const listeners = new Set<(event: SequencedEvent) => void>();
  let buffer = new SequenceBuffer<SequencedEvent>(board.seq + 1);
  let catchingUp: Promise<void> | null = null;
  let gapTimer: ReturnType<typeof setTimeout> | undefined;

  function applyReleased(events: SequencedEvent[]) {
    for (const event of events) {
      if (board.applyEvent(event) === 'reload') {
        void reload();
        return;
      }
      for (const listener of listeners) listener(event);
    }
  }

  /** The whole board, when an event replaced more than it carries (an imported project list). */
  async function reload() {
    const result = await socket.emitWithAck('meeting:sync', {});
    if ('data' in result) {
      board.replaceSnapshot(result.data);
      applyReleased(buffer.skipTo(result.data.seq + 1));
    }
  }

  function catchUp(): Promise<void> {
    clearTimeout(gapTimer);
    catchingUp ??= (async () => {
      board.setConnection('connecting');
      try {
        const result = await socket.emitWithAck('meeting:catchup', { afterSeq: board.seq });
        if (!('data' in result)) return;
        if ('snapshot' in result.data) {
          board.replaceSnapshot(result.data.snapshot);
          applyReleased(buffer.skipTo(result.data.snapshot.seq + 1));
        } else {
          for (const event of result.data.events) applyReleased(buffer.push(event.payload.seq, event));
        }
        if (socket.connected) board.setConnection('live');
      } finally {
        catchingUp = null;
        watchForGap();
      }
    })();
    return catchingUp;
  }

  function watchForGap() {
    if (!buffer.gap() || catchingUp || gapTimer !== undefined) return;
    // While events are missing, commands against what is on screen would be made against a stale board.
    board.setConnection('connecting');
    gapTimer = setTimeout(() => {
      gapTimer = undefined;
      if (buffer.gap()) void catchUp();
    }, GAP_WAIT_MS);
  }

  function receive(event: SequencedEvent) {
    applyReleased(buffer.push(event.payload.seq, event));
    watchForGap();
  }

  for (const type of SEQUENCED_EVENT_TYPES) {
    (socket.on as (type: string, listener: (payload: unknown) => void) => void)(type, (payload) => receive({ type, payload } as SequencedEvent));
  }
  socket.on('connect', () => {
    // Whatever was held from before the disconnect is caught up from the log too; start clean from the board.
    buffer = new SequenceBuffer<SequencedEvent>(board.seq + 1);
    // A new instance perhaps: it says so itself if its Redis is down.
    board.setInstanceParts({ redis: 'up' });
    void catchUp();
  });
  socket.on('disconnect', () => board.setConnection('offline'));
  // The chair revoked this participant: the server says so, then closes; nothing may reconnect.
  socket.on('session:revoked', () => {
    board.setConnection('revoked');
    socket.io.reconnection(false);
  });
  // This instance is going away: the transport closes next and Socket.io reconnects (behind a load balancer, elsewhere).
  socket.on('server:restarting', () => board.setConnection('connecting'));
  socket.on('server:parts', (parts) => board.setInstanceParts(parts));
  socket.on('connect_error', (error) => {
    board.setConnection('offline');
    // A refusal in the handshake stops Socket.io's own retries; one that says "not now" is retried, others are final.
    const code = (error as Error & { data?: WireError }).data?.code;
    if (code === 'participant_revoked') return board.setConnection('revoked');
    if (!socket.active && code && TEMPORARY_REFUSALS.has(code)) setTimeout(() => socket.connect(), 1_000 + Math.random() * 1_000);
  });

  return {
    socket,
    receive,
    onApplied(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      clearTimeout(gapTimer);
      socket.close();
    },
  };
}
