// How often anyone may do anything, in one table, counted by rate-limiter-flexible. One process counts in memory;
// several instances pass a store that shares the counters (Redis), so that nobody multiplies their allowance by
// reconnecting elsewhere. Every refusal is the catalogue's `rate_limited`, with how long to wait.
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { BoardError } from '../shared/errors.ts';

export interface LimitRule {
  /** How many in each window. */
  points: number;
  /** The window, in seconds. */
  duration: number;
}

/**
 * The rules, chosen for people in a meeting: a chair or presenter at full speed changes a ceiling or moves the
 * screen several times a second; a page asks for a few reads when it opens. Sequenced commands (each takes the
 * meeting's turn and writes an event) are held tighter than reads, and the commands every member may send
 * (proposals) share one allowance per meeting, so that a crowd, however many, cannot keep the meeting's turn from the
 * chair. Windows of two seconds let a quick burst through. The per-address rules guard what costs the server most
 * (Chromium for a PDF, a whole file for an import) and what a guesser would repeat (join links and codes); they are
 * loose enough for a room whose devices share one address behind a NAT.
 */
export const LIMIT_RULES = {
  /** Every event one Socket.io connection sends. */
  connection: { points: 100, duration: 2 },
  /** Sequenced commands by one participant or organiser, over every connection and HTTP. */
  command: { points: 40, duration: 2 },
  /** Sequenced commands that every member may send (proposals, withdrawals), by one participant. */
  memberCommand: { points: 10, duration: 10 },
  /** The same commands by everyone in one meeting together. */
  memberCommandsInMeeting: { points: 60, duration: 2 },
  /** Reads and presence by one participant, over every connection. */
  read: { points: 80, duration: 2 },
  /** Whole-board snapshots (meeting:sync) by one participant: a reconnect needs one, a loop wants thousands. */
  snapshot: { points: 5, duration: 10 },
  /** Invites redeemed from one address. */
  join: { points: 30, duration: 60 },
  /** Join codes (/j/…) tried from one address. */
  joinCode: { points: 30, duration: 60 },
  /** Project-list uploads (preview or commit) from one address. */
  import: { points: 12, duration: 60 },
  /** PDF exports (frame, minutes) from one address. */
  pdfExport: { points: 12, duration: 60 },
} as const satisfies Record<string, LimitRule>;

export type LimitName = keyof typeof LIMIT_RULES;

/** Makes the counter for one rule; `keyPrefix` keeps the rules apart in a shared store. */
export type LimiterStore = (options: LimitRule & { keyPrefix: string }) => RateLimiterAbstract;

export const memoryStore: LimiterStore = (options) => new RateLimiterMemory(options);

export interface RateLimits {
  /** Counts one against `name` for `key`; throws BoardError('rate_limited', { retryAfterMs }) past the rule. */
  take(name: LimitName, key: string): Promise<void>;
}

export function createRateLimits(
  options: { store?: LimiterStore; rules?: Record<LimitName, LimitRule>; onStoreError?: (error: unknown) => void } = {},
): RateLimits {
  const store = options.store ?? memoryStore;
  const rules = options.rules ?? LIMIT_RULES;
  const limiters = new Map<LimitName, RateLimiterAbstract>();
  for (const name of Object.keys(rules) as LimitName[]) limiters.set(name, store({ ...rules[name], keyPrefix: `limit:${name}` }));
  return {
    async take(name, key) {
      try {
        await limiters.get(name)!.consume(key);
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) throw new BoardError('rate_limited', { retryAfterMs: Math.max(1, Math.ceil(rejection.msBeforeNext)) });
        // The store itself failed (Redis unreachable): the meeting goes on unlimited rather than stopping.
        options.onStoreError?.(rejection);
      }
    },
  };
}
