// Signed, expiring tokens: invites name a meeting and a role; sessions name a participant. HMAC-SHA256 over the
// payload, so the server can check a token without storing it, and nobody can forge or edit one without the secret.
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

export type TokenClaims = InviteClaims | SessionClaims;
export type TokenError = 'malformed' | 'bad_signature' | 'expired' | 'wrong_kind';
export type VerifyResult<T> = { ok: true; claims: T } | { ok: false; error: TokenError };

export function newInviteId(): string {
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
  if (typeof c.expiresAt !== 'number' || typeof c.meetingId !== 'string') return null;
  if (c.kind === 'invite') {
    if (!isRole(c.role) || typeof c.inviteId !== 'string') return null;
    if (c.name !== undefined && typeof c.name !== 'string') return null;
    return { kind: 'invite', meetingId: c.meetingId, role: c.role, inviteId: c.inviteId, expiresAt: c.expiresAt, ...(c.name ? { name: c.name } : {}) };
  }
  if (c.kind === 'session' && typeof c.participantId === 'string') {
    return { kind: 'session', participantId: c.participantId, meetingId: c.meetingId, expiresAt: c.expiresAt };
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
