import type { Actions, PageServerLoad } from './$types';
import { requireOrganiser } from '$lib/server/organiser.ts';
import { refuse } from '$lib/server/refusal.ts';
import { attempt } from '$lib/server/setup-forms.ts';
import { planFromForm } from '$lib/server/plan-form.ts';

export const load: PageServerLoad = async ({ params, locals, cookies }) => {
  const organiser = await requireOrganiser(locals, cookies);
  try {
    return { plan: await locals.services.plans.read(organiser, params.planId) };
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
