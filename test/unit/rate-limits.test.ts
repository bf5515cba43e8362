// The limiter factory: counts per rule and key, refuses with the typed error, and lets the meeting go on when the
// store itself fails.
import { describe, expect, it } from 'vitest';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { createRateLimits, LIMIT_RULES, type LimiterStore } from '../../server/limits/rate-limits.ts';
import { BoardError } from '../../server/shared/errors.ts';

describe('rate limits', () => {
  it('lets each key its allowance, then refuses with rate_limited and how long to wait', async () => {
    const limits = createRateLimits();
    for (let i = 0; i < LIMIT_RULES.snapshot.points; i++) await limits.take('snapshot', 'participant:a');
    const refusal = await limits.take('snapshot', 'participant:a').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(BoardError);
    expect(refusal).toMatchObject({ code: 'rate_limited', details: { retryAfterMs: expect.any(Number) } });
    // Another key, and another rule for the same key, are counted apart.
    await expect(limits.take('snapshot', 'participant:b')).resolves.toBeUndefined();
    await expect(limits.take('read', 'participant:a')).resolves.toBeUndefined();
  });

  it('builds every rule on the store it is given, with a prefix per rule', async () => {
    const made: string[] = [];
    const store: LimiterStore = (options) => {
      made.push(options.keyPrefix);
      return new RateLimiterMemory(options);
    };
    createRateLimits({ store });
    expect(made.sort()).toEqual(Object.keys(LIMIT_RULES).map((name) => `limit:${name}`).sort());
  });

  it('does not limit, and says so, when the store fails', async () => {
    const failures: unknown[] = [];
    const broken: LimiterStore = (options) => Object.assign(new RateLimiterMemory(options), { consume: () => Promise.reject(new Error('redis down')) });
    const limits = createRateLimits({ store: broken, onStoreError: (error) => failures.push(error) });
    await expect(limits.take('command', 'participant:a')).resolves.toBeUndefined();
    expect(failures).toHaveLength(1);
  });
});
