// Baseline: raw `ws` broadcast, the transport floor. Every message a client sends goes to every other client as it
// came, with no framing of our own, no rooms and no acknowledgement.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, WebSocket } from 'ws';
import { serveTarget } from '../harness/target.ts';

const httpServer = createServer();
const wss = new WebSocketServer({ server: httpServer });
wss.on('connection', (ws) => {
  ws.on('message', (data, isBinary) => {
    for (const client of wss.clients) if (client !== ws && client.readyState === WebSocket.OPEN) client.send(data, { binary: isBinary });
  });
});
await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));

serveTarget({ url: `ws://127.0.0.1:${(httpServer.address() as AddressInfo).port}` }, {}, async () => {
  for (const client of wss.clients) client.terminate();
  await new Promise<void>((resolve) => wss.close(() => httpServer.close(() => resolve())));
});
