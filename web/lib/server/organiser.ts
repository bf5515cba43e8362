import type { Cookies } from '@sveltejs/kit';
import { ORGANISER_COOKIE } from '$shared/session-cookie.ts';
import type { ActingActor, OrganiserActor } from '$shared/actor.ts';
import { identify } from './identify.ts';
import type { OrganiserSession } from '../../../server/auth/organisers.ts';
import { refuse } from './refusal.ts';
import { sessionCookieOptions } from './session-cookie.ts';

/** The organiser this request's cookie names, or the error page that says why not (set-up pages are theirs only). */
export async function requireOrganiser(locals: App.Locals, cookies: Cookies): Promise<OrganiserActor> {
  try {
    return await locals.services.organisers.identify(cookies.get(ORGANISER_COOKIE));
  } catch (cause) {
    refuse(cause);
  }
}

/**
 * Who sets up a meeting's people on this request: the organiser signed in on this browser, or else a participant of
 * that meeting by its session (what they may do is then their role's row of the permissions table).
 */
export async function meetingSetupActor(locals: App.Locals, cookies: Cookies, meetingId: string): Promise<ActingActor> {
  const organiser = await currentOrganiser(locals, cookies);
  if (organiser) return organiser;
  return { kind: 'participant', ...(await identify(locals, cookies, meetingId)) };
}

/** The organiser signed in on this browser, or null: for pages that show more to organisers. */
export function currentOrganiser(locals: App.Locals, cookies: Cookies): Promise<OrganiserActor | null> {
  const token = cookies.get(ORGANISER_COOKIE);
  return token ? locals.services.organisers.identify(token).catch(() => null) : Promise.resolve(null);
}

/** The organiser's session cookie, set like a participant's. */
export function setOrganiserCookie(cookies: Cookies, url: URL, session: Pick<OrganiserSession, 'sessionToken' | 'expiresAt'>) {
  cookies.set(ORGANISER_COOKIE, session.sessionToken, sessionCookieOptions(url, session.expiresAt));
}
