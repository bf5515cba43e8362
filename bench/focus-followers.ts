// The followers of `npm run bench:focus`, in a process of their own so that their work does not sit in the server's
// event loop. Each connects once to the board and once to the bare relay, and notes when every focus change arrives
// on the system-wide monotonic clock (process.hrtime), which the parent process reads too.
import { io, type Socket } from 'socket.io-client';

interface Start {
  boardUrl: string;
  relayUrl: string;
  meetingId: string;
  tokens: string[];
}

type System = 'board' | 'relay';
/** Per system, per seq: how many followers have it, and when the last one got it (ns). */
const arrivals: Record<System, Map<number, { count: number; lastNs: bigint }>> = { board: new Map(), relay: new Map() };
const sockets: Socket[] = [];

function note(system: System, seq: number) {
  const now = process.hrtime.bigint();
  const entry = arrivals[system].get(seq);
  if (entry) {
    entry.count += 1;
    entry.lastNs = now;
  } else arrivals[system].set(seq, { count: 1, lastNs: now });
}

function connect(url: string, auth: Record<string, string>, system: System): Promise<void> {
  const socket = io(url, { auth, transports: ['websocket'], forceNew: true, reconnection: false });
  sockets.push(socket);
  socket.on('focus:changed' as never, (event: { seq: number }) => note(system, event.seq));
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
}

process.on('message', async (message: { start?: Start; finish?: true }) => {
  if (message.start) {
    const { boardUrl, relayUrl, meetingId, tokens } = message.start;
    // In batches: 400 handshakes at once would time out on a busy two-core machine.
    for (let i = 0; i < tokens.length; i += 25) {
      await Promise.all(
        tokens.slice(i, i + 25).flatMap((token) => [connect(boardUrl, { meetingId, token }, 'board'), connect(relayUrl, {}, 'relay')]),
      );
    }
    process.send!({ ready: true });
  }
  if (message.finish) {
    for (const socket of sockets) socket.close();
    const serialise = (map: Map<number, { count: number; lastNs: bigint }>) =>
      [...map].map(([seq, { count, lastNs }]) => ({ seq, count, lastNs: lastNs.toString() }));
    process.send!({ arrivals: { board: serialise(arrivals.board), relay: serialise(arrivals.relay) } }, () => process.exit(0));
  }
});
