import type { Cookies } from '@sveltejs/kit';
import { sessionCookieName } from '$shared/session-cookie.ts';
import { refuse } from './refusal.ts';

/** The participant this request's session cookie names, or the error page that says why not. */
export async function identify(locals: App.Locals, cookies: Cookies, meetingId: string) {
  try {
    return await locals.services.sessions.identify(cookies.get(sessionCookieName(meetingId)), meetingId);
  } catch (cause) {
    refuse(cause);
  }
}
