import { error } from '@sveltejs/kit';
import { ERROR_MESSAGES, isBoardError, type ErrorCode } from '$shared/errors.ts';

const STATUS: Partial<Record<ErrorCode, number>> = {
  meeting_not_found: 404,
  forbidden: 403,
  invalid_payload: 400,
  invalid_name: 400,
  rate_limited: 429,
};

/** Turns a BoardError into the HTTP error page a person reads (401 unless said otherwise); rethrows anything else. */
export function refuse(cause: unknown): never {
  if (!isBoardError(cause)) throw cause;
  const { th, en } = ERROR_MESSAGES[cause.code];
  error(STATUS[cause.code] ?? 401, { message: th, messageEn: en, code: cause.code });
}
