import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../server/yjs/rate-limit.ts';

describe('TokenBucket', () => {
  it('allows the burst, then the rate', () => {
    let now = 0;
    const bucket = new TokenBucket({ messagesPerSecond: 10, burst: 3 }, () => now);
    expect([bucket.tryTake(), bucket.tryTake(), bucket.tryTake(), bucket.tryTake()]).toEqual([true, true, true, false]);
    now += 100; // one token at 10/s
    expect([bucket.tryTake(), bucket.tryTake()]).toEqual([true, false]);
  });

  it('never stores more than the burst', () => {
    let now = 0;
    const bucket = new TokenBucket({ messagesPerSecond: 1000, burst: 2 }, () => now);
    now += 60_000;
    expect([bucket.tryTake(), bucket.tryTake(), bucket.tryTake()]).toEqual([true, true, false]);
  });

  it('refuses nonsense limits', () => {
    expect(() => new TokenBucket({ messagesPerSecond: 0, burst: 1 })).toThrow(RangeError);
    expect(() => new TokenBucket({ messagesPerSecond: 1, burst: 0 })).toThrow(RangeError);
  });
});
