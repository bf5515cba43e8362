// A meeting's lifecycle and what each phase of it allows. A meeting is called (scheduled), opened by the chair or the
// secretariat (in session: the real เริ่มประชุมเวลา is recorded), and closed (เลิกประชุมเวลา). Before it opens the
// board is prepared but decides nothing; once closed it is read-only but for the record keeping that follows (the
// minutes and attendance). Roles say who may act (permissions.ts); the phase says whether anyone may act now. The
// pipeline checks both for every sequenced command, in the command's transaction.
import type { ErrorCode } from '../shared/errors.ts';
import type { Action } from './permissions.ts';

export const MEETING_STATUSES = ['scheduled', 'in_session', 'closed'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const MEETING_STATUS_LABELS: Record<MeetingStatus, { th: string; en: string }> = {
  scheduled: { th: 'นัดประชุมแล้ว ยังไม่เปิดประชุม', en: 'Scheduled, not yet opened' },
  in_session: { th: 'กำลังประชุม', en: 'In session' },
  closed: { th: 'ปิดประชุมแล้ว', en: 'Closed' },
};

/** Every phase, before it opens and until it closes, and only while it is in session. */
const ALWAYS: readonly MeetingStatus[] = MEETING_STATUSES;
const UNTIL_CLOSED: readonly MeetingStatus[] = ['scheduled', 'in_session'];
const IN_SESSION: readonly MeetingStatus[] = ['in_session'];

/**
 * In which phases each action may be taken. Every action has a row, so a new action cannot be added to the
 * permissions table without deciding this too.
 */
const PHASES: Record<Action, readonly MeetingStatus[]> = {
  'board:read': ALWAYS,
  'minutes:read-draft': ALWAYS,
  // The record keeping that follows a meeting: the minutes and who attended.
  'minutes:write': ALWAYS,
  'attendance:record': ALWAYS,
  // Withdrawing someone's access is never refused.
  'participant:revoke': ALWAYS,
  // Preparing the board: who presents, the agenda, the list, notes, invites, rehearsing what the screen shows.
  'focus:move': UNTIL_CLOSED,
  'agenda:move': UNTIL_CLOSED,
  'agenda:add': UNTIL_CLOSED,
  'agenda:edit': UNTIL_CLOSED,
  'presenter:assign': UNTIL_CLOSED,
  'invite:create': UNTIL_CLOSED,
  'annotation:write': UNTIL_CLOSED,
  'annotation:promote': UNTIL_CLOSED,
  'annotation:resolve': UNTIL_CLOSED,
  'projects:import': UNTIL_CLOSED,
  'projects:edit': UNTIL_CLOSED,
  'meeting:edit': UNTIL_CLOSED,
  'plan:edit': UNTIL_CLOSED,
  'meeting:open': ['scheduled'],
  // Deciding: only while the meeting sits.
  'ceiling:set': IN_SESSION,
  'ceiling:propose': IN_SESSION,
  'proposal:decide': IN_SESSION,
  'resolution:record': IN_SESSION,
  'resolution:confirm': IN_SESSION,
  'resolution:reopen': IN_SESSION,
  'frame:prepare': IN_SESSION,
  'frame:confirm': IN_SESSION,
  'meeting:close': IN_SESSION,
  // Setting people up is not tied to one meeting's phase: organisers and the plan's roster outlive meetings.
  'organiser:add': ALWAYS,
  'roster:edit': ALWAYS,
  'plan:create': ALWAYS,
  'meeting:create': ALWAYS,
  // A lost invite is withdrawn whenever it is found lost; new people come only while the meeting can still sit.
  'invite:revoke': ALWAYS,
  'attendee:add': UNTIL_CLOSED,
  'join:admit': UNTIL_CLOSED,
  // A what-if is for the meeting ahead or under way; a closed meeting's board is its record.
  'whatif:sandbox': UNTIL_CLOSED,
  // Adopting minutes follows the meeting: circulated after it, adopted at the next one (whose own phase the adoption
  // checks, minutes-adoption.ts) or by circulation, locked once adopted.
  'minutes:circulate': ALWAYS,
  'minutes:amend': ALWAYS,
  'minutes:adopt': ALWAYS,
  'minutes:lock': ALWAYS,
};

export function isMeetingStatus(value: unknown): value is MeetingStatus {
  return typeof value === 'string' && (MEETING_STATUSES as readonly string[]).includes(value);
}

export function phaseAllows(status: MeetingStatus, action: Action): boolean {
  return PHASES[action].includes(status);
}

/** Why the phase refuses `action`, or null when it allows it. */
export function phaseRefusal(status: MeetingStatus, action: Action): ErrorCode | null {
  if (phaseAllows(status, action)) return null;
  switch (status) {
    case 'scheduled':
      return 'meeting_not_open';
    case 'in_session':
      return 'meeting_already_open';
    case 'closed':
      return 'meeting_closed';
  }
}

/** What opening or closing a meeting writes; the refusal when it is not in the phase to be opened or closed. */
export function transition(
  status: MeetingStatus,
  step: 'open' | 'close',
  now: Date,
): { ok: true; status: MeetingStatus; set: { openedAt: Date } | { closedAt: Date } } | { ok: false; refusal: ErrorCode } {
  const refusal = phaseRefusal(status, step === 'open' ? 'meeting:open' : 'meeting:close');
  if (refusal) return { ok: false, refusal };
  return step === 'open' ? { ok: true, status: 'in_session', set: { openedAt: now } } : { ok: true, status: 'closed', set: { closedAt: now } };
}
