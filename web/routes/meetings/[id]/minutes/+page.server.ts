import type { PageServerLoad } from './$types';
import { can } from '$domain/permissions.ts';
import { identify } from '$lib/server/identify.ts';
import { refuse } from '$lib/server/refusal.ts';
import { BoardError } from '$shared/errors.ts';

export const load: PageServerLoad = async ({ params, locals, cookies }) => {
  const identity = await identify(locals, cookies, params.id);
  try {
    if (!can(identity.role, 'minutes:read-draft')) throw new BoardError('forbidden');
    const [{ meeting }, adoption] = await Promise.all([locals.services.loadBoard(params.id), locals.services.minutes.adoption(params.id)]);
    return {
      meeting: { id: meeting.id, titleTh: meeting.titleTh, titleEn: meeting.titleEn, number: meeting.number, yearBE: meeting.yearBE },
      session: { participantId: identity.participantId, displayName: identity.displayName, role: identity.role },
      adoption: adoption!,
      // The server enforces these on every update; the page only shows them.
      grants: { write: can(identity.role, 'minutes:write'), amend: can(identity.role, 'minutes:amend') },
    };
  } catch (cause) {
    refuse(cause);
  }
};
