import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { refuse } from '$lib/server/refusal.ts';
import { setSessionCookie } from '$lib/server/session-cookie.ts';
import { redeemNamed } from '$lib/server/redeem-named.ts';

export const load: PageServerLoad = async ({ params, locals }) => {
  try {
    const invite = await locals.services.sessions.readInvite(params.token);
    return {
      invite: { meetingTitleTh: invite.meetingTitleTh, meetingTitleEn: invite.meetingTitleEn, role: invite.role, name: invite.name ?? null },
    };
  } catch (cause) {
    refuse(cause);
  }
};

export const actions: Actions = {
  default: async ({ params, request, locals, cookies, url, getClientAddress }) => {
    await locals.services.limit('join', getClientAddress()).catch(refuse);
    return redeemNamed(
      request,
      (name) => locals.services.sessions.redeemInvite(params.token, name),
      (joined) => {
        setSessionCookie(cookies, url, joined);
        redirect(303, `/meetings/${joined.identity.meetingId}`);
      },
    );
  },
};
