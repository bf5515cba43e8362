import type { PageServerLoad } from './$types';
import { requireOrganiser } from '$lib/server/organiser.ts';
import { refuse } from '$lib/server/refusal.ts';

/** The plan's import, for organisers: the page talks to the import API (/api/plans/:planId/import) itself. */
export const load: PageServerLoad = async ({ params, locals, cookies }) => {
  const organiser = await requireOrganiser(locals, cookies);
  try {
    return { planId: params.planId, plan: await locals.services.imports.plan(organiser, params.planId) };
  } catch (cause) {
    refuse(cause);
  }
};
