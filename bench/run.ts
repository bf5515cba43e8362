// npm run bench [-- <workload>…] [--rounds N] [--workers N] [--clients N] [--rate N] [--seconds N] [--tiny] [--out DIR]
//
// Runs the named workloads (all of them when none is named) and writes one JSON file under bench/results/ with every
// workload's figures (medians over rounds, ratios against the baselines, server CPU and RSS) and the machine's load
// before and after. The database is BENCH_DATABASE_URL or DATABASE_URL, else an embedded PostgreSQL for the run.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../server/config.ts';
import { benchDatabase, sharedTargets, type Workload } from './harness/context.ts';
import { loadAverage, machine } from './harness/machine.ts';
import { createReceiverPool } from './harness/receivers.ts';
import { WORKLOADS } from './workloads/index.ts';

const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rounds: { type: 'string' },
    workers: { type: 'string', default: '2' },
    clients: { type: 'string' },
    followers: { type: 'string' },
    rate: { type: 'string' },
    seconds: { type: 'string' },
    tiny: { type: 'boolean', default: false },
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (flags.help) {
  console.log('npm run bench [-- <workload>…] [--rounds N] [--workers N] [--clients N] [--rate N] [--seconds N] [--tiny] [--out DIR]\n');
  for (const w of WORKLOADS) console.log(`  ${w.name.padEnd(10)} ${w.summary}`);
  process.exit(0);
}

function wholeNumber(name: string, value: string | undefined, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`--${name} takes a whole number from 1 to ${max}, not ${value}`);
  return n;
}

const unknown = positionals.filter((name) => !WORKLOADS.some((w) => w.name === name));
if (unknown.length) throw new Error(`no workload named ${unknown.join(', ')}; there are ${WORKLOADS.map((w) => w.name).join(', ')}`);
const selected: Workload[] = positionals.length ? WORKLOADS.filter((w) => positionals.includes(w.name)) : WORKLOADS;
const rounds = wholeNumber('rounds', flags.rounds, 20) ?? (flags.tiny ? 1 : 3);
const workers = wholeNumber('workers', flags.workers, 16)!;
const overrides = {
  clients: wholeNumber('clients', flags.clients ?? flags.followers, 5_000),
  rate: wholeNumber('rate', flags.rate, 500),
  seconds: wholeNumber('seconds', flags.seconds, 300),
};
for (const key of Object.keys(overrides) as (keyof typeof overrides)[]) if (overrides[key] === undefined) delete overrides[key];

const log = (line: string) => console.log(line);
const at = new Date().toISOString();
const loadBefore = loadAverage();
const database = await benchDatabase();
const receivers = createReceiverPool(workers);
const targets = sharedTargets(database);
const results: Record<string, unknown> = {};
try {
  log(`bench: ${selected.map((w) => w.name).join(', ')}; ${rounds} round(s), ${workers} receiver workers, ${database.embedded ? 'embedded PostgreSQL' : 'PostgreSQL from the environment'}; load ${JSON.stringify(loadBefore)}`);
  for (const workload of selected) {
    log(`${workload.name}: ${workload.summary}`);
    const started = Date.now();
    const workloadLoadBefore = loadAverage();
    results[workload.name] = {
      summary: workload.summary,
      ...(await workload.run({ tiny: flags.tiny, rounds, overrides, receivers, log, ...targets })),
      seconds: Math.round((Date.now() - started) / 1000),
      loadBefore: workloadLoadBefore,
      loadAfter: loadAverage(),
    };
    log(`${workload.name}: done in ${Math.round((Date.now() - started) / 1000)} s`);
  }
} finally {
  await targets.stopAll();
  await receivers.close();
  await database.stop();
}

const report = {
  benchmark: 'committee-board',
  at,
  command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
  machine: { ...machine(), loadBefore, loadAfter: loadAverage() },
  database: database.embedded ? 'embedded PostgreSQL (no DATABASE_URL)' : 'PostgreSQL from BENCH_DATABASE_URL or DATABASE_URL',
  rounds,
  receiverWorkers: workers,
  notes: [
    'Latency is from the send to the last receiver having the message (receivers spread over worker processes, one monotonic clock).',
    'Each system runs in a process of its own; systems take turns round by round in rotated order; figures are medians over rounds.',
    'Server CPU is the target process only (PostgreSQL is separate); the machine is shared, so see the load averages.',
  ],
  workloads: results,
};
const dir = flags.out ? path.resolve(flags.out) : path.join(PROJECT_ROOT, 'bench', 'results');
await mkdir(dir, { recursive: true });
const file = path.join(dir, `bench-${selected.length === WORKLOADS.length ? 'all' : selected.map((w) => w.name).join('-')}-${at.replace(/[:.]/g, '-')}.json`);
await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
log(`bench: wrote ${path.relative(process.cwd(), file)}`);
