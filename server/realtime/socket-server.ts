// Socket.io on the board's HTTP server: authenticates each connection once, puts it in its meeting's room, and hands
// it to the feature handlers.
import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import type { Sessions } from '../auth/sessions.ts';
import { sessionCookieName } from '../shared/session-cookie.ts';
import { readCookie } from '../http/cookies.ts';
import {
  MAX_SOCKET_MESSAGE_BYTES,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type SocketData,
} from '../shared/contract.ts';
import { isBoardError, wireError } from '../shared/errors.ts';

export type BoardServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type BoardSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
/** One feature's handlers, registered for each authenticated socket. */
export type FeatureHandlers = (socket: BoardSocket, io: BoardServer) => void;

export function meetingRoom(meetingId: string): string {
  return `meeting:${meetingId}`;
}

export function createSocketServer(
  httpServer: HttpServer,
  deps: {
    sessions: Sessions;
    features: FeatureHandlers[];
    currentSeq(meetingId: string): Promise<number>;
    /** Whether a handshake's Origin header is one of the board's own pages (see net/origins.ts). */
    allowOrigin(origin: string | string[] | undefined): boolean;
  },
): BoardServer {
  const io: BoardServer = new Server(httpServer, {
    maxHttpBufferSize: MAX_SOCKET_MESSAGE_BYTES,
    serveClient: false,
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
      const auth = (socket.handshake.auth ?? {}) as Record<string, unknown>;
      const meetingId = typeof auth.meetingId === 'string' ? auth.meetingId : '';
      const token = typeof auth.token === 'string' ? auth.token : readCookie(socket.handshake.headers.cookie, sessionCookieName(meetingId));
      socket.data.identity = await deps.sessions.identify(token, meetingId);
      next();
    } catch (error) {
      const refusal = wireError(isBoardError(error) ? error.code : 'internal');
      // Socket.io hands `data` to the client's connect_error, so it can say why in Thai.
      next(Object.assign(new Error(refusal.messageEn), { data: refusal }));
    }
  });

  io.on('connection', async (socket) => {
    const { identity } = socket.data;
    await socket.join(meetingRoom(identity.meetingId));
    for (const register of deps.features) register(socket, io);
    socket.emit('session:ready', {
      participantId: identity.participantId,
      displayName: identity.displayName,
      role: identity.role,
      meetingId: identity.meetingId,
      seq: await deps.currentSeq(identity.meetingId),
    });
  });

  return io;
}
