// npm run bench:ceilings [-- --clients 200 --rate 20 --seconds 15]
// N clients join one meeting; one presenter sets ceilings at R changes/s for T seconds. Latency is measured from the
// presenter's send to the last client receiving the change. The same clients and load then go through a bare
// Socket.io relay (no validation, no database) as the baseline. Loopback only; results in bench/results/.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { io, type Socket } from 'socket.io-client';
import type { BenchTarget, ServerRequest, ServerStats } from './ceilings-server.ts';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '200' },
    rate: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '15' },
  },
});
const CLIENTS = Number(values.clients);
const RATE = Number(values.rate);
const SECONDS = Number(values.seconds);
if (![CLIENTS, RATE, SECONDS].every((n) => Number.isInteger(n) && n > 0) || CLIENTS > 1_000 || RATE > 200 || SECONDS > 120) {
  throw new Error('--clients 1..1000, --rate 1..200 and --seconds 1..120, whole numbers');
}
/** How long to wait for the last deliveries after the last send before counting a change as lost. */
const DRAIN_MS = 5_000;
const HERE = path.dirname(new URL(import.meta.url).pathname);

interface Update {
  seq: number;
  change?: { reason: string };
}

interface RunResult {
  sent: number;
  acknowledged: number;
  refused: Record<string, number>;
  changesPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number; mean: number };
  lost: number;
  outOfOrder: number;
  /** The one process all N clients and the presenter run in: near 100 means the clients, not the server, set the pace. */
  clientCpuPercentOfOneCore: number;
  server: ServerStats & { cpuPercentOfOneCore: number };
}

function startServer(mode: 'board' | 'relay'): Promise<{ child: ChildProcess; target: BenchTarget }> {
  const child = fork(path.join(HERE, 'ceilings-server.ts'), [mode, String(CLIENTS)], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.once('message', (target) => resolve({ child, target: target as BenchTarget }));
    child.once('exit', (code) => reject(new Error(`${mode} server exited with ${code}`)));
  });
}

