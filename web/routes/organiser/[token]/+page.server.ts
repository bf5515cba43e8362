import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { ERROR_MESSAGES, isBoardError } from '$shared/errors.ts';
import { refuse } from '$lib/server/refusal.ts';
import { setOrganiserCookie } from '$lib/server/organiser.ts';

export const load: PageServerLoad = async ({ params, locals }) => {
  try {
    return { link: await locals.services.organisers.readLink(params.token) };
  } catch (cause) {
    refuse(cause);
  }
};

export const actions: Actions = {
  default: async ({ params, request, locals, cookies, url, getClientAddress }) => {
    await locals.services.limit('join', getClientAddress()).catch(refuse);
    const name = String((await request.formData()).get('name') ?? '');
    let session;
    try {
      session = await locals.services.organisers.redeemLink(params.token, name);
    } catch (cause) {
      if (isBoardError(cause) && cause.code === 'invalid_name') return fail(400, { name, error: ERROR_MESSAGES.invalid_name });
      refuse(cause);
    }
    setOrganiserCookie(cookies, url, session);
    redirect(303, '/setup');
  },
};
