import { fail, type ActionFailure } from '@sveltejs/kit';
import { ERROR_MESSAGES, isBoardError } from '$shared/errors.ts';
import { refuse } from './refusal.ts';

type NameRefused = ActionFailure<{ name: string; error: (typeof ERROR_MESSAGES)['invalid_name'] }>;

/**
 * A page action redeeming a single-use link (an invite, an organiser link) with the name typed: a name that is no name
 * comes back beside the field with what was typed kept; any other refusal is the error page. `redeemed` sets the
 * cookie and redirects (SvelteKit's redirect throws, so it never returns).
 */
export async function redeemNamed<T>(request: Request, redeem: (name: string) => Promise<T>, redeemed: (result: T) => never): Promise<NameRefused> {
  const name = String((await request.formData()).get('name') ?? '');
  let result: T;
  try {
    result = await redeem(name);
  } catch (cause) {
    if (isBoardError(cause) && cause.code === 'invalid_name') return fail(400, { name, error: ERROR_MESSAGES.invalid_name });
    refuse(cause);
  }
  redeemed(result);
}
