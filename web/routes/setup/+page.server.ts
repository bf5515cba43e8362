import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { ERROR_MESSAGES, isBoardError } from '$shared/errors.ts';
import { requireOrganiser } from '$lib/server/organiser.ts';

/** The organiser's home: the plans and their meetings, a new plan, and the other organisers. */
export const load: PageServerLoad = async ({ locals, cookies }) => {
  const organiser = await requireOrganiser(locals, cookies);
  const [plans, meetings, organisers] = await Promise.all([
    locals.services.plans.list(organiser),
    locals.services.listMeetings(),
    locals.services.organisers.list(),
  ]);
  return { organiser, plans, meetings, organisers };
};

export const actions: Actions = {
  addOrganiser: async ({ locals, cookies }) => {
    const organiser = await requireOrganiser(locals, cookies);
    const token = await locals.services.organisers.createLink({ by: organiser });
    return { organiserLink: `${locals.services.linkBase()}/organiser/${token}` };
  },
  withdrawOrganiser: async ({ locals, cookies, request }) => {
    await requireOrganiser(locals, cookies);
    const id = String((await request.formData()).get('organiserId') ?? '');
    try {
      await locals.services.organisers.revoke(id);
    } catch (cause) {
      if (isBoardError(cause)) return fail(400, { withdrawError: ERROR_MESSAGES[cause.code] });
      throw cause;
    }
    return { withdrawn: id };
  },
};
