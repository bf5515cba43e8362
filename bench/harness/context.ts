// What a workload gets from the harness: its size, the receiver workers, and the targets it may start (each in a
// process of its own, on the run's PostgreSQL). Targets a workload starts are stopped when it ends, even on failure.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDatabaseClient } from '../../server/db/client.ts';
import { startEmbeddedPostgres } from '../../server/db/embedded-postgres.ts';
import { applyMigrations } from '../../server/db/schema-engine.ts';
import { seedSampleMeeting } from '../../server/seed/seed-sample.ts';
import { createDatabase } from '../../test/support/database.ts';
import type { BoardInfo } from '../targets/board.ts';
import type { ReceiverPool } from './receivers.ts';
import { startTarget, type Target } from './target.ts';
import { randomBytes } from 'node:crypto';
import { startRedis } from '../../test/support/redis-server.ts';

export interface UrlInfo {
  url: string;
}

export interface BenchContext {
  /** A tiny size (a few clients, a second): the smoke test's, to show the workload runs, not to measure. */
  tiny: boolean;
  rounds: number;
  /** Overrides from the command line (`--clients`, `--rate`, `--seconds`), where the workload takes them. */
  overrides: { clients?: number; rate?: number; seconds?: number };
  receivers: ReceiverPool;
  log(line: string): void;
  board(): Promise<Target<BoardInfo>>;
  socketIoRelay(): Promise<Target<UrlInfo>>;
  wsBroadcast(): Promise<Target<UrlInfo>>;
  yjsReference(): Promise<Target<UrlInfo>>;
  /** Two board instances on one database and a redis-server of the run's own, as behind a load balancer. */
  boardCluster(): Promise<Target<BoardInfo>[]>;
}

export interface Workload {
  name: string;
  /** One line for `npm run bench -- --help` and the result file. */
  summary: string;
  run(context: BenchContext): Promise<Record<string, unknown>>;
}

export interface BenchDatabase {
  /** The server's URL; every board target makes its own database on it. */
  url: string;
  /** A database migrated and seeded once for the run, which boards clone instead of migrating and seeding each. */
  template: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** The run's PostgreSQL server: BENCH_DATABASE_URL or DATABASE_URL, else an embedded one for the run's duration. */
export async function benchDatabase(): Promise<BenchDatabase> {
  const given = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
  const dataDir = given ? null : await mkdtemp(path.join(tmpdir(), 'cb-bench-pg-'));
  const embedded = dataDir ? await startEmbeddedPostgres(dataDir) : null;
  const url = given ?? embedded!.url;
  const template = await createDatabase(url, { prefix: 'cb_bench_template' });
  await applyMigrations(template.url);
  const db = createDatabaseClient(template.url);
  await seedSampleMeeting(db);
  await db.$disconnect();
  return {
    url,
    template: new URL(template.url).pathname.slice(1),
    embedded: embedded !== null,
    async stop() {
      await template.drop();
      await embedded?.stop();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

const target = (file: string) => new URL(`../targets/${file}`, import.meta.url);

export type TargetStarters = Pick<BenchContext, 'board' | 'socketIoRelay' | 'wsBroadcast' | 'yjsReference' | 'boardCluster'>;

const CLUSTER_INSTANCES = 2;

/** The instances, their Redis and their database, and how to stop them all. */
async function startCluster(database: BenchDatabase): Promise<{ instances: Target<BoardInfo>[]; stop(): Promise<void> }> {
  const redis = await startRedis();
  const shared = await createDatabase(database.url, { prefix: 'cb_bench_cluster', template: database.template });
  const env = {
    BENCH_DATABASE_SERVER: database.url,
    BENCH_REDIS_URL: redis.url,
    BENCH_SHARED_DATABASE_URL: shared.url,
    BENCH_SESSION_SECRET: randomBytes(32).toString('hex'),
  };
  const instances: Target<BoardInfo>[] = [];
  const stop = async () => {
    for (const instance of instances.reverse()) await instance.stop().catch((error) => console.error(`stopping ${instance.name}: ${error}`));
    await redis.stop();
    await shared.drop();
  };
  try {
    for (let i = 0; i < CLUSTER_INSTANCES; i++) instances.push(await startTarget<BoardInfo>(`board instance ${i + 1}`, target('board.ts'), { env }));
  } catch (error) {
    await stop();
    throw error;
  }
  return { instances, stop };
}

/**
 * The run's targets, each started when a workload first asks for it and shared by the workloads after it: every
 * workload makes a meeting of its own on the board, so none sees another's participants, and memory is read as the
 * difference between steps after a full GC, so what ran before does not count.
 */
export function sharedTargets(database: BenchDatabase): TargetStarters & { stopAll(): Promise<void> } {
  const started = new Map<string, Promise<Target<unknown>>>();
  let cluster: ReturnType<typeof startCluster> | undefined;
  const once = <Info>(name: string, file: string, env?: Record<string, string>) => () => {
    if (!started.has(name)) started.set(name, startTarget<Info>(name, target(file), { env }));
    return started.get(name)! as Promise<Target<Info>>;
  };
  return {
    board: once<BoardInfo>('board', 'board.ts', { BENCH_DATABASE_SERVER: database.url, BENCH_DATABASE_TEMPLATE: database.template }),
    socketIoRelay: once<UrlInfo>('socket.io relay', 'socketio-relay.ts'),
    wsBroadcast: once<UrlInfo>('ws broadcast', 'ws-broadcast.ts'),
    yjsReference: once<UrlInfo>('@y/websocket-server', 'yjs-reference.ts'),
    async boardCluster() {
      cluster ??= startCluster(database);
      return (await cluster).instances;
    },
    async stopAll() {
      await (await cluster?.catch(() => null))?.stop();
      cluster = undefined;
      for (const pending of [...started.values()].reverse()) {
        const t = await pending.catch(() => null);
        await t?.stop().catch((error) => console.error(`stopping ${t.name}: ${error}`));
      }
      started.clear();
    },
  };
}
