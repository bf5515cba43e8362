// The meeting's sequence numbers, as the receiving end sees them: events that arrive out of order are held until the
// ones before them arrive, and a reconnecting reader is told whether the log still holds what it missed. Pure, so the
// server's delivery and the browser's board order events by the same rules.

/**
 * Holds sequenced items until they can be released in order, without gaps. `reserve` marks a number this side knows is
 * coming (a transaction of ours took it and has not committed yet): a hole at a reserved number is waited for, a hole
 * anywhere else is a gap that someone must fill from the log.
 */
export class SequenceBuffer<T> {
  #next: number | undefined;
  readonly #held = new Map<number, T>();
  readonly #reserved = new Map<number, number>();

  /** `next` is the first number to release; unknown until the first reservation or item sets it. */
  constructor(next?: number) {
    this.#next = next;
  }

  /** The number released next, if known. */
  get next(): number | undefined {
    return this.#next;
  }

  get heldCount(): number {
    return this.#held.size;
  }

  /**
   * A number one of our transactions took. Counted, because a transaction that rolls back gives its number back and
   * the next one takes the same number before the first has said so.
   */
  reserve(seq: number): void {
    this.#next ??= seq;
    this.#reserved.set(seq, (this.#reserved.get(seq) ?? 0) + 1);
  }

  /** The reserving transaction ended (committed or rolled back): its number is no longer awaited on its account. */
  release(seq: number): void {
    const count = (this.#reserved.get(seq) ?? 0) - 1;
    if (count > 0) this.#reserved.set(seq, count);
    else this.#reserved.delete(seq);
  }

  isReserved(seq: number): boolean {
    return this.#reserved.has(seq);
  }

  /** Adds one item; returns every item that can now be released, in order. Duplicates and old numbers are dropped. */
  push(seq: number, item: T): T[] {
    this.#next ??= seq;
    if (seq < this.#next || this.#held.has(seq)) return [];
    this.#held.set(seq, item);
    return this.#drain();
  }

  /**
   * The numbers missing before the first held item, when no reservation of ours covers the first of them: they were
   * committed elsewhere (or their events were lost on the way) and must be read from the log.
   */
  gap(): { from: number; to: number } | null {
    if (this.#next === undefined || this.#held.size === 0 || this.#held.has(this.#next)) return null;
    if (this.#reserved.has(this.#next)) return null;
    return { from: this.#next, to: Math.min(...this.#held.keys()) - 1 };
  }

  /** Moves the start to `next` (a snapshot covers everything before it, or the log has nothing there) and releases what follows. */
  skipTo(next: number): T[] {
    if (this.#next !== undefined && next <= this.#next) return this.#drain();
    this.#next = next;
    for (const seq of this.#held.keys()) if (seq < next) this.#held.delete(seq);
    return this.#drain();
  }

  #drain(): T[] {
    const out: T[] = [];
    while (this.#next !== undefined && this.#held.has(this.#next)) {
      out.push(this.#held.get(this.#next)!);
      this.#held.delete(this.#next);
      this.#next += 1;
    }
    return out;
  }
}

/** At most this many events are replayed to one reader; past that a fresh snapshot is smaller and quicker to apply. */
export const MAX_CATCH_UP_EVENTS = 500;

export type CatchUpPlan = { kind: 'up_to_date' } | { kind: 'events'; fromSeq: number; toSeq: number } | { kind: 'snapshot' };

/**
 * What a reader that has seen everything up to `afterSeq` needs: nothing, the events after it from the log, or the whole
 * board (the log no longer reaches back that far, or the gap is too long to be worth replaying).
 */
export function planCatchUp(input: { afterSeq: number; currentSeq: number; oldestKeptSeq: number | null }): CatchUpPlan {
  const { afterSeq, currentSeq, oldestKeptSeq } = input;
  if (!Number.isInteger(afterSeq) || afterSeq < 0 || afterSeq > currentSeq) return { kind: 'snapshot' };
  if (afterSeq === currentSeq) return { kind: 'up_to_date' };
  if (oldestKeptSeq === null || oldestKeptSeq > afterSeq + 1) return { kind: 'snapshot' };
  if (currentSeq - afterSeq > MAX_CATCH_UP_EVENTS) return { kind: 'snapshot' };
  return { kind: 'events', fromSeq: afterSeq + 1, toSeq: currentSeq };
}
