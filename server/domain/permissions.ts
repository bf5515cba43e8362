// Who may do what: one table, checked by every transport and shown by the interface. A participant's role grants
// actions within their own meeting; an organiser (the plan's secretariat, not a participant) sets committees up
// across plans and acts on any meeting through the same checks.
import { ROLES, type Role } from '../shared/roles.ts';

export const ACTIONS = [
  'board:read',
  'ceiling:set',
  'ceiling:propose',
  'proposal:decide',
  'focus:move',
  'agenda:move',
  'presenter:assign',
  'attendance:record',
  'invite:create',
  'annotation:write',
  'annotation:promote',
  'minutes:write',
  'resolution:record',
  'resolution:confirm',
  'resolution:reopen',
  'frame:prepare',
  'frame:confirm',
  'projects:import',
  'agenda:add',
  'participant:revoke',
  /** The meeting's lifecycle (meeting-phase.ts): opening records เริ่มประชุมเวลา, closing เลิกประชุมเวลา. */
  'meeting:open',
  'meeting:close',
  /** The meeting's number, date, time, venue and online link. */
  'meeting:edit',
  /** Changing or removing agenda items (adding is agenda:add). */
  'agenda:edit',
  /** The plan itself: titles, host, frame, flags, value chain. The secretariat's (organisers'), no meeting role's. */
  'plan:edit',
  /** The minutes while they are a draft: the live document and its PDF. */
  'minutes:read-draft',
  /** Resolving or reopening anyone's shared note; an author may always resolve their own. */
  'annotation:resolve',
  /** Set-up: make an organiser link for another organiser, or withdraw one. */
  'organiser:add',
  /** Set-up: add, edit, reorder or remove the plan's committee roster. */
  'roster:edit',
  /** Add a non-member attendee (ผู้เข้าร่วมประชุม) to one meeting. */
  'attendee:add',
  /** Withdraw an invite; when it was used, the person it seated loses access on every connection at once. */
  'invite:revoke',
  /** Admit or refuse someone who asked to join from the room screen's code. */
  'join:admit',
  /** Set-up: create a plan (its frame and value chain). The secretariat's only. */
  'plan:create',
  /** Set-up: create a meeting of a plan (its number, date, venue and standard agenda). The secretariat's only. */
  'meeting:create',
  /** A private what-if sandbox of the ceilings (server/domain/sandbox.ts): those who change or propose them. */
  'whatif:sandbox',
  /** Sending the draft minutes to the members to read and comment on (minutes-adoption.ts). The secretary prepares. */
  'minutes:circulate',
  /** Changing the minutes once circulated, taking in the members' comments. The secretary's alone. */
  'minutes:amend',
  /** Adopting the minutes, at the next meeting's agenda item 2 or by circulation, with any amendments. The chair's. */
  'minutes:adopt',
  /** Locking the adopted minutes as a signed record. The secretary's. */
  'minutes:lock',
  /** After the plan's first decision: add a project, withdraw one, correct its request (audited, one at a time). */
  'projects:edit',
] as const;
export type Action = (typeof ACTIONS)[number];

/** Who holds permissions: a participant's role in their meeting, or an organiser. */
export type Authority = Role | 'organiser';
export const AUTHORITIES = ['chair', 'presenter', 'member', 'secretary', 'observer', 'organiser'] as const satisfies readonly Authority[];

const GRANTS: Record<Authority, readonly Action[]> = {
  chair: [
    'board:read', 'ceiling:set', 'proposal:decide', 'focus:move', 'agenda:move', 'presenter:assign', 'attendance:record',
    'invite:create', 'annotation:write', 'annotation:promote', 'minutes:write', 'resolution:confirm', 'resolution:reopen',
    'frame:confirm', 'projects:import',
    'meeting:open', 'meeting:close', 'agenda:edit',
    'agenda:add', 'participant:revoke',
    'minutes:read-draft', 'annotation:resolve',
    'join:admit', 'invite:revoke',
    'whatif:sandbox',
    'minutes:adopt',
    'projects:edit',
  ],
  presenter: [
    'board:read', 'ceiling:set', 'proposal:decide', 'focus:move', 'agenda:move', 'annotation:write', 'annotation:promote',
    'agenda:add', 'agenda:edit',
    'minutes:read-draft', 'annotation:resolve',
    'whatif:sandbox',
  ],
  member: ['board:read', 'ceiling:propose', 'annotation:write', 'minutes:read-draft', 'whatif:sandbox'],
  secretary: [
    'board:read', 'attendance:record', 'invite:create', 'annotation:write', 'minutes:write', 'resolution:record',
    'frame:prepare', 'projects:import',
    'meeting:open', 'meeting:close', 'meeting:edit', 'agenda:edit',
    'agenda:add',
    'minutes:read-draft', 'annotation:resolve',
    'attendee:add', 'invite:revoke',
    'minutes:circulate',
    'minutes:amend',
    'minutes:lock',
    'projects:edit',
  ],
  observer: ['board:read'],
  /** The secretariat sets committees up; the meeting's own decisions stay with its chair, presenter and secretary. */
  organiser: [
    'board:read', 'minutes:read-draft',
    'organiser:add', 'roster:edit', 'attendee:add', 'invite:create', 'invite:revoke', 'participant:revoke',
    'projects:import', 'agenda:add', 'agenda:edit', 'plan:edit', 'meeting:edit', 'meeting:open', 'meeting:close',
    'plan:create', 'meeting:create',
    'projects:edit',
  ],
};

/** The authority an actor acts with: their current role in the meeting, or the organisers' row. */
export function authorityOf(actor: { kind: 'organiser' } | { kind: 'participant'; role: Role }): Authority {
  return actor.kind === 'organiser' ? 'organiser' : actor.role;
}

const GRANT_SETS = new Map<Authority, ReadonlySet<Action>>(AUTHORITIES.map((who) => [who, new Set(GRANTS[who])]));

export function can(role: Authority, action: Action): boolean {
  return GRANT_SETS.get(role)?.has(action) ?? false;
}

export function allowedActions(role: Authority): Action[] {
  return ACTIONS.filter((action) => can(role, action));
}

/**
 * Whom each holder of `invite:create` or `attendee:add` may seat, and as what: nobody hands out more authority than
 * their own. The chair may seat anyone; the secretary prepares (members, presenters, observers, other secretaries)
 * but never mints a chair, who alone confirms what the secretary prepared. An organiser sets the committee up, its
 * chair included. Roles without an invite permission seat nobody.
 */
const INVITABLE: Record<Authority, readonly Role[]> = {
  chair: ROLES,
  secretary: ['presenter', 'member', 'secretary', 'observer'],
  organiser: ROLES,
  presenter: [],
  member: [],
  observer: [],
};

/** The roles `who` may give someone by an invite (a roster member's, an attendee's or a link from the board). */
export function invitableRoles(who: Authority): Role[] {
  if (!can(who, 'invite:create') && !can(who, 'attendee:add')) return [];
  return ROLES.filter((role) => INVITABLE[who].includes(role));
}

export function canInvite(who: Authority, invitedRole: Role): boolean {
  return invitableRoles(who).includes(invitedRole);
}
