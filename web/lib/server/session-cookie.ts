import type { Cookies } from '@sveltejs/kit';
import { sessionCookieName } from '$shared/session-cookie.ts';

/** The session cookie a redeemed invite leaves: httpOnly, SameSite, secure over HTTPS, gone when the session ends. */
export function setSessionCookie(cookies: Cookies, url: URL, joined: { identity: { meetingId: string }; sessionToken: string; expiresAt: Date }) {
  cookies.set(sessionCookieName(joined.identity.meetingId), joined.sessionToken, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: url.protocol === 'https:',
    expires: joined.expiresAt,
  });
}
