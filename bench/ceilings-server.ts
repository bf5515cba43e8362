// The server side of `npm run bench:ceilings`, in a process of its own so its CPU and memory are measured apart from
// the clients'. Mode `board`: the real board on a fresh database. Mode `relay`: a bare Socket.io relay that broadcasts
// whatever the presenter sends, with no validation and no database: the floor a plain Socket.io app would give.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Server } from 'socket.io';
import { startBoard } from '../server/board-server.ts';
import { MAX_SOCKET_MESSAGE_BYTES } from '../server/shared/contract.ts';
import { bahtFromDb } from '../server/db/client.ts';
import { createDatabase } from '../test/support/database.ts';

export interface BenchTarget {
  url: string;
  meetingId: string;
  presenterToken: string;
  clientTokens: string[];
  projects: { id: string; requestedBaht: number; version: number }[];
}

export type ServerRequest = { type: 'begin' } | { type: 'stats' } | { type: 'stop' };
export interface ServerStats {
  cpuMs: number;
  wallMs: number;
  peakRssMb: number;
}

const [mode, clientCountArg] = process.argv.slice(2);
const clientCount = Number(clientCountArg);
const send = (message: unknown) => process.send!(message);

async function startBoardTarget(): Promise<{ target: BenchTarget; stop(): Promise<void> }> {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const database = serverUrl ? await createDatabase(serverUrl, { prefix: 'cb_bench' }) : undefined;
  const dataDir = await mkdtemp(path.join(tmpdir(), 'cb-bench-'));
  const board = await startBoard(
    { port: 0, host: '127.0.0.1', databaseUrl: database?.url, sessionSecret: randomBytes(32).toString('hex'), dataDir, publicUrl: undefined },
    { log: () => {} },
  );
  const meetingId = board.sampleMeetingId;
  const session = async (role: 'presenter' | 'member', name: string) => {
    const invite = board.sessions.createInvite({ meetingId, role, name });
    return (await board.sessions.redeemInvite(invite, name)).sessionToken;
  };
  const presenterToken = await session('presenter', 'ผู้นำเสนอ (bench)');
  const clientTokens: string[] = [];
  for (let i = 0; i < clientCount; i++) clientTokens.push(await session('member', `กรรมการ ${i + 1}`));
  const projects = await board.db.project.findMany({ orderBy: { position: 'asc' } });
  return {
    target: {
      url: board.url,
      meetingId,
      presenterToken,
      clientTokens,
      projects: projects.map((p) => ({ id: p.id, requestedBaht: bahtFromDb(p.requestedBaht), version: p.version })),
    },
    async stop() {
      await board.close();
      await database?.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function startRelayTarget(): Promise<{ target: BenchTarget; stop(): Promise<void> }> {
  const httpServer = createServer();
  const io = new Server(httpServer, { maxHttpBufferSize: MAX_SOCKET_MESSAGE_BYTES, serveClient: false });
  let seq = 0;
  io.on('connection', async (socket) => {
    await socket.join('meeting');
    socket.on('relay:set', (payload: Record<string, unknown>, ack: (reply: unknown) => void) => {
      const update = { seq: ++seq, change: { ...payload, versionAfter: Number(payload.expectedVersion) + 1 } };
      io.to('meeting').emit('relay:updated', update);
      ack({ data: update });
    });
    socket.emit('session:ready', { seq });
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  const projects = Array.from({ length: 78 }, (_, i) => ({ id: `p${i}`, requestedBaht: 100_000_000, version: 1 }));
  return {
    target: { url: `http://127.0.0.1:${port}`, meetingId: 'relay', presenterToken: '', clientTokens: Array(clientCount).fill(''), projects },
    stop: () => new Promise<void>((resolve) => io.close(() => resolve())),
  };
}

const running = mode === 'board' ? await startBoardTarget() : await startRelayTarget();
let cpuAtBegin = process.cpuUsage();
let wallAtBegin = performance.now();
process.on('message', async (request: ServerRequest) => {
  if (request.type === 'begin') {
    cpuAtBegin = process.cpuUsage();
    wallAtBegin = performance.now();
  } else if (request.type === 'stats') {
    const cpu = process.cpuUsage(cpuAtBegin);
    send({ cpuMs: (cpu.user + cpu.system) / 1000, wallMs: performance.now() - wallAtBegin, peakRssMb: process.resourceUsage().maxRSS / 1024 } satisfies ServerStats);
  } else {
    await running.stop();
    process.exit(0);
  }
});
send(running.target);
