// The import's JSON API for organisers and their scripts: upload a file (kept an hour), look at it again with
// another sheet or a mapping, commit it. Documented in README ("Set-up API").
import express, { type Request } from 'express';
import { z } from 'zod';
import { limitByAddress } from '../limits/transport-limits.ts';
import type { RateLimits } from '../limits/rate-limits.ts';
import type { ImportSetup } from '../setup/import-setup.ts';
import { invalidPayload } from '../commands/pipeline.ts';
import { columnMappingSchema } from '../shared/import.ts';
import { BoardError } from '../shared/errors.ts';
import { IMPORT_MEDIA_TYPES, MAX_IMPORT_BYTES } from './meeting-documents.ts';
import { JSON_BODY, fileBody } from './request-guards.ts';
import { param, setupEndpoint, type SetupAuthDeps } from './setup-auth.ts';

const lookSchema = z.union([z.strictObject({ sheet: z.number().int().min(0).max(255) }), z.strictObject({ mapping: columnMappingSchema })]);
const commitSchema = z.strictObject({ mapping: columnMappingSchema.optional() });

export interface ImportApiDeps extends SetupAuthDeps {
  imports: ImportSetup;
  limits: RateLimits;
}

function parsed<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) throw invalidPayload(result.error);
  return result.data;
}

export function importApiRouter(deps: ImportApiDeps): express.Router {
  const router = express.Router();
  const { imports } = deps;
  const endpoint = (handler: Parameters<typeof setupEndpoint>[1], status?: number) => setupEndpoint(deps, handler, status);
  const fileName = (req: Request) => String(req.query.name ?? 'upload.csv').slice(0, 200);

  router.post(
    '/api/plans/:planId/import',
    limitByAddress(deps.limits, 'import'),
    ...fileBody(IMPORT_MEDIA_TYPES, MAX_IMPORT_BYTES),
    endpoint(async (req, _res, actor) => {
      if (!Buffer.isBuffer(req.body) || req.body.length === 0) throw new BoardError('import_empty');
      return imports.stage(actor, param(req, 'planId'), fileName(req), req.body);
    }, 201),
  );
  router.post(
    '/api/plans/:planId/import/:uploadId/look',
    ...JSON_BODY,
    endpoint(async (req, _res, actor) => imports.look(actor, param(req, 'planId'), param(req, 'uploadId'), parsed(lookSchema, req.body))),
  );
  router.post(
    '/api/plans/:planId/import/:uploadId/commit',
    ...JSON_BODY,
    endpoint(async (req, _res, actor) => imports.commit(actor, param(req, 'planId'), param(req, 'uploadId'), parsed(commitSchema, req.body).mapping)),
  );
  return router;
}