function ask(child: ChildProcess, request: ServerRequest): Promise<ServerStats> {
  return new Promise((resolve) => {
    child.once('message', (reply) => resolve(reply as ServerStats));
    child.send(request);
  });
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const round = (n: number) => Math.round(n * 100) / 100;

async function connect(url: string, meetingId: string, token: string): Promise<{ socket: Socket; seq: number }> {
  const socket = io(url, { auth: { meetingId, token }, transports: ['websocket'], reconnection: false, forceNew: true });
  const seq = await new Promise<number>((resolve, reject) => {
    socket.once('session:ready', (ready: { seq: number }) => resolve(ready.seq));
    socket.once('connect_error', reject);
  });
  return { socket, seq };
}

async function run(mode: 'board' | 'relay'): Promise<RunResult> {
  const { child, target } = await startServer(mode);
  const [setEvent, updatedEvent] = mode === 'board' ? ['ceilings:set', 'ceilings:updated'] : ['relay:set', 'relay:updated'];
  const sentAt: number[] = [];
  /** Per change: how many clients received it, and when the last one did. */
  const deliveries: number[] = [];
  const lastDelivery: number[] = [];
  let outOfOrder = 0;

  const clients: Socket[] = [];
  for (let i = 0; i < target.clientTokens.length; i += 20) {
    const batch = await Promise.all(target.clientTokens.slice(i, i + 20).map((token) => connect(target.url, target.meetingId, token)));
    for (const { socket, seq } of batch) {
      let last = seq;
      socket.on(updatedEvent, (update: Update) => {
        const at = performance.now();
        if (update.seq !== last + 1) outOfOrder++;
        last = update.seq;
        const index = Number(update.change?.reason.slice('bench-'.length));
        deliveries[index] = (deliveries[index] ?? 0) + 1;
        lastDelivery[index] = Math.max(lastDelivery[index] ?? 0, at);
      });
      clients.push(socket);
    }
  }
  const { socket: presenter } = await connect(target.url, target.meetingId, target.presenterToken);
  const versions = target.projects.map((p) => p.version);
  const refused: Record<string, number> = {};
  let acknowledged = 0;

  child.send({ type: 'begin' } satisfies ServerRequest);
  const total = RATE * SECONDS;
  const clientCpuAtStart = process.cpuUsage();
  const startedAt = performance.now();
  const acks: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = startedAt + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const k = i % target.projects.length;
    const project = target.projects[k];
    const payload = { projectId: project.id, toBaht: project.requestedBaht - 1_000 * (1 + (i % 500)), expectedVersion: versions[k], reason: `bench-${i}` };
    sentAt[i] = performance.now();
    acks.push(
      presenter.emitWithAck(setEvent, payload).then((reply: { data?: { change?: { versionAfter: number } }; error?: { code: string } }) => {
        if (reply.data?.change) {
          acknowledged++;
          versions[k] = reply.data.change.versionAfter;
        } else {
          const code = reply.error?.code ?? 'unknown';
          refused[code] = (refused[code] ?? 0) + 1;
        }
      }),
    );
  }
  await Promise.all(acks);
  const sendingMs = performance.now() - startedAt;
  const drainUntil = performance.now() + DRAIN_MS;
  while (performance.now() < drainUntil && deliveries.filter((d) => d === clients.length).length < acknowledged) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const stats = await ask(child, { type: 'stats' });
  const clientCpu = process.cpuUsage(clientCpuAtStart);
  const clientCpuPercentOfOneCore = round(((clientCpu.user + clientCpu.system) / 1000 / (performance.now() - startedAt)) * 100);

  const latencies: number[] = [];
  let lost = 0;
  for (let i = 0; i < total; i++) {
    if (!deliveries[i]) continue;
    lost += clients.length - deliveries[i];
    latencies.push(lastDelivery[i] - sentAt[i]);
  }
  latencies.sort((a, b) => a - b);
  for (const socket of [presenter, ...clients]) socket.close();
  child.send({ type: 'stop' } satisfies ServerRequest);
  await new Promise((resolve) => child.once('exit', resolve));

  return {
    sent: total,
    acknowledged,
    refused,
    changesPerSecond: round(acknowledged / (sendingMs / 1000)),
    latencyMs: {
      p50: round(percentile(latencies, 50)),
      p95: round(percentile(latencies, 95)),
      p99: round(percentile(latencies, 99)),
      max: round(latencies.at(-1) ?? Number.NaN),
      mean: round(latencies.reduce((a, b) => a + b, 0) / (latencies.length || 1)),
    },
    lost,
    outOfOrder,
    clientCpuPercentOfOneCore,
    server: { cpuMs: round(stats.cpuMs), wallMs: round(stats.wallMs), peakRssMb: round(stats.peakRssMb), cpuPercentOfOneCore: round((stats.cpuMs / stats.wallMs) * 100) },
  };
}

const loadBefore = loadavg();
const ours = await run('board');
const relay = await run('relay');
const result = {
  benchmark: 'ceilings',
  at: new Date().toISOString(),
  parameters: { clients: CLIENTS, ratePerSecond: RATE, seconds: SECONDS },
  machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version, loadAverageBefore: loadBefore.map(round), loadAverageAfter: loadavg().map(round) },
  notes: 'Clients run in one process, the server in another; PostgreSQL (a third) is not in the server CPU figure. Latency is send to the last of N clients receiving the change.',
  ours,
  relay,
  ratio: { p50: round(ours.latencyMs.p50 / relay.latencyMs.p50), p99: round(ours.latencyMs.p99 / relay.latencyMs.p99) },
};
const dir = path.join(HERE, 'results');
mkdirSync(dir, { recursive: true });
const file = path.join(dir, `ceilings-${result.at.replace(/[:.]/g, '-')}.json`);
writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify({ ours: ours.latencyMs, relay: relay.latencyMs, ratio: result.ratio, lost: [ours.lost, relay.lost], outOfOrder: [ours.outOfOrder, relay.outOfOrder] }, null, 2));
console.log(`Written to ${path.relative(process.cwd(), file)}`);
