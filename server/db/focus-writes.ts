// The presenter's focus change, the one write every follower waits on, as a single statement on the plain pg pool
// (see pg-pool.ts): this path runs five times a second.
import type pg from 'pg';
import type { Role } from '../shared/roles.ts';

/** What the focus moves to; each kind must exist in the meeting (its plan, for projects and groups). */
export type FocusTarget =
  | { kind: 'overview' }
  | { kind: 'project'; projectId: string }
  | { kind: 'approach'; approachCode: string }
  | { kind: 'goal'; goalNumber: number }
  | { kind: 'agendaItem'; agendaItemId: string };

// $1..$4 are the patch, the meeting, the participant and the roles allowed; $5 is the target, where there is one.
const TARGET_EXISTS: Record<FocusTarget['kind'], string> = {
  overview: 'TRUE',
  project: 'EXISTS (SELECT 1 FROM "Project" x WHERE x."id" = $5 AND x."planId" = m."planId")',
  approach: 'EXISTS (SELECT 1 FROM "Approach" x JOIN "Goal" g ON g."id" = x."goalId" WHERE x."code" = $5 AND g."planId" = m."planId")',
  goal: 'EXISTS (SELECT 1 FROM "Goal" g WHERE g."number" = $5::int AND g."planId" = m."planId")',
  agendaItem: 'EXISTS (SELECT 1 FROM "AgendaItem" a WHERE a."id" = $5 AND a."meetingId" = m."id")',
};

function targetValue(target: FocusTarget): (string | number)[] {
  switch (target.kind) {
    case 'overview':
      return [];
    case 'project':
      return [target.projectId];
    case 'approach':
      return [target.approachCode];
    case 'goal':
      return [target.goalNumber];
    case 'agendaItem':
      return [target.agendaItemId];
  }
}

export interface FocusWrites {
  /**
   * Checks the participant's stored role, checks the target, takes the meeting's next seq and merges the patch into
   * the stored focus, atomically. Null when nothing was written: no focus stored yet, or a refusal of some kind.
   */
  patch(input: { meetingId: string; participantId: string; roles: Role[]; patch: object; target: FocusTarget }): Promise<{ seq: number; focus: unknown } | null>;
}

export function createFocusWrites(pool: pg.Pool): FocusWrites {
  return {
    async patch({ meetingId, participantId, roles, patch, target }) {
      const { rows } = await pool.query<{ seq: number; focus: unknown }>(
        `UPDATE "Meeting" m SET "seq" = m."seq" + 1, "focus" = m."focus" || $1::jsonb
         WHERE m."id" = $2 AND m."focus" IS NOT NULL AND ${TARGET_EXISTS[target.kind]}
           AND EXISTS (SELECT 1 FROM "Participant" p WHERE p."id" = $3 AND p."meetingId" = m."id"
                       AND p."revokedAt" IS NULL AND p."role"::text = ANY($4::text[]))
         RETURNING m."seq", m."focus"`,
        [JSON.stringify(patch), meetingId, participantId, roles, ...targetValue(target)],
      );
      return rows[0] ?? null;
    },
  };
}
