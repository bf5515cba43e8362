// Invites become participants, participants carry sessions, and every transport turns a session into an Identity here.
import type { Database } from '../db/client.ts';
import type { Identity } from './identity.ts';
import { BoardError, type ErrorCode } from '../shared/errors.ts';
import type { Role } from '../shared/roles.ts';
import { newInviteId, signToken, verifyToken, type InviteClaims, type TokenError } from './tokens.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
export const INVITE_TTL_MS = 14 * DAY_MS;
export const SESSION_TTL_MS = 7 * DAY_MS;
const MAX_NAME_LENGTH = 120;

const TOKEN_ERRORS: Record<TokenError, ErrorCode> = {
  malformed: 'token_malformed',
  bad_signature: 'token_bad_signature',
  expired: 'token_expired',
  wrong_kind: 'token_wrong_kind',
};

export interface Sessions {
  createInvite(input: { meetingId: string; role: Role; name?: string; ttlMs?: number }): string;
  /** Checks an invite without using it, for the join page. */
  readInvite(token: string): Promise<InviteClaims & { meetingTitleTh: string }>;
  redeemInvite(token: string, displayName: string): Promise<{ identity: Identity; sessionToken: string; expiresAt: Date }>;
  identify(sessionToken: string | undefined, meetingId?: string): Promise<Identity>;
}

export function createSessions(db: Database, secret: string, now: () => number = Date.now): Sessions {
  async function readInvite(token: string) {
    const verified = verifyToken(secret, token, 'invite', now());
    if (!verified.ok) throw new BoardError(TOKEN_ERRORS[verified.error]);
    const meeting = await db.meeting.findUnique({ where: { id: verified.claims.meetingId }, select: { titleTh: true } });
    if (!meeting) throw new BoardError('meeting_not_found');
    return { ...verified.claims, meetingTitleTh: meeting.titleTh };
  }

  return {
    createInvite({ meetingId, role, name, ttlMs = INVITE_TTL_MS }) {
      return signToken(secret, {
        kind: 'invite',
        meetingId,
        role,
        inviteId: newInviteId(),
        expiresAt: now() + ttlMs,
        ...(name ? { name } : {}),
      });
    },

    readInvite,

    async redeemInvite(token, requestedName) {
      const invite = await readInvite(token);
      const displayName = (invite.name ?? requestedName).normalize('NFC').replace(/\s+/g, ' ').trim();
      if (displayName.length < 1 || displayName.length > MAX_NAME_LENGTH) throw new BoardError('invalid_name');
      const existing = await db.participant.findFirst({
        where: { meetingId: invite.meetingId, inviteId: invite.inviteId, displayName, revokedAt: null },
      });
      const participant =
        existing ??
        (await db.participant.create({
          data: { meetingId: invite.meetingId, inviteId: invite.inviteId, displayName, role: invite.role },
        }));
      const expiresAt = now() + SESSION_TTL_MS;
      const sessionToken = signToken(secret, { kind: 'session', participantId: participant.id, meetingId: invite.meetingId, expiresAt });
      return {
        identity: { participantId: participant.id, meetingId: participant.meetingId, role: participant.role, displayName },
        sessionToken,
        expiresAt: new Date(expiresAt),
      };
    },

    async identify(sessionToken, meetingId) {
      if (!sessionToken) throw new BoardError('unauthenticated');
      const verified = verifyToken(secret, sessionToken, 'session', now());
      if (!verified.ok) throw new BoardError(TOKEN_ERRORS[verified.error]);
      if (meetingId !== undefined && verified.claims.meetingId !== meetingId) throw new BoardError('wrong_meeting');
      // The role is read from the database, not the token: the chair can hand the presenter role on mid-meeting.
      const participant = await db.participant.findUnique({ where: { id: verified.claims.participantId } });
      if (!participant || participant.meetingId !== verified.claims.meetingId) throw new BoardError('unauthenticated');
      if (participant.revokedAt) throw new BoardError('participant_revoked');
      return {
        participantId: participant.id,
        meetingId: participant.meetingId,
        role: participant.role,
        displayName: participant.displayName,
      };
    },
  };
}
