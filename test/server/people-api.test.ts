// The set-up API for a committee's people against the real server: the roster entered by hand and pasted, invites
// from it (single use, revoked and reissued, a used one's person cut off at once), attendees, every bad input refused
// with a typed error that names the field and writes nothing, and every set-up action checked for every role.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { ERROR_MESSAGES, type WireError } from '../../server/shared/errors.ts';
import { ORGANISER_COOKIE, sessionCookieName } from '../../server/shared/session-cookie.ts';
import { ROLES, type Role } from '../../server/shared/roles.ts';
import type { InviteView, MeetingInvites } from '../../server/setup/people-setup.ts';
import type { RosterMemberView } from '../../server/db/roster-repository.ts';
import { startTestBoard, type ClientSocket, type TestBoard } from '../support/board.ts';

describe('the people set-up API', () => {
  let board: TestBoard;
  let organiser: string;
  let planId: string;

  const call = async (method: string, path: string, options: { cookie?: string; json?: unknown; headers?: Record<string, string> } = {}) => {
    const response = await fetch(`${board.url}${path}`, {
      method,
      headers: {
        origin: board.url,
        ...(options.json !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(options.cookie ? { cookie: options.cookie } : {}),
        ...options.headers,
      },
      body: options.json === undefined ? undefined : JSON.stringify(options.json),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as Record<string, unknown> & { error?: WireError } };
  };
  const asOrganiser = (method: string, path: string, json?: unknown) => call(method, path, { cookie: organiser, json });
  const rosterCount = async () => board.db.rosterMember.count({ where: { planId, removedAt: null } });

  beforeAll(async () => {
    board = await startTestBoard();
    const session = await board.organisers.redeemLink(await board.organisers.createLink(), 'ฝ่ายเลขานุการ สพร.');
    organiser = `${ORGANISER_COOKIE}=${session.sessionToken}`;
    planId = (await board.db.meeting.findUniqueOrThrow({ where: { id: board.meetingId } })).planId;
  });
  afterAll(async () => {
    await board.stop();
  });

  let roster: RosterMemberView[];

  it('takes a roster of five: three pasted from a spreadsheet, two by hand, in order', async () => {
    const pasted = await asOrganiser('POST', `/api/plans/${planId}/roster/paste`, {
      text: 'ลำดับ\tชื่อ\tตำแหน่ง\tหน่วยงาน\n1\tนายประธาน ทดสอบ\tประธานกรรมการ\tสำนักนายกรัฐมนตรี\n2\tนางรอง ทดสอบ\tรองประธานกรรมการ\tสำนักงบประมาณ\n3\tนายกรรมการ หนึ่ง\tกรรมการ\tกระทรวงดิจิทัลฯ',
    });
    expect(pasted.status).toBe(201);
    expect((pasted.body.added as RosterMemberView[]).map((m) => m.position)).toEqual(['chair', 'vice_chair', 'member']);
    const presenter = await asOrganiser('POST', `/api/plans/${planId}/roster`, { nameTh: 'นายผู้นำเสนอ สพร.', position: 'member', agencyTh: 'สพร.', meetingRole: 'presenter' });
    expect(presenter.status).toBe(201);
    const secretary = await asOrganiser('POST', `/api/plans/${planId}/roster`, { nameTh: 'นางสาวเลขา นุการ', nameEn: 'Ms Secretary', position: 'member_secretary', agencyTh: 'สพร.', agencyEn: 'DGA' });
    expect((secretary.body.member as RosterMemberView).meetingRole).toBe('secretary');
    const listed = await asOrganiser('GET', `/api/plans/${planId}/roster`);
    roster = listed.body.roster as RosterMemberView[];
    expect(roster.map((m) => [m.nameTh, m.meetingRole, m.order])).toEqual([
      ['นายประธาน ทดสอบ', 'chair', 1],
      ['นางรอง ทดสอบ', 'member', 2],
      ['นายกรรมการ หนึ่ง', 'member', 3],
      ['นายผู้นำเสนอ สพร.', 'presenter', 4],
      ['นางสาวเลขา นุการ', 'secretary', 5],
    ]);
  });

  it('edits, reorders and removes roster members', async () => {
    const edited = await asOrganiser('PUT', `/api/plans/${planId}/roster/${roster[1]!.id}`, { nameTh: 'นางรอง ประธาน', position: 'vice_chair', agencyTh: 'สำนักงบประมาณ' });
    expect((edited.body.member as RosterMemberView).nameTh).toBe('นางรอง ประธาน');
    const reordered = await asOrganiser('PUT', `/api/plans/${planId}/roster/order`, { memberIds: [roster[0]!.id, roster[1]!.id, roster[3]!.id, roster[2]!.id, roster[4]!.id] });
    expect((reordered.body.roster as RosterMemberView[]).map((m) => m.nameTh)[2]).toBe('นายผู้นำเสนอ สพร.');
    const extra = await asOrganiser('POST', `/api/plans/${planId}/roster`, { nameTh: 'ผู้จะถูกลบ', position: 'member', agencyTh: 'ก' });
    expect((await asOrganiser('DELETE', `/api/plans/${planId}/roster/${(extra.body.member as RosterMemberView).id}`)).status).toBe(204);
    expect(await rosterCount()).toBe(5);
  });

  it.each([
    ['a missing name', { position: 'member', agencyTh: 'ก' }, 'nameTh', 'ชื่อ-นามสกุล'],
    ['an unknown position', { nameTh: 'ก', position: 'emperor', agencyTh: 'ก' }, 'position', 'ตำแหน่งในคณะกรรมการ'],
    ['an empty agency', { nameTh: 'ก', position: 'member', agencyTh: '  ' }, 'agencyTh', 'หน่วยงาน'],
    ['an observer on the committee', { nameTh: 'ก', position: 'member', agencyTh: 'ก', meetingRole: 'observer' }, 'meetingRole', 'บทบาทในการประชุม'],
    ['a name too long', { nameTh: 'ก'.repeat(121), position: 'member', agencyTh: 'ก' }, 'nameTh', 'ยาวเกินไป'],
  ])('refuses a roster member with %s, naming the field, writing nothing', async (_label, json, field, thai) => {
    const refused = await asOrganiser('POST', `/api/plans/${planId}/roster`, json);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'invalid_field', details: { field } });
    expect(refused.body.error!.messageTh).toContain(thai);
    expect(refused.body.error!.messageEn).toMatch(/field/i);
    expect(await rosterCount()).toBe(5);
  });

  it('refuses a pasted list with bad lines as a whole, by line and field; and other bad requests', async () => {
    const pasted = await asOrganiser('POST', `/api/plans/${planId}/roster/paste`, { text: 'นายดี\tกรรมการ\tสำนักงบประมาณ\nนายผิด\tที่ปรึกษา\tสำนักงบประมาณ' });
    expect(pasted.status).toBe(400);
    expect(pasted.body.error).toMatchObject({ code: 'roster_paste_invalid', details: { errors: [{ line: 2, field: 'position', reason: 'unknown_position', value: 'ที่ปรึกษา' }] } });
    expect(await rosterCount()).toBe(5);
    expect((await asOrganiser('GET', `/api/plans/no-such-plan/roster`)).body.error).toMatchObject({ code: 'plan_not_found' });
    expect((await asOrganiser('PUT', `/api/plans/${planId}/roster/nobody`, { nameTh: 'ก', position: 'member', agencyTh: 'ก' })).status).toBe(404);
    expect((await asOrganiser('PUT', `/api/plans/${planId}/roster/order`, { memberIds: [roster[0]!.id] })).body.error).toMatchObject({ code: 'roster_member_not_found' });
    const text = await call('POST', `/api/plans/${planId}/roster`, { cookie: organiser, headers: { 'content-type': 'text/plain' } });
    expect(text.status).toBe(415);
    const malformed = await fetch(`${board.url}/api/plans/${planId}/roster`, { method: 'POST', headers: { origin: board.url, cookie: organiser, 'content-type': 'application/json' }, body: '{"nameTh":' });
    expect(malformed.status).toBe(400);
    expect(await rosterCount()).toBe(5);
  });

  let invites: MeetingInvites;

  it('issues each roster member a named invite with the role from the roster; three join; a second use is refused', async () => {
    const issued = await asOrganiser('POST', `/api/meetings/${board.meetingId}/invites/roster`);
    expect(issued.status).toBe(201);
    expect((issued.body.issued as InviteView[]).map((i) => [i.name, i.role, i.status])).toEqual([
      ['นายประธาน ทดสอบ', 'chair', 'pending'],
      ['นางรอง ประธาน', 'member', 'pending'],
      ['นายผู้นำเสนอ สพร.', 'presenter', 'pending'],
      ['นายกรรมการ หนึ่ง', 'member', 'pending'],
      ['นางสาวเลขา นุการ', 'secretary', 'pending'],
    ]);
    // Issuing again leaves the ones waiting alone.
    expect(((await asOrganiser('POST', `/api/meetings/${board.meetingId}/invites/roster`)).body.issued as InviteView[])).toEqual([]);
    invites = (await asOrganiser('GET', `/api/meetings/${board.meetingId}/invites`)).body as unknown as MeetingInvites;
    const joined = [];
    for (const member of invites.roster.slice(0, 3)) {
      const token = member.invite!.url!.split('/join/')[1]!;
      joined.push(await board.sessions.redeemInvite(token, 'ชื่ออื่น'));
      await expect(board.sessions.redeemInvite(token, 'คนที่สอง')).rejects.toMatchObject({ code: 'invite_used' });
    }
    expect(joined.map((j) => [j.identity.displayName, j.identity.role])).toEqual([
      ['นายประธาน ทดสอบ', 'chair'],
      ['นางรอง ประธาน', 'member'],
      ['นายผู้นำเสนอ สพร.', 'presenter'],
    ]);
    const seated = await board.db.participant.findUniqueOrThrow({ where: { id: joined[0]!.identity.participantId } });
    expect(seated).toMatchObject({ rosterMemberId: invites.roster[0]!.id, kind: 'member', organisationTh: 'สำนักนายกรัฐมนตรี' });
    const after = (await asOrganiser('GET', `/api/meetings/${board.meetingId}/invites`)).body as unknown as MeetingInvites;
    expect(after.roster.map((m) => m.invite!.status)).toEqual(['used', 'used', 'used', 'pending', 'pending']);
    expect(after.roster[0]!.invite!.url).toBeNull();
  });

  it('refuses an invite for a person not on this plan\'s roster, and a malformed one, writing nothing', async () => {
    const before = await board.db.invite.count();
    const stranger = await asOrganiser('POST', `/api/meetings/${board.meetingId}/invites`, { rosterMemberId: 'not-on-the-roster' });
    expect(stranger.status).toBe(404);
    expect(stranger.body.error).toMatchObject({ code: 'roster_member_not_found', messageTh: expect.stringContaining('ไม่พบบุคคลนี้ในรายชื่อคณะกรรมการ') });
    expect((await asOrganiser('POST', `/api/meetings/${board.meetingId}/invites`, { role: 'emperor', name: 'ก' })).status).toBe(400);
    expect((await asOrganiser('POST', `/api/meetings/no-such-meeting/invites`, { rosterMemberId: roster[0]!.id })).status).toBe(404);
    expect(await board.db.invite.count()).toBe(before);
  });

  it('revokes a used invite: the person it seated is cut off at once; a reissued one works', async () => {
    const chairInvite = invites.roster[0]!.invite!;
    const chair = await board.db.participant.findFirstOrThrow({ where: { inviteId: chairInvite.id } });
    const session = board.sessions.sessionFor(chair);
    const socket: ClientSocket = io(board.url, { auth: { meetingId: board.meetingId, token: session.sessionToken }, transports: ['websocket'], reconnection: false, forceNew: true });
    await new Promise<void>((resolve) => socket.once('session:ready', () => resolve()));
    const told = new Promise<WireError>((resolve) => socket.once('session:revoked', resolve));
    expect((await asOrganiser('POST', `/api/meetings/${board.meetingId}/invites/${chairInvite.id}/revoke`)).status).toBe(204);
    expect((await told).code).toBe('participant_revoked');
    socket.close();
    await expect(board.sessions.identify(session.sessionToken, board.meetingId)).rejects.toMatchObject({ code: 'participant_revoked' });

    const reissued = await asOrganiser('POST', `/api/meetings/${board.meetingId}/invites/${chairInvite.id}/reissue`);
    const fresh = reissued.body.invite as InviteView;
    expect(fresh).toMatchObject({ name: 'นายประธาน ทดสอบ', role: 'chair', status: 'pending' });
    expect((await board.sessions.redeemInvite(fresh.url!.split('/join/')[1]!, '')).identity.role).toBe('chair');
  });

  it('revokes a waiting invite without touching the meeting, and it then cannot be used', async () => {
    const waiting = invites.roster[3]!.invite!;
    const seqBefore = (await board.db.meeting.findUniqueOrThrow({ where: { id: board.meetingId } })).seq;
    expect((await asOrganiser('POST', `/api/meetings/${board.meetingId}/invites/${waiting.id}/revoke`)).status).toBe(204);
    expect((await board.db.meeting.findUniqueOrThrow({ where: { id: board.meetingId } })).seq).toBe(seqBefore);
    await expect(board.sessions.redeemInvite(waiting.url!.split('/join/')[1]!, '')).rejects.toMatchObject({ code: 'invite_revoked' });
    expect((await asOrganiser('POST', `/api/meetings/${board.meetingId}/invites/nope/revoke`)).status).toBe(404);
  });

  it('adds a non-member attendee (ผู้เข้าร่วมประชุม) by an invite of their own', async () => {
    const made = await asOrganiser('POST', `/api/meetings/${board.meetingId}/invites`, { name: 'นายผู้แทน กรมบัญชีกลาง', organisationTh: 'กรมบัญชีกลาง', role: 'presenter' });
    expect(made.body.invite).toMatchObject({ kind: 'attendee', role: 'presenter', rosterMemberId: null, status: 'pending' });
    const joined = await board.sessions.redeemInvite((made.body.invite as InviteView).url!.split('/join/')[1]!, '');
    expect(await board.db.participant.findUniqueOrThrow({ where: { id: joined.identity.participantId } })).toMatchObject({ kind: 'attendee', organisationTh: 'กรมบัญชีกลาง' });
  });

  it('makes organiser links for organisers only', async () => {
    const made = await asOrganiser('POST', '/api/organisers/links');
    expect(made.status).toBe(201);
    expect(made.body.url).toMatch(/\/organiser\/v1\./);
    // A script may send the organiser's session as a bearer token instead of the cookie.
    const token = organiser.split('=')[1]!;
    expect((await call('POST', '/api/organisers/links', { headers: { authorization: `Bearer ${token}` } })).status).toBe(201);
    expect((await call('POST', '/api/organisers/links')).body.error).toMatchObject({ code: 'organiser_required' });
  });

  describe('permissions for every set-up action and role', () => {
    const cookies = {} as Record<Role, string>;
    beforeAll(async () => {
      for (const role of ROLES) cookies[role] = `${sessionCookieName(board.meetingId)}=${(await board.join(role, `ผู้ทดสอบสิทธิ์ ${role}`)).sessionToken}`;
    });

    it.each(ROLES)('the %s of a meeting edits no roster (that is the organisers\')', async (role) => {
      for (const [method, path, json] of [
        ['GET', `/api/plans/${planId}/roster`, undefined],
        ['POST', `/api/plans/${planId}/roster`, { nameTh: 'ก', position: 'member', agencyTh: 'ก' }],
        ['POST', `/api/plans/${planId}/roster/paste`, { text: 'ก\tกรรมการ\tก' }],
        ['DELETE', `/api/plans/${planId}/roster/${roster[4]!.id}`, undefined],
        ['POST', '/api/organisers/links', undefined],
      ] as const) {
        expect((await call(method, path, { cookie: cookies[role], json })).status, `${role} ${method} ${path}`).toBe(401);
      }
      expect(await rosterCount()).toBe(5);
    });

    const expected: Record<Role, { list: number; member: number; attendee: number; revoke: number }> = {
      chair: { list: 200, member: 201, attendee: 403, revoke: 204 },
      secretary: { list: 200, member: 201, attendee: 201, revoke: 204 },
      presenter: { list: 403, member: 403, attendee: 403, revoke: 403 },
      member: { list: 403, member: 403, attendee: 403, revoke: 403 },
      observer: { list: 403, member: 403, attendee: 403, revoke: 403 },
    };
    it.each(ROLES)('the %s of the meeting may do with its invites what the permissions table says', async (role) => {
      const path = `/api/meetings/${board.meetingId}/invites`;
      expect((await call('GET', path, { cookie: cookies[role] })).status).toBe(expected[role].list);
      const member = await call('POST', path, { cookie: cookies[role], json: { rosterMemberId: roster[4]!.id } });
      expect(member.status).toBe(expected[role].member);
      expect((await call('POST', path, { cookie: cookies[role], json: { name: `แขก ${role}`, role: 'observer' } })).status).toBe(expected[role].attendee);
      const target = (await asOrganiser('POST', path, { rosterMemberId: roster[4]!.id })).body.invite as InviteView;
      expect((await call('POST', `${path}/${target.id}/revoke`, { cookie: cookies[role] })).status).toBe(expected[role].revoke);
    });

    it('lets the secretary invite only within their authority, by every path: never a chair', async () => {
      const path = `/api/meetings/${board.meetingId}/invites`;
      const chairMember = roster.find((m) => m.meetingRole === 'chair')!;
      const chairInvites = () => board.db.invite.count({ where: { meetingId: board.meetingId, role: 'chair', revokedAt: null } });
      const before = await chairInvites();
      const refused = (answer: { status: number; body: { error?: WireError } }) => {
        expect(answer.status).toBe(403);
        expect(answer.body.error).toMatchObject({ code: 'invite_role_forbidden', messageTh: ERROR_MESSAGES.invite_role_forbidden.th, messageEn: ERROR_MESSAGES.invite_role_forbidden.en });
      };
      refused(await call('POST', path, { cookie: cookies.secretary, json: { rosterMemberId: chairMember.id } }));
      refused(await call('POST', path, { cookie: cookies.secretary, json: { name: 'ประธานปลอม', role: 'chair' } }));
      const boardAction = (cookie: string, role: Role) =>
        fetch(`${board.url}/meetings/${board.meetingId}?/invite`, {
          method: 'POST',
          headers: { cookie, origin: board.url, accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
          body: `role=${role}&name=x`,
        }).then(async (r) => (await r.json()) as { type: string; status?: number; data?: string });
      const fromBoard = await boardAction(cookies.secretary, 'chair');
      expect(fromBoard).toMatchObject({ type: 'failure', status: 403 });
      expect(fromBoard.data).toContain(ERROR_MESSAGES.invite_role_forbidden.th);
      expect(await chairInvites()).toBe(before);

      // "Everyone at once" from the secretary leaves the chair's invite to the chair or an organiser.
      const all = await call('POST', `${path}/roster`, { cookie: cookies.secretary });
      expect(all.status).toBe(201);
      expect((all.body.issued as InviteView[]).map((i) => i.role)).not.toContain('chair');
      expect(await chairInvites()).toBe(before);

      // Withdrawing (or reissuing) the chair's invite would unseat the chair: refused, the invite untouched.
      const chairs = (await asOrganiser('POST', path, { rosterMemberId: chairMember.id })).body.invite as InviteView;
      refused(await call('POST', `${path}/${chairs.id}/revoke`, { cookie: cookies.secretary }));
      refused(await call('POST', `${path}/${chairs.id}/reissue`, { cookie: cookies.secretary }));
      expect((await board.db.invite.findUniqueOrThrow({ where: { id: chairs.id } })).revokedAt).toBeNull();

      // Within their authority the same paths work; the chair and an organiser mint chairs.
      expect((await call('POST', path, { cookie: cookies.secretary, json: { name: 'ผู้นำเสนอจากหน่วยงาน', role: 'presenter' } })).status).toBe(201);
      expect(await boardAction(cookies.secretary, 'secretary')).toMatchObject({ type: 'success' });
      expect(await boardAction(cookies.chair, 'chair')).toMatchObject({ type: 'success' });
      expect((await call('POST', path, { cookie: cookies.chair, json: { rosterMemberId: chairMember.id } })).status).toBe(201);
    });

    it('keeps a participant to their own meeting', async () => {
      const other = await board.db.meeting.create({
        data: { planId, number: 99, yearBE: 2567, titleTh: 'การประชุมอื่น', venueTh: 'ห้องอื่น', startsAt: new Date() },
      });
      expect((await call('GET', `/api/meetings/${other.id}/invites`, { cookie: cookies.secretary })).status).toBe(401);
      expect((await asOrganiser('GET', `/api/meetings/${other.id}/invites`)).status).toBe(200);
    });
  });
});
