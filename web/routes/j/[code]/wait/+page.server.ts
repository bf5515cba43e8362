import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { JOIN_REQUEST_COOKIE } from '$shared/session-cookie.ts';
import { refuse } from '$lib/server/refusal.ts';
import { setSessionCookie } from '$lib/server/session-cookie.ts';

/** Waiting for the chair: the page looks again every few seconds; once admitted, the browser is signed in. */
export const load: PageServerLoad = async ({ locals, cookies, url }) => {
  let answer;
  try {
    answer = await locals.services.joinRequests.answer(cookies.get(JOIN_REQUEST_COOKIE) ?? '');
  } catch (cause) {
    refuse(cause);
  }
  if (answer.status === 'admitted') {
    setSessionCookie(cookies, url, answer.joined);
    cookies.delete(JOIN_REQUEST_COOKIE, { path: '/' });
    redirect(303, `/meetings/${answer.meetingId}`);
  }
  return { status: answer.status };
};
