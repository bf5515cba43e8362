import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireOrganiser } from '$lib/server/organiser.ts';
import { attempt } from '$lib/server/setup-forms.ts';
import { planFromForm } from '$lib/server/plan-form.ts';
import { fiscalYearBE } from '$domain/thai-dates.ts';
import { dgaValueChain } from '../../../../../server/seed/dga-value-chain.ts';

/** A new plan's form, its value chain started from DGA's template. */
export const load: PageServerLoad = async ({ locals, cookies }) => {
  await requireOrganiser(locals, cookies);
  // A committee sets the budget of the fiscal year after the one it meets in.
  return { template: dgaValueChain(), fiscalYearBE: fiscalYearBE(new Date()) + 1 };
};

export const actions: Actions = {
  create: async ({ locals, cookies, request }) => {
    const organiser = await requireOrganiser(locals, cookies);
    const fields = planFromForm(await request.formData());
    const created = await attempt(() => locals.services.plans.create(organiser, fields), { fields });
    if ('id' in created) redirect(303, `/setup/plans/${created.id}`);
    return created;
  },
};
