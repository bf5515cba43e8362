// 1,000 people in one meeting. First memory: the server's RSS with 0, 200 and 1,000 idle clients connected, against
// the same clients on the bare relay (Socket.io's own cost) and on the reference Yjs server. Then fan-out at 1,000
// receivers, 20 changes/s: raw ws, the bare Socket.io relay, the board's ceilings, the reference Yjs server and the
// board's Yjs endpoint, interleaved round by round.
import { sleep } from '../harness/clock.ts';
import type { BenchContext, Workload } from '../harness/context.ts';
import type { ReceiverSpec } from '../harness/receiver-spec.ts';
import { sliceSpec, type ReceiverGroup } from '../harness/receivers.ts';
import { interleave, latencyRatio, type Contender } from '../harness/rounds.ts';
import { cpuPercent } from '../harness/machine.ts';
import { round2 } from '../harness/stats.ts';
import type { Target, TargetMemory } from '../harness/target.ts';
import type { BoardInfo } from '../targets/board.ts';
import { boardCeilings, boardYjs, referenceYjs, relayCeilings, wsFloor, type YjsLoad } from './contenders.ts';
import { sized } from './size.ts';

export const crowd: Workload = {
  name: 'crowd',
  summary: '1,000 clients: RSS at 0/200/1,000 idle clients, then fan-out of 20 changes/s to 1,000 receivers on five systems',
  async run(context) {
    const size = sized(context, { clients: 1_000, rate: 20, seconds: 15, warmupSeconds: 2, settleMs: 2_000 }, 4);
    const board = await context.board();
    const relay = await context.socketIoRelay();
    const reference = await context.yjsReference();
    const ws = await context.wsBroadcast();
    const yjsLoad: YjsLoad = { readers: size.clients, writers: 1, probe: 'map', freshDocEachRound: false };
    const ceilingsOnBoard = await boardCeilings(board, size.clients);
    const yjsOnBoard = await boardYjs(board, yjsLoad);

    const steps = [0, Math.round(size.clients / 5), size.clients];
    const settleMs = context.tiny ? 200 : 3_000;
    const idleSpec = async (contender: Contender) => {
      const { receivers, sender } = await contender.prepare(0);
      sender.close();
      // Idle: nothing is timed.
      return receivers.kind === 'socketio' ? { ...receivers, event: undefined } : receivers;
    };
    context.log('  memory: Socket.io clients on the board and on the bare relay');
    const socketIo = {
      board: await memoryCurve(context, board, await idleSpec(ceilingsOnBoard), steps, settleMs),
      socketIoRelay: await memoryCurve(context, relay, await idleSpec(relayCeilings(relay, size.clients)), steps, settleMs),
    };
    context.log('  memory: Yjs readers on the board and on the reference server');
    const yjs = {
      board: await memoryCurve(context, board, await idleSpec(yjsOnBoard), steps, settleMs),
      yjsReference: await memoryCurve(context, reference, await idleSpec(referenceYjs(reference, yjsLoad)), steps, settleMs),
    };
    const beyond = (ours: MemoryCurve, baseline: MemoryCurve) => ({
      rssKb: round2(ours.perConnectionKb.rss - baseline.perConnectionKb.rss),
      heapKb: round2(ours.perConnectionKb.heap - baseline.perConnectionKb.heap),
    });

    const figures = await interleave(
      context,
      [wsFloor(ws, size.clients), relayCeilings(relay, size.clients), ceilingsOnBoard, referenceYjs(reference, yjsLoad), yjsOnBoard].map((c) =>
        c === yjsOnBoard ? { ...c, name: 'boardYjs' } : c === ceilingsOnBoard ? { ...c, name: 'boardCeilings' } : c,
      ),
      size,
    );
    context.log('  awareness: every client with a default y-websocket awareness state, renewed every 15 s');
    const awarenessWindowMs = context.tiny ? 500 : 16_000;
    const withAwareness = async (contender: Contender) => {
      const spec = await idleSpec(contender);
      if (spec.kind !== 'yjs') throw new Error(`${contender.name} has no Yjs receivers`);
      return { ...spec, awareness: true };
    };
    const awareness = {
      board: await awarenessStorm(context, board, await withAwareness(yjsOnBoard), settleMs, awarenessWindowMs),
      yjsReference: await awarenessStorm(context, reference, await withAwareness(referenceYjs(reference, yjsLoad)), settleMs, awarenessWindowMs),
    };

    return {
      parameters: { ...size, memorySteps: steps },
      memory: {
        note: 'RSS and heap after a full GC in the server, idle clients connected; per connection = (at the largest step - at 0) / clients',
        socketIo,
        socketIoPerConnectionBeyondRelay: beyond(socketIo.board, socketIo.socketIoRelay),
        yjs,
        yjsPerConnectionBeyondReference: beyond(yjs.board, yjs.yjsReference),
      },
      awareness: {
        note: `${size.clients} clients that each keep an awareness state (a third-party client's default), over ${awarenessWindowMs / 1000} s after they connected: what each receives per second`,
        ...awareness,
      },
      figures,
      ratio: {
        boardCeilingsToSocketIoRelay: latencyRatio(figures, 'boardCeilings', 'socketIoRelay'),
        boardCeilingsToWs: latencyRatio(figures, 'boardCeilings', 'wsBroadcast'),
        boardYjsToYjsReference: latencyRatio(figures, 'boardYjs', 'yjsReference'),
      },
    };
  },
};

/** Awareness traffic in the steady state: every client keeps a state and renews it, as y-websocket does by default. */
async function awarenessStorm(context: BenchContext, target: Target<unknown>, spec: ReceiverSpec, settleMs: number, windowMs: number) {
  const group = await context.receivers.open(spec);
  try {
    await sleep(settleMs);
    await group.reset();
    const before = await target.usage();
    await sleep(windowMs);
    const { traffic } = await group.collect();
    const after = await target.usage();
    const perReceiverPerSecond = (n: number) => round2(n / group.size / (windowMs / 1000));
    return {
      awarenessMessagesPerReceiverPerSecond: perReceiverPerSecond(traffic.awarenessMessages),
      awarenessBytesPerReceiverPerSecond: perReceiverPerSecond(traffic.awarenessBytes),
      serverCpuPercentOfOneCore: cpuPercent(before, after, windowMs),
    };
  } finally {
    await group.close();
  }
}

interface MemoryCurve {
  points: ({ clients: number } & TargetMemory)[];
  perConnectionKb: { rss: number; heap: number };
}

/** Opens idle clients in steps, reading the server's memory after each step has settled. */
async function memoryCurve(context: BenchContext, target: Target<unknown | BoardInfo>, spec: ReceiverSpec, steps: number[], settleMs: number): Promise<MemoryCurve> {
  const groups: ReceiverGroup[] = [];
  const points: MemoryCurve['points'] = [];
  let open = 0;
  try {
    for (const step of steps) {
      if (step > open) {
        groups.push(await context.receivers.open(sliceSpec(spec, open, step)));
        open = step;
      }
      await sleep(settleMs);
      points.push({ clients: step, ...(await target.memory()) });
    }
  } finally {
    for (const group of groups) await group.close();
  }
  const first = points[0]!;
  const last = points.at(-1)!;
  const perKb = (field: 'rssMb' | 'heapUsedMb') => round2(((last[field] - first[field]) * 1024) / Math.max(1, last.clients - first.clients));
  return { points, perConnectionKb: { rss: perKb('rssMb'), heap: perKb('heapUsedMb') } };
}
