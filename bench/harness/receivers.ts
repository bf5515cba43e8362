// The pool of receiver workers. A workload opens a group of N clients on a target; the pool splits them over its
// workers and merges what they report: per message, how many clients got it and when the last one did.
import { fork, type ChildProcess } from 'node:child_process';
import type { Arrival, ReceiverSpec, Traffic, WorkerReply, WorkerRequest } from './receiver-spec.ts';

export interface Delivery {
  count: number;
  firstMs: number;
  lastMs: number;
}

export interface Collected {
  deliveries: Map<string, Delivery>;
  traffic: Traffic;
  /** Clients that lost their connection since the group opened (not counting our own closing). */
  disconnects: number;
  /** CPU the workers used since the last reset, summed, and the busiest one's: near the window means saturated. */
  workerCpuMs: { total: number; busiest: number };
}

export interface ReceiverGroup {
  size: number;
  /** Everything since the group opened or was last reset. */
  collect(): Promise<Collected>;
  /** Forgets what arrived so far: the next collect covers only what follows. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export interface ReceiverPool {
  workers: number;
  open(spec: ReceiverSpec): Promise<ReceiverGroup>;
  close(): Promise<void>;
}

/** `spec` with only clients [from, to) of it. */
export function sliceSpec(spec: ReceiverSpec, from: number, to: number): ReceiverSpec {
  if (spec.kind === 'socketio') return { ...spec, auths: spec.auths.slice(from, to), urls: spec.urls?.slice(from, to) };
  if (spec.kind === 'ws') return { ...spec, count: to - from };
  return { ...spec, tokens: spec.tokens.slice(from, to) };
}

const sizeOf = (spec: ReceiverSpec) => (spec.kind === 'socketio' ? spec.auths.length : spec.kind === 'ws' ? spec.count : spec.tokens.length);

export function createReceiverPool(workers: number): ReceiverPool {
  const children: ChildProcess[] = Array.from({ length: workers }, () =>
    fork(new URL('./receiver-worker.ts', import.meta.url), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
  );
  let nextGroup = 1;

  function ask<T extends WorkerReply['op']>(child: ChildProcess, request: WorkerRequest, answer: T): Promise<Extract<WorkerReply, { op: T }>> {
    return new Promise((resolve, reject) => {
      const onMessage = (reply: WorkerReply) => {
        if (reply.op !== answer || reply.group !== request.group) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(reply as Extract<WorkerReply, { op: T }>);
      };
      const onExit = (code: number | null) => reject(new Error(`receiver worker exited (${code})`));
      child.on('message', onMessage);
      child.once('exit', onExit);
      child.send(request);
    });
  }

  return {
    workers,
    async open(spec) {
      const group = nextGroup++;
      const size = sizeOf(spec);
      // Contiguous shares, as even as they come; a share may be empty at tiny sizes.
      const shares = children.map((child, i) => ({ child, from: Math.floor((i * size) / workers), to: Math.floor(((i + 1) * size) / workers) }));
      const used = shares.filter((s) => s.to > s.from);
      const opened = await Promise.all(used.map((s) => ask(s.child, { op: 'open', group, spec: sliceSpec(spec, s.from, s.to) }, 'opened')));
      const failed = opened.reduce((n, o) => n + o.failed, 0);
      const closeAll = () => Promise.all(used.map((s) => ask(s.child, { op: 'close', group }, 'closed'))).then(() => {});
      if (failed > 0) {
        await closeAll();
        throw new Error(`${failed} of ${size} ${spec.kind} clients could not connect: ${opened.find((o) => o.firstError)?.firstError}`);
      }
      return {
        size,
        async collect() {
          const replies = await Promise.all(used.map((s) => ask(s.child, { op: 'collect', group }, 'collected')));
          const deliveries = new Map<string, Delivery>();
          const traffic: Traffic = { messages: 0, bytes: 0, awarenessMessages: 0, awarenessBytes: 0 };
          for (const reply of replies) {
            for (const [key, count, firstMs, lastMs] of reply.arrivals as Arrival[]) {
              const seen = deliveries.get(key);
              if (seen) {
                seen.count += count;
                seen.firstMs = Math.min(seen.firstMs, firstMs);
                seen.lastMs = Math.max(seen.lastMs, lastMs);
              } else deliveries.set(key, { count, firstMs, lastMs });
            }
            for (const field of Object.keys(traffic) as (keyof Traffic)[]) traffic[field] += reply.traffic[field];
          }
          return {
            deliveries,
            traffic,
            disconnects: replies.reduce((n, r) => n + r.disconnects, 0),
            workerCpuMs: { total: replies.reduce((n, r) => n + r.cpuMs, 0), busiest: Math.max(0, ...replies.map((r) => r.cpuMs)) },
          };
        },
        async reset() {
          await Promise.all(used.map((s) => ask(s.child, { op: 'reset', group }, 'reset')));
        },
        close: closeAll,
      };
    },
    async close() {
      await Promise.all(
        children.map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null) return resolve();
              child.once('exit', () => resolve());
              child.disconnect();
            }),
        ),
      );
    },
  };
}
