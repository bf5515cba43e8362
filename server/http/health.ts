// GET /healthz, for people and load balancers: answers within a second whatever the database or Redis do, says
// which part is down in fixed words (never a driver's message), and 503 when this instance should get no new
// clients (its database is down, or it is shutting down).
import type { RequestHandler } from 'express';
import type { PartHealth } from '../health/part-monitor.ts';
import type { BoardHealth } from '../health/board-health.ts';

function part(health: PartHealth) {
  return {
    status: health.status,
    ...(health.problem ? { problem: health.problem } : {}),
    ...(health.status === 'up' && health.latencyMs !== undefined ? { latencyMs: health.latencyMs } : {}),
    since: new Date(health.since).toISOString(),
  };
}

export function healthHandler(health: BoardHealth): RequestHandler {
  return async (_req, res) => {
    const [database, redis] = await Promise.all([health.database.check(), health.redis?.check()]);
    const status = health.draining ? 'draining' : database.status === 'down' || redis?.status === 'down' ? 'degraded' : 'ok';
    res.set('Cache-Control', 'no-store');
    res.status(health.draining || database.status === 'down' ? 503 : 200).json({
      status,
      instance: health.instanceId,
      database: part(database),
      redis: redis ? part(redis) : { status: 'off' },
    });
  };
}
