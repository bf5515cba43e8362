import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { allowedActions, authorityOf } from '$domain/permissions.ts';
import { meetingSetupActor } from '$lib/server/organiser.ts';
import { attempt } from '$lib/server/setup-forms.ts';
import { refuse } from '$lib/server/refusal.ts';

/** One meeting's own page: its phase (open, close), for an organiser or the meeting's chair and secretary. */
export const load: PageServerLoad = async ({ params, locals, cookies }) => {
  const actor = await meetingSetupActor(locals, cookies, params.meetingId);
  try {
    const meeting = await locals.services.meetingSetup.read(actor, params.meetingId);
    return { meeting, actorKind: actor.kind, permissions: allowedActions(authorityOf(actor)) };
  } catch (cause) {
    refuse(cause);
  }
};

/** Open and close: the same meeting:open and meeting:close the API runs. The board's buttons post here too. */
async function phaseStep(which: 'open' | 'close', { params, locals, cookies }: RequestEvent) {
  const actor = await meetingSetupActor(locals, cookies, params.meetingId);
  return attempt(async () => ({ phase: await locals.services.meetingSetup[which](actor, params.meetingId) }));
}

export const actions: Actions = {
  open: async (event) => phaseStep('open', event),
  close: async (event) => phaseStep('close', event),
};
