// Setting a plan up: list, read, create and change plans, for the set-up pages and the JSON API alike, so both
// validate and check permissions the same way. Plans are the secretariat's: only an organiser acts on them. A change
// of a plan with open meetings goes through each one's pipeline (plan:update), so that every open board hears it in
// its sequence; the first run writes it, the others find it written and only tell their boards.
import type { Database } from '../db/client.ts';
import type { RunCommand } from '../commands/registry.ts';
import { applyPlanUpdate, createPlan, listPlans, openMeetingsOf, readPlan } from '../db/plan-repository.ts';
import { can, type Action } from '../domain/permissions.ts';
import { frameMillionText } from '../domain/plan-rules.ts';
import type { ActingActor } from '../shared/actor.ts';
import { BoardError } from '../shared/errors.ts';
import { parseSetup } from '../shared/setup.ts';
import { planFieldLabel } from '../shared/setup/plan-fields.ts';
import { createPlanSchema, updatePlanSchema, type PlanDetail, type PlanSummary } from '../shared/setup/plans.ts';

export interface PlanSetup {
  list(actor: ActingActor): Promise<PlanSummary[]>;
  read(actor: ActingActor, planId: string): Promise<PlanDetail>;
  /** A new plan; without a value chain it starts from DGA's template. */
  create(actor: ActingActor, input: unknown): Promise<PlanDetail>;
  /** Changes the fields given and keeps the others (the value chain is replaced as a whole when given). */
  update(actor: ActingActor, planId: string, input: unknown): Promise<PlanDetail>;
}

export interface PlanSetupDeps {
  db: Database;
  runCommand: RunCommand;
}

function allow(actor: ActingActor, action: Action): void {
  if (actor.kind !== 'organiser' || !can('organiser', action)) throw new BoardError('forbidden', { action });
}

function isRecord(input: unknown): input is Record<string, unknown> {
  return typeof input === 'object' && input !== null && !Array.isArray(input);
}

export function createPlanSetup({ db, runCommand }: PlanSetupDeps): PlanSetup {
  return {
    async list(actor) {
      allow(actor, 'plan:edit');
      return listPlans(db);
    },
    async read(actor, planId) {
      allow(actor, 'plan:edit');
      return readPlan(db, planId);
    },
    async create(actor, input) {
      allow(actor, 'plan:create');
      const { id } = await createPlan(db, parseSetup(createPlanSchema, input, planFieldLabel));
      return readPlan(db, id);
    },
    async update(actor, planId, input) {
      allow(actor, 'plan:edit');
      const current = await readPlan(db, planId);
      if (!isRecord(input)) throw new BoardError('invalid_payload', { path: '' });
      const { titleTh, titleEn, fiscalYearBE, hostAgencyTh, hostAgencyEn, hardCap, allowAboveRequest } = current;
      const whole = { titleTh, titleEn, fiscalYearBE, hostAgencyTh, hostAgencyEn, hardCap, allowAboveRequest, frameMillionBaht: frameMillionText(current.frameBaht), ...input };
      const change = parseSetup(updatePlanSchema, whole, planFieldLabel);
      const meetings = await openMeetingsOf(db, planId);
      if (meetings.length === 0) {
        const author = { actorName: actor.displayName, organiserId: actor.kind === 'organiser' ? actor.organiserId : null };
        await db.$transaction((tx) => applyPlanUpdate(tx, planId, change, author, null));
      }
      for (const meetingId of meetings) await runCommand('plan:update', actor, { planId, ...change }, meetingId);
      return readPlan(db, planId);
    },
  };
}
