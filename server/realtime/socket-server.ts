// Socket.io on the board's HTTP server: authenticates each connection once (who, not what they may do: commands read
// the role again when they run), puts it in its meeting's room and its participant's room, and hands it to the
// feature handlers. A call nobody handles is answered, not left to time out.
import type { Server as HttpServer } from 'node:http';
import { Server, type ServerOptions, type Socket } from 'socket.io';
import type { Sessions } from '../auth/sessions.ts';
import { sessionCookieName } from '../shared/session-cookie.ts';
import { readCookie } from '../http/cookies.ts';
import {
  MAX_SOCKET_MESSAGE_BYTES,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type SocketData,
} from '../shared/contract.ts';
import { BoardError, wireError } from '../shared/errors.ts';
import type { AuthorityChange, AuthorityChanges } from '../auth/authority-changes.ts';
import { refusalFor } from '../db/unavailable.ts';
import type { BoardHealth } from '../health/board-health.ts';
import type { CommandGate } from './command-gate.ts';
import { answerUnknownCalls } from './socket-calls.ts';
import { can } from '../domain/permissions.ts';

/** How long a disconnected client's session and missed packets are kept for it (in Redis, with several instances). */
const RECOVERY_WINDOW_MS = 2 * 60_000;

export type BoardServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type BoardSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
/** One feature's handlers, registered for each authenticated socket. */
export type FeatureHandlers = (socket: BoardSocket, io: BoardServer) => void;

export function meetingRoom(meetingId: string): string {
  return `meeting:${meetingId}`;
}

/** Every open socket of one participant, so that a role change or a revocation reaches all of them at once. */
export function participantRoom(participantId: string): string {
  return `participant:${participantId}`;
}

/** The sockets of a meeting whose role may decide requests to join (join:admit): only they hear of them. */
export function admittersRoom(meetingId: string): string {
  return `join-admitters:${meetingId}`;
}

/**
 * One socket's own events (not the meeting's), sent at once. Not `socket.emit`: with connection-state recovery on
 * (several instances), Socket.io sends each `socket.emit` through the adapter to keep it for a recovering client, and
 * on Redis that is a round trip first: out of order with the meeting's events (which go out locally), lost when the
 * socket is closed right after, and never sent while Redis is away. These need no recovery: a reconnecting client
 * gets `session:ready` anew and catches up on the meeting from its log.
 */
export function toSocket(socket: BoardSocket) {
  return socket.nsp.local.to(socket.id);
}

/** What a role change or a revocation does to one open socket: the role it now carries, or its end (told why). */
export function followOnSocket(socket: BoardSocket, change: AuthorityChange): void {
  if (change.revoked) {
    toSocket(socket).emit('session:revoked', wireError('participant_revoked'));
    socket.disconnect(true);
  } else {
    socket.data.identity = { ...socket.data.identity, role: change.role };
    // Someone who may no longer decide requests to join stops hearing of them (who asks is not everyone's business).
    if (!can(change.role, 'join:admit')) void socket.leave(admittersRoom(socket.data.identity.meetingId));
  }
}

export function createSocketServer(
  httpServer: HttpServer,
  deps: {
    sessions: Sessions;
    features: FeatureHandlers[];
    currentSeq(meetingId: string): Promise<number>;
    /** Whether a handshake's Origin header is one of the board's own pages (see net/origins.ts). */
    allowOrigin(origin: string | string[] | undefined): boolean;
    health: BoardHealth;
    gate: CommandGate;
    /** Changes delivered while a socket was still in its handshake reach it once it joined its rooms. */
    authorityChanges: AuthorityChanges;
    /** Rate limits on every packet, counted before the gate and the handlers see it. */
    attachLimits(socket: BoardSocket): void;
    /** Several instances: the adapter that carries rooms and broadcasts between them (Redis). */
    adapter?: ServerOptions['adapter'];
  },
): BoardServer {
  const io: BoardServer = new Server(httpServer, {
    maxHttpBufferSize: MAX_SOCKET_MESSAGE_BYTES,
    serveClient: false,
    ...(deps.adapter
      ? {
          adapter: deps.adapter,
          // A client that lost its connection (its instance died, Redis blinked) gets its rooms and the packets it
          // missed back on whichever instance it reaches, but only after authenticating again: the default skips
          // the middlewares and would restore the role it had, even one taken back meanwhile.
          connectionStateRecovery: { maxDisconnectionDuration: RECOVERY_WINDOW_MS, skipMiddlewares: false },
        }
      : {}),
    // The Yjs endpoint answers its own upgrades on this server, after an authentication that may take a while.
    destroyUpgrade: false,
    // Before any session exists: a page on another origin, holding a member's cookie, gets a bare 403.
    allowRequest: (req, callback) => {
      const allowed = deps.allowOrigin(req.headers.origin);
      callback(allowed ? null : 'origin not allowed', allowed);
    },
  });

  io.use(async (socket, next) => {
    try {
      if (deps.health.draining) throw new BoardError('server_restarting');
      socket.data.authorityGeneration = deps.authorityChanges.generation;
      const auth = (socket.handshake.auth ?? {}) as Record<string, unknown>;
      const meetingId = typeof auth.meetingId === 'string' ? auth.meetingId : '';
      const token = typeof auth.token === 'string' ? auth.token : readCookie(socket.handshake.headers.cookie, sessionCookieName(meetingId));
      socket.data.identity = await deps.sessions.identify(token, meetingId);
      next();
    } catch (error) {
      const refusal = refusalFor(error);
      // Socket.io hands `data` to the client's connect_error, so it can say why in Thai.
      next(Object.assign(new Error(refusal.messageEn), { data: refusal }));
    }
  });

  io.on('connection', async (socket) => {
    const { identity } = socket.data;
    deps.attachLimits(socket);
    deps.gate.attach(socket);
    answerUnknownCalls(socket);
    for (const register of deps.features) register(socket, io);
    await socket.join([meetingRoom(identity.meetingId), participantRoom(identity.participantId)]);
    const missed = deps.authorityChanges.since(identity.participantId, socket.data.authorityGeneration ?? 0);
    if (missed) followOnSocket(socket, missed);
    if (socket.disconnected) return;
    try {
      toSocket(socket).emit('session:ready', {
        participantId: identity.participantId,
        displayName: identity.displayName,
        role: identity.role,
        meetingId: identity.meetingId,
        seq: await deps.currentSeq(identity.meetingId),
      });
    } catch {
      // The database went away between the handshake and here: closing the transport (not the socket) makes the
      // client reconnect by itself, and the handshake then says why if it is still away.
      socket.conn.close();
    }
  });

  return io;
}
