// Who may do what in a meeting: one table, checked by every transport and shown by the interface.
import type { Role } from '../shared/roles.ts';

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
] as const;
export type Action = (typeof ACTIONS)[number];

const GRANTS: Record<Role, readonly Action[]> = {
  chair: [
    'board:read', 'ceiling:set', 'proposal:decide', 'focus:move', 'agenda:move', 'presenter:assign', 'attendance:record',
    'invite:create', 'annotation:write', 'annotation:promote', 'minutes:write', 'resolution:confirm', 'resolution:reopen',
    'frame:confirm', 'projects:import',
    'meeting:open', 'meeting:close', 'agenda:edit',
    'agenda:add', 'participant:revoke',
    'minutes:read-draft', 'annotation:resolve',
  ],
  presenter: [
    'board:read', 'ceiling:set', 'proposal:decide', 'focus:move', 'agenda:move', 'annotation:write', 'annotation:promote',
    'agenda:add', 'agenda:edit',
    'minutes:read-draft', 'annotation:resolve',
  ],
  member: ['board:read', 'ceiling:propose', 'annotation:write', 'minutes:read-draft'],
  secretary: [
    'board:read', 'attendance:record', 'invite:create', 'annotation:write', 'minutes:write', 'resolution:record',
    'frame:prepare', 'projects:import',
    'meeting:open', 'meeting:close', 'meeting:edit', 'agenda:edit',
    'agenda:add',
    'minutes:read-draft', 'annotation:resolve',
  ],
  observer: ['board:read'],
};

const GRANT_SETS: Record<Role, ReadonlySet<Action>> = {
  chair: new Set(GRANTS.chair),
  presenter: new Set(GRANTS.presenter),
  member: new Set(GRANTS.member),
  secretary: new Set(GRANTS.secretary),
  observer: new Set(GRANTS.observer),
};

export function can(role: Role, action: Action): boolean {
  return GRANT_SETS[role].has(action);
}

export function allowedActions(role: Role): Action[] {
  return ACTIONS.filter((action) => can(role, action));
}
