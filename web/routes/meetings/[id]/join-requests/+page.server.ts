import type { Actions, PageServerLoad } from './$types';
import { meetingSetupActor } from '$lib/server/organiser.ts';
import { refuse } from '$lib/server/refusal.ts';
import { attempt } from '$lib/server/setup-forms.ts';

/** The chair's list of people who asked to join from the room screen's code. */
export const load: PageServerLoad = async ({ params, locals, cookies }) => {
  const actor = await meetingSetupActor(locals, cookies, params.id);
  try {
    const [requests, roster, board] = await Promise.all([
      locals.services.joinRequests.pending(actor, params.id),
      locals.services.joinRequests.rosterNames(params.id),
      locals.services.loadBoard(params.id),
    ]);
    return { requests, roster, meetingTitleTh: board.meeting.titleTh, meetingTitleEn: board.meeting.titleEn, meetingId: params.id };
  } catch (cause) {
    refuse(cause);
  }
};

export const actions: Actions = {
  admit: async ({ params, locals, cookies, request }) => {
    const actor = await meetingSetupActor(locals, cookies, params.id);
    const form = await request.formData();
    const requestId = String(form.get('requestId') ?? '');
    const rosterMemberId = String(form.get('rosterMemberId') ?? '') || undefined;
    return attempt(async () => {
      await locals.services.joinRequests.admit(actor, params.id, requestId, rosterMemberId);
      return { admitted: requestId };
    });
  },
  refuse: async ({ params, locals, cookies, request }) => {
    const actor = await meetingSetupActor(locals, cookies, params.id);
    const requestId = String((await request.formData()).get('requestId') ?? '');
    return attempt(async () => {
      await locals.services.joinRequests.refuse(actor, params.id, requestId);
      return { refused: requestId };
    });
  },
};
