import { error } from '@sveltejs/kit';
import { ERROR_MESSAGES, isBoardError } from '$shared/errors.ts';
import { httpStatusOf } from '$shared/http-status.ts';

/** Turns a BoardError into the HTTP error page a person reads (with the status the catalogue gives its code); rethrows anything else. */
export function refuse(cause: unknown): never {
  if (!isBoardError(cause)) throw cause;
  const { th, en } = ERROR_MESSAGES[cause.code];
  error(httpStatusOf(cause.code), { message: th, messageEn: en, code: cause.code });
}
