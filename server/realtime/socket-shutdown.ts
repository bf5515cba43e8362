// The end of an instance's Socket.io side: each client is told, then its transport is closed without a Socket.io
// "disconnect" packet, which the client would take as "do not reconnect". Seeing the transport close, it reconnects
// by itself, and behind a load balancer that lands on another instance.
import type { BoardServer } from './socket-server.ts';

/** Long enough for the notice to leave; short, because nothing the client does with it needs an answer. */
const NOTICE_MS = 100;
const CLOSE_TIMEOUT_MS = 1_000;

export async function closeSocketServer(io: BoardServer): Promise<void> {
  io.local.emit('server:restarting');
  await new Promise((resolve) => setTimeout(resolve, NOTICE_MS));
  // close() also waits for the HTTP server's last keep-alive connections, which a browser may hold a while.
  await Promise.race([io.close(), new Promise((resolve) => setTimeout(resolve, CLOSE_TIMEOUT_MS).unref())]);
}
