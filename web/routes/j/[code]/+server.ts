import { error, redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { ERROR_MESSAGES } from '$shared/errors.ts';
import { refuse } from '$lib/server/refusal.ts';

/** The short link on the room's screen: today's code leads to a fresh member invite, where the person types a name. */
export const GET: RequestHandler = async ({ params, locals, getClientAddress }) => {
  // Codes are unguessable; the limit is against someone trying many anyway.
  await locals.services.limit('joinCode', getClientAddress()).catch(refuse);
  const token = await locals.services.redeemJoinCode(params.code);
  if (!token) error(404, { message: ERROR_MESSAGES.token_expired.th, messageEn: ERROR_MESSAGES.token_expired.en, code: 'token_expired' });
  redirect(303, `/join/${token}`);
};
