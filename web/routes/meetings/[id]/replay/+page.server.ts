import type { PageServerLoad } from './$types';
import { replayRows, stateAt } from '$domain/meeting-record.ts';
import { refuse } from '$lib/server/refusal.ts';
import { identify } from '$lib/server/identify.ts';

export const load: PageServerLoad = async ({ params, locals, cookies }) => {
  await identify(locals, cookies, params.id);
  try {
    const [board, record] = await Promise.all([locals.services.loadBoard(params.id), locals.services.loadRecord(params.id)]);
    const { totals } = stateAt(record, record.seq);
    return {
      meeting: board.meeting,
      agenda: board.agenda,
      projects: record.projects,
      groups: replayRows(record),
      changeCount: record.changes.length,
      frameBaht: record.frameBaht,
      totalsNow: { ceilingBaht: totals.overall.ceilingBaht, remainingBaht: totals.remainingBaht },
    };
  } catch (cause) {
    refuse(cause);
  }
};
