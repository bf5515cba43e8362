// Who runs a command. A participant acts within their own meeting; an organiser (the plan's secretariat, set up
// outside any one meeting) acts on the meeting a command names. Either way the authority is read again inside the
// command's transaction: what a socket or a cookie said at connect time is only who, never what they may do.
import type { Identity } from '../auth/identity.ts';
import { BoardError } from './errors.ts';
import type { Role } from './roles.ts';

export interface ParticipantActor {
  kind: 'participant';
  participantId: string;
  meetingId: string;
  displayName: string;
}

export interface OrganiserActor {
  kind: 'organiser';
  organiserId: string;
  displayName: string;
}

export type Actor = ParticipantActor | OrganiserActor;

/** A participant as the command's transaction found them: the role is the one stored now. */
export interface ActingParticipant extends ParticipantActor, Identity {
  role: Role;
}

export type ActingActor = ActingParticipant | OrganiserActor;

export function participantActor(identity: Pick<Identity, 'participantId' | 'meetingId' | 'displayName'>): ParticipantActor {
  return { kind: 'participant', participantId: identity.participantId, meetingId: identity.meetingId, displayName: identity.displayName };
}

/** The actor as the audit columns record them (participantId and role are empty for an organiser). */
export function auditedAs(actor: ActingActor): { participantId: string | null; role: Role | null; actorName: string } {
  return actor.kind === 'participant'
    ? { participantId: actor.participantId, role: actor.role, actorName: actor.displayName }
    : { participantId: null, role: null, actorName: actor.displayName };
}

/** For what only a participant of the meeting can do (propose, undo their own change, record a resolution). */
export function participantOf(actor: ActingActor): ActingParticipant {
  if (actor.kind !== 'participant') throw new BoardError('forbidden');
  return actor;
}
