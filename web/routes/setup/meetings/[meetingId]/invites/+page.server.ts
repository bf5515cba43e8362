import type { Actions, PageServerLoad } from './$types';
import { meetingSetupActor } from '$lib/server/organiser.ts';
import { refuse } from '$lib/server/refusal.ts';
import { attempt, formObject } from '$lib/server/setup-forms.ts';

export const load: PageServerLoad = async ({ params, locals, cookies }) => {
  const actor = await meetingSetupActor(locals, cookies, params.meetingId);
  try {
    return { ...(await locals.services.people.meetingInvites(actor, params.meetingId)), actorKind: actor.kind };
  } catch (cause) {
    refuse(cause);
  }
};

async function inviteIdOf(request: Request): Promise<string> {
  return String((await request.formData()).get('inviteId') ?? '');
}

export const actions: Actions = {
  issue: async ({ params, locals, cookies, request }) => {
    const actor = await meetingSetupActor(locals, cookies, params.meetingId);
    const rosterMemberId = String((await request.formData()).get('rosterMemberId') ?? '');
    return attempt(async () => ({ issued: (await locals.services.people.issueInvite(actor, params.meetingId, { rosterMemberId })).id }));
  },
  issueAll: async ({ params, locals, cookies }) => {
    const actor = await meetingSetupActor(locals, cookies, params.meetingId);
    return attempt(async () => ({ issuedAll: (await locals.services.people.inviteRoster(actor, params.meetingId)).length }));
  },
  attendee: async ({ params, locals, cookies, request }) => {
    const actor = await meetingSetupActor(locals, cookies, params.meetingId);
    const fields = formObject(await request.formData());
    return attempt(async () => ({ issued: (await locals.services.people.issueInvite(actor, params.meetingId, fields)).id }), { fields });
  },
  revoke: async ({ params, locals, cookies, request }) => {
    const actor = await meetingSetupActor(locals, cookies, params.meetingId);
    const inviteId = await inviteIdOf(request);
    return attempt(async () => {
      await locals.services.people.revokeInvite(actor, params.meetingId, inviteId);
      return { revoked: inviteId };
    });
  },
  reissue: async ({ params, locals, cookies, request }) => {
    const actor = await meetingSetupActor(locals, cookies, params.meetingId);
    const inviteId = await inviteIdOf(request);
    return attempt(async () => ({ issued: (await locals.services.people.reissueInvite(actor, params.meetingId, inviteId)).id }));
  },
};
