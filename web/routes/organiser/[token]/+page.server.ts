import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { refuse } from '$lib/server/refusal.ts';
import { setOrganiserCookie } from '$lib/server/organiser.ts';
import { redeemNamed } from '$lib/server/redeem-named.ts';

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
    return redeemNamed(
      request,
      (name) => locals.services.organisers.redeemLink(params.token, name),
      (session) => {
        setOrganiserCookie(cookies, url, session);
        redirect(303, '/setup');
      },
    );
  },
};
