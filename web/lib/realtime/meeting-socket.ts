// The browser's Socket.io connection to one meeting. The session cookie authenticates it; on every (re)connect, and
// whenever a feature sees a gap in the meeting's sequence, the board takes a fresh snapshot, so nothing is missed.
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, HandshakeAuth, ServerToClientEvents } from '$shared/contract.ts';
import type { BoardSnapshot } from '$shared/board.ts';
import type { BoardState, SequencedOutcome } from '$lib/state/board.svelte.ts';
import type { ErrorCode, WireError } from '$shared/errors.ts';

/** Handshake refusals that say "try again shortly", not "you may not". */
const TEMPORARY_REFUSALS = new Set<ErrorCode>(['database_unavailable', 'server_restarting', 'internal']);

export type MeetingSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface MeetingConnection {
  socket: MeetingSocket;
  /** Replaces the board's state with the server's; resolves when it has (or the request failed). */
  resync(): Promise<void>;
  /**
   * Applies a broadcast that carries the meeting's sequence number. On a gap it holds the board (no command may be
   * sent against state known to be behind) and fetches the full state instead.
   */
  apply(seq: number, change: (snapshot: BoardSnapshot) => void): SequencedOutcome;
  close(): void;
}

export function connectMeeting(board: BoardState): MeetingConnection {
  const auth: HandshakeAuth = { meetingId: board.meeting.id };
  // WebSocket only: long-polling would need sticky sessions once the board runs on several instances.
  const socket: MeetingSocket = io({ auth, transports: ['websocket'], withCredentials: true });

  async function resync() {
    const result = await socket.emitWithAck('meeting:sync', {});
    if ('data' in result) {
      board.replaceSnapshot(result.data);
      board.setConnection('live');
    }
  }

  socket.on('connect', () => void resync());
  socket.on('disconnect', () => board.setConnection('offline'));
  // This instance is going away: the transport closes next and Socket.io reconnects (behind a load balancer, elsewhere).
  socket.on('server:restarting', () => board.setConnection('connecting'));
  socket.on('connect_error', (error) => {
    board.setConnection('offline');
    // A refusal in the handshake stops Socket.io's own retries; one that says "not now" is retried, others are final.
    const code = (error as Error & { data?: WireError }).data?.code;
    if (!socket.active && code && TEMPORARY_REFUSALS.has(code)) setTimeout(() => socket.connect(), 1_000 + Math.random() * 1_000);
  });

  function apply(seq: number, change: (snapshot: BoardSnapshot) => void): SequencedOutcome {
    const outcome = board.applySequenced(seq, change);
    if (outcome === 'gap') {
      board.setConnection('connecting');
      void resync();
    }
    return outcome;
  }

  return { socket, resync, apply, close: () => socket.close() };
}
