// Invites become participants, participants carry sessions, and every transport turns a session into an Identity here.
import type { Database } from '../db/client.ts';
import type { Identity } from './identity.ts';
import { BoardError, type ErrorCode } from '../shared/errors.ts';
import type { Role } from '../shared/roles.ts';
import { newTokenId, signToken, verifyToken, type TokenError } from './tokens.ts';
import type { ParticipantKind } from '../shared/people.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
export const INVITE_TTL_MS = 14 * DAY_MS;
export const SESSION_TTL_MS = 7 * DAY_MS;
const MAX_NAME_LENGTH = 120;

export const TOKEN_ERRORS: Record<TokenError, ErrorCode> = {
  malformed: 'token_malformed',
  bad_signature: 'token_bad_signature',
  expired: 'token_expired',
  wrong_kind: 'token_wrong_kind',
};

/** Who an invite is for, beyond the meeting and the role. */
export interface InviteFor {
  meetingId: string;
  role: Role;
  /** The person's name, as the join page greets them; absent when the invite asks for it. */
  name?: string;
  ttlMs?: number;
  rosterMemberId?: string;
  organisationTh?: string;
  kind?: ParticipantKind;
  /** Who issued it, as the invites page lists it. */
  issuedByName?: string;
}

export interface InviteView {
  inviteId: string;
  meetingId: string;
  meetingTitleTh: string;
  /** Empty where the organiser gave no English title. */
  meetingTitleEn: string;
  role: Role;
  kind: ParticipantKind;
  name?: string;
  expiresAt: number;
}

/** What an invite's token says of its row. */
export interface StoredInvite {
  id: string;
  meetingId: string;
  role: Role;
  name: string;
  expiresAt: Date;
}

export interface Joined {
  identity: Identity;
  sessionToken: string;
  expiresAt: Date;
}

export interface Sessions {
  /** Stores a single-use invite and returns the signed token its link carries. */
  createInvite(input: InviteFor): Promise<string>;
  /** Stores a single-use invite and returns its row (its token is `tokenOf` it). */
  storeInvite(input: InviteFor): Promise<StoredInvite>;
  /** The token of a stored invite, signed again: the same link, for the invites page and the printed sheet. */
  tokenOf(invite: StoredInvite): string;
  /** Checks an invite without using it, for the join page: refused once used or revoked. */
  readInvite(token: string): Promise<InviteView>;
  /** Uses the invite: the first call makes the participant, any later one is refused with invite_used. */
  redeemInvite(token: string, displayName: string): Promise<Joined>;
  /** A session for a participant made some other way (a join request the chair admitted). */
  sessionFor(participant: { id: string; meetingId: string; role: Role; displayName: string }): Joined;
  identify(sessionToken: string | undefined, meetingId?: string): Promise<Identity>;
}

export function normaliseName(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim();
}

export function validName(name: string): string {
  const normalised = normaliseName(name);
  if (normalised.length < 1 || normalised.length > MAX_NAME_LENGTH || normalised.includes('\u0000')) throw new BoardError('invalid_name');
  return normalised;
}

export function createSessions(db: Database, secret: string, now: () => number = Date.now): Sessions {
  async function storedInvite(token: string) {
    const verified = verifyToken(secret, token, 'invite', now());
    if (!verified.ok) throw new BoardError(TOKEN_ERRORS[verified.error]);
    const invite = await db.invite.findUnique({ where: { id: verified.claims.inviteId }, include: { meeting: { select: { titleTh: true, titleEn: true } } } });
    if (!invite || invite.meetingId !== verified.claims.meetingId) {
      if (!(await db.meeting.count({ where: { id: verified.claims.meetingId } }))) throw new BoardError('meeting_not_found');
      throw new BoardError('invite_revoked');
    }
    if (invite.revokedAt) throw new BoardError('invite_revoked');
    if (invite.redeemedAt) throw new BoardError('invite_used');
    return invite;
  }

  function sessionFor(participant: { id: string; meetingId: string; role: Role; displayName: string }): Joined {
    const expiresAt = now() + SESSION_TTL_MS;
    const sessionToken = signToken(secret, { kind: 'session', participantId: participant.id, meetingId: participant.meetingId, expiresAt });
    return {
      identity: { participantId: participant.id, meetingId: participant.meetingId, role: participant.role, displayName: participant.displayName },
      sessionToken,
      expiresAt: new Date(expiresAt),
    };
  }

  // The name stays in the row, not the token: the link (and its QR code) is shorter, and the row is what decides.
  const tokenOf = ({ id, meetingId, role, expiresAt }: StoredInvite) =>
    signToken(secret, { kind: 'invite', meetingId, role, inviteId: id, expiresAt: expiresAt.getTime() });

  async function storeInvite({ meetingId, role, name, ttlMs = INVITE_TTL_MS, rosterMemberId, organisationTh, kind = 'member', issuedByName }: InviteFor): Promise<StoredInvite> {
    const invite = { id: newTokenId(), meetingId, role, name: name ?? '', expiresAt: new Date(now() + ttlMs) };
    await db.invite
      .create({
        data: {
          ...invite,
          kind,
          ...(rosterMemberId ? { rosterMemberId } : {}),
          ...(organisationTh ? { organisationTh } : {}),
          ...(issuedByName ? { issuedByName } : {}),
        },
      })
      .catch((error: unknown) => {
        // The meeting's foreign key: an invite to a meeting that is not there.
        if ((error as { code?: string }).code === 'P2003') throw new BoardError('meeting_not_found');
        throw error;
      });
    return invite;
  }

  return {
    tokenOf,
    storeInvite,
    createInvite: async (input) => tokenOf(await storeInvite(input)),

    async readInvite(token) {
      const invite = await storedInvite(token);
      return {
        inviteId: invite.id,
        meetingId: invite.meetingId,
        meetingTitleTh: invite.meeting.titleTh,
        meetingTitleEn: invite.meeting.titleEn,
        role: invite.role,
        kind: invite.kind,
        expiresAt: invite.expiresAt.getTime(),
        ...(invite.name ? { name: invite.name } : {}),
      };
    },

    async redeemInvite(token, requestedName) {
      const invite = await storedInvite(token);
      const displayName = validName(invite.name || requestedName);
      const participant = await db.$transaction(async (tx) => {
        // The row decides, not the check above: of two people opening the same link at once, one gets in.
        const used = await tx.invite.updateMany({ where: { id: invite.id, redeemedAt: null, revokedAt: null }, data: { redeemedAt: new Date(now()) } });
        if (used.count === 0) throw new BoardError('invite_used');
        return tx.participant.create({
          data: {
            meetingId: invite.meetingId,
            inviteId: invite.id,
            displayName,
            role: invite.role,
            kind: invite.kind,
            organisationTh: invite.organisationTh,
            rosterMemberId: invite.rosterMemberId,
          },
        });
      });
      return sessionFor(participant);
    },

    sessionFor,

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
