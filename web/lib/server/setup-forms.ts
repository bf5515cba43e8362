import { fail, type ActionFailure } from '@sveltejs/kit';
import { isBoardError, wireError, type WireError } from '$shared/errors.ts';
import { httpStatusOf } from '$shared/http-status.ts';

/**
 * Runs a set-up form's action: an expected refusal becomes the form's typed error (Thai and English, naming the field,
 * with the status the JSON API gives it); anything else is the server's error page.
 */
export async function attempt<T, Kept extends Record<string, unknown> = Record<never, never>>(
  run: () => Promise<T>,
  /** What the form gets back to show again (the text typed), beside the error. */
  keep?: Kept,
): Promise<T | ActionFailure<{ error: WireError } & Partial<Kept>>> {
  try {
    return await run();
  } catch (cause) {
    if (!isBoardError(cause)) throw cause;
    return fail(httpStatusOf(cause.code), { ...keep, error: wireError(cause.code, cause.details) } as { error: WireError } & Partial<Kept>);
  }
}

/** A form's fields as a plain object, for the same schemas the JSON API parses. */
export function formObject(form: FormData): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === 'string' && value !== '') fields[key] = value;
  return fields;
}

/** A whole number typed into a box, or the text as typed (which the schema then refuses, naming the box). */
export function typedNumber(value: string): number | string {
  const text = value.normalize('NFKC').trim();
  return /^\d{1,9}$/.test(text) ? Number(text) : text;
}
