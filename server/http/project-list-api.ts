// The JSON API for the project list after the plan's first decision, for the secretariat's scripts: add a project,
// withdraw one, correct its request. Each runs the socket's command through the one pipeline, so the checks, the audit
// row and the broadcast to every board are the same. Documented in README ("Set-up API").
import express, { type Request } from 'express';
import type { RunCommand } from '../commands/registry.ts';
import { JSON_BODY } from './request-guards.ts';
import { param, setupEndpoint, type SetupAuthDeps } from './setup-auth.ts';

export interface ProjectListApiDeps extends SetupAuthDeps {
  runCommand: RunCommand;
}

/** The body's fields with the project the path names; a body that is not an object is the schema's to refuse. */
function withProject(req: Request): Record<string, unknown> {
  const body: unknown = req.body;
  const fields = typeof body === 'object' && body !== null && !Array.isArray(body) ? body : { body };
  return { ...fields, projectId: param(req, 'projectId') };
}

export function projectListApiRouter(deps: ProjectListApiDeps): express.Router {
  const router = express.Router();
  const endpoint = (handler: Parameters<typeof setupEndpoint>[1], status?: number) => setupEndpoint(deps, handler, status);
  const meeting = (req: Request) => param(req, 'meetingId');

  router.post(
    '/api/meetings/:meetingId/projects',
    ...JSON_BODY,
    endpoint(async (req, _res, actor) => deps.runCommand('projects:add', actor, req.body as never, meeting(req)), 201),
  );
  router.post(
    '/api/meetings/:meetingId/projects/:projectId/withdraw',
    ...JSON_BODY,
    endpoint(async (req, _res, actor) => deps.runCommand('projects:withdraw', actor, withProject(req) as never, meeting(req))),
  );
  router.post(
    '/api/meetings/:meetingId/projects/:projectId/correct-request',
    ...JSON_BODY,
    endpoint(async (req, _res, actor) => deps.runCommand('projects:correct-request', actor, withProject(req) as never, meeting(req))),
  );
  return router;
}
