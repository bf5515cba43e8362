// A change of the plan told to one of its meetings: the plan's titles, flags, value chain or frame, written once and
// heard by every board of that meeting in its sequence. The set-up API runs it in each open meeting of the plan
// (server/http/setup-api.ts); the first run writes, the others find it done and only tell their boards.
import { z } from 'zod';
import { applyPlanUpdate } from '../db/plan-repository.ts';
import { auditedAs } from '../shared/actor.ts';
import { BoardError } from '../shared/errors.ts';
import { updatePlanSchema, type PlanChanged } from '../shared/setup/plans.ts';
import { sequencedCommand } from './command.ts';

export const updatePlanCommand = sequencedCommand({
  event: 'plan:update',
  schema: updatePlanSchema.extend({ planId: z.string().min(1).max(64) }),
  authority: 'plan:edit',
  run: async (ctx, { planId, ...input }) => {
    const meeting = await ctx.tx.meeting.findUniqueOrThrow({ where: { id: ctx.meetingId }, select: { planId: true } });
    if (meeting.planId !== planId) throw new BoardError('plan_not_found');
    const audited = auditedAs(ctx.actor);
    const author = { actorName: audited.actorName, participantId: audited.participantId, organiserId: ctx.actor.kind === 'organiser' ? ctx.actor.organiserId : null };
    const changed = await applyPlanUpdate(ctx.tx, planId, input, author, { meetingId: ctx.meetingId, seq: ctx.seq });
    const payload: PlanChanged = { seq: ctx.seq, ...changed };
    return { ack: payload, events: [{ type: 'plan:changed' as const, payload }] };
  },
});
