// Baseline: the reference y-websocket server, @y/websocket-server 0.1.1, as its own `server.js` runs it (its
// `setupWSConnection` on a plain `ws` server, no persistence): no authentication and no database.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { setupWSConnection } from '@y/websocket-server/utils';
import { serveTarget } from '../harness/target.ts';

const httpServer = createServer();
const wss = new WebSocketServer({ noServer: true });
wss.on('connection', setupWSConnection);
httpServer.on('upgrade', (request, socket, head) => wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request)));
await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));

serveTarget({ url: `ws://127.0.0.1:${(httpServer.address() as AddressInfo).port}` }, {}, async () => {
  for (const client of wss.clients) client.terminate();
  await new Promise<void>((resolve) => wss.close(() => httpServer.close(() => resolve())));
});
