import type { Handle, HandleServerError } from '@sveltejs/kit';
import { servicesOf } from '../server/app-services.ts';
import { ERROR_MESSAGES } from '../server/shared/errors.ts';
import { LOCALE_COOKIE, asLocale } from '$lib/i18n/locale.ts';

export const handle: Handle = async ({ event, resolve }) => {
  event.locals.services = servicesOf(event.platform?.req);
  // <html lang> follows the interface language, so screen readers and hyphenation read the page in it; the room's
  // screen always speaks Thai.
  const lang = event.route.id?.endsWith('/screen') ? 'th' : asLocale(event.cookies.get(LOCALE_COOKIE));
  return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', lang) });
};

/** An unexpected failure: logged in full for us, and a plain apology for the person at the screen. */
export const handleError: HandleServerError = ({ error, event, status }) => {
  if (status !== 404) console.error(`[${status}] ${event.request.method} ${event.url.pathname}`, error);
  return { message: ERROR_MESSAGES.internal.th, messageEn: ERROR_MESSAGES.internal.en, code: 'internal' };
};
