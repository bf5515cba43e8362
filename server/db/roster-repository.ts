// The plan's roster in Postgres: listed in the secretary's order, appended, edited, reordered, and removed without
// forgetting (earlier meetings' records still name the person).
import type { Database } from './client.ts';
import type { RosterEntry } from '../domain/roster.ts';
import { BoardError } from '../shared/errors.ts';
import type { CommitteePosition, MeetingRole } from '../shared/people.ts';

export interface RosterMemberView extends RosterEntry {
  id: string;
  order: number;
}

const VIEW = { id: true, nameTh: true, nameEn: true, position: true, agencyTh: true, agencyEn: true, meetingRole: true, order: true } as const;

function view(row: { id: string; nameTh: string; nameEn: string; position: CommitteePosition; agencyTh: string; agencyEn: string; meetingRole: string; order: number }): RosterMemberView {
  return { ...row, meetingRole: row.meetingRole as MeetingRole };
}

async function requirePlan(db: Pick<Database, 'plan'>, planId: string): Promise<void> {
  if (!(await db.plan.count({ where: { id: planId } }))) throw new BoardError('plan_not_found');
}

export async function listRoster(db: Database, planId: string): Promise<RosterMemberView[]> {
  await requirePlan(db, planId);
  const rows = await db.rosterMember.findMany({ where: { planId, removedAt: null }, orderBy: [{ order: 'asc' }, { createdAt: 'asc' }], select: VIEW });
  return rows.map(view);
}

/** Appends people after the roster's last, in the order given; all of them or none. */
export async function addRosterMembers(db: Database, planId: string, entries: RosterEntry[]): Promise<RosterMemberView[]> {
  return db.$transaction(async (tx) => {
    // Serialised per plan, so two secretaries adding at once do not take the same places.
    const [plan] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Plan" WHERE "id" = ${planId} FOR UPDATE`;
    if (!plan) throw new BoardError('plan_not_found');
    const { _max } = await tx.rosterMember.aggregate({ where: { planId }, _max: { order: true } });
    const start = (_max.order ?? 0) + 1;
    const made = [];
    for (const [index, entry] of entries.entries()) {
      made.push(await tx.rosterMember.create({ data: { planId, ...entry, order: start + index }, select: VIEW }));
    }
    return made.map(view);
  });
}

async function standing(db: Pick<Database, 'rosterMember'>, planId: string, memberId: string) {
  const member = await db.rosterMember.findFirst({ where: { id: memberId, planId, removedAt: null }, select: { id: true } });
  if (!member) throw new BoardError('roster_member_not_found');
  return member;
}

export async function updateRosterMember(db: Database, planId: string, memberId: string, entry: RosterEntry): Promise<RosterMemberView> {
  await standing(db, planId, memberId);
  return view(await db.rosterMember.update({ where: { id: memberId }, data: entry, select: VIEW }));
}

export async function removeRosterMember(db: Database, planId: string, memberId: string): Promise<void> {
  await standing(db, planId, memberId);
  await db.rosterMember.update({ where: { id: memberId }, data: { removedAt: new Date() } });
}

/** The roster in a new order: exactly the plan's standing members, each once. */
export async function reorderRoster(db: Database, planId: string, memberIds: string[]): Promise<RosterMemberView[]> {
  await db.$transaction(async (tx) => {
    const current = await tx.rosterMember.findMany({ where: { planId, removedAt: null }, select: { id: true } });
    const known = new Set(current.map((m) => m.id));
    if (new Set(memberIds).size !== memberIds.length || memberIds.length !== known.size || !memberIds.every((id) => known.has(id))) {
      throw new BoardError('roster_member_not_found');
    }
    // One statement for the whole order: a row-by-row update held the transaction past its timeout on a busy machine.
    await tx.$executeRaw`
      UPDATE "RosterMember" AS m SET "order" = o.position
      FROM unnest(${memberIds}::text[]) WITH ORDINALITY AS o(id, position)
      WHERE m.id = o.id AND m."planId" = ${planId}`;
  });
  return listRoster(db, planId);
}
