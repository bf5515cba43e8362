import type { PageServerLoad } from './$types';
import { can } from '$domain/permissions.ts';
import { BoardError } from '$shared/errors.ts';
import { refuse } from '$lib/server/refusal.ts';
import { identify } from '$lib/server/identify.ts';

export const load: PageServerLoad = async ({ params, locals, cookies }) => {
  const identity = await identify(locals, cookies, params.id);
  if (!can(identity.role, 'projects:import')) refuse(new BoardError('forbidden'));
  try {
    const board = await locals.services.loadBoard(params.id);
    return { meeting: board.meeting, projectCount: board.projects.length };
  } catch (cause) {
    refuse(cause);
  }
};
