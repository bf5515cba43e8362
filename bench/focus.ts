// npm run bench:focus [-- --followers=200 --seconds=20 --rate=5]
// The presenter moves the focus `rate` times a second; we time each move from the presenter's send to its arrival at
// the last of the followers. Baseline in the same run: a bare Socket.io server that relays the same messages to the
// same number of clients, with no authentication, permission check, Postgres transaction or sequence number. The two
// are interleaved (board, then relay half a period later) so that both see the same machine load.
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Server } from 'socket.io';
import { io, type Socket } from 'socket.io-client';
import { startBoard } from '../server/board-server.ts';
import type { ClientToServerEvents, ServerToClientEvents } from '../server/shared/contract.ts';
import { createDatabase, type TestDatabase } from '../test/support/database.ts';

const { values: flags } = parseArgs({
  options: {
    followers: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '20' },
    rate: { type: 'string', default: '5' },
  },
});
const FOLLOWERS = Math.min(2000, Math.max(1, Number(flags.followers)));
const SECONDS = Math.min(300, Math.max(1, Number(flags.seconds)));
const RATE = Math.min(50, Math.max(1, Number(flags.rate)));
const MOVES = SECONDS * RATE;
const PERIOD_MS = 1000 / RATE;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summarise(latenciesMs: number[], moves: number) {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    moves,
    delivered: sorted.length,
    p50Ms: round(percentile(sorted, 50)),
    p99Ms: round(percentile(sorted, 99)),
    maxMs: round(sorted.at(-1) ?? NaN),
    meanMs: round(sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1)),
  };
}

/** The baseline: a bare Socket.io relay of the same event to everyone connected. */
async function startRelay() {
  const http = createServer();
  const relay = new Server(http, { serveClient: false });
  let seq = 0;
  relay.on('connection', (socket) => {
    socket.on('focus:move', (payload: { view: unknown }, ack: (result: unknown) => void) => {
      seq += 1;
      relay.emit('focus:changed', { seq, focus: { view: payload.view, agendaItemId: null, handover: null } });
      ack({ data: { seq } });
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => relay.close(() => resolve())),
  };
}

async function main() {
  const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  const database: TestDatabase | undefined = serverUrl ? await createDatabase(serverUrl, { prefix: 'cb_bench' }) : undefined;
  const dataDir = await mkdtemp(path.join(tmpdir(), 'cb-bench-'));
  const board = await startBoard(
    { port: 0, host: '127.0.0.1', databaseUrl: database?.url, sessionSecret: randomBytes(32).toString('hex'), dataDir, publicUrl: undefined },
    { log: () => {} },
  );
  const relay = await startRelay();
  const child = fork(new URL('./focus-followers.ts', import.meta.url), { execArgv: ['--import', 'tsx'] });
  const sockets: Socket[] = [];
  try {
    const meetingId = board.sampleMeetingId;
    const join = async (role: 'member' | 'presenter', name: string) =>
      (await board.sessions.redeemInvite(board.sessions.createInvite({ meetingId, role, name }), name)).sessionToken;
    const tokens: string[] = [];
    for (let i = 0; i < FOLLOWERS; i++) tokens.push(await join('member', `ผู้ติดตาม ${i + 1}`));

    const ready = new Promise<void>((resolve) => child.once('message', () => resolve()));
    child.send({ start: { boardUrl: board.url, relayUrl: relay.url, meetingId, tokens } });
    await ready;

    const connect = (url: string, auth: Record<string, string>) => {
      const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(url, { auth, transports: ['websocket'], forceNew: true });
      sockets.push(socket);
      return new Promise<typeof socket>((resolve) => socket.once('connect', () => resolve(socket)));
    };
    const presenter = await connect(board.url, { meetingId, token: await join('presenter', 'ผู้นำเสนอ') });
    const relayPresenter = await connect(relay.url, {});
    const projects = (await board.db.project.findMany({ orderBy: { position: 'asc' }, select: { id: true } })).map((p) => p.id);
    // Let the connection burst (presence broadcasts, attendance writes) settle before timing anything.
    await sleep(1500);

    const sent = { board: new Map<number, bigint>(), relay: new Map<number, bigint>() };
    const errors: string[] = [];
    const move = async (system: 'board' | 'relay', socket: typeof presenter, index: number) => {
      const start = process.hrtime.bigint();
      const result = await socket.emitWithAck('focus:move', { view: { kind: 'project', projectId: projects[index % projects.length] } });
      if ('data' in result) sent[system].set(result.data.seq, start);
      else errors.push(`${system}: ${result.error.code}`);
    };
    const pending: Promise<void>[] = [];
    const began = Date.now();
    for (let i = 0; i < MOVES; i++) {
      const due = began + i * PERIOD_MS;
      await sleep(Math.max(0, due - Date.now()));
      pending.push(move('board', presenter, i));
      await sleep(Math.max(0, due + PERIOD_MS / 2 - Date.now()));
      pending.push(move('relay', relayPresenter, i));
    }
    await Promise.all(pending);
    await sleep(1000);

    const arrivals = await new Promise<Record<'board' | 'relay', { seq: number; count: number; lastNs: string }[]>>((resolve) => {
      child.on('message', (message: { arrivals?: Record<'board' | 'relay', { seq: number; count: number; lastNs: string }[]> }) => {
        if (message.arrivals) resolve(message.arrivals);
      });
      child.send({ finish: true });
    });
    const latencies = (system: 'board' | 'relay') =>
      arrivals[system]
        .filter((a) => a.count === FOLLOWERS && sent[system].has(a.seq))
        .map((a) => Number(BigInt(a.lastNs) - sent[system].get(a.seq)!) / 1e6);

    const boardStats = summarise(latencies('board'), MOVES);
    const relayStats = summarise(latencies('relay'), MOVES);
    const result = {
      benchmark: 'focus',
      at: new Date().toISOString(),
      followers: FOLLOWERS,
      ratePerSecond: RATE,
      seconds: SECONDS,
      machine: { cpus: cpus().length, model: cpus()[0]?.model, loadavg1mBefore: loadavg()[0], node: process.version },
      measure: 'from the presenter sending focus:move to focus:changed reaching the last follower, in ms',
      board: boardStats,
      relay: relayStats,
      ratio: {
        p50: Math.round((boardStats.p50Ms / relayStats.p50Ms) * 100) / 100,
        p99: Math.round((boardStats.p99Ms / relayStats.p99Ms) * 100) / 100,
      },
      target: { p99UnderMs: 50, withinBaselineRatio: 1.2 },
      errors,
    };
    const dir = new URL('./results/', import.meta.url);
    await mkdir(dir, { recursive: true });
    const file = new URL(`focus-${result.at.replace(/[:.]/g, '-')}.json`, dir);
    await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify(result, null, 2));
    console.log(`written to ${file.pathname}`);
  } finally {
    for (const socket of sockets) socket.close();
    if (child.connected) child.kill();
    await relay.close();
    await board.close();
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
