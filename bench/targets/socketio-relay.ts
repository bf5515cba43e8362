// Baseline: a bare Socket.io relay. It broadcasts whatever the sender sends to everyone in one room, with a sequence
// number, and no authentication, validation or database: the floor a plain Socket.io app gives on this machine.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { MAX_SOCKET_MESSAGE_BYTES } from '../../server/shared/contract.ts';
import { serveTarget } from '../harness/target.ts';

const ROOM = 'meeting';
const httpServer = createServer();
// The board's own options, so the difference between the two is the board's work, not configuration.
const io = new Server(httpServer, { maxHttpBufferSize: MAX_SOCKET_MESSAGE_BYTES, serveClient: false, destroyUpgrade: false });
let seq = 0;
io.on('connection', async (socket) => {
  await socket.join(ROOM);
  socket.on('relay:set', (payload: Record<string, unknown>, ack: (reply: unknown) => void) => {
    const update = { seq: ++seq, change: payload };
    io.to(ROOM).emit('relay:updated', update);
    ack({ data: { seq: update.seq } });
  });
  socket.on('focus:move', (payload: { view: unknown }, ack: (reply: unknown) => void) => {
    const update = { seq: ++seq, focus: { view: payload.view, agendaItemId: null, handover: null } };
    io.to(ROOM).emit('focus:changed', update);
    ack({ data: { seq: update.seq } });
  });
  socket.emit('session:ready', { seq });
});
await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));

serveTarget(
  { url: `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}` },
  {},
  () => new Promise<void>((resolve) => io.close(() => resolve())),
);
