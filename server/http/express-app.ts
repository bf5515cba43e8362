// The HTTP side of the board: a small API, then every other request to the SvelteKit pages.
import compression from 'compression';
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
  // Pages, page data and the API go out with brotli or gzip (the board's HTML is ~280 KB, a tenth of that compressed).
  // Socket.io answers its own requests before Express sees them, and Yjs speaks over upgraded WebSockets, so neither
  // passes through here.
  app.use(compression());
  app.use((req, _res, next) => {
    attachServices(req, deps.services);
    req.headers[PROTOCOL_HEADER] = deps.publicProtocol;
    next();
  });
  for (const router of deps.routers ?? []) app.use(router);
  // The static file server inside adapter-node has no type for .ico and would send the favicon untyped; it keeps a
  // type that is already set.
  app.get('/favicon.ico', (_req, res, next) => {
    res.type('image/x-icon');
    next();
  });
  app.use(deps.pages);
  return app;
}
