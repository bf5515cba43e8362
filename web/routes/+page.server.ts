import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ meetings: await locals.services.listMeetings() });
