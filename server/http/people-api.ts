// The JSON API for a committee's people, for the set-up pages' scripts and a secretariat's own: the plan's roster,
// the meeting's invites (to roster members and attendees), and organiser links. Documented in README ("Set-up API").
import express, { type Request } from 'express';
import type { Organisers } from '../auth/organisers.ts';
import type { PeopleSetup } from '../setup/people-setup.ts';
import { can } from '../domain/permissions.ts';
import { BoardError } from '../shared/errors.ts';
import { organiserLinkUrl } from '../invite-links.ts';
import { JSON_BODY } from './request-guards.ts';
import { param, setupEndpoint, type SetupAuthDeps } from './setup-auth.ts';

export interface PeopleApiDeps extends SetupAuthDeps {
  people: PeopleSetup;
  organisers: Organisers;
  linkBase(): string;
}

export function peopleApiRouter(deps: PeopleApiDeps): express.Router {
  const router = express.Router();
  const { people } = deps;
  const endpoint = (handler: Parameters<typeof setupEndpoint>[1], status?: number) => setupEndpoint(deps, handler, status);
  const body = (req: Request): unknown => req.body;

  router.get('/api/plans/:planId/roster', endpoint(async (req, _res, actor) => ({ roster: await people.roster(actor, param(req, 'planId')) })));
  router.post('/api/plans/:planId/roster', ...JSON_BODY, endpoint(async (req, _res, actor) => ({ member: await people.addRosterMember(actor, param(req, 'planId'), body(req)) }), 201));
  router.post('/api/plans/:planId/roster/paste', ...JSON_BODY, endpoint(async (req, _res, actor) => ({ added: await people.pasteRoster(actor, param(req, 'planId'), body(req)) }), 201));
  router.put('/api/plans/:planId/roster/order', ...JSON_BODY, endpoint(async (req, _res, actor) => ({ roster: await people.reorderRoster(actor, param(req, 'planId'), body(req)) })));
  router.put(
    '/api/plans/:planId/roster/:memberId',
    ...JSON_BODY,
    endpoint(async (req, _res, actor) => ({ member: await people.updateRosterMember(actor, param(req, 'planId'), param(req, 'memberId'), body(req)) })),
  );
  router.delete('/api/plans/:planId/roster/:memberId', endpoint(async (req, _res, actor) => people.removeRosterMember(actor, param(req, 'planId'), param(req, 'memberId'))));

  router.get('/api/meetings/:meetingId/invites', endpoint(async (req, _res, actor) => people.meetingInvites(actor, param(req, 'meetingId'))));
  router.post('/api/meetings/:meetingId/invites', ...JSON_BODY, endpoint(async (req, _res, actor) => ({ invite: await people.issueInvite(actor, param(req, 'meetingId'), body(req)) }), 201));
  router.post('/api/meetings/:meetingId/invites/roster', endpoint(async (req, _res, actor) => ({ issued: await people.inviteRoster(actor, param(req, 'meetingId')) }), 201));
  router.post('/api/meetings/:meetingId/invites/:inviteId/revoke', endpoint(async (req, _res, actor) => people.revokeInvite(actor, param(req, 'meetingId'), param(req, 'inviteId'))));
  router.post(
    '/api/meetings/:meetingId/invites/:inviteId/reissue',
    endpoint(async (req, _res, actor) => ({ invite: await people.reissueInvite(actor, param(req, 'meetingId'), param(req, 'inviteId')) }), 201),
  );

  router.post(
    '/api/organisers/links',
    endpoint(async (_req, _res, actor) => {
      if (actor.kind !== 'organiser' || !can('organiser', 'organiser:add')) throw new BoardError('forbidden', { action: 'organiser:add' });
      return { url: organiserLinkUrl(deps.linkBase(), await deps.organisers.createLink({ by: actor })) };
    }, 201),
  );
  return router;
}
