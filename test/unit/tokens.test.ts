import { describe, expect, it } from 'vitest';
import { signToken, verifyToken } from '../../server/auth/tokens.ts';

const SECRET = 'x'.repeat(40);
const invite = { kind: 'invite' as const, meetingId: 'm1', role: 'member' as const, inviteId: 'abc', expiresAt: 2_000 };

describe('signed tokens', () => {
  it('round-trips an invite before it expires', () => {
    expect(verifyToken(SECRET, signToken(SECRET, invite), 'invite', 1_000)).toEqual({ ok: true, claims: invite });
  });
  it('refuses an expired token', () => {
    expect(verifyToken(SECRET, signToken(SECRET, invite), 'invite', 2_000)).toEqual({ ok: false, error: 'expired' });
  });
  it('refuses a token signed with another secret', () => {
    expect(verifyToken(SECRET, signToken('y'.repeat(40), invite), 'invite', 1_000)).toEqual({ ok: false, error: 'bad_signature' });
  });
  it('refuses a token whose payload was edited', () => {
    const [version, , signature] = signToken(SECRET, invite).split('.');
    const forged = Buffer.from(JSON.stringify({ ...invite, role: 'chair' })).toString('base64url');
    expect(verifyToken(SECRET, `${version}.${forged}.${signature}`, 'invite', 1_000)).toEqual({ ok: false, error: 'bad_signature' });
  });
  it('refuses an invite where a session is expected', () => {
    expect(verifyToken(SECRET, signToken(SECRET, invite), 'session', 1_000)).toEqual({ ok: false, error: 'wrong_kind' });
  });
  it.each([undefined, 42, '', 'v1.a', 'v2.a.b', 'v1.!!.b', 'x'.repeat(5000)])('calls %j malformed', (token) => {
    const result = verifyToken(SECRET, token, 'invite', 1_000);
    expect(result.ok).toBe(false);
  });
  it('refuses a signed payload of the wrong shape', () => {
    const token = signToken(SECRET, { ...invite, role: 'emperor' } as never);
    expect(verifyToken(SECRET, token, 'invite', 1_000)).toEqual({ ok: false, error: 'malformed' });
  });
});
