import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { LOCALE_COOKIE, asLocale } from '$lib/i18n/locale.ts';

export const POST: RequestHandler = async ({ request, cookies }) => {
  const form = await request.formData();
  cookies.set(LOCALE_COOKIE, asLocale(String(form.get('locale'))), {
    path: '/',
    httpOnly: false,
    sameSite: 'lax',
    secure: false,
    maxAge: 60 * 60 * 24 * 365,
  });
  const back = request.headers.get('referer');
  redirect(303, back && new URL(back).origin === new URL(request.url).origin ? back : '/');
};
