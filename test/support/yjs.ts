// Helpers for tests that speak to the Yjs endpoint directly.
import WebSocket from 'ws';

/** The HTTP status a raw WebSocket handshake gets (101 when accepted). */
export function handshakeStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  const socket = new WebSocket(url, { headers });
  socket.on('error', () => {});
  return new Promise<number>((resolve) => {
    socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    socket.once('open', () => resolve(101));
  }).finally(() => socket.terminate());
}
