/**
 * npm run bench:yjs: 100 y-websocket clients on one minutes document, 10 typing (5 updates/s each), 90 reading.
 * Measures the time from an update leaving its writer to it reaching the last reader (p50/p99), the server's CPU
 * and RSS, and Postgres writes/s; and the same for the same clients against the reference server (@y/websocket-server:
 * no auth, no database) as the baseline, the two taking turns for three rounds; then the time to load a document of
 * 100,000 characters of edits.
 *
 * Both servers run as child processes on loopback; the clients share this process, so on a small machine their
 * own CPU is part of every figure (and equally so for both servers). Needs a PostgreSQL server: BENCH_DATABASE_URL,
 * TEST_DATABASE_URL or DATABASE_URL; it creates and drops its own database.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { createSessions } from '../server/auth/sessions.ts';
import { createDatabaseClient } from '../server/db/client.ts';
import { createPgPool } from '../server/db/pg-pool.ts';
import { PROJECT_ROOT } from '../server/config.ts';
import { freePort } from '../server/net/free-port.ts';
import { SAMPLE_MEETING_ID } from '../server/seed/seed-sample.ts';
import { createPostgresPersistence } from '../server/yjs/postgres-persistence.ts';

const CLIENTS = 100;
const WRITERS = 10;
const UPDATES_PER_SECOND = 5;
const WARMUP_MS = 2_000;
const MEASURE_MS = 10_000;
const DRAIN_MS = 3_000;
const ROUNDS = 3;
const LOAD_CHARACTERS = 100_000;
const CLOCK_TICKS_PER_SECOND = 100;

const serverUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
if (!serverUrl) throw new Error('Set BENCH_DATABASE_URL, TEST_DATABASE_URL or DATABASE_URL to a PostgreSQL server');

interface RunResult {
  server: string;
  clients: number;
  writers: number;
  updatesSent: number;
  deliveriesMissing: number;
  latencyToLastReaderMs: { p50: number; p90: number; p99: number; max: number };
  serverCpuPercentOfOneCore: number;
  serverRssMb: number;
  postgres?: { updateRowsPerSecond: number; commitsPerSecond: number; tuplesWrittenPerSecond: number };
}

async function main() {
  const dbName = `bench_yjs_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  const url = new URL(serverUrl!);
  url.pathname = `/${dbName}`;
  const databaseUrl = url.toString();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'cb-bench-'));
  const children: ChildProcess[] = [];
  try {
    const secret = randomBytes(32).toString('hex');
    const boardPort = await freePort();
    const board = await startChild(
      [process.execPath, '--import', 'tsx', 'server/main.ts'],
      { PORT: String(boardPort), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, SESSION_SECRET: secret, DATA_DIR: dataDir },
      'Committee Board is ready',
    );
    children.push(board);
    const db = createDatabaseClient(databaseUrl);
    const sessions = createSessions(db, secret);
    const sample = await db.meeting.findUniqueOrThrow({ where: { id: SAMPLE_MEETING_ID } });
    /**
     * A meeting of its own for each round, with its own minutes document: the readers' cost of taking in an edit grows
     * with the text, so rounds on one ever-growing document would each be slower than the last, whichever server.
     */
    const roundMeeting = async (round: number) => {
      const meeting = await db.meeting.create({
        data: { ...sample, id: `bench-round-${round}`, number: sample.number + round, focus: sample.focus ?? undefined },
      });
      const tokens: string[] = [];
      for (let i = 0; i < CLIENTS; i++) {
        const invite = sessions.createInvite({ meetingId: meeting.id, role: i < WRITERS ? 'secretary' : 'member' });
        tokens.push((await sessions.redeemInvite(invite, `bench ${i}`)).sessionToken);
      }
      return { meetingId: meeting.id, docName: `meeting/${meeting.id}/minutes`, tokens };
    };
    const stats = async () => {
      const [row] = (
        await admin.query<{ xact_commit: string; written: string }>(
          'SELECT xact_commit, tup_inserted + tup_updated + tup_deleted AS written FROM pg_stat_database WHERE datname = $1',
          [dbName],
        )
      ).rows;
      const maxId = await db.yUpdate.aggregate({ _max: { id: true } });
      return { commits: Number(row!.xact_commit), written: Number(row!.written), updateRows: Number(maxId._max.id ?? 0) };
    };

    const refPort = await freePort();
    const reference = await startChild(
      [process.execPath, 'node_modules/@y/websocket-server/src/server.js'],
      { PORT: String(refPort), HOST: '127.0.0.1' },
      'running at',
    );
    children.push(reference);

    // The machine is shared and a single run swings by tens of milliseconds either way, so the two servers take
    // turns, round after round, and the comparison is between medians over the rounds.
    const ours: RunResult[] = [];
    const baseline: RunResult[] = [];
    let meeting = await roundMeeting(1);
    for (let round = 1; round <= ROUNDS; round++) {
      if (round > 1) meeting = await roundMeeting(round);
      console.log(`Round ${round}/${ROUNDS}: Committee Board, ${CLIENTS} clients, ${WRITERS} writing ${UPDATES_PER_SECOND}/s for ${MEASURE_MS / 1000} s`);
      ours.push(
        await run({
          server: 'committee-board (auth, read-only checks, Postgres before broadcast)',
          url: `ws://127.0.0.1:${boardPort}/yjs`,
          docName: meeting.docName,
          pid: board.pid!,
          tokens: meeting.tokens,
          postgres: stats,
        }),
      );
      console.log(JSON.stringify(ours.at(-1)!.latencyToLastReaderMs));
      console.log(`Round ${round}/${ROUNDS}: reference @y/websocket-server 0.1.1, same clients`);
      baseline.push(
        await run({
          server: '@y/websocket-server 0.1.1 (no auth, no database)',
          url: `ws://127.0.0.1:${refPort}`,
          docName: meeting.docName,
          pid: reference.pid!,
          tokens: [],
        }),
      );
      console.log(JSON.stringify(baseline.at(-1)!.latencyToLastReaderMs));
    }
    await stopChild(reference);
    const summary = { ours: medians(ours), reference: medians(baseline) };
    console.log(JSON.stringify(summary, null, 2));

    console.log(`Loading a document of ${LOAD_CHARACTERS.toLocaleString('en')} characters of edits`);
    // The last round's first writer owns the private document the load is measured on.
    const owner = await sessions.identify(meeting.tokens[0]!, meeting.meetingId);
    const pool = createPgPool(databaseUrl, { max: 2 });
    const load = await measureLoad(pool, `meeting/${owner.meetingId}/private/${owner.participantId}`, `ws://127.0.0.1:${boardPort}/yjs`, meeting.tokens[0]!);
    console.log(JSON.stringify(load, null, 2));
    await pool.end();
    await db.$disconnect();

    const result = {
      benchmark: 'yjs',
      at: new Date().toISOString(),
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, loadAverage1m: loadavg()[0], node: process.version },
      note: 'Clients run in the benchmark process on the same machine; the machine is shared, so figures vary between runs.',
      rounds: ROUNDS,
      medianOverRounds: summary,
      runs: [...ours, ...baseline],
      load,
    };
    const dir = path.join(PROJECT_ROOT, 'bench', 'results');
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, `yjs-${result.at.replace(/[:.]/g, '-')}.json`);
    await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`Wrote ${path.relative(PROJECT_ROOT, file)}`);
  } finally {
    for (const child of children) await stopChild(child);
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function run(options: {
  server: string;
  url: string;
  docName: string;
  pid: number;
  tokens: string[];
  postgres?: () => Promise<{ commits: number; written: number; updateRows: number }>;
}): Promise<RunResult> {
  const providers: WebsocketProvider[] = [];
  for (let i = 0; i < CLIENTS; i++) {
    const params: Record<string, string> = options.tokens[i] ? { token: options.tokens[i]! } : {};
    providers.push(
      new WebsocketProvider(options.url, options.docName, new Y.Doc(), { WebSocketPolyfill: WebSocket as never, params, disableBc: true }),
    );
  }
  await Promise.all(providers.map((p) => new Promise<void>((resolve) => (p.synced ? resolve() : p.once('sync', () => resolve())))));
  const readers = providers.slice(WRITERS);
  const sentAt = new Map<string, number>();
  const lastArrival = new Map<string, number>();
  const arrivals = new Map<string, number>();
  let measuring = false;
  for (const provider of readers) {
    provider.doc.getText('bench').observe((event) => {
      if (event.transaction.origin !== provider) return;
      const now = performance.now();
      for (const delta of event.changes.delta) {
        if (typeof delta.insert !== 'string') continue;
        for (const match of delta.insert.matchAll(/#(\d+:\d+)#/g)) {
          const key = match[1]!;
          if (!sentAt.has(key)) continue;
          lastArrival.set(key, now);
          arrivals.set(key, (arrivals.get(key) ?? 0) + 1);
        }
      }
    });
  }
  let counter = 0;
  const timers = providers.slice(0, WRITERS).map((provider, writer) =>
    // Spread the writers over the period so the load is steady rather than ten at once.
    setTimeout(() => {
      timers.push(
        setInterval(() => {
          const key = `${writer}:${counter++}`;
          const text = provider.doc.getText('bench');
          if (measuring) sentAt.set(key, performance.now());
          text.insert(text.length, `#${key}#`);
        }, 1000 / UPDATES_PER_SECOND),
      );
    }, (writer * 1000) / UPDATES_PER_SECOND / WRITERS),
  );

  await sleep(WARMUP_MS);
  const cpuBefore = await cpuTicks(options.pid);
  const pgBefore = await options.postgres?.();
  measuring = true;
  await sleep(MEASURE_MS);
  measuring = false;
  const cpuAfter = await cpuTicks(options.pid);
  const rss = await rssMb(options.pid);
  for (const timer of timers) clearTimeout(timer);
  await sleep(DRAIN_MS);
  // pg_stat_database is flushed about once a second: read it after the drain.
  const pgAfter = await options.postgres?.();

  const latencies: number[] = [];
  let missing = 0;
  for (const [key, sent] of sentAt) {
    const count = arrivals.get(key) ?? 0;
    missing += readers.length - count;
    if (count === readers.length) latencies.push(lastArrival.get(key)! - sent);
  }
  latencies.sort((a, b) => a - b);
  for (const provider of providers) {
    provider.destroy();
    provider.doc.destroy();
  }
  const seconds = MEASURE_MS / 1000;
  return {
    server: options.server,
    clients: CLIENTS,
    writers: WRITERS,
    updatesSent: sentAt.size,
    deliveriesMissing: missing,
    latencyToLastReaderMs: { p50: pct(latencies, 0.5), p90: pct(latencies, 0.9), p99: pct(latencies, 0.99), max: round(latencies.at(-1) ?? NaN) },
    serverCpuPercentOfOneCore: round(((cpuAfter - cpuBefore) / CLOCK_TICKS_PER_SECOND / seconds) * 100),
    serverRssMb: rss,
    ...(pgBefore && pgAfter
      ? {
          postgres: {
            // The window's updates plus those that drained after it, over the window.
            updateRowsPerSecond: round((pgAfter.updateRows - pgBefore.updateRows) / seconds),
            commitsPerSecond: round((pgAfter.commits - pgBefore.commits) / seconds),
            tuplesWrittenPerSecond: round((pgAfter.written - pgBefore.written) / seconds),
          },
        }
      : {}),
  };
}

async function measureLoad(pool: pg.Pool, docName: string, url: string, token: string) {
  const source = new Y.Doc();
  const updates: Uint8Array[] = [];
  source.on('update', (update: Uint8Array) => updates.push(update));
  const text = source.getText('t');
  for (let i = 0; i < LOAD_CHARACTERS; i++) text.insert(i === 0 ? 0 : (i * 7919) % (i + 1), 'กขคงจ'[i % 5]!);
  const store = createPostgresPersistence(pool, { compactAfterUpdates: Number.MAX_SAFE_INTEGER, compactAfterBytes: Number.MAX_SAFE_INTEGER });
  await store.load(docName);
  for (let i = 0; i < updates.length; i += 1000) await store.append(docName, updates.slice(i, i + 1000));
  console.log(`  stored ${updates.length} updates`);

  const timeLoad = async () => {
    const started = performance.now();
    const doc = new Y.Doc();
    const stored = await createPostgresPersistence(pool).load(docName);
    doc.transact(() => stored.forEach((u) => Y.applyUpdate(doc, u)));
    const ms = performance.now() - started;
    if (doc.getText('t').length !== LOAD_CHARACTERS) throw new Error('the loaded document is not the stored one');
    return round(ms);
  };
  const fromLogMs = await timeLoad();
  console.log(`  loaded from the log in ${fromLogMs} ms`);

  // Cold open through the server: it loads the same 100,000-row log, then answers the sync.
  const started = performance.now();
  const provider = new WebsocketProvider(url, docName, new Y.Doc(), { WebSocketPolyfill: WebSocket as never, params: { token }, disableBc: true });
  await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
  const serverColdOpenMs = round(performance.now() - started);
  const ok = provider.doc.getText('t').length === LOAD_CHARACTERS;
  provider.destroy();
  // The provider's awareness checks for timeouts every 3 s until its document goes: the bench would never exit.
  provider.doc.destroy();
  if (!ok) throw new Error('the server served a different document');

  // Compacted: one snapshot row.
  const compacting = createPostgresPersistence(pool, { compactAfterUpdates: 1 });
  await compacting.load(docName);
  const extra = new Y.Doc();
  await compacting.append(docName, [Y.encodeStateAsUpdate(extra)]);
  await compacting.settled();
  const fromSnapshotMs = await timeLoad();
  return { characters: LOAD_CHARACTERS, updates: updates.length, fromLogMs, serverColdOpenMs, fromSnapshotMs };
}

/** Children that `stopChild` is stopping: any other exit is a crash, and the figures would be meaningless. */
const stopping = new WeakSet<ChildProcess>();

function startChild(command: string[], env: Record<string, string>, ready: string): Promise<ChildProcess> {
  const child = spawn(command[0]!, command.slice(1), { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      keep(chunk);
      if (output.includes(ready)) resolve(child);
    });
    child.stderr!.on('data', keep);
    child.once('exit', (code, signal) => {
      const error = new Error(`${command.join(' ')} exited (${code ?? signal}):\n${output}`);
      reject(error);
      if (!stopping.has(child)) {
        console.error(error.message);
        process.exit(1);
      }
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  stopping.add(child);
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function cpuTicks(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return round(Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024);
}

/** Per figure, the median over the rounds. */
function medians(runs: RunResult[]) {
  const median = (pick: (run: RunResult) => number) => {
    const values = runs.map(pick).sort((a, b) => a - b);
    return values[Math.floor(values.length / 2)]!;
  };
  return {
    latencyToLastReaderMs: {
      p50: median((r) => r.latencyToLastReaderMs.p50),
      p90: median((r) => r.latencyToLastReaderMs.p90),
      p99: median((r) => r.latencyToLastReaderMs.p99),
    },
    serverCpuPercentOfOneCore: median((r) => r.serverCpuPercentOfOneCore),
    serverRssMb: median((r) => r.serverRssMb),
    deliveriesMissing: runs.reduce((sum, r) => sum + r.deliveriesMissing, 0),
  };
}

function pct(sorted: number[], p: number): number {
  return sorted.length === 0 ? NaN : round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!);
}
const round = (n: number) => Math.round(n * 10) / 10;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

await main();
