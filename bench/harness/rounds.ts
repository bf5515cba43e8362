// Interleaving: the systems of a workload take turns, round after round, each round in a rotated order, so that all of
// them see the same machine (the other engineers' builds, tests and benchmarks come and go) and none always goes first.
import { timeBroadcast, type BroadcastResult } from './broadcast.ts';
import { sleep } from './clock.ts';
import type { BenchContext } from './context.ts';
import type { ReceiverSpec } from './receiver-spec.ts';
import type { Sender } from './senders.ts';
import { medianOf, ratio } from './stats.ts';
import type { Target } from './target.ts';

/** One system under a fan-out workload. */
export interface Contender {
  /** Its key in the results. */
  name: string;
  describe: string;
  target: Target<unknown>;
  /** The receivers and the sender for one round (a round may need fresh documents, the sender a fresh connection). */
  prepare(round: number): Promise<{ receivers: ReceiverSpec; sender: Sender }>;
}

export interface Pace {
  rate: number;
  seconds: number;
  warmupSeconds: number;
  /** Quiet time after the receivers connect, before the warm-up: the connection burst settles. */
  settleMs: number;
}

export type Figures = Record<string, { describe: string; median: BroadcastResult; rounds: BroadcastResult[] }>;

export async function interleave(context: BenchContext, contenders: Contender[], pace: Pace): Promise<Figures> {
  const rounds = new Map<string, BroadcastResult[]>(contenders.map((c) => [c.name, []]));
  for (let round = 0; round < context.rounds; round++) {
    const order = contenders.map((_, i) => contenders[(i + round) % contenders.length]!);
    for (const contender of order) {
      const { receivers: spec, sender } = await contender.prepare(round);
      const receivers = await context.receivers.open(spec);
      try {
        await sleep(pace.settleMs);
        const result = await timeBroadcast({ target: contender.target, receivers, send: (i) => sender.send(i), ...pace });
        rounds.get(contender.name)!.push(result);
        const { p50, p99, count } = result.latencyToLastMs;
        const refused = Object.entries(result.refused).map(([code, n]) => `${code} x${n}`);
        context.log(
          `  round ${round + 1}/${context.rounds} ${contender.name}: p50 ${p50} ms, p99 ${p99} ms, missing ${result.missingDeliveries}${refused.length ? `, refused ${refused.join(' ')}` : ''}`,
        );
        // A round in which nothing reached every receiver measured nothing: the workload is broken, not slow.
        if (count === 0) throw new Error(`${contender.name}: no message reached all ${receivers.size} receivers (refused: ${refused.join(', ') || 'none'})`);
      } finally {
        sender.close();
        await receivers.close();
      }
    }
  }
  return Object.fromEntries(
    contenders.map((c) => {
      const results = rounds.get(c.name)!;
      return [c.name, { describe: c.describe, median: medianOf(results), rounds: results }];
    }),
  );
}

/** p50 and p99 of `ours` over `baseline`, from the medians over rounds. */
export function latencyRatio(figures: Figures, ours: string, baseline: string) {
  const a = figures[ours]!.median.latencyToLastMs;
  const b = figures[baseline]!.median.latencyToLastMs;
  return { p50: ratio(a.p50, b.p50), p99: ratio(a.p99, b.p99) };
}
