import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { YPersistence } from '../../server/yjs/persistence.ts';
import { DocRegistry, RegistryClosedError } from '../../server/yjs/registry.ts';

class SlowPersistence implements YPersistence {
  readonly stored: Uint8Array[] = [];
  loads = 0;
  loadDelayMs = 20;
  failLoads = 0;
  async load(): Promise<Uint8Array[]> {
    this.loads++;
    await sleep(this.loadDelayMs);
    if (this.failLoads-- > 0) throw new Error('load failed');
    return [...this.stored];
  }
  async append(_docName: string, updates: Uint8Array[]): Promise<void> {
    await sleep(5);
    this.stored.push(...updates);
  }
  async appendFirst(docName: string, update: Uint8Array): Promise<boolean> {
    if (this.stored.length) return false;
    await this.append(docName, [update]);
    return true;
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const NAME = 'meeting/m1/minutes';
const registries: DocRegistry[] = [];

afterEach(async () => {
  for (const registry of registries.splice(0)) await registry.closeAll();
});

function makeRegistry(persistence: YPersistence, idleUnloadMs = 10) {
  const logs: string[] = [];
  const registry = new DocRegistry({ persistence, idleUnloadMs, log: (event) => logs.push(event) });
  registries.push(registry);
  return { registry, logs };
}

describe('DocRegistry', () => {
  it('loads once for concurrent acquires and hands everyone the same document', async () => {
    const persistence = new SlowPersistence();
    const { registry } = makeRegistry(persistence);
    const docs = await Promise.all(Array.from({ length: 10 }, () => registry.acquire(NAME)));
    expect(persistence.loads).toBe(1);
    expect(new Set(docs).size).toBe(1);
    expect(registry.liveDocs()).toEqual([docs[0]]);
  });

  it('unloads after the idle delay once every reference is released, flushing first', async () => {
    const persistence = new SlowPersistence();
    const { registry } = makeRegistry(persistence, 30);
    const doc = await registry.acquire(NAME);
    await registry.acquire(NAME);
    doc.getText('t').insert(0, 'flushed on unload');
    registry.release(doc);
    await sleep(50);
    expect(registry.liveDocs()).toHaveLength(1); // one reference left
    registry.release(doc);
    await sleep(10);
    expect(registry.liveDocs()).toHaveLength(1); // still idle-waiting
    await sleep(60);
    expect(registry.liveDocs()).toHaveLength(0);
    expect(doc.isDestroyed).toBe(true);
    const restored = new Y.Doc();
    for (const update of persistence.stored) Y.applyUpdate(restored, update);
    expect(restored.getText('t').toString()).toBe('flushed on unload');
  });

  it('keeps the document when someone arrives during the idle delay', async () => {
    const persistence = new SlowPersistence();
    const { registry } = makeRegistry(persistence, 30);
    const doc = await registry.acquire(NAME);
    registry.release(doc);
    await sleep(10);
    expect(await registry.acquire(NAME)).toBe(doc);
    await sleep(50);
    expect(registry.liveDocs()).toEqual([doc]);
    expect(persistence.loads).toBe(1);
  });

  it('an acquire during unloading waits and gets a freshly loaded document', async () => {
    const persistence = new SlowPersistence();
    const { registry } = makeRegistry(persistence, 0);
    const doc = await registry.acquire(NAME);
    doc.getText('t').insert(0, 'v1');
    registry.release(doc);
    await sleep(2); // the unload has begun and is flushing
    const next = await registry.acquire(NAME);
    expect(next).not.toBe(doc);
    expect(doc.isDestroyed).toBe(true);
    expect(next.getText('t').toString()).toBe('v1');
    expect(persistence.loads).toBe(2);
  });

  it('fails every waiter of a failed load, and retries on the next acquire', async () => {
    const persistence = new SlowPersistence();
    persistence.failLoads = 1;
    const { registry, logs } = makeRegistry(persistence);
    const results = await Promise.allSettled([registry.acquire(NAME), registry.acquire(NAME)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(logs).toContain('yjs.load.failed');
    await expect(registry.acquire(NAME)).resolves.toBeDefined();
    expect(persistence.loads).toBe(2);
  });

  it('evict drops a document at once, so the next acquire reloads', async () => {
    const persistence = new SlowPersistence();
    const { registry } = makeRegistry(persistence);
    const doc = await registry.acquire(NAME);
    registry.evict(doc);
    expect(doc.isDestroyed).toBe(true);
    expect(registry.liveDocs()).toEqual([]);
    registry.release(doc); // a late release of the evicted copy is harmless
    expect(await registry.acquire(NAME)).not.toBe(doc);
  });

  it('closeAll waits for loads, flushes, destroys, and refuses new acquires', async () => {
    const persistence = new SlowPersistence();
    const { registry } = makeRegistry(persistence);
    const loading = registry.acquire(NAME);
    await sleep(1);
    const closed = registry.closeAll();
    const doc = await loading.catch((error: unknown) => error);
    await closed;
    // The load finished; its waiter either got the document (since destroyed) or was told the registry closed.
    if (doc instanceof Y.Doc) expect(doc.isDestroyed).toBe(true);
    else expect(doc).toBeInstanceOf(RegistryClosedError);
    await expect(registry.acquire(NAME)).rejects.toBeInstanceOf(RegistryClosedError);
  });
});
