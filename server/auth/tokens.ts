// Signed, expiring tokens: invites name a meeting and a role; sessions name a participant; organiser links and
// organiser sessions name the secretariat's people. HMAC-SHA256 over the payload, so nobody can forge or edit one
// without the secret; whether a single-use token (an invite, an organiser link) was already used is for its row.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { isRole, type Role } from '../shared/roles.ts';

const VERSION = 'v1';

export interface InviteClaims {
  kind: 'invite';
  meetingId: string;
  role: Role;
  /** A personal invite carries the person's name; a role invite asks for it on joining. */
  name?: string;
  /** Unique per invite, so the same person opening the same link twice stays one participant. */
  inviteId: string;
  expiresAt: number;
}

export interface SessionClaims {
  kind: 'session';
  participantId: string;
  meetingId: string;
  expiresAt: number;
}

/** A single-use link that makes an organiser (the OrganiserLink row says whether it was used). */
export interface OrganiserLinkClaims {
  kind: 'organiser-link';
  linkId: string;
  expiresAt: number;
}

/** An organiser's session: spans every plan and meeting, unlike a participant's. */
export interface OrganiserSessionClaims {
  kind: 'organiser';
  organiserId: string;
  expiresAt: number;
}

/** Held by the browser that asked to join from the room screen's code, so that it alone learns the chair's answer. */
export interface JoinRequestClaims {
  kind: 'join-request';
  requestId: string;
  expiresAt: number;
}

export type TokenClaims = InviteClaims | SessionClaims | OrganiserLinkClaims | OrganiserSessionClaims | JoinRequestClaims;
export type TokenError = 'malformed' | 'bad_signature' | 'expired' | 'wrong_kind';
export type VerifyResult<T> = { ok: true; claims: T } | { ok: false; error: TokenError };

/** The id of a single-use token's row (an invite, an organiser link): unguessable, so a row cannot be named by guessing. */
export function newTokenId(): string {
  return randomBytes(9).toString('base64url');
}

function sign(secret: string, body: string): string {
  return createHmac('sha256', secret).update(`${VERSION}.${body}`).digest('base64url');
}

export function signToken(secret: string, claims: TokenClaims): string {
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${VERSION}.${body}.${sign(secret, body)}`;
}

function parseClaims(json: unknown): TokenClaims | null {
  if (typeof json !== 'object' || json === null) return null;
  const c = json as Record<string, unknown>;
  if (typeof c.expiresAt !== 'number') return null;
  const { expiresAt } = c;
  if (c.kind === 'organiser-link') return typeof c.linkId === 'string' ? { kind: 'organiser-link', linkId: c.linkId, expiresAt } : null;
  if (c.kind === 'organiser') return typeof c.organiserId === 'string' ? { kind: 'organiser', organiserId: c.organiserId, expiresAt } : null;
  if (c.kind === 'join-request') return typeof c.requestId === 'string' ? { kind: 'join-request', requestId: c.requestId, expiresAt } : null;
  if (typeof c.meetingId !== 'string') return null;
  if (c.kind === 'invite') {
    if (!isRole(c.role) || typeof c.inviteId !== 'string') return null;
    if (c.name !== undefined && typeof c.name !== 'string') return null;
    return { kind: 'invite', meetingId: c.meetingId, role: c.role, inviteId: c.inviteId, expiresAt, ...(c.name ? { name: c.name } : {}) };
  }
  if (c.kind === 'session' && typeof c.participantId === 'string') {
    return { kind: 'session', participantId: c.participantId, meetingId: c.meetingId, expiresAt };
  }
  return null;
}

export function verifyToken<K extends TokenClaims['kind']>(
  secret: string,
  token: unknown,
  kind: K,
  now = Date.now(),
): VerifyResult<Extract<TokenClaims, { kind: K }>> {
  if (typeof token !== 'string' || token.length > 4096) return { ok: false, error: 'malformed' };
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== VERSION) return { ok: false, error: 'malformed' };
  const [, body, signature] = parts;
  const expected = Buffer.from(sign(secret, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, error: 'bad_signature' };
  let claims: TokenClaims | null;
  try {
    claims = parseClaims(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
  } catch {
    return { ok: false, error: 'malformed' };
  }
  if (!claims) return { ok: false, error: 'malformed' };
  if (claims.kind !== kind) return { ok: false, error: 'wrong_kind' };
  if (claims.expiresAt <= now) return { ok: false, error: 'expired' };
  return { ok: true, claims: claims as Extract<TokenClaims, { kind: K }> };
}
