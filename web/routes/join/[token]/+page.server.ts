import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { ERROR_MESSAGES, isBoardError } from '$shared/errors.ts';
import { refuse } from '$lib/server/refusal.ts';
import { setSessionCookie } from '$lib/server/session-cookie.ts';

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
    const name = String((await request.formData()).get('name') ?? '');
    let joined;
    try {
      joined = await locals.services.sessions.redeemInvite(params.token, name);
    } catch (cause) {
      if (isBoardError(cause) && cause.code === 'invalid_name') {
        return fail(400, { name, error: ERROR_MESSAGES.invalid_name });
      }
      refuse(cause);
    }
    setSessionCookie(cookies, url, joined);
    redirect(303, `/meetings/${joined.identity.meetingId}`);
  },
};
