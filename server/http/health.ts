import type { RequestHandler } from 'express';
import type { Database } from '../db/client.ts';

/** GET /healthz: 200 when the database answers, 503 with the reason when it does not. */
export function healthHandler(db: Database): RequestHandler {
  return async (_req, res) => {
    const started = performance.now();
    try {
      await db.$queryRaw`SELECT 1`;
      res.json({ status: 'ok', database: { reachable: true, latencyMs: Math.round(performance.now() - started) } });
    } catch (error) {
      res.status(503).json({ status: 'degraded', database: { reachable: false, error: (error as Error).message } });
    }
  };
}
