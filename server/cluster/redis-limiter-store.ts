// Rate-limit counters in Redis, shared by every instance, so that a client cannot multiply its allowance by
// reconnecting to another one. While Redis is away each instance counts in its own memory instead (the insurance
// limiter): limits keep holding per instance, and no command waits on Redis.
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import type { LimiterStore } from '../limits/rate-limits.ts';
import type { RedisClient } from './redis.ts';

export function redisLimiterStore(client: RedisClient): LimiterStore {
  return (options) =>
    new RateLimiterRedis({
      ...options,
      storeClient: client,
      useRedisPackage: true,
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory(options),
    });
}
