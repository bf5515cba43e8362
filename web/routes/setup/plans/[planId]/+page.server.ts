import type { Actions, PageServerLoad } from './$types';
import { requireOrganiser } from '$lib/server/organiser.ts';
import { refuse } from '$lib/server/refusal.ts';
import { attempt } from '$lib/server/setup-forms.ts';
import { planFromForm } from '$lib/server/plan-form.ts';
import { MEETING_WARNINGS, type MeetingWarning } from '$domain/meeting-rules.ts';

/** The plan; after a meeting was made, which one and the warning it came with (a date in the past). */
export const load: PageServerLoad = async ({ params, locals, cookies, url }) => {
  const organiser = await requireOrganiser(locals, cookies);
  try {
    const plan = await locals.services.plans.read(organiser, params.planId);
    const created = plan.meetings.find((m) => m.id === url.searchParams.get('meeting')) ?? null;
    const warning = url.searchParams.get('warning');
    return { plan, created, warning: created && warning && Object.hasOwn(MEETING_WARNINGS, warning) ? MEETING_WARNINGS[warning as MeetingWarning] : null };
  } catch (cause) {
    refuse(cause);
  }
};

export const actions: Actions = {
  save: async ({ params, locals, cookies, request }) => {
    const organiser = await requireOrganiser(locals, cookies);
    const fields = planFromForm(await request.formData());
    return attempt(async () => {
      await locals.services.plans.update(organiser, params.planId, fields);
      return { saved: true };
    }, { fields });
  },
};
