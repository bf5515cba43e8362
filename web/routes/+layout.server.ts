import type { LayoutServerLoad } from './$types';
import { LOCALE_COOKIE, asLocale } from '$lib/i18n/locale.ts';

export const load: LayoutServerLoad = ({ cookies }) => ({ locale: asLocale(cookies.get(LOCALE_COOKIE)) });
