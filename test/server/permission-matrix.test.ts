// The role × command matrix, generated from the permissions table: every authority (the five meeting roles and the
// organiser) calls every registered sequenced command, over its already-open Socket.io connection where the command
// is a socket one (HTTP callers' commands and organisers through the same runCommand the pages and API use). An
// allowed cell must succeed (or meet only the command's own rule, named in its example); a denied cell must be
// refused `forbidden` with the meeting's sequence unchanged. The whole matrix runs three times on the same sockets:
// as joined, after the chair hands the presenter role to the member, and after the chair revokes that member.
// Every state-changing HTTP endpoint (the JSON API, the document endpoints, every page's form action, found in the
// sources so that a new one without an example fails) is called by every authority in each round too: an allowed
// one answers 2xx (or its own rule's refusal), a denied one 401/403 with no table changed.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_COMMANDS, SOCKET_COMMANDS, commandNamed, type CommandName } from '../../server/commands/registry.ts';
import { AUTHORITIES, can, type Authority } from '../../server/domain/permissions.ts';
import { participantActor, type Actor, type OrganiserActor } from '../../server/shared/actor.ts';
import { isBoardError, type ErrorCode } from '../../server/shared/errors.ts';
import { ROLES, type Role } from '../../server/shared/roles.ts';
import { bahtFromDb } from '../../server/db/client.ts';
import { BURST_LIMITS, startTestBoard, type Connected, type TestBoard } from '../support/board.ts';
import { COMMAND_EXAMPLES, ENDPOINT_EXAMPLES, type EndpointExample, type EndpointRequest, type EndpointWorld, type MatrixWorld } from '../support/command-examples.ts';
import { ORGANISER_COOKIE } from '../../server/shared/session-cookie.ts';

const SOCKET_NAMES = new Set<string>(SOCKET_COMMANDS.map((c) => c.event));
const NAMES = ALL_COMMANDS.map((c) => c.event as CommandName);
/** Projects 0-59 take ceiling changes; 60-77 resolutions, so that a confirmed one never blocks a ceiling. */
const CEILING_PROJECTS = 60;

