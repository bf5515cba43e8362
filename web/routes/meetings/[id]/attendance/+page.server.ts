import type { PageServerLoad } from './$types';
import { can } from '$domain/permissions.ts';
import { identify } from '$lib/server/identify.ts';
import { refuse } from '$lib/server/refusal.ts';
import { BoardError } from '$shared/errors.ts';

/** The chair's and the secretary's attendance page: every roster member, joined on a device or not. */
export const load: PageServerLoad = async ({ params, locals, cookies }) => {
  const identity = await identify(locals, cookies, params.id);
  try {
    if (!can(identity.role, 'attendance:record')) throw new BoardError('forbidden');
    const [{ meeting }, sheet] = await Promise.all([locals.services.loadBoard(params.id), locals.services.loadAttendance(params.id)]);
    return { meeting: { id: meeting.id, titleTh: meeting.titleTh, titleEn: meeting.titleEn }, sheet };
  } catch (cause) {
    refuse(cause);
  }
};
