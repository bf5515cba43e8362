import type { PageServerLoad } from './$types';
import { allowedActions } from '$domain/permissions.ts';
import { identify } from '$lib/server/identify.ts';
import { refuse } from '$lib/server/refusal.ts';

/** The project resolutions as a list: anyone on the board may read it; the buttons follow the person's permissions. */
export const load: PageServerLoad = async ({ params, locals, cookies }) => {
  const identity = await identify(locals, cookies, params.id);
  try {
    return { board: await locals.services.loadBoard(params.id), permissions: allowedActions(identity.role) };
  } catch (cause) {
    refuse(cause);
  }
};
