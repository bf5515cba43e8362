import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { allowedActions } from '$domain/permissions.ts';
import { participantActor } from '$shared/actor.ts';
import { httpStatusOf } from '$shared/http-status.ts';
import { isBoardError } from '$shared/errors.ts';
import { refuse } from '$lib/server/refusal.ts';
import { identify } from '$lib/server/identify.ts';

export const load: PageServerLoad = async ({ params, locals, cookies }) => {
  const identity = await identify(locals, cookies, params.id);
  const { frames } = locals.services;
  try {
    const [board, draft, records, verification] = await Promise.all([
      locals.services.loadBoard(params.id),
      frames.draft(params.id),
      frames.records(params.id),
      frames.verify(params.id),
    ]);
    return {
      meeting: board.meeting,
      draft: { hash: draft.draftHash, blocker: draft.blocker, totals: draft.content.totals, frameBaht: draft.content.frameBaht },
      preparation: await frames.preparation(params.id),
      records: records.map((r) => ({
        id: r.id,
        version: r.version,
        hash: r.hash,
        createdAt: r.createdAt,
        preparedBy: r.body?.preparedBy ?? '',
        confirmedBy: r.body?.confirmedBy ?? '',
        overallCeilingBaht: r.body?.content.totals.overall.ceilingBaht ?? null,
      })),
      verification,
      permissions: allowedActions(identity.role),
    };
  } catch (cause) {
    refuse(cause);
  }
};

/** A refusal the page shows beside the button, in the person's words. */
function refusal(cause: unknown) {
  if (!isBoardError(cause)) throw cause;
  return fail(httpStatusOf(cause.code), { code: cause.code });
}

export const actions: Actions = {
  prepare: async ({ params, locals, cookies }) => {
    const identity = await identify(locals, cookies, params.id);
    try {
      await locals.services.runCommand('frame:prepare', participantActor(identity), {});
      return { prepared: true };
    } catch (cause) {
      return refusal(cause);
    }
  },
  confirm: async ({ params, locals, cookies, request }) => {
    const identity = await identify(locals, cookies, params.id);
    const draftHash = String((await request.formData()).get('draftHash') ?? '');
    try {
      const record = await locals.services.runCommand('frame:confirm', participantActor(identity), { draftHash });
      return { recordedVersion: record.version };
    } catch (cause) {
      return refusal(cause);
    }
  },
};
