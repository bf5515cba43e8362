// The connections an instance keeps to the Redis that several instances share (REDIS_URL), and the probe that tells
// /healthz and the chair whether it answers.
//
// Two kinds of client, because they must behave oppositely while Redis is away:
// - `relay` (Socket.io's adapter, the Yjs relay) queues what it sends and resends it once Redis is back, so that
//   broadcasts between instances resume by themselves; the adapter's reading loop also relies on commands that wait.
// - `shared` (rate-limit counters, presence) fails at once, so that a command never waits on Redis: the instance goes
//   on serving its own clients with what it knows locally.
import { createClient, type RedisClientType } from 'redis';
import type { Probe } from '../health/part-monitor.ts';

export type RedisClient = RedisClientType;

/** Reconnect quickly at first, then every second: an instance must notice Redis is back within a couple of seconds. */
const reconnectDelay = (retries: number) => Math.min(50 * 2 ** retries, 1_000);

export interface RedisConnections {
  relay: RedisClient;
  shared: RedisClient;
  /** A client of its own for SUBSCRIBE (a subscribed connection can do nothing else). */
  subscriber: RedisClient;
  probe: Probe;
  close(): Promise<void>;
}

export class RedisUnavailableError extends Error {
  override readonly name = 'RedisUnavailableError';
}

function client(url: string, options: { failFast: boolean; log(message: string): void }): RedisClient {
  const redis = createClient({
    url,
    disableOfflineQueue: options.failFast,
    socket: { reconnectStrategy: reconnectDelay, connectTimeout: 2_000 },
  }) as RedisClient;
  // node-redis reports every failed reconnect; once is enough to know, the probe says when it is back.
  let reported = false;
  redis.on('error', (error: Error) => {
    if (!reported) options.log(`redis: ${error.message || error.name}`);
    reported = true;
  });
  redis.on('ready', () => {
    reported = false;
  });
  return redis as RedisClient;
}

/** Connects all three; fails (with the reason in words) when Redis does not answer at start-up. */
export async function connectRedis(url: string, log: (message: string) => void): Promise<RedisConnections> {
  const relay = client(url, { failFast: false, log });
  const shared = client(url, { failFast: true, log });
  const subscriber = client(url, { failFast: false, log });
  const all = [relay, shared, subscriber];
  const close = async () => {
    await Promise.all(all.map((redis) => (redis.isOpen ? redis.close().catch(() => redis.destroy()) : undefined)));
  };
  try {
    await Promise.race([
      Promise.all(all.map((redis) => redis.connect())),
      new Promise((_, reject) => setTimeout(() => reject(new RedisUnavailableError(`Redis at REDIS_URL does not answer`)), 5_000).unref()),
    ]);
  } catch (error) {
    for (const redis of all) redis.destroy();
    throw error instanceof RedisUnavailableError ? error : new RedisUnavailableError(`Redis at REDIS_URL cannot be reached: ${(error as Error).message}`);
  }
  return {
    relay,
    shared,
    subscriber,
    probe: {
      async run() {
        if (!shared.isReady) throw new RedisUnavailableError('not connected');
        await shared.ping();
      },
      // The fail-fast client's reconnection runs on its own; nothing to drop.
      abandon() {},
    },
    close,
  };
}
