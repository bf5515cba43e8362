import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSessions, type Sessions } from '../../server/auth/sessions.ts';
import { createDatabaseClient, type Database } from '../../server/db/client.ts';
import { SAMPLE_MEETING_ID } from '../../server/seed/seed-sample.ts';
import { testDatabase } from '../support/board.ts';
import type { TestDatabase } from '../support/database.ts';

const SECRET = 's'.repeat(40);

describe('invites and sessions', () => {
  let database: TestDatabase;
  let db: Database;
  let clock = Date.parse('2026-01-01T00:00:00Z');
  let sessions: Sessions;

  beforeAll(async () => {
    database = await testDatabase();
    db = createDatabaseClient(database.url);
    sessions = createSessions(db, SECRET, () => clock);
  });
  afterAll(async () => {
    await db.$disconnect();
    await database.drop();
  });

  it('turns an invite into a participant whose session names them', async () => {
    const invite = await sessions.createInvite({ meetingId: SAMPLE_MEETING_ID, role: 'member' });
    const joined = await sessions.redeemInvite(invite, '  นางสาว  สมศรี   ใจดี ');
    expect(joined.identity).toMatchObject({ meetingId: SAMPLE_MEETING_ID, role: 'member', displayName: 'นางสาว สมศรี ใจดี' });
    expect(await sessions.identify(joined.sessionToken, SAMPLE_MEETING_ID)).toEqual(joined.identity);
  });

  it('lets an invite be used once: a second use, even by the same name, is refused and seats nobody', async () => {
    const invite = await sessions.createInvite({ meetingId: SAMPLE_MEETING_ID, role: 'secretary', name: 'นายเลขา' });
    const first = await sessions.redeemInvite(invite, 'ignored: the invite names them');
    expect(first.identity.displayName).toBe('นายเลขา');
    await expect(sessions.readInvite(invite)).rejects.toMatchObject({ code: 'invite_used' });
    await expect(sessions.redeemInvite(invite, '')).rejects.toMatchObject({ code: 'invite_used' });
    expect(await db.participant.count({ where: { displayName: 'นายเลขา' } })).toBe(1);
  });

  it('seats exactly one person when two open the same invite at once', async () => {
    const invite = await sessions.createInvite({ meetingId: SAMPLE_MEETING_ID, role: 'member' });
    const outcomes = await Promise.allSettled(['คนที่หนึ่ง', 'คนที่สอง', 'คนที่สาม'].map((name) => sessions.redeemInvite(invite, name)));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    for (const o of outcomes.filter((o) => o.status === 'rejected')) expect((o as PromiseRejectedResult).reason).toMatchObject({ code: 'invite_used' });
    const inviteId = (await db.invite.findFirstOrThrow({ orderBy: { createdAt: 'desc' } })).id;
    expect(await db.participant.count({ where: { inviteId } })).toBe(1);
  });

  it('refuses a revoked invite before and after it was used', async () => {
    const invite = await sessions.createInvite({ meetingId: SAMPLE_MEETING_ID, role: 'member', name: 'ผู้ทำลิงก์หาย' });
    const { inviteId } = await sessions.readInvite(invite);
    await db.invite.update({ where: { id: inviteId }, data: { revokedAt: new Date() } });
    await expect(sessions.redeemInvite(invite, '')).rejects.toMatchObject({ code: 'invite_revoked' });
  });

  it('carries who the invite is for onto the participant: roster person, kind, agency', async () => {
    const invite = await sessions.createInvite({ meetingId: SAMPLE_MEETING_ID, role: 'observer', kind: 'device', name: 'จอห้องประชุม' });
    expect(await sessions.readInvite(invite)).toMatchObject({ role: 'observer', kind: 'device', name: 'จอห้องประชุม' });
    const joined = await sessions.redeemInvite(invite, '');
    expect(await db.participant.findUniqueOrThrow({ where: { id: joined.identity.participantId } })).toMatchObject({ kind: 'device', role: 'observer' });
  });

  it('reads the role from the database, so a handed-over role takes effect at once', async () => {
    const joined = await sessions.redeemInvite(await sessions.createInvite({ meetingId: SAMPLE_MEETING_ID, role: 'member' }), 'ผู้แทนหน่วยงาน');
    await db.participant.update({ where: { id: joined.identity.participantId }, data: { role: 'presenter' } });
    expect((await sessions.identify(joined.sessionToken)).role).toBe('presenter');
  });

  it.each([
    ['no token', undefined, 'unauthenticated'],
    ['a forged token', 'v1.e30.forged', 'token_bad_signature'],
    ['garbage', 'not a token', 'token_malformed'],
  ])('refuses %s with a typed error', async (_label, token, code) => {
    await expect(sessions.identify(token)).rejects.toMatchObject({ name: 'BoardError', code });
  });

  it('refuses an expired invite and an expired session', async () => {
    const invite = await sessions.createInvite({ meetingId: SAMPLE_MEETING_ID, role: 'member', ttlMs: 1000 });
    const late = await sessions.createInvite({ meetingId: SAMPLE_MEETING_ID, role: 'member', ttlMs: 1000 });
    const joined = await sessions.redeemInvite(invite, 'ผู้มาก่อน');
    clock += 1000;
    await expect(sessions.redeemInvite(late, 'ผู้มาทีหลัง')).rejects.toMatchObject({ code: 'token_expired' });
    clock += 8 * 24 * 60 * 60 * 1000;
    await expect(sessions.identify(joined.sessionToken)).rejects.toMatchObject({ code: 'token_expired' });
  });

  it('refuses a session used for another meeting, and a withdrawn participant', async () => {
    const joined = await sessions.redeemInvite(await sessions.createInvite({ meetingId: SAMPLE_MEETING_ID, role: 'observer' }), 'ผู้สังเกตการณ์');
    await expect(sessions.identify(joined.sessionToken, 'another-meeting')).rejects.toMatchObject({ code: 'wrong_meeting' });
    await db.participant.update({ where: { id: joined.identity.participantId }, data: { revokedAt: new Date() } });
    await expect(sessions.identify(joined.sessionToken)).rejects.toMatchObject({ code: 'participant_revoked' });
  });

  it('refuses an invite to a meeting that does not exist, and a name that is blank, using nothing', async () => {
    await expect(sessions.createInvite({ meetingId: 'nope', role: 'member' })).rejects.toMatchObject({ code: 'meeting_not_found' });
    const invite = await sessions.createInvite({ meetingId: SAMPLE_MEETING_ID, role: 'member' });
    await expect(sessions.redeemInvite(invite, '   ')).rejects.toMatchObject({ code: 'invalid_name' });
    await expect(sessions.redeemInvite(invite, 'ก'.repeat(121))).rejects.toMatchObject({ code: 'invalid_name' });
    expect((await sessions.redeemInvite(invite, 'ชื่อถูกต้อง')).identity.displayName).toBe('ชื่อถูกต้อง');
  });
});
