// Proposed sets over real Socket.io clients and Postgres: a member proposes their sandbox as one set; the chair or the
// presenter accepts it whole (one seq, one audit row per project tied to the set), in part, or rejects it; a set that
// moved under it is refused naming its conflicts, and its part without them can be accepted; every bad set is a typed
// refusal that writes nothing; each role may do exactly what the permissions table says.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyBoardEvent } from '../../server/domain/board-events.ts';
import { projectsById } from '../../server/domain/ceilings.ts';
import { can } from '../../server/domain/permissions.ts';
import type { BoardSnapshot } from '../../server/shared/board.ts';
import type { SetsUpdate } from '../../server/shared/events/proposal-sets.ts';
import type { Ack } from '../../server/shared/ack.ts';
import { ROLES, type Role } from '../../server/shared/roles.ts';
import { BURST_LIMITS, startTestBoard, type ClientSocket, type Connected, type TestBoard } from '../support/board.ts';
import { comparable, data, record } from '../support/sequenced.ts';
import { foreignProject } from '../support/foreign-plan.ts';

type Reply = Ack<SetsUpdate>;

describe('proposed sets', () => {
  let board: TestBoard;
  let member: Connected;
  let chair: Connected;
  let presenter: Connected;
  let secretary: Connected;
  let listener: Connected;
  let projects: { id: string; ceilingBaht: number; requestedBaht: number; version: number }[];
  let foreignProjectId: string;
  let turn = 0;

  const send = (who: Connected, event: 'sets:propose' | 'sets:decide' | 'sets:withdraw', payload: unknown): Promise<Reply> =>
    (who.socket.emitWithAck as unknown as (e: string, p: unknown) => Promise<Reply>)(event, payload);
  const seq = async () => (await board.db.meeting.findUniqueOrThrow({ where: { id: board.meetingId } })).seq;
  const sync = async (socket: ClientSocket) => data(await socket.emitWithAck('meeting:sync', {})) as BoardSnapshot;
  /** Everything a set command could write. */
  async function writeState() {
    const [sums] = await board.db.$queryRaw<{ ceilings: bigint; versions: bigint }[]>`SELECT sum("ceilingBaht") AS ceilings, sum("version") AS versions FROM "Project"`;
    return {
      sums,
      seq: await seq(),
      changes: await board.db.ceilingChange.count(),
      events: await board.db.meetingEvent.count(),
    };
  }
  /** Fresh projects of the plan, as they stand, a different few each call. */
  async function fresh(count: number) {
    const ids = projects.slice(turn, turn + count).map((p) => p.id);
    turn += count;
    const rows = await board.db.project.findMany({ where: { id: { in: ids } }, orderBy: { position: 'asc' } });
    return rows.map((p) => ({ id: p.id, ceilingBaht: Number(p.ceilingBaht), requestedBaht: Number(p.requestedBaht), version: p.version }));
  }
  /** A member's sandbox cut by 10% on `count` projects, proposed as it is. */
  async function proposeCut(count: number, by = member, reason = 'ตัดลดร้อยละสิบ') {
    const chosen = await fresh(count);
    await by.socket.emitWithAck('sandbox:clear', {});
    const sandbox = data(await by.socket.emitWithAck('sandbox:change', { operation: { kind: 'percent', projectIds: chosen.map((p) => p.id), percent: -10 } }));
    const changes = sandbox.edits.map((e) => ({ projectId: e.projectId, toBaht: e.toBaht, baseVersion: e.baseVersion }));
    const ack = data(await send(by, 'sets:propose', { changes, reason }));
    return { set: ack.proposed!, chosen, changes, ack };
  }

  beforeAll(async () => {
    board = await startTestBoard({ limitRules: BURST_LIMITS });
    [member, chair, presenter, secretary, listener] = await Promise.all([
      board.connect('member', 'กรรมการ ชุดสมมติ'),
      board.connect('chair', 'ประธาน ทดสอบ'),
      board.connect('presenter', 'ผู้นำเสนอ ทดสอบ'),
      board.connect('secretary', 'เลขานุการ ทดสอบ'),
      board.connect('observer', 'ผู้สังเกตการณ์ ฟัง'),
    ]);
    const rows = await board.db.project.findMany({ where: { plan: { meetings: { some: { id: board.meetingId } } } }, orderBy: { position: 'asc' } });
    projects = rows.map((p) => ({ id: p.id, ceilingBaht: Number(p.ceilingBaht), requestedBaht: Number(p.requestedBaht), version: p.version }));
    foreignProjectId = await foreignProject(board.db);
  });
  afterAll(() => board.stop());

  it('accepts a proposed set whole: one seq, one audit row per project tied to the set, one event, every board equal to the database', async () => {
    const start = await sync(listener.socket);
    const heard = record(listener.socket);
    const { set, chosen, changes } = await proposeCut(3);
    expect(set.lines).toEqual(chosen.map((p, i) => ({ projectId: p.id, fromBaht: p.ceilingBaht, toBaht: changes[i]!.toBaht, baseVersion: p.version })));
    expect(set).toMatchObject({ proposerId: member.identity.participantId, proposerName: 'กรรมการ ชุดสมมติ', reason: 'ตัดลดร้อยละสิบ' });
    expect((await sync(chair.socket)).proposalSets.map((s) => s.id)).toEqual([set.id]);
    // A single proposal on one of the projects is answered by the set's acceptance, as by a single one.
    const single = data(await member.socket.emitWithAck('ceilings:propose', { projectId: chosen[0]!.id, proposedBaht: 1, baseVersion: chosen[0]!.version, reason: '' }));

    const before = await seq();
    const accepted = data(await send(chair, 'sets:decide', { setId: set.id, decision: 'accept', reason: 'เห็นชอบทั้งชุด' }));
    expect(accepted.seq).toBe(before + 1);
    expect(await seq()).toBe(before + 1);
    expect(accepted.changes!.map((c) => [c.projectId, c.fromBaht, c.toBaht, c.versionAfter])).toEqual(chosen.map((p, i) => [p.id, p.ceilingBaht, changes[i]!.toBaht, p.version + 1]));
    expect(accepted.closed).toEqual([expect.objectContaining({ id: set.id, status: 'accepted', reason: 'เห็นชอบทั้งชุด', acceptedProjectIds: chosen.map((p) => p.id), decidedByName: 'ประธาน ทดสอบ' })]);
    expect(accepted.closedProposals).toEqual([expect.objectContaining({ id: single.proposed!.id, status: 'superseded' })]);
    expect(accepted.totals!.overall.ceilingBaht).toBe(start.projects.reduce((s, p) => s + p.ceilingBaht, 0) + changes.reduce((s, c, i) => s + c.toBaht - chosen[i]!.ceilingBaht, 0));

    const audit = await board.db.ceilingChange.findMany({ where: { proposalId: set.id }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.projectId, a.kind, a.seq, a.reason, a.participantId])).toEqual(
      chosen.map((p) => [p.id, 'proposal_accepted', before + 1, 'ตัดลดร้อยละสิบ', chair.identity.participantId]),
    );
    expect(await board.db.meetingEvent.count({ where: { meetingId: board.meetingId, seq: before + 1 } })).toBe(1);
    // The set lives in the meeting's log: the event of this seq is the one that says how it ended.
    const logged = await board.db.meetingEvent.findFirstOrThrow({ where: { meetingId: board.meetingId, seq: before + 1 } });
    expect(logged).toMatchObject({ type: 'sets:changed', payload: { closed: [{ id: set.id, status: 'accepted', acceptedProjectIds: chosen.map((p) => p.id) }] } });

    await expect.poll(() => heard.filter((e) => e.type === 'sets:changed').length).toBe(2);
    const followed = structuredClone(start);
    const byId = projectsById(followed.projects);
    for (const event of heard) {
      applyBoardEvent(followed, byId, event);
      followed.seq = event.payload.seq;
    }
    expect(comparable(followed)).toEqual(comparable(await sync(listener.socket)));
    expect(followed.proposalSets).toEqual([]);
  });

  it('accepts the part the presenter ticks and moves only those ceilings', async () => {
    const { set, chosen, changes } = await proposeCut(3);
    const part = [chosen[0]!.id, chosen[2]!.id];
    const accepted = data(await send(presenter, 'sets:decide', { setId: set.id, decision: 'accept', projectIds: part }));
    expect(accepted.changes!.map((c) => c.projectId)).toEqual(part);
    expect(accepted.closed![0]).toMatchObject({ status: 'accepted', acceptedProjectIds: part });
    const after = await board.db.project.findMany({ where: { id: { in: chosen.map((p) => p.id) } }, orderBy: { position: 'asc' } });
    expect(after.map((p) => Number(p.ceilingBaht))).toEqual([changes[0]!.toBaht, chosen[1]!.ceilingBaht, changes[2]!.toBaht]);
    expect(await board.db.ceilingChange.count({ where: { proposalId: set.id } })).toBe(2);
  });

  it('rejects a set with a reason: no ceiling moves, the proposer reads why', async () => {
    const { set, chosen } = await proposeCut(2);
    const before = await writeState();
    const rejected = data(await send(chair, 'sets:decide', { setId: set.id, decision: 'reject', reason: 'ลดมากเกินไป' }));
    expect(rejected.closed).toEqual([expect.objectContaining({ id: set.id, proposerId: member.identity.participantId, status: 'rejected', reason: 'ลดมากเกินไป', acceptedProjectIds: [] })]);
    expect(rejected.changes).toBeUndefined();
    const after = await writeState();
    expect(after.sums).toEqual(before.sums);
    expect(after.changes).toBe(before.changes);
    expect(after.seq).toBe(before.seq + 1);
    const rows = await board.db.project.findMany({ where: { id: { in: chosen.map((p) => p.id) } }, orderBy: { position: 'asc' } });
    expect(rows.map((p) => Number(p.ceilingBaht))).toEqual(chosen.map((p) => p.ceilingBaht));
    expect(await send(chair, 'sets:decide', { setId: set.id, decision: 'accept' })).toMatchObject({ error: { code: 'set_closed' } });
  });

  it('refuses a set that moved under it, naming the conflicting projects, and accepts the part without conflicts', async () => {
    const { set, chosen, changes } = await proposeCut(3);
    const [kept, moved, resolved] = chosen as [(typeof chosen)[0], (typeof chosen)[0], (typeof chosen)[0]];
    data(await chair.socket.emitWithAck('ceilings:set', { projectId: moved.id, toBaht: moved.ceilingBaht - 7, expectedVersion: moved.version, reason: '' }));
    const draft = data(await secretary.socket.emitWithAck('resolution:record', { projectId: resolved.id, outcome: 'deferred' }));
    data(await chair.socket.emitWithAck('resolution:confirm', { resolutionId: draft.id }));

    const before = await writeState();
    const blind = await send(chair, 'sets:decide', { setId: set.id, decision: 'accept' });
    expect(blind).toMatchObject({ error: { code: 'set_conflict', details: { projectIds: [moved.id, resolved.id] }, messageTh: expect.stringContaining('ขัดกัน') } });
    expect(await send(presenter, 'sets:decide', { setId: set.id, decision: 'accept', projectIds: [kept.id, moved.id] })).toMatchObject({
      error: { code: 'set_conflict', details: { projectIds: [moved.id] } },
    });
    expect(await writeState()).toEqual(before);

    const part = data(await send(chair, 'sets:decide', { setId: set.id, decision: 'accept', projectIds: [kept.id] }));
    expect(part.changes).toEqual([expect.objectContaining({ projectId: kept.id, toBaht: changes[0]!.toBaht })]);
    expect(Number((await board.db.project.findUniqueOrThrow({ where: { id: moved.id } })).ceilingBaht)).toBe(moved.ceilingBaht - 7);
  });

  it('lets the proposer alone withdraw a set, and replaces their earlier pending set by a new one', async () => {
    const other = await board.connect('member', 'กรรมการ อีกคน');
    const { set } = await proposeCut(1);
    expect(await send(other, 'sets:withdraw', { setId: set.id })).toMatchObject({ error: { code: 'forbidden' } });
    const second = await proposeCut(1);
    expect(second.ack.closed).toEqual([expect.objectContaining({ id: set.id, status: 'superseded' })]);
    const withdrawn = data(await send(member, 'sets:withdraw', { setId: second.set.id }));
    expect(withdrawn.closed).toEqual([expect.objectContaining({ id: second.set.id, status: 'withdrawn', decidedByName: 'กรรมการ ชุดสมมติ' })]);
    expect((await sync(member.socket)).proposalSets).toEqual([]);
  });

  describe('refuses every bad set with its typed error, writing and broadcasting nothing', () => {
    let target: { id: string; ceilingBaht: number; requestedBaht: number; version: number };
    let resolvedId: string;
    let decidedSetId: string;
    const heard: string[] = [];

    beforeAll(async () => {
      [target] = await fresh(1) as [typeof target];
      const [toResolve] = await fresh(1);
      resolvedId = toResolve!.id;
      const draft = data(await secretary.socket.emitWithAck('resolution:record', { projectId: resolvedId, outcome: 'deferred' }));
      data(await chair.socket.emitWithAck('resolution:confirm', { resolutionId: draft.id }));
      const { set } = await proposeCut(1);
      data(await send(chair, 'sets:decide', { setId: set.id, decision: 'reject' }));
      decidedSetId = set.id;
      // Presence comes and goes with connections made by other tests; only what a refused command could send counts.
      listener.socket.onAny((event: string) => { if (event !== 'presence:changed') heard.push(event); });
    });

    const change = (toBaht: number, extra: object = {}) => ({ projectId: target.id, toBaht, baseVersion: target.version, ...extra });
    const cases: [string, () => [Connected, 'sets:propose' | 'sets:decide' | 'sets:withdraw', unknown], string][] = [
      ['an empty set', () => [member, 'sets:propose', { changes: [], reason: '' }], 'set_empty'],
      ['a set larger than the plan', () => [member, 'sets:propose', { changes: [...projects, projects[0]!].map((p) => ({ projectId: p.id, toBaht: 1, baseVersion: p.version })) }], 'set_too_large'],
      ['an unknown project', () => [member, 'sets:propose', { changes: [change(1), { projectId: 'no-such-project', toBaht: 1, baseVersion: 1 }] }], 'project_not_found'],
      ["another meeting's project", () => [member, 'sets:propose', { changes: [change(1), { projectId: foreignProjectId, toBaht: 1, baseVersion: 1 }] }], 'project_not_found'],
      ['a stale base version', () => [member, 'sets:propose', { changes: [change(1, { baseVersion: target.version + 3 })] }], 'set_conflict'],
      ['a resolved project', () => [member, 'sets:propose', { changes: [change(1), { projectId: resolvedId, toBaht: 1, baseVersion: 1 }] }], 'project_resolved'],
      ['a project twice', () => [member, 'sets:propose', { changes: [change(1), change(2)] }], 'set_duplicate_project'],
      ['a negative amount', () => [member, 'sets:propose', { changes: [change(-1)] }], 'invalid_amount'],
      ['fractional baht', () => [member, 'sets:propose', { changes: [change(1_000.5)] }], 'invalid_amount'],
      ['more than requested', () => [member, 'sets:propose', { changes: [change(target.requestedBaht + 1)] }], 'above_request'],
      ['an unknown field', () => [member, 'sets:propose', { changes: [change(1)], admin: true }], 'invalid_payload'],
      ['a reason too long', () => [member, 'sets:propose', { changes: [change(1)], reason: 'ก'.repeat(501) }], 'invalid_payload'],
      ['an unknown set', () => [chair, 'sets:decide', { setId: 'nope', decision: 'reject' }], 'set_not_found'],
      ['a set already decided', () => [chair, 'sets:decide', { setId: decidedSetId, decision: 'accept' }], 'set_closed'],
      ['withdrawing a decided set', () => [member, 'sets:withdraw', { setId: decidedSetId }], 'set_closed'],
      ['an observer proposing', () => [listener, 'sets:propose', { changes: [change(1)] }], 'forbidden'],
      ['a member deciding', () => [member, 'sets:decide', { setId: decidedSetId, decision: 'accept' }], 'forbidden'],
    ];

    it.each(cases)('%s', async (_label, make, code) => {
      const [who, event, payload] = make();
      const before = await writeState();
      heard.length = 0;
      expect(await send(who, event, payload)).toMatchObject({ error: { code, messageTh: expect.any(String), messageEn: expect.any(String) } });
      expect(await writeState()).toEqual(before);
      expect(heard).toEqual([]);
    });
  });

  it('lets each role do exactly what the permissions table grants: propose, withdraw their own, decide', async () => {
    for (const role of ROLES as readonly Role[]) {
      const who = await board.connect(role, `ผู้ทดสอบ ${role}`);
      const [p] = await fresh(1);
      const proposed = await send(who, 'sets:propose', { changes: [{ projectId: p!.id, toBaht: p!.ceilingBaht - 1, baseVersion: p!.version }], reason: role });
      expect('data' in proposed ? 'ok' : proposed.error.code, `${role} proposing`).toBe(can(role, 'ceiling:propose') ? 'ok' : 'forbidden');
      if ('data' in proposed) expect('data' in (await send(who, 'sets:withdraw', { setId: proposed.data.proposed!.id })), `${role} withdrawing`).toBe(true);
      const { set } = await proposeCut(1);
      const decided = await send(who, 'sets:decide', { setId: set.id, decision: 'accept' });
      expect('data' in decided ? 'ok' : decided.error.code, `${role} deciding`).toBe(can(role, 'proposal:decide') ? 'ok' : 'forbidden');
      if (!('data' in decided)) expect(await send(who, 'sets:withdraw', { setId: set.id })).toMatchObject({ error: { code: 'forbidden' } });
    }
  });
});
