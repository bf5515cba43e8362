// Asking to join from the room screen's code: the person gives a name (and, if they are on the committee, who they
// are); the chair admits them as an observer or as that roster person, or refuses. Only the browser that asked holds
// the signed token that learns the answer, and the admission seats exactly one participant.
import type { Database } from '../db/client.ts';
import type { Joined, Sessions } from '../auth/sessions.ts';
import { TOKEN_ERRORS, validName } from '../auth/sessions.ts';
import { signToken, verifyToken } from '../auth/tokens.ts';
import { authorityOf, can, canInvite } from '../domain/permissions.ts';
import type { ActingActor } from '../shared/actor.ts';
import { BoardError } from '../shared/errors.ts';
import type { JoinRequestDecided, JoinRequestView, RosterName } from '../shared/events/join-requests.ts';

/** A request is answered within the meeting's day or not at all. */
const REQUEST_TTL_MS = 24 * 60 * 60 * 1000;
/** So that the chair's list stays readable, and a crowd of made-up requests cannot bury the real ones. */
export const MAX_PENDING_REQUESTS = 50;

const ROSTER_NAME = { id: true, nameTh: true, nameEn: true } as const;

function viewOf(request: { id: string; name: string; rosterMember: RosterName | null; createdAt: Date }): JoinRequestView {
  return { id: request.id, name: request.name, claimed: request.rosterMember, createdAt: request.createdAt.toISOString() };
}

/** Who must hear of a new request or a decision at once: those of the meeting who may decide (join:admit). */
export interface JoinRequestNews {
  asked(meetingId: string, request: JoinRequestView): void;
  decided(meetingId: string, decision: JoinRequestDecided): void;
}

export type JoinAnswer = { status: 'pending' } | { status: 'refused' } | { status: 'admitted'; joined: Joined };

export interface JoinRequests {
  /** The meeting's roster, by name only, for "I am on the committee" on the request form. */
  rosterNames(meetingId: string): Promise<RosterName[]>;
  ask(meetingId: string, input: { name: string; rosterMemberId?: string }): Promise<{ token: string; meetingId: string }>;
  answer(token: string): Promise<JoinAnswer & { meetingId: string }>;
  pending(actor: ActingActor, meetingId: string): Promise<JoinRequestView[]>;
  /** As the roster person given, or (none given) as an observer. */
  admit(actor: ActingActor, meetingId: string, requestId: string, asRosterMemberId?: string): Promise<void>;
  refuse(actor: ActingActor, meetingId: string, requestId: string): Promise<void>;
}

export function createJoinRequests(db: Database, sessions: Sessions, secret: string, news: JoinRequestNews, now: () => number = Date.now): JoinRequests {
  function allow(actor: ActingActor, meetingId: string) {
    const authority = authorityOf(actor);
    if ((actor.kind === 'participant' && actor.meetingId !== meetingId) || !can(authority, 'join:admit')) {
      throw new BoardError('forbidden', { action: 'join:admit' });
    }
  }

  async function rosterMemberOf(meetingId: string, rosterMemberId: string) {
    const meeting = await db.meeting.findUnique({ where: { id: meetingId }, select: { planId: true } });
    if (!meeting) throw new BoardError('meeting_not_found');
    const member = await db.rosterMember.findFirst({ where: { id: rosterMemberId, planId: meeting.planId, removedAt: null } });
    if (!member) throw new BoardError('roster_member_not_found');
    return member;
  }

  async function decide(actor: ActingActor, meetingId: string, requestId: string, seat: (tx: Parameters<Parameters<Database['$transaction']>[0]>[0]) => Promise<string | null>) {
    allow(actor, meetingId);
    const decided = await db.$transaction(async (tx) => {
      const decided = await tx.joinRequest.updateMany({
        where: { id: requestId, meetingId, status: 'pending' },
        data: { decidedAt: new Date(now()), decidedByName: actor.displayName },
      });
      if (decided.count === 0) {
        throw new BoardError((await tx.joinRequest.count({ where: { id: requestId, meetingId } })) ? 'join_request_decided' : 'join_request_not_found');
      }
      const participantId = await seat(tx);
      return tx.joinRequest.update({ where: { id: requestId }, data: participantId ? { status: 'admitted', participantId } : { status: 'refused' } });
    });
    news.decided(meetingId, { requestId, name: decided.name, status: decided.status === 'admitted' ? 'admitted' : 'refused', decidedBy: actor.displayName });
  }

  return {
    async rosterNames(meetingId) {
      const meeting = await db.meeting.findUnique({ where: { id: meetingId }, select: { planId: true } });
      if (!meeting) throw new BoardError('meeting_not_found');
      return db.rosterMember.findMany({ where: { planId: meeting.planId, removedAt: null }, orderBy: { order: 'asc' }, select: ROSTER_NAME });
    },

    async ask(meetingId, { name, rosterMemberId }) {
      const displayName = validName(name);
      if (rosterMemberId) await rosterMemberOf(meetingId, rosterMemberId);
      if ((await db.joinRequest.count({ where: { meetingId, status: 'pending' } })) >= MAX_PENDING_REQUESTS) throw new BoardError('rate_limited');
      const request = await db.joinRequest.create({
        data: { meetingId, name: displayName, rosterMemberId: rosterMemberId || null },
        include: { rosterMember: { select: ROSTER_NAME } },
      });
      news.asked(meetingId, viewOf(request));
      return { meetingId, token: signToken(secret, { kind: 'join-request', requestId: request.id, expiresAt: now() + REQUEST_TTL_MS }) };
    },

    async answer(token) {
      const verified = verifyToken(secret, token, 'join-request', now());
      if (!verified.ok) throw new BoardError(TOKEN_ERRORS[verified.error]);
      const request = await db.joinRequest.findUnique({ where: { id: verified.claims.requestId }, include: { participant: true } });
      if (!request) throw new BoardError('join_request_not_found');
      const { meetingId } = request;
      if (request.status === 'pending') return { status: 'pending', meetingId };
      if (request.status === 'refused' || !request.participant) return { status: 'refused', meetingId };
      if (request.participant.revokedAt) throw new BoardError('participant_revoked');
      return { status: 'admitted', meetingId, joined: sessions.sessionFor(request.participant) };
    },

    async pending(actor, meetingId) {
      allow(actor, meetingId);
      const requests = await db.joinRequest.findMany({
        where: { meetingId, status: 'pending' },
        orderBy: { createdAt: 'asc' },
        include: { rosterMember: { select: ROSTER_NAME } },
      });
      return requests.map(viewOf);
    },

    async admit(actor, meetingId, requestId, asRosterMemberId) {
      const member = asRosterMemberId ? await rosterMemberOf(meetingId, asRosterMemberId) : null;
      await decide(actor, meetingId, requestId, async (tx) => {
        const role = member?.meetingRole ?? 'observer';
        if (!canInvite(authorityOf(actor), role)) throw new BoardError('invite_role_forbidden', { role });
        const request = await tx.joinRequest.findUniqueOrThrow({ where: { id: requestId } });
        const participant = await tx.participant.create({
          data: member
            ? { meetingId, displayName: member.nameTh, organisationTh: member.agencyTh, role: member.meetingRole, kind: 'member', rosterMemberId: member.id }
            : { meetingId, displayName: request.name, role: 'observer', kind: 'attendee' },
        });
        return participant.id;
      });
    },

    async refuse(actor, meetingId, requestId) {
      await decide(actor, meetingId, requestId, async () => null);
    },
  };
}
