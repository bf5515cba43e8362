// The JSON API for plans, for a secretariat's scripts and the set-up pages alike: list, read, create and change a plan
// (titles, fiscal year, host agency, frame in million baht, flags, value chain), create a meeting of it, read a meeting,
// and open and close it (the same meeting:open and meeting:close commands as the board's buttons).
// Documented in README ("Set-up API").
import express, { type Request } from 'express';
import type { PlanSetup } from '../setup/plan-setup.ts';
import type { MeetingSetup } from '../setup/meeting-setup.ts';
import { JSON_BODY } from './request-guards.ts';
import { param, setupEndpoint, type SetupAuthDeps } from './setup-auth.ts';

export interface PlansApiDeps extends SetupAuthDeps {
  plans: PlanSetup;
  meetings: MeetingSetup;
}

export function plansApiRouter(deps: PlansApiDeps): express.Router {
  const router = express.Router();
  const { plans } = deps;
  const endpoint = (handler: Parameters<typeof setupEndpoint>[1], status?: number) => setupEndpoint(deps, handler, status);
  const body = (req: Request): unknown => req.body;

  router.get('/api/plans', endpoint(async (_req, _res, actor) => ({ plans: await plans.list(actor) })));
  router.post('/api/plans', ...JSON_BODY, endpoint(async (req, _res, actor) => ({ plan: await plans.create(actor, body(req)) }), 201));
  router.get('/api/plans/:planId', endpoint(async (req, _res, actor) => ({ plan: await plans.read(actor, param(req, 'planId')) })));
  router.patch('/api/plans/:planId', ...JSON_BODY, endpoint(async (req, _res, actor) => ({ plan: await plans.update(actor, param(req, 'planId'), body(req)) })));
  router.post('/api/plans/:planId/meetings', ...JSON_BODY, endpoint(async (req, _res, actor) => deps.meetings.create(actor, param(req, 'planId'), body(req)), 201));
  router.get('/api/meetings/:meetingId', endpoint(async (req, _res, actor) => ({ meeting: await deps.meetings.read(actor, param(req, 'meetingId')) })));
  router.post('/api/meetings/:meetingId/open', endpoint(async (req, _res, actor) => deps.meetings.open(actor, param(req, 'meetingId'))));
  router.post('/api/meetings/:meetingId/close', endpoint(async (req, _res, actor) => deps.meetings.close(actor, param(req, 'meetingId'))));
  return router;
}
