// The Socket.io contract, shared by the server and the browser. Events are named `feature:verb`; every command is
// acknowledged with `{ data }` or a typed `{ error }`.
import type { BoardSnapshot, SessionView } from './board.ts';
import type { WireError } from './errors.ts';

export type Ack<T> = { data: T } | { error: WireError };
export type AckCallback<T> = (result: Ack<T>) => void;

/** The largest Socket.io message the server reads: commands are small, and a large one is an attack or a bug. */
export const MAX_SOCKET_MESSAGE_BYTES = 64 * 1024;

export interface HandshakeAuth {
  meetingId: string;
  /** For clients without the browser's session cookie (scripts, tests, benchmarks). */
  token?: string;
}

export interface ClientToServerEvents {
  /** The whole board as of now: on first load, after a reconnect, or when a client sees a gap in the sequence. */
  'meeting:sync': (request: Record<string, never>, ack: AckCallback<BoardSnapshot>) => void;
}

export interface ServerToClientEvents {
  /** Sent once a connection is authenticated: who the server takes this client to be. */
  'session:ready': (session: SessionView & { meetingId: string; seq: number }) => void;
}

export interface SocketData {
  identity: import('../auth/identity.ts').Identity;
}
