import type { PageServerLoad } from './$types';
import { sessionCookieName } from '$shared/session-cookie.ts';
import { currentOrganiser } from '$lib/server/organiser.ts';

/**
 * The meetings this browser may open: every meeting for an organiser, the ones it holds a valid session of for a
 * participant, none for a stranger (a meeting's name, date and frame are not for anyone who finds the address).
 */
export const load: PageServerLoad = async ({ locals, cookies }) => {
  const organiser = await currentOrganiser(locals, cookies);
  const meetings = await locals.services.listMeetings();
  if (organiser) return { meetings, organiser: true };
  const joined = await Promise.all(
    meetings.map(async (meeting) => {
      const token = cookies.get(sessionCookieName(meeting.id));
      return token !== undefined && (await locals.services.sessions.identify(token, meeting.id).then(() => true, () => false));
    }),
  );
  return { meetings: meetings.filter((_, index) => joined[index]), organiser: false };
};
