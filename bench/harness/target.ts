// A server under test in a process of its own, so that its CPU and memory are its own and not the harness's. The
// parent forks it and talks to it over Node's IPC channel: requests with an id, one reply each. Every target answers
// `memory` (after a full garbage collection, so idle-connection costs are not hidden in garbage) and `stop`.
import { fork, type ChildProcess } from 'node:child_process';
import { processUsage, type ProcessUsage } from './machine.ts';
import { round2 } from './stats.ts';

export interface TargetMemory {
  rssMb: number;
  heapUsedMb: number;
  externalMb: number;
}

export interface Target<Info> {
  name: string;
  pid: number;
  /** What the target said about itself when ready (its URL, the meeting it seeded…). */
  info: Info;
  request<T>(op: string, args?: unknown): Promise<T>;
  /** CPU time and RSS as the kernel sees them. */
  usage(): Promise<ProcessUsage>;
  memory(): Promise<TargetMemory>;
  stop(): Promise<void>;
}

type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };
type Request = { id: number; op: string; args?: unknown };

/** Forks `script` (a TypeScript file, run through tsx) and waits until it reports ready. */
export function startTarget<Info>(name: string, script: URL, options: { args?: string[]; env?: Record<string, string> } = {}): Promise<Target<Info>> {
  const child: ChildProcess = fork(script, options.args ?? [], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let nextId = 1;
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let stopping = false;
  child.on('exit', (code, signal) => {
    for (const { reject } of pending.values()) reject(new Error(`target ${name} exited (${code ?? signal})`));
    pending.clear();
    if (!stopping) {
      // A target that dies mid-run makes every figure after it meaningless.
      console.error(`bench: target ${name} exited unexpectedly (${code ?? signal})`);
      process.exitCode = 1;
    }
  });
  child.on('message', (message: Reply | { ready: Info }) => {
    if ('ready' in message) return;
    const waiting = pending.get(message.id);
    if (!waiting) return;
    pending.delete(message.id);
    if (message.ok) waiting.resolve(message.value);
    else waiting.reject(new Error(`${name}: ${message.error}`));
  });
  const request = <T>(op: string, args?: unknown) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      child.send({ id, op, args } satisfies Request);
    });

  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`target ${name} exited before it was ready (${code})`));
    child.once('exit', onExit);
    child.once('message', (message: { ready?: Info }) => {
      child.off('exit', onExit);
      if (!message.ready) return reject(new Error(`target ${name} sent ${JSON.stringify(message)} before ready`));
      resolve({
        name,
        pid: child.pid!,
        info: message.ready,
        request,
        usage: () => processUsage(child.pid!),
        memory: () => request<TargetMemory>('memory'),
        async stop() {
          if (child.exitCode !== null || child.signalCode !== null) return;
          stopping = true;
          const exited = new Promise((done) => child.once('exit', done));
          await request('stop').catch(() => {});
          const killTimer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(killTimer);
        },
      });
    });
  });
}

/** The child's side: announce `info`, then answer requests with `ops`; `stop` runs `close` and exits. */
export function serveTarget<Info>(info: Info, ops: Record<string, (args: never) => unknown>, close: () => Promise<void>): void {
  const send = (message: unknown) => process.send!(message);
  const builtIn: Record<string, (args: never) => unknown> = {
    memory: () => {
      // Twice: the first pass can leave finalisers whose objects the second frees.
      globalThis.gc?.();
      globalThis.gc?.();
      const usage = process.memoryUsage();
      const mb = (bytes: number) => round2(bytes / 2 ** 20);
      return { rssMb: mb(usage.rss), heapUsedMb: mb(usage.heapUsed), externalMb: mb(usage.external) } satisfies TargetMemory;
    },
    stop: async () => {
      await close();
      setImmediate(() => process.exit(0));
    },
  };
  process.on('message', async ({ id, op, args }: Request) => {
    const handler = ops[op] ?? builtIn[op];
    try {
      if (!handler) throw new Error(`unknown op ${op}`);
      send({ id, ok: true, value: (await handler(args as never)) ?? null } satisfies Reply);
    } catch (error) {
      send({ id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies Reply);
    }
  });
  // The parent went away (Ctrl-C, a crash): nothing should keep running on a shared machine.
  process.on('disconnect', () => {
    void close().finally(() => process.exit(0));
  });
  send({ ready: info });
}
