/**
 * A token bucket: `burst` messages may arrive at once, after which the connection is held to
 * `messagesPerSecond` on average. The clock is injectable so tests need not sleep.
 */
export interface RateLimit {
  messagesPerSecond: number;
  burst: number;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { messagesPerSecond: 200, burst: 400 };

export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = () => performance.now(),
  ) {
    if (!(limit.messagesPerSecond > 0) || !(limit.burst >= 1)) {
      throw new RangeError('rate limit needs messagesPerSecond > 0 and burst >= 1');
    }
    this.tokens = limit.burst;
    this.last = now();
  }

  /** Takes one token if there is one; `false` means the caller is over its limit. */
  tryTake(): boolean {
    const now = this.now();
    // Refilling lazily on each take avoids a timer per connection.
    this.tokens = Math.min(this.limit.burst, this.tokens + ((now - this.last) / 1000) * this.limit.messagesPerSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
