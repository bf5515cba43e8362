// The HTTP side of the board: a small API, then every other request to the SvelteKit pages.
import express, { type RequestHandler } from 'express';
import { attachServices, type AppServices } from '../app-services.ts';
import type { BoardHealth } from '../health/board-health.ts';
import { healthHandler } from './health.ts';
import { PROTOCOL_HEADER } from './web-build.ts';
import { originGuard } from './request-guards.ts';
import type { OriginPolicy } from '../net/origins.ts';

export interface ExpressAppDeps {
  health: BoardHealth;
  services: AppServices;
  pages: RequestHandler;
  /** Feature endpoints, answered before the pages. */
  routers?: RequestHandler[];
  /** 'https' when a TLS-terminating proxy stands in front (PUBLIC_URL says so); the board itself speaks http. */
  publicProtocol: 'http' | 'https';
  /** Which pages may send state-changing requests. */
  origins: OriginPolicy;
}

export function createExpressApp(deps: ExpressAppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', healthHandler(deps.health));
  app.use(originGuard(deps.origins));
  app.use((req, _res, next) => {
    attachServices(req, deps.services);
    req.headers[PROTOCOL_HEADER] = deps.publicProtocol;
    next();
  });
  for (const router of deps.routers ?? []) app.use(router);
  app.use(deps.pages);
  return app;
}
