import { redirect } from '@sveltejs/kit';
import QRCode from 'qrcode';
import type { PageServerLoad } from './$types';
import { BoardError } from '$shared/errors.ts';
import { SCREEN_DISPLAY_NAME } from '$shared/events/presenter.ts';
import { sessionCookieName } from '$shared/session-cookie.ts';
import { identify } from '$lib/server/identify.ts';
import { refuse } from '$lib/server/refusal.ts';
import { setSessionCookie } from '$lib/server/session-cookie.ts';

/**
 * The room's screen. A screen has no keyboard, so its link carries a screen invite (single use, expiring, a device with
 * the role observer, named "จอห้องประชุม") that is redeemed on opening, with no name to type; any other session may open it too, which is
 * how the presenter's preview works. A device already signed in keeps its own session.
 */
export const load: PageServerLoad = async ({ params, locals, cookies, url }) => {
  const { sessions } = locals.services;
  const invite = url.searchParams.get('invite');
  if (invite) {
    const signedIn = await sessions.identify(cookies.get(sessionCookieName(params.id)), params.id).catch(() => null);
    if (!signedIn) {
      try {
        const claims = await sessions.readInvite(invite);
        if (claims.meetingId !== params.id) throw new BoardError('wrong_meeting');
        if (claims.kind !== 'device' || claims.role !== 'observer') throw new BoardError('token_wrong_kind');
        setSessionCookie(cookies, url, await sessions.redeemInvite(invite, SCREEN_DISPLAY_NAME));
      } catch (cause) {
        refuse(cause);
      }
    }
    redirect(303, url.pathname);
  }
  const identity = await identify(locals, cookies, params.id);
  try {
    const joinUrl = `${locals.services.linkBase()}/j/${locals.services.joinCode(params.id)}`;
    return {
      board: await locals.services.loadBoard(params.id),
      session: { participantId: identity.participantId, role: identity.role },
      joinUrl,
      joinQrSvg: await QRCode.toString(joinUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }),
    };
  } catch (cause) {
    refuse(cause);
  }
};
