/**
 * Shared-document names and who may open or write them.
 *
 * A name is the room a y-websocket client asks for, so it arrives from the network and is parsed strictly:
 *   meeting/<meetingId>/annotations
 *   meeting/<meetingId>/minutes
 *   meeting/<meetingId>/screen                 which shared notes are on the room's screen
 *   meeting/<meetingId>/private/<participantId>
 * Pure: no I/O, so the same rules can be imported by the web app to decide which editors to show.
 */
import type { Identity } from '../auth/identity.ts';
import { phaseAllows, type MeetingStatus } from '../domain/meeting-phase.ts';
import { can, type Action } from '../domain/permissions.ts';
import { minutesWritableBy, type MinutesState } from '../domain/minutes-adoption.ts';
import { isRole } from '../shared/roles.ts';

export type DocKind = 'annotations' | 'minutes' | 'screen' | 'private';
export type DocAccess = 'write' | 'read' | 'deny';

export interface ParsedDocName {
  meetingId: string;
  kind: DocKind;
  /** Only for `private`: the participant whose notes these are. */
  ownerId?: string;
}

/**
 * Ids are restricted to a URL-safe alphabet without '.', so a decoded name can never contain path tricks
 * such as `..` or an embedded '/', and the name we store is byte-for-byte the name we parsed.
 */
const ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * The permission that lets a role write each kind of document; a role that lacks it reads. Derived from the
 * one permissions table, so the board and the documents never disagree about who may annotate or minute.
 * For `private` the rule applies to the owner only: everyone else is denied before it is consulted, and an
 * observer, who may not annotate, cannot write even their own private notes.
 */
const WRITE_ACTION: Readonly<Record<DocKind, Action>> = {
  annotations: 'annotation:write',
  minutes: 'minutes:write',
  screen: 'annotation:promote',
  private: 'annotation:write',
};

export function parseDocName(name: string): ParsedDocName | null {
  const parts = name.split('/');
  if (parts[0] !== 'meeting' || !ID_PATTERN.test(parts[1] ?? '')) return null;
  const meetingId = parts[1]!;
  if (parts.length === 3 && (parts[2] === 'annotations' || parts[2] === 'minutes' || parts[2] === 'screen')) {
    return { meetingId, kind: parts[2] };
  }
  if (parts.length === 4 && parts[2] === 'private' && ID_PATTERN.test(parts[3]!)) {
    return { meetingId, kind: 'private', ownerId: parts[3]! };
  }
  return null;
}

export function formatDocName(doc: ParsedDocName): string {
  if (doc.kind === 'private') {
    if (doc.ownerId === undefined) throw new TypeError('a private document needs an ownerId');
    return `meeting/${doc.meetingId}/private/${doc.ownerId}`;
  }
  return `meeting/${doc.meetingId}/${doc.kind}`;
}

/**
 * What the identity may do with the document. `status` is the meeting's phase when known: a closed meeting's
 * annotations are read-only, its minutes stay writable (meeting-phase.ts decides, as it does for commands).
 * `minutes` is where the meeting's minutes stand when known: circulated, only the secretary amends them; adopted,
 * nobody writes (minutes-adoption.ts).
 */
export function docAccess(identity: Identity, doc: ParsedDocName, status?: MeetingStatus, minutes: MinutesState = 'draft'): DocAccess {
  if (doc.meetingId !== identity.meetingId) return 'deny';
  if (doc.kind === 'private' && doc.ownerId !== identity.participantId) return 'deny';
  // Identities come from the database, and a role string we do not know must not grant anything.
  if (!isRole(identity.role)) return 'deny';
  // The live minutes are the draft: a role that may not read drafts (an observer, the room's screen) cannot open them.
  if (doc.kind === 'minutes' && !can(identity.role, 'minutes:read-draft')) return 'deny';
  const action = WRITE_ACTION[doc.kind];
  const allowed = (a: Action) => can(identity.role, a) && (status === undefined || phaseAllows(status, a));
  if (doc.kind === 'minutes') return minutesWritableBy(minutes, { write: allowed(action), amend: allowed('minutes:amend') }) ? 'write' : 'read';
  return allowed(action) ? 'write' : 'read';
}
