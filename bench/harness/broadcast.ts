// The measurement every fan-out workload makes: one sender sends at a steady rate, a group of receivers (in the
// workers) notes arrivals, and latency is the time from the send to the last receiver having the message.
import { nowMs, sleep } from './clock.ts';
import { cpuPercent } from './machine.ts';
import type { ReceiverGroup } from './receivers.ts';
import { round2, summarise, type LatencySummary } from './stats.ts';
import type { Target } from './target.ts';

/** What one send turned out to be: the key its broadcast carries, or the error code of a refusal. */
export type Sent = { key: string } | { refused: string };

export interface BroadcastOptions {
  target: Target<unknown>;
  receivers: ReceiverGroup;
  rate: number;
  seconds: number;
  /** Sends before the measured ones, at the same rate, to warm caches and JIT; not counted. */
  warmupSeconds: number;
  send(index: number): Promise<Sent>;
  /** How long to wait for the last deliveries after the last acknowledgement. */
  drainMs?: number;
}

export interface BroadcastResult {
  sent: number;
  refused: Record<string, number>;
  /** From the send to the last of the receivers having it. */
  latencyToLastMs: LatencySummary;
  /** From the send to the first receiver having it. */
  latencyToFirstMs: LatencySummary;
  /** Deliveries that never came, over all measured messages and receivers. */
  missingDeliveries: number;
  disconnects: number;
  server: { cpuPercentOfOneCore: number; rssMb: number; peakRssMb: number };
  /** Per receiver and second, what the server sent (all messages, not only the timed ones). */
  perReceiverPerSecond: { messages: number; bytes: number; awarenessMessages: number };
  /** The receiver workers' CPU: near 100 for the busiest means the clients, not the server, set the pace. */
  workersCpuPercentOfOneCore: { busiest: number; total: number };
}

export async function timeBroadcast(options: BroadcastOptions): Promise<BroadcastResult> {
  const { rate, receivers } = options;
  const warmup = Math.round(options.warmupSeconds * rate);
  const measured = Math.max(1, Math.round(options.seconds * rate));
  const refused: Record<string, number> = {};
  /** Send time by key, for the measured sends. */
  const sentAt = new Map<string, number>();
  const inFlight: Promise<void>[] = [];

  const pace = async (from: number, to: number, record: boolean) => {
    const started = nowMs();
    for (let i = from; i < to; i++) {
      await sleep(started + ((i - from) * 1000) / rate - nowMs());
      const at = nowMs();
      inFlight.push(
        options.send(i).then((sent) => {
          if (!record) return;
          if ('key' in sent) sentAt.set(sent.key, at);
          else refused[sent.refused] = (refused[sent.refused] ?? 0) + 1;
        }),
      );
    }
  };

  await pace(0, warmup, false);
  await Promise.all(inFlight.splice(0));
  await receivers.reset();
  const usageBefore = await options.target.usage();
  const windowStart = nowMs();
  await pace(warmup, warmup + measured, true);
  await Promise.all(inFlight);

  const drainUntil = nowMs() + (options.drainMs ?? 5_000);
  let collected = await receivers.collect();
  const complete = () => [...sentAt.keys()].every((key) => (collected.deliveries.get(key)?.count ?? 0) >= receivers.size);
  while (!complete() && nowMs() < drainUntil) {
    await sleep(100);
    collected = await receivers.collect();
  }
  const windowMs = nowMs() - windowStart;
  const usageAfter = await options.target.usage();

  const toLast: number[] = [];
  const toFirst: number[] = [];
  let missing = 0;
  for (const [key, at] of sentAt) {
    const delivery = collected.deliveries.get(key);
    missing += receivers.size - Math.min(receivers.size, delivery?.count ?? 0);
    if (!delivery) continue;
    toFirst.push(delivery.firstMs - at);
    if (delivery.count >= receivers.size) toLast.push(delivery.lastMs - at);
  }
  const perReceiver = (n: number) => round2(n / receivers.size / (windowMs / 1000));
  return {
    sent: measured,
    refused,
    latencyToLastMs: summarise(toLast),
    latencyToFirstMs: summarise(toFirst),
    missingDeliveries: missing,
    disconnects: collected.disconnects,
    server: { cpuPercentOfOneCore: cpuPercent(usageBefore, usageAfter, windowMs), rssMb: usageAfter.rssMb, peakRssMb: usageAfter.peakRssMb },
    perReceiverPerSecond: {
      messages: perReceiver(collected.traffic.messages),
      bytes: perReceiver(collected.traffic.bytes),
      awarenessMessages: perReceiver(collected.traffic.awarenessMessages),
    },
    workersCpuPercentOfOneCore: {
      busiest: round2((collected.workerCpuMs.busiest / windowMs) * 100),
      total: round2((collected.workerCpuMs.total / windowMs) * 100),
    },
  };
}