type Reply = { data: unknown } | { error: { code: ErrorCode } };

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Every state-changing route the sources declare: Express's `router.post('/…')` and each page's form actions. */
async function declaredEndpoints(): Promise<string[]> {
  const found: string[] = [];
  for (const file of await readdir(path.join(ROOT, 'server/http'))) {
    const source = await readFile(path.join(ROOT, 'server/http', file), 'utf8');
    for (const [, method, route] of source.matchAll(/router\.(post|put|delete|patch)\(\s*'([^']+)'/g)) found.push(`${method!.toUpperCase()} ${route}`);
  }
  for (const entry of await readdir(path.join(ROOT, 'web/routes'), { recursive: true })) {
    if (!entry.endsWith('+page.server.ts')) continue;
    const source = await readFile(path.join(ROOT, 'web/routes', entry), 'utf8');
    const actions = source.indexOf('export const actions');
    if (actions < 0) continue;
    const route = `/${path.dirname(entry)}`.replace(/\/\.$/, '').replace(/^\/$/, '');
    for (const [, name] of source.slice(actions).matchAll(/^ {2}(\w+): async/gm)) found.push(`${route || '/'}?/${name}`.replace(/^\/\?/, '/?').replace('//', '/'));
  }
  return found.sort();
}

// Some hundreds of calls per round, one at a time so that each cell's before and after are its own.
describe('the role × command matrix', { timeout: 120_000 }, () => {
  let board: TestBoard;
  let organiser: OrganiserActor;
  let organiserCookie: string;
  /** The cells' actors: one open socket per role, kept across the three rounds. */
  const actors = {} as Record<Role, Connected>;
  /** Others of each role, for preparing calls, so that nothing a cell's actor owns comes from its preparation. */
  const trusted = {} as Record<Role, Connected>;
  let projects: { id: string }[];
  let planId: string;
  let turn = 0;
  let resolutionTurn = 0;
  let current: Actor;

  const reply = (run: Promise<unknown>): Promise<Reply> =>
    run.then(
      (data) => ({ data }),
      (error: unknown) => {
        if (isBoardError(error)) return { error: { code: error.code } };
        throw error;
      },
    );
  const ok = async (run: Promise<unknown>) => {
    const answer = await reply(run);
    if ('error' in answer) throw new Error(`preparing a call was refused: ${answer.error.code}`);
    return answer.data;
  };
  const seq = async () => (await board.db.meeting.findUniqueOrThrow({ where: { id: board.meetingId } })).seq;

  const world: MatrixWorld = {
    get db() {
      return board.db;
    },
    get meetingId() {
      return board.meetingId;
    },
    get planId() {
      return planId;
    },
    async openProject() {
      const p = await board.db.project.findUniqueOrThrow({ where: { id: projects[turn++ % CEILING_PROJECTS]!.id } });
      return { id: p.id, version: p.version, ceilingBaht: bahtFromDb(p.ceilingBaht), requestedBaht: bahtFromDb(p.requestedBaht) };
    },
    async resolutionProject() {
      const p = await board.db.project.findUniqueOrThrow({ where: { id: projects[CEILING_PROJECTS + (resolutionTurn++ % (projects.length - CEILING_PROJECTS))]!.id } });
      // Each use starts the project over, as if nothing had been resolved on it.
      await board.db.resolution.deleteMany({ where: { projectId: p.id } });
      return { id: p.id, requestedBaht: bahtFromDb(p.requestedBaht) };
    },
    async newParticipant(role) {
      const { identity } = await board.join(role, `ผู้ร่วมตัวอย่าง ${role}`);
      const row = await board.db.participant.findUniqueOrThrow({ where: { id: identity.participantId } });
      return { ...identity, inviteId: row.inviteId! };
    },
    runAs: (role, name, payload) => ok(board.runCommand(name, participantActor(trusted[role].identity), payload as never)),
    runAsActor: (name, payload) => ok(board.runCommand(name, current, payload as never, board.meetingId)),
    async setStatus(status) {
      await board.db.meeting.update({ where: { id: board.meetingId }, data: { status } });
    },
  };
  let rosterTurn = 0;
  const endpointWorld: MatrixWorld & EndpointWorld = Object.assign(Object.create(world) as MatrixWorld, {
    newRosterMember: (meetingRole = 'member' as Role) =>
      board.services.people.addRosterMember(organiser, planId, { nameTh: `นายสิทธิ์ ตัวอย่าง ${++rosterTurn}`, position: 'member', agencyTh: 'หน่วยงาน', meetingRole }),
    async waitingInvite(kind: 'member' | 'attendee') {
      if (kind === 'attendee') return board.services.people.issueInvite(organiser, board.meetingId, { name: `แขก ${++rosterTurn}`, role: 'observer' });
      return board.services.people.issueInvite(organiser, board.meetingId, { rosterMemberId: (await endpointWorld.newRosterMember('member')).id });
    },
    async joinRequest() {
      await board.services.joinRequests.ask(board.meetingId, { name: `ผู้ขอเข้าร่วม ${++rosterTurn}` });
      return board.db.joinRequest.findFirstOrThrow({ where: { meetingId: board.meetingId, status: 'pending' }, orderBy: { createdAt: 'desc' } });
    },
    async otherOrganiser() {
      const other = await board.organisers.redeemLink(await board.organisers.createLink(), `ผู้จัดการอีกคน ${++rosterTurn}`);
      return { id: other.organiser.organiserId };
    },
  });

  beforeAll(async () => {
    board = await startTestBoard({ limitRules: BURST_LIMITS });
    for (const role of ROLES) {
      actors[role] = await board.connect(role, `ผู้ทดสอบ ${role}`);
      trusted[role] = await board.connect(role, `ผู้เตรียม ${role}`);
    }
    const session = await board.organisers.redeemLink(await board.organisers.createLink(), 'ผู้จัดการประชุม ทดสอบ');
    organiser = await board.organisers.identify(session.sessionToken);
    organiserCookie = `${ORGANISER_COOKIE}=${session.sessionToken}`;
    planId = (await board.db.meeting.findUniqueOrThrow({ where: { id: board.meetingId } })).planId;
    projects = await board.db.project.findMany({ where: { planId }, orderBy: { position: 'asc' }, select: { id: true } });
  });
  afterAll(() => board.stop());

  /** The role the participant holds now, as the database says: the matrix's expectation follows it. */
  async function authorityNow(who: Authority): Promise<Authority> {
    if (who === 'organiser') return 'organiser';
    const row = await board.db.participant.findUniqueOrThrow({ where: { id: actors[who].identity.participantId } });
    return row.role;
  }

  function call(who: Authority, name: CommandName, payload: unknown): Promise<Reply> {
    if (who !== 'organiser' && SOCKET_NAMES.has(name)) {
      // Any command's name, so the typed emit cannot name the one; the wire is the same.
      const emit = actors[who].socket.emitWithAck as unknown as (event: string, payload: unknown) => Promise<Reply>;
      return emit.call(actors[who].socket, name, payload);
    }
    return reply(board.runCommand(name, current, payload as never, board.meetingId));
  }

  async function cell(who: Authority, name: CommandName, expectation: { refusedWith?: ErrorCode; afterEach?: () => Promise<void> } = {}) {
    const example = COMMAND_EXAMPLES[name];
    const authority = await authorityNow(who);
    const allowed = !expectation.refusedWith && can(authority, commandNamed(name).authority);
    current = who === 'organiser' ? organiser : participantActor(actors[who].identity);
    await world.setStatus(example.phase ?? 'in_session');
    const payload = await example.payload(world, { actor: current, allowed });
    const before = await seq();
    const answer = await call(who, name, payload);
    const after = await seq();
    await world.setStatus('in_session');
    // Proposals a cell left waiting would count against the limits of the cells after it.
    await board.db.proposal.updateMany({ where: { meetingId: board.meetingId, status: 'pending' }, data: { status: 'withdrawn' } });
    await expectation.afterEach?.();
    const label = `${who} (now ${authority}) → ${name}`;
    if (allowed) {
      expect('error' in answer ? answer.error.code : 'ok', label).toBe(example.allowedRefusal ?? 'ok');
      if (!example.allowedRefusal) expect(after, `${label}: took the meeting's turn`).toBeGreaterThan(before);
    } else {
      expect('error' in answer ? answer.error.code : 'ok', label).toBe(expectation.refusedWith ?? 'forbidden');
      expect(after, `${label}: changed nothing`).toBe(before);
    }
  }

  /** What a denied request must leave as it was: the rows set-up and join endpoints write. */
  async function fingerprint() {
    const { db, meetingId } = board;
    return Promise.all([
      db.invite.count(),
      db.invite.count({ where: { revokedAt: { not: null } } }),
      db.rosterMember.count({ where: { removedAt: null } }),
      db.rosterMember.aggregate({ _sum: { order: true } }).then((a) => a._sum.order),
      db.organiserLink.count(),
      db.organiser.count({ where: { revokedAt: null } }),
      db.participant.count({ where: { revokedAt: null } }),
      db.joinRequest.count({ where: { status: 'pending' } }),
      db.project.count(),
      db.framePreparation.count(),
      db.plan.count(),
      db.plan.findMany({ orderBy: { id: 'asc' }, select: { titleEn: true, frameBaht: true } }),
      db.frameChange.count(),
      db.meeting.count(),
      seq(),
      meetingId,
    ]);
  }

  async function send(who: Authority, request: EndpointRequest): Promise<{ status: number; ok: boolean; text: string }> {
    const headers: Record<string, string> = { origin: board.url, cookie: who === 'organiser' ? organiserCookie : actors[who].cookie };
    let body: BodyInit | undefined;
    if (request.json !== undefined) [headers['content-type'], body] = ['application/json', JSON.stringify(request.json)];
    if (request.form) [headers['content-type'], headers.accept, body] = ['application/x-www-form-urlencoded', 'application/json', new URLSearchParams(request.form).toString()];
    if (request.file) [headers['content-type'], body] = [request.file.type, Buffer.from(request.file.bytes)];
    const response = await fetch(`${board.url}${request.path}`, { method: request.method ?? 'POST', headers, body, redirect: 'manual' });
    const text = await response.text();
    if (!request.form) return { status: response.status, ok: response.ok, text };
    // A form action answers JSON: { type: success | redirect | failure | error, status?, data? }.
    const answer = JSON.parse(text) as { type: string; status?: number };
    return { status: answer.status ?? response.status, ok: answer.type === 'success' || answer.type === 'redirect', text };
  }

  async function endpointCell(who: Authority, key: string, example: EndpointExample, options: { afterEach?: () => Promise<void> } = {}) {
    const revoked = who !== 'organiser' && (await board.db.participant.findUniqueOrThrow({ where: { id: actors[who].identity.participantId } })).revokedAt !== null;
    const authority = await authorityNow(who);
    const inAudience = who === 'organiser' ? example.audience !== 'participants' : example.audience !== 'organisers';
    const allowed = !revoked && inAudience && example.allows(authority);
    if (example.phase) await world.setStatus(example.phase);
    const request = await example.request(endpointWorld);
    const before = await fingerprint();
    const answer = await send(who, request);
    const after = await fingerprint();
    if (example.phase) await world.setStatus('in_session');
    await board.db.joinRequest.updateMany({ where: { meetingId: board.meetingId, status: 'pending' }, data: { status: 'refused' } });
    await options.afterEach?.();
    const label = `${who} (now ${authority}${revoked ? ', revoked' : ''}) → ${key}: ${answer.status} ${answer.text.slice(0, 200)}`;
    if (allowed && example.allowedRefusal) {
      expect(answer.status, label).toBe(example.allowedRefusal.status);
      expect(answer.text, label).toContain(example.allowedRefusal.code);
    } else if (allowed) {
      expect(answer.ok, label).toBe(true);
    } else {
      expect([401, 403], label).toContain(answer.status);
      expect(after, `${label}: changed nothing`).toEqual(before);
    }
  }

  const endpoints = () =>
    Object.entries(ENDPOINT_EXAMPLES).filter((entry): entry is [string, EndpointExample] => !('public' in entry[1]));

  it('has an example for every state-changing HTTP endpoint and page action the sources declare', async () => {
    expect(Object.keys(ENDPOINT_EXAMPLES).sort()).toEqual(await declaredEndpoints());
  });

  it('has an example for every registered command, and no example for a command that is not registered', () => {
    expect(Object.keys(COMMAND_EXAMPLES).sort()).toEqual([...NAMES].sort());
  });

  it('grants and refuses every command as joined', async () => {
    for (const who of AUTHORITIES) for (const name of NAMES) await cell(who, name);
  });

  it('grants and refuses every endpoint as joined', async () => {
    for (const who of AUTHORITIES) for (const [key, example] of endpoints()) await endpointCell(who, key, example);
  });

  describe('after the chair hands the presenter role to the member, on the sockets already open', () => {
    const handOver = async () => {
      const member = await board.db.participant.findUniqueOrThrow({ where: { id: actors.member.identity.participantId } });
      if (member.role !== 'presenter') await ok(board.runCommand('presenter:assign', participantActor(actors.chair.identity), { participantId: member.id }));
    };
    beforeAll(handOver);

    it('grants the member every command the presenter holds, and everyone else what they held', async () => {
      expect(await authorityNow('member')).toBe('presenter');
      // A handover to someone else (presenter:assign, reclaim) ends this one: it is made again before the next cell.
      for (const who of AUTHORITIES) for (const name of NAMES) await cell(who, name, { afterEach: handOver });
    });

    it('and every endpoint', async () => {
      for (const who of AUTHORITIES) for (const [key, example] of endpoints()) await endpointCell(who, key, example, { afterEach: handOver });
    });
  });

  describe('after the chair revokes the member', () => {
    beforeAll(async () => {
      const closed = new Promise<void>((resolve) => actors.member.socket.once('disconnect', () => resolve()));
      await ok(board.runCommand('participant:revoke', participantActor(actors.chair.identity), { participantId: actors.member.identity.participantId }));
      await closed;
    });

    it('refuses the revoked member every command, over any transport, changing nothing', async () => {
      expect(actors.member.socket.connected).toBe(false);
      for (const name of NAMES) {
        current = participantActor(actors.member.identity);
        const payload = await COMMAND_EXAMPLES[name].payload(world, { actor: current, allowed: false });
        const before = await seq();
        const answer = await reply(board.runCommand(name, current, payload as never));
        expect('error' in answer ? answer.error.code : 'ok', name).toBe('participant_revoked');
        expect(await seq(), name).toBe(before);
        await world.setStatus('in_session');
      }
    });

    it('grants and refuses everyone else as the table says, on their open sockets', async () => {
      for (const who of AUTHORITIES.filter((w) => w !== 'member')) for (const name of NAMES) await cell(who, name);
    });

    it('refuses the revoked member every endpoint with their cookie, and grants the rest as the table says', async () => {
      for (const who of AUTHORITIES) for (const [key, example] of endpoints()) await endpointCell(who, key, example);
    });
  });
});
