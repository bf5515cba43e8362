import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { ERROR_MESSAGES, isBoardError, wireError } from '$shared/errors.ts';
import { JOIN_REQUEST_COOKIE } from '$shared/session-cookie.ts';
import { refuse } from '$lib/server/refusal.ts';
import { sessionCookieOptions } from '$lib/server/session-cookie.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

async function meetingOf(locals: App.Locals, code: string, address: string): Promise<string> {
  // Codes are unguessable; the limit is against someone trying many anyway.
  await locals.services.limit('joinCode', address).catch(refuse);
  const meetingId = await locals.services.meetingForJoinCode(code);
  if (!meetingId) error(404, { message: ERROR_MESSAGES.token_expired.th, messageEn: ERROR_MESSAGES.token_expired.en, code: 'token_expired' });
  return meetingId;
}

/** The short link on the room's screen: a request to join, which the chair answers; never an invite by itself. */
export const load: PageServerLoad = async ({ params, locals, getClientAddress }) => {
  const meetingId = await meetingOf(locals, params.code, getClientAddress());
  const board = await locals.services.loadBoard(meetingId).catch(refuse);
  return { meetingTitleTh: board.meeting.titleTh, meetingTitleEn: board.meeting.titleEn, roster: await locals.services.joinRequests.rosterNames(meetingId) };
};

export const actions: Actions = {
  default: async ({ params, locals, request, cookies, url, getClientAddress }) => {
    const meetingId = await meetingOf(locals, params.code, getClientAddress());
    await locals.services.limit('join', getClientAddress()).catch(refuse);
    const form = await request.formData();
    const name = String(form.get('name') ?? '');
    const rosterMemberId = String(form.get('rosterMemberId') ?? '') || undefined;
    let asked;
    try {
      asked = await locals.services.joinRequests.ask(meetingId, { name, rosterMemberId });
    } catch (cause) {
      if (isBoardError(cause)) return fail(cause.code === 'rate_limited' ? 429 : 400, { name, error: wireError(cause.code) });
      throw cause;
    }
    cookies.set(JOIN_REQUEST_COOKIE, asked.token, sessionCookieOptions(url, new Date(Date.now() + DAY_MS)));
    redirect(303, `/j/${params.code}/wait`);
  },
};
