import { describe, expect, it } from 'vitest';
import { DurableBatcher } from '../../server/yjs/durable-batcher.ts';

interface Deferred {
  promise: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
}
function deferred(): Deferred {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function setup() {
  const writes: Array<{ items: string[]; done: Deferred }> = [];
  const events: string[] = [];
  const failures: unknown[] = [];
  const batcher = new DurableBatcher<string>({
    write: (items) => {
      const done = deferred();
      writes.push({ items: [...items], done });
      events.push(`write:${items.join(',')}`);
      return done.promise;
    },
    onDurable: (items) => events.push(`durable:${items.join(',')}`),
    onFailure: (error) => failures.push(error),
    onCallbackError: (error) => events.push(`callback-error:${String(error)}`),
  });
  return { batcher, writes, events, failures };
}

/** One turn of the event loop: long enough for a scheduled write to start and a resolved one to be handled. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('DurableBatcher', () => {
  it('writes what arrives in one turn as one batch, and what arrives during a write as the next, in order', async () => {
    const { batcher, writes, events } = setup();
    batcher.push('a');
    batcher.push('b');
    expect(writes).toHaveLength(0);
    await settle();
    expect(writes.map((w) => w.items)).toEqual([['a', 'b']]);
    batcher.push('c');
    await settle();
    batcher.push('d');
    await settle();
    expect(writes).toHaveLength(1); // 'c' and 'd' wait for the write in flight
    expect(batcher.pendingCount).toBe(4);
    writes[0]!.done.resolve();
    await settle();
    expect(writes.map((w) => w.items)).toEqual([['a', 'b'], ['c', 'd']]);
    expect(batcher.pendingCount).toBe(2);
    writes[1]!.done.resolve();
    await settle();
    expect(events).toEqual(['write:a,b', 'durable:a,b', 'write:c,d', 'durable:c,d']);
    expect(batcher.pendingCount).toBe(0);
  });

  it('afterDurable waits for everything pushed before it, and runs at once when nothing is pending', async () => {
    const { batcher, writes, events } = setup();
    batcher.afterDurable(() => events.push('idle-callback'));
    batcher.push('a');
    batcher.afterDurable(() => events.push('after-a'));
    await settle();
    batcher.afterDurable(() => events.push('after-a-in-flight'));
    batcher.push('b');
    batcher.afterDurable(() => events.push('after-b'));
    writes[0]!.done.resolve();
    await settle();
    writes[1]!.done.resolve();
    await settle();
    expect(events).toEqual(['idle-callback', 'write:a', 'durable:a', 'after-a', 'after-a-in-flight', 'write:b', 'durable:b', 'after-b']);
  });

  it('flush writes without waiting for the next turn and resolves when everything is durable', async () => {
    const { batcher, writes } = setup();
    batcher.push('a');
    const flushed = batcher.flush();
    expect(writes.map((w) => w.items)).toEqual([['a']]);
    batcher.push('b');
    const both = batcher.flush();
    writes[0]!.done.resolve();
    await expect(flushed).resolves.toBeUndefined();
    await settle();
    writes[1]!.done.resolve();
    await expect(both).resolves.toBeUndefined();
    expect(writes.map((w) => w.items)).toEqual([['a'], ['b']]);
    await expect(batcher.flush()).resolves.toBeUndefined();
  });

  it('stops for good after a failed write: nothing later is written or released', async () => {
    const { batcher, writes, events, failures } = setup();
    batcher.push('a');
    batcher.afterDurable(() => events.push('after-a'));
    await settle();
    batcher.push('b');
    const flushed = batcher.flush();
    writes[0]!.done.reject(new Error('disk full'));
    await expect(flushed).rejects.toThrow('disk full');
    await settle();
    expect(failures).toHaveLength(1);
    expect(batcher.failed).toBe(true);
    expect(writes).toHaveLength(1);
    expect(events).toEqual(['write:a']);
    batcher.push('c');
    batcher.afterDurable(() => events.push('never'));
    await settle();
    await expect(batcher.flush()).rejects.toThrow('disk full');
    expect(events).toEqual(['write:a']);
  });

  it('a throwing callback does not stall later batches', async () => {
    const { batcher, writes, events } = setup();
    batcher.push('a');
    batcher.afterDurable(() => {
      throw new Error('boom');
    });
    batcher.push('b');
    await settle();
    writes[0]!.done.resolve();
    await settle();
    batcher.push('c');
    await settle();
    writes[1]!.done.resolve();
    await settle();
    expect(events).toEqual(['write:a,b', 'durable:a,b', 'callback-error:Error: boom', 'write:c', 'durable:c']);
  });

  it('dispose drops what is not yet written, and a flush waiting for it rejects', async () => {
    const { batcher, writes, events } = setup();
    batcher.push('a');
    const flushed = batcher.flush();
    batcher.push('b');
    const waiting = batcher.flush();
    batcher.dispose();
    await expect(waiting).rejects.toThrow('discarded');
    writes[0]!.done.resolve();
    await expect(flushed).resolves.toBeUndefined();
    await settle();
    expect(events).toEqual(['write:a']);
  });
});
