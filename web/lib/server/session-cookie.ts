import type { Cookies } from '@sveltejs/kit';
import { sessionCookieName } from '$shared/session-cookie.ts';

/** How every session cookie is set: httpOnly, SameSite, secure over HTTPS, gone when the session ends. */
export function sessionCookieOptions(url: URL, expiresAt: Date) {
  return { path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:', expires: expiresAt } as const;
}

/** The session cookie a redeemed invite leaves. */
export function setSessionCookie(cookies: Cookies, url: URL, joined: { identity: { meetingId: string }; sessionToken: string; expiresAt: Date }) {
  cookies.set(sessionCookieName(joined.identity.meetingId), joined.sessionToken, sessionCookieOptions(url, joined.expiresAt));
}
