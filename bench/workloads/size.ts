// A workload's size: its full default, the smoke test's tiny one, and the command line's overrides on top.
import type { BenchContext } from '../harness/context.ts';
import type { Pace } from '../harness/rounds.ts';

export type Size = Pace & { clients: number };

const TINY_PACE: Pace = { rate: 10, seconds: 0.5, warmupSeconds: 0.2, settleMs: 100 };

export function sized(context: BenchContext, full: Size, tinyClients = 3): Size {
  const base = context.tiny ? { ...TINY_PACE, clients: tinyClients } : full;
  return { ...base, ...context.overrides };
}
