// Several board instances in the test's process, as several processes would run them behind a load balancer: one
// database, one redis-server of the test's own, one session secret. Real Socket.io, Yjs and Postgres between them.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { LimitName, LimitRule } from '../../server/limits/rate-limits.ts';
import { startTestBoard, testDatabase, type TestBoard } from './board.ts';
import { startRedis, type RedisServer } from './processes.ts';
import type { TestDatabase } from './database.ts';

export interface TestCluster {
  boards: TestBoard[];
  redis: RedisServer;
  database: TestDatabase;
  secret: string;
  /** Starts one more instance on the same database, Redis and secret (a restart, or a replacement). */
  add(): Promise<TestBoard>;
  stop(): Promise<void>;
}

export async function startTestCluster(
  count: number,
  options: { limitRules?: Record<LimitName, LimitRule>; /** A database of the test's own (its own PostgreSQL, to stop). */ database?: TestDatabase } = {},
): Promise<TestCluster> {
  const redis = await startRedis();
  const database = options.database ?? (await testDatabase());
  const secret = randomBytes(32).toString('hex');
  const recordSigningKey = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const boards: TestBoard[] = [];
  const add = async () => {
    const board = await startTestBoard({ database, redisUrl: redis.url, sessionSecret: secret, recordSigningKey, limitRules: options.limitRules });
    boards.push(board);
    return board;
  };
  for (let i = 0; i < count; i++) await add();
  return {
    boards,
    redis,
    database,
    secret,
    add,
    async stop() {
      const stopping = boards.splice(0);
      await Promise.all(stopping.map((board) => board.stop().catch(() => {})));
      await redis.stop();
      await database.drop();
    },
  };
}
