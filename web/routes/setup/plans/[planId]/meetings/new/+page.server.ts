import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireOrganiser } from '$lib/server/organiser.ts';
import { refuse } from '$lib/server/refusal.ts';
import { attempt, formObject, typedNumber } from '$lib/server/setup-forms.ts';
import { bangkokDateTime, nextMeetingNumber } from '$domain/meeting-rules.ts';

/** The form of a plan's next meeting: the number it will get when left empty (the next of this year). */
export const load: PageServerLoad = async ({ params, locals, cookies }) => {
  const organiser = await requireOrganiser(locals, cookies);
  try {
    const plan = await locals.services.plans.read(organiser, params.planId);
    const yearBE = Number(bangkokDateTime(new Date()).date.slice(0, 4)) + 543;
    return { plan, suggested: { number: nextMeetingNumber(plan.meetings, yearBE), yearBE } };
  } catch (cause) {
    refuse(cause);
  }
};

export const actions: Actions = {
  create: async ({ params, locals, cookies, request }) => {
    const organiser = await requireOrganiser(locals, cookies);
    const fields = formObject(await request.formData());
    const input = { ...fields, number: fields.number && typedNumber(fields.number), yearBE: fields.yearBE && typedNumber(fields.yearBE), date: fields.date ?? '', time: fields.time ?? '', venueTh: fields.venueTh ?? '', titleTh: fields.titleTh ?? '' };
    const created = await attempt(() => locals.services.meetingSetup.create(organiser, params.planId, input), { fields });
    if (!('meeting' in created)) return created;
    const warning = created.warnings[0]?.code;
    redirect(303, `/setup/plans/${params.planId}?meeting=${created.meeting.id}${warning ? `&warning=${warning}` : ''}`);
  },
};
