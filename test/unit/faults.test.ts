// The pure parts of fault handling: which failures mean "the database is away", how a part's health is judged, and
// what several instances must be given before they start.
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../server/config.ts';
import { isDatabaseUnavailable, refusalFor } from '../../server/db/unavailable.ts';
import { PartMonitor } from '../../server/health/part-monitor.ts';
import { BoardError } from '../../server/shared/errors.ts';

describe('isDatabaseUnavailable', () => {
  it('recognises a missing database through every layer that reports it', () => {
    const prismaUnreachable = Object.assign(new Error('Raw query failed'), {
      code: 'P2010',
      meta: { driverAdapterError: { name: 'DriverAdapterError', cause: { kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 5 } } },
    });
    expect(isDatabaseUnavailable(prismaUnreachable)).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("Can't reach database server"), { code: 'P1001' }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('wrapped', { cause: Object.assign(new Error('x'), { code: '08006' }) }))).toBe(true);
  });

  it('leaves every other failure alone', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('Unique constraint failed'), { code: 'P2002' }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('undefined is not a function'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });

  it('turns failures into typed refusals without leaking the driver’s words', () => {
    expect(refusalFor(new BoardError('forbidden')).code).toBe('forbidden');
    const refusal = refusalFor(Object.assign(new Error('connect ECONNREFUSED 10.0.0.7:5432'), { code: 'ECONNREFUSED' }));
    expect(refusal).toMatchObject({ code: 'database_unavailable', messageTh: expect.stringContaining('ชั่วคราว: ฐานข้อมูลไม่ตอบสนอง') });
    expect(JSON.stringify(refusal)).not.toContain('10.0.0.7');
    expect(refusalFor(new Error('bug')).code).toBe('internal');
  });
});

describe('PartMonitor', () => {
  it('reads a probe that fails as unreachable, one that hangs as a timeout (and abandons it), one that answers as up', async () => {
    let behaviour: 'ok' | 'fail' | 'hang' = 'fail';
    let abandoned = 0;
    const monitor = new PartMonitor(
      {
        run: () => (behaviour === 'ok' ? Promise.resolve() : behaviour === 'fail' ? Promise.reject(new Error('no')) : new Promise(() => {})),
        abandon: () => abandoned++,
      },
      { timeoutMs: 50, intervalMs: 60_000 },
    );
    try {
      expect(await monitor.check()).toMatchObject({ status: 'down', problem: 'unreachable' });
      behaviour = 'hang';
      const began = performance.now();
      expect(await monitor.check()).toMatchObject({ status: 'down', problem: 'timeout' });
      expect(performance.now() - began).toBeLessThan(1_000);
      expect(abandoned).toBe(1);
      behaviour = 'ok';
      expect(await monitor.check()).toMatchObject({ status: 'up' });
      expect(monitor.up).toBe(true);
    } finally {
      monitor.stop();
    }
  });
});

describe('configuration for several instances', () => {
  const base = { DATABASE_URL: 'postgresql://db/board', SESSION_SECRET: 'x'.repeat(32), RECORD_SIGNING_KEY: '-----BEGIN PRIVATE KEY-----' };

  it('runs one instance without Redis exactly as before', () => {
    expect(readConfig({}).redisUrl).toBeUndefined();
  });

  it('refuses to start with REDIS_URL but no shared SESSION_SECRET, RECORD_SIGNING_KEY or DATABASE_URL, saying what to set', () => {
    expect(() => readConfig({ ...base, RECORD_SIGNING_KEY: '', REDIS_URL: 'redis://r' })).toThrow(/RECORD_SIGNING_KEY/);
    expect(() => readConfig({ ...base, SESSION_SECRET: '', REDIS_URL: 'redis://r' })).toThrow(ConfigError);
    expect(() => readConfig({ ...base, SESSION_SECRET: '', REDIS_URL: 'redis://r' })).toThrow(/SESSION_SECRET/);
    expect(() => readConfig({ ...base, DATABASE_URL: '', REDIS_URL: 'redis://r' })).toThrow(/DATABASE_URL/);
    expect(readConfig({ ...base, REDIS_URL: 'redis://r' }).redisUrl).toBe('redis://r');
  });
});
