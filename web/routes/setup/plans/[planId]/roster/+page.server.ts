import type { Actions, PageServerLoad } from './$types';
import { requireOrganiser } from '$lib/server/organiser.ts';
import { refuse } from '$lib/server/refusal.ts';
import { attempt, formObject } from '$lib/server/setup-forms.ts';

export const load: PageServerLoad = async ({ params, locals, cookies }) => {
  const organiser = await requireOrganiser(locals, cookies);
  try {
    return { roster: await locals.services.people.roster(organiser, params.planId), planId: params.planId };
  } catch (cause) {
    refuse(cause);
  }
};

export const actions: Actions = {
  add: async ({ params, locals, cookies, request }) => {
    const organiser = await requireOrganiser(locals, cookies);
    const fields = formObject(await request.formData());
    return attempt(async () => ({ added: [(await locals.services.people.addRosterMember(organiser, params.planId, fields)).id] }), { fields });
  },
  paste: async ({ params, locals, cookies, request }) => {
    const organiser = await requireOrganiser(locals, cookies);
    const text = String((await request.formData()).get('text') ?? '');
    return attempt(async () => ({ added: (await locals.services.people.pasteRoster(organiser, params.planId, { text })).map((m) => m.id) }), { text });
  },
  remove: async ({ params, locals, cookies, request }) => {
    const organiser = await requireOrganiser(locals, cookies);
    const memberId = String((await request.formData()).get('memberId') ?? '');
    return attempt(async () => {
      await locals.services.people.removeRosterMember(organiser, params.planId, memberId);
      return { removed: memberId };
    });
  },
  move: async ({ params, locals, cookies, request }) => {
    const organiser = await requireOrganiser(locals, cookies);
    const form = await request.formData();
    const memberId = String(form.get('memberId') ?? '');
    const step = form.get('direction') === 'up' ? -1 : 1;
    return attempt(async () => {
      const ids = (await locals.services.people.roster(organiser, params.planId)).map((m) => m.id);
      const from = ids.indexOf(memberId);
      const to = from + step;
      if (from >= 0 && to >= 0 && to < ids.length) [ids[from], ids[to]] = [ids[to]!, ids[from]!];
      await locals.services.people.reorderRoster(organiser, params.planId, { memberIds: ids });
      return { moved: memberId };
    });
  },
};
