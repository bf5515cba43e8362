// Ceilings through the real server: real Socket.io clients with real sessions, a real Postgres behind them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import type { BoardSnapshot } from '../../server/shared/board.ts';
import { ceilingsBroadcast, type CeilingsBroadcast, type CeilingsUpdate } from '../../server/shared/events/ceilings.ts';
import type { Role } from '../../server/shared/roles.ts';
import { applyCeilingsUpdate, projectsById } from '../../server/domain/ceilings.ts';
import { computeTotals } from '../../server/domain/totals.ts';
import { bahtFromDb } from '../../server/db/client.ts';
import { readCsv } from '../../server/import/read-table.ts';
import { MAX_SOCKET_MESSAGE_BYTES, type ClientToServerEvents } from '../../server/shared/contract.ts';
import { BURST_LIMITS, startTestBoard, type ClientSocket, type TestBoard } from '../support/board.ts';
import { foreignProject } from '../support/foreign-plan.ts';

describe('ceilings over Socket.io', () => {
  let board: TestBoard;
  const sockets: ClientSocket[] = [];

  beforeAll(async () => {
    // One test here sends a thousand changes as fast as three sockets can: it is about convergence, not limits.
    board = await startTestBoard({ limitRules: BURST_LIMITS });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await board?.stop();
  });

  const connect = async (role: Role, name?: string) => (await board.connect(role, name)).socket;

  async function snapshot(socket: ClientSocket): Promise<BoardSnapshot> {
    const reply = await socket.emitWithAck('meeting:sync', {});
    if (!('data' in reply)) throw new Error(reply.error.code);
    return reply.data;
  }

  async function project(code: string) {
    const row = await board.db.project.findFirstOrThrow({ where: { code } });
    return { id: row.id, requestedBaht: bahtFromDb(row.requestedBaht), ceilingBaht: bahtFromDb(row.ceilingBaht), version: row.version };
  }

  /** Everything a refused command must leave alone. */
  async function writeState() {
    const [changes, proposals, meeting, ceilings] = await Promise.all([
      board.db.ceilingChange.count(),
      board.db.proposal.count(),
      board.db.meeting.findUniqueOrThrow({ where: { id: board.meetingId } }),
      board.db.project.findMany({ select: { id: true, ceilingBaht: true, version: true }, orderBy: { id: 'asc' } }),
    ]);
    return { changes, proposals, seq: meeting.seq, ceilings };
  }

  async function totalsFromDatabase() {
    const { plan } = await board.db.meeting.findUniqueOrThrow({ where: { id: board.meetingId }, include: { plan: true } });
    const rows = await board.db.project.findMany({ where: { planId: plan.id }, include: { approach: { include: { goal: true } } } });
    return computeTotals(
      rows.map((p) => ({
        goalNumber: p.approach.goal.number,
        approachCode: p.approach.code,
        requestedBaht: bahtFromDb(p.requestedBaht),
        ceilingBaht: bahtFromDb(p.ceilingBaht),
      })),
      bahtFromDb(plan.frameBaht),
    );
  }

  it('sets a ceiling: acknowledged with the new version and totals, broadcast with the same seq, audited', async () => {
    const presenter = await connect('presenter', 'ผู้นำเสนอ ก');
    const member = await connect('member');
    const target = await project('DG67-002');
    const heard = new Promise<CeilingsBroadcast>((resolve) => member.once('ceilings:updated', resolve));
    const before = await writeState();

    const reply = await presenter.emitWithAck('ceilings:set', { projectId: target.id, toBaht: target.requestedBaht - 1_000_000, expectedVersion: target.version, reason: 'ตัดค่าจ้างที่ปรึกษา' });
    expect('data' in reply).toBe(true);
    const update = (reply as { data: CeilingsUpdate }).data;
    expect(update.seq).toBe(before.seq + 1);
    expect(update.change).toMatchObject({ projectId: target.id, kind: 'set', fromBaht: target.requestedBaht, toBaht: target.requestedBaht - 1_000_000, versionAfter: target.version + 1, actorName: 'ผู้นำเสนอ ก', role: 'presenter', reason: 'ตัดค่าจ้างที่ปรึกษา', seq: update.seq });
    expect(update.totals).toEqual(await totalsFromDatabase());
    // The meeting hears only what changed: no audit details, no totals (each board keeps its own by the difference).
    const broadcast = await heard;
    expect(broadcast).toEqual({ seq: update.seq, change: { projectId: target.id, kind: 'set', fromBaht: target.requestedBaht, toBaht: target.requestedBaht - 1_000_000, versionAfter: target.version + 1, actorId: update.change!.actorId, actorName: 'ผู้นำเสนอ ก' } });
    expect(broadcast).toEqual(ceilingsBroadcast(update));

    const audit = await board.db.ceilingChange.findMany({ where: { projectId: target.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ seq: update.seq, role: 'presenter', actorName: 'ผู้นำเสนอ ก', versionAfter: target.version + 1 });
  });

  it('lets exactly one of two changes made from the same version win; the other sees the current value', async () => {
    const [a, b] = await Promise.all([connect('presenter', 'ก'), connect('chair', 'ข')]);
    const target = await project('DG67-003');
    const replies = await Promise.all([
      a.emitWithAck('ceilings:set', { projectId: target.id, toBaht: 1_000_000, expectedVersion: target.version, reason: '' }),
      b.emitWithAck('ceilings:set', { projectId: target.id, toBaht: 2_000_000, expectedVersion: target.version, reason: '' }),
    ]);
    const won = replies.filter((r) => 'data' in r);
    const lost = replies.filter((r) => 'error' in r);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const winner = (won[0] as { data: CeilingsUpdate }).data.change!;
    expect(lost[0]).toMatchObject({ error: { code: 'version_conflict', details: { projectId: target.id, ceilingBaht: winner.toBaht, version: target.version + 1 } } });
    expect(await board.db.ceilingChange.count({ where: { projectId: target.id } })).toBe(1);
  });

  describe('refuses every kind of bad command with its typed error, writes nothing and stays up', () => {
    let presenter: ClientSocket;
    let member: ClientSocket;
    let observer: ClientSocket;
    let target: Awaited<ReturnType<typeof project>>;
    let foreignProjectId: string;

    beforeAll(async () => {
      [presenter, member, observer] = await Promise.all([connect('presenter'), connect('member'), connect('observer')]);
      target = await project('DG67-010');
      foreignProjectId = await foreignProject(board.db);
    });

    const cases: [string, () => [ClientSocket, keyof ClientToServerEvents, unknown], string][] = [
      ['wrong types', () => [presenter, 'ceilings:set', { projectId: 42, toBaht: '1', expectedVersion: 'one' }], 'invalid_payload'],
      ['an unknown field', () => [presenter, 'ceilings:set', { projectId: target.id, toBaht: 1, expectedVersion: target.version, admin: true }], 'invalid_payload'],
      ['a negative ceiling', () => [presenter, 'ceilings:set', { projectId: target.id, toBaht: -5, expectedVersion: target.version }], 'invalid_amount'],
      ['fractional baht', () => [presenter, 'ceilings:set', { projectId: target.id, toBaht: 1_000_000.5, expectedVersion: target.version }], 'invalid_amount'],
      ['more than requested', () => [presenter, 'ceilings:set', { projectId: target.id, toBaht: target.requestedBaht + 1, expectedVersion: target.version }], 'above_request'],
      ['an unknown project', () => [presenter, 'ceilings:set', { projectId: 'no-such-project', toBaht: 1, expectedVersion: 1 }], 'project_not_found'],
      ["another meeting's project", () => [presenter, 'ceilings:set', { projectId: foreignProjectId, toBaht: 1, expectedVersion: 1 }], 'project_not_found'],
      ['a stale version', () => [presenter, 'ceilings:set', { projectId: target.id, toBaht: 1, expectedVersion: target.version + 7 }], 'version_conflict'],
      ['a member setting directly', () => [member, 'ceilings:set', { projectId: target.id, toBaht: 1, expectedVersion: target.version }], 'forbidden'],
      ['an observer proposing', () => [observer, 'ceilings:propose', { projectId: target.id, proposedBaht: 1, baseVersion: target.version }], 'forbidden'],
      ['a member deciding', () => [member, 'ceilings:decide', { proposalId: 'x', decision: 'accept', expectedVersion: 1 }], 'forbidden'],
      ['an observer undoing', () => [observer, 'ceilings:undo', {}], 'forbidden'],
      ['a reason too long', () => [presenter, 'ceilings:set', { projectId: target.id, toBaht: 1, expectedVersion: target.version, reason: 'ก'.repeat(501) }], 'invalid_payload'],
      ['nothing to undo', () => [presenter, 'ceilings:undo', {}], 'nothing_to_undo'],
      ['an unknown proposal', () => [presenter, 'ceilings:decide', { proposalId: 'nope', decision: 'reject', expectedVersion: 1 }], 'proposal_not_found'],
    ];

    it.each(cases)('%s', async (_label, make, code) => {
      const [socket, event, payload] = make();
      const before = await writeState();
      const reply = await (socket.emitWithAck as (e: string, p: unknown) => Promise<unknown>)(event, payload);
      expect(reply).toMatchObject({ error: { code, messageTh: expect.any(String), messageEn: expect.any(String) } });
      expect(await writeState()).toEqual(before);
    });

    it('a connection without a session, refused before any command', async () => {
      const socket: ClientSocket = io(board.url, { auth: { meetingId: board.meetingId }, transports: ['websocket'], reconnection: false, forceNew: true });
      sockets.push(socket);
      const error = await new Promise<Error & { data?: { code: string } }>((resolve) => socket.once('connect_error', resolve));
      expect(error.data?.code).toBe('unauthenticated');
    });

    it('an oversized payload: the connection is dropped, nothing written, and the server answers the next client', async () => {
      const before = await writeState();
      const socket = await connect('presenter');
      const dropped = new Promise((resolve) => socket.once('disconnect', resolve));
      socket.emit('ceilings:set', { projectId: target.id, toBaht: 1, expectedVersion: target.version, reason: 'x'.repeat(MAX_SOCKET_MESSAGE_BYTES * 2) }, () => {});
      await dropped;
      expect(await writeState()).toEqual(before);
      expect((await snapshot(presenter)).projects).toHaveLength(78);
    });
  });

  it('a member proposes, everyone sees it (also after a reconnect), the presenter accepts it and the others are superseded', async () => {
    const [presenter, alice, bob] = await Promise.all([connect('presenter'), connect('member', 'นางอลิส'), connect('member', 'นายบ๊อบ')]);
    const target = await project('DG67-020');
    const seen = new Promise<CeilingsBroadcast>((resolve) => presenter.once('ceilings:updated', resolve));
    const proposed = await alice.emitWithAck('ceilings:propose', { projectId: target.id, proposedBaht: target.requestedBaht - 5_000_000, baseVersion: target.version, reason: 'ซ้ำซ้อนกับโครงการกลาง' });
    expect(proposed).toMatchObject({ data: { proposed: { proposerName: 'นางอลิส', proposedBaht: target.requestedBaht - 5_000_000, baseVersion: target.version, reason: 'ซ้ำซ้อนกับโครงการกลาง' } } });
    const proposal = (proposed as { data: CeilingsUpdate }).data.proposed!;
    expect((await seen).proposed).toEqual(proposal);
    // Nothing moved yet: a proposal is not a change.
    expect((await project('DG67-020')).ceilingBaht).toBe(target.ceilingBaht);
    expect((await snapshot(bob)).proposals).toContainEqual(proposal);

    const other = await bob.emitWithAck('ceilings:propose', { projectId: target.id, proposedBaht: target.requestedBaht - 1_000_000, baseVersion: target.version, reason: '' });
    const otherId = (other as { data: CeilingsUpdate }).data.proposed!.id;

    const accepted = await presenter.emitWithAck('ceilings:decide', { proposalId: proposal.id, decision: 'accept', expectedVersion: target.version });
    expect(accepted).toMatchObject({
      data: {
        change: { kind: 'proposal_accepted', toBaht: target.requestedBaht - 5_000_000, proposalId: proposal.id, reason: 'ซ้ำซ้อนกับโครงการกลาง' },
        closed: [{ id: proposal.id, status: 'accepted' }, { id: otherId, status: 'superseded' }],
      },
    });
    expect((await snapshot(alice)).proposals.filter((p) => p.projectId === target.id)).toEqual([]);
    expect(await board.db.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).toMatchObject({ status: 'accepted', decidedById: expect.any(String) });
    expect(await presenter.emitWithAck('ceilings:decide', { proposalId: otherId, decision: 'accept', expectedVersion: target.version + 1 })).toMatchObject({ error: { code: 'proposal_closed' } });
  });

  it('rejects and withdraws proposals; only the proposer withdraws', async () => {
    const [chair, alice, bob] = await Promise.all([connect('chair'), connect('member', 'อลิส'), connect('member', 'บ๊อบ')]);
    const target = await project('DG67-021');
    const propose = (socket: ClientSocket) => socket.emitWithAck('ceilings:propose', { projectId: target.id, proposedBaht: 1_000_000, baseVersion: target.version, reason: '' });
    const first = (await propose(alice)) as { data: CeilingsUpdate };
    expect(await chair.emitWithAck('ceilings:decide', { proposalId: first.data.proposed!.id, decision: 'reject', expectedVersion: target.version })).toMatchObject({
      data: { closed: [{ id: first.data.proposed!.id, status: 'rejected' }] },
    });
    const second = (await propose(alice)) as { data: CeilingsUpdate };
    expect(await bob.emitWithAck('ceilings:withdraw', { proposalId: second.data.proposed!.id })).toMatchObject({ error: { code: 'forbidden' } });
    expect(await alice.emitWithAck('ceilings:withdraw', { proposalId: second.data.proposed!.id })).toMatchObject({ data: { closed: [{ status: 'withdrawn' }] } });
    expect((await project('DG67-021')).ceilingBaht).toBe(target.ceilingBaht);
  });

  it('tells the proposer who rejected it, when and why; the history and its CSV keep rejected, withdrawn and superseded proposals', async () => {
    const chair = await board.connect('chair', 'นายประธาน ปฏิเสธ');
    const alice = await board.connect('member', 'นางอลิส เสนอ');
    const target = await project('DG67-022');
    const propose = async (proposedBaht: number, reason: string) =>
      ((await alice.socket.emitWithAck('ceilings:propose', { projectId: target.id, proposedBaht, baseVersion: target.version, reason })) as { data: CeilingsUpdate }).data;

    const rejected = await propose(2_000_000, 'ลดให้เท่าปีก่อน');
    const heard = new Promise<CeilingsBroadcast>((resolve) => alice.socket.once('ceilings:updated', resolve));
    await chair.socket.emitWithAck('ceilings:decide', { proposalId: rejected.proposed!.id, decision: 'reject', expectedVersion: target.version, reason: 'ต้องรอผลการประเมินก่อน' });
    // What the proposer's board hears: not "waiting" any more, but by whom, when and why.
    expect((await heard).closed).toEqual([
      {
        id: rejected.proposed!.id,
        projectId: target.id,
        proposerId: alice.identity.participantId,
        status: 'rejected',
        decidedByName: 'นายประธาน ปฏิเสธ',
        decidedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        reason: 'ต้องรอผลการประเมินก่อน',
      },
    ]);
    const superseded = await propose(3_000_000, '');
    const replacing = await propose(4_000_000, 'ฉบับแก้ไข');
    expect(replacing.closed).toMatchObject([{ id: superseded.proposed!.id, status: 'superseded', decidedByName: 'นางอลิส เสนอ' }]);
    await alice.socket.emitWithAck('ceilings:withdraw', { proposalId: replacing.proposed!.id });

    const history = await chair.socket.emitWithAck('ceilings:history', { projectId: target.id });
    if (!('data' in history)) throw new Error(history.error.code);
    expect(history.data.map((e) => [e.kind, e.toBaht, e.actorName, e.reason, e.proposal?.proposerName])).toEqual([
      ['proposal_withdrawn', 4_000_000, 'นางอลิส เสนอ', '', 'นางอลิส เสนอ'],
      ['proposal_superseded', 3_000_000, 'นางอลิส เสนอ', '', 'นางอลิส เสนอ'],
      ['proposal_rejected', 2_000_000, 'นายประธาน ปฏิเสธ', 'ต้องรอผลการประเมินก่อน', 'นางอลิส เสนอ'],
    ]);
    expect(history.data[2]).toMatchObject({ role: 'chair', fromBaht: null, proposal: { reason: 'ลดให้เท่าปีก่อน' } });

    // The meeting's history CSV: numbered without gaps, kinds in Thai, these proposals in it.
    const csv = readCsv(await (await fetch(`${board.url}/meetings/${board.meetingId}/export/ceiling-history.csv`, { headers: { cookie: chair.cookie } })).text());
    const [header, ...rows] = csv.rows.map((r) => r.cells);
    expect(header.slice(0, 3)).toEqual(['ลำดับ', 'วันที่', 'เวลา']);
    expect(rows.map((r) => r[0])).toEqual(rows.map((_, i) => String(i + 1)));
    const mine = rows.filter((r) => r[3] === 'DG67-022');
    expect(mine.map((r) => [r[7], r[9], r[5], r[10], r[11], r[12]])).toEqual([
      ['ไม่รับข้อเสนอ', '2000000', 'นายประธาน ปฏิเสธ', 'ต้องรอผลการประเมินก่อน', 'นางอลิส เสนอ', 'ลดให้เท่าปีก่อน'],
      ['ข้อเสนอถูกแทนที่', '3000000', 'นางอลิส เสนอ', '', 'นางอลิส เสนอ', ''],
      ['ถอนข้อเสนอ', '4000000', 'นางอลิส เสนอ', '', 'นางอลิส เสนอ', 'ฉบับแก้ไข'],
    ]);
    expect(rows.every((r) => !/^[a-z_]+$/.test(r[7]))).toBe(true);
  });

  it('reverts to the requested amount, undoes my last change, and keeps the whole history', async () => {
    const presenter = await connect('presenter', 'ผู้นำเสนอ ข');
    const target = await project('DG67-030');
    const set = async (toBaht: number, expectedVersion: number) =>
      ((await presenter.emitWithAck('ceilings:set', { projectId: target.id, toBaht, expectedVersion, reason: 'ลด' })) as { data: CeilingsUpdate }).data;
    await set(10_000_000, target.version);
    await set(8_000_000, target.version + 1);
    const undone = await presenter.emitWithAck('ceilings:undo', {});
    expect(undone).toMatchObject({ data: { change: { kind: 'undo', fromBaht: 8_000_000, toBaht: 10_000_000 } } });
    expect(await presenter.emitWithAck('ceilings:undo', {})).toMatchObject({ error: { code: 'nothing_to_undo' } });
    const reverted = await presenter.emitWithAck('ceilings:revert', { projectId: target.id, expectedVersion: target.version + 3, reason: 'คืนตามคำขอ' });
    expect(reverted).toMatchObject({ data: { change: { kind: 'revert', toBaht: target.requestedBaht } } });

    const history = await presenter.emitWithAck('ceilings:history', { projectId: target.id });
    expect('data' in history && history.data.map((c) => [c.kind, c.toBaht])).toEqual([
      ['revert', target.requestedBaht],
      ['undo', 10_000_000],
      ['set', 8_000_000],
      ['set', 10_000_000],
    ]);
  });

  it('refuses my undo when someone changed the project after me', async () => {
    const [presenter, chair] = await Promise.all([connect('presenter'), connect('chair')]);
    const target = await project('DG67-031');
    await presenter.emitWithAck('ceilings:set', { projectId: target.id, toBaht: 3_000_000, expectedVersion: target.version, reason: '' });
    await chair.emitWithAck('ceilings:set', { projectId: target.id, toBaht: 4_000_000, expectedVersion: target.version + 1, reason: '' });
    expect(await presenter.emitWithAck('ceilings:undo', {})).toMatchObject({ error: { code: 'version_conflict', details: { ceilingBaht: 4_000_000 } } });
  });

  it('locks a project with a confirmed resolution against set, accept, revert and undo', async () => {
    const [presenter, member] = await Promise.all([connect('presenter'), connect('member')]);
    const target = await project('DG67-040');
    await presenter.emitWithAck('ceilings:set', { projectId: target.id, toBaht: 7_000_000, expectedVersion: target.version, reason: '' });
    const proposed = (await member.emitWithAck('ceilings:propose', { projectId: target.id, proposedBaht: 6_000_000, baseVersion: target.version + 1, reason: '' })) as { data: CeilingsUpdate };
    const secretary = await board.join('secretary');
    await board.db.resolution.create({
      data: { meetingId: board.meetingId, projectId: target.id, outcome: 'approved_adjusted', status: 'confirmed', recordedById: secretary.identity.participantId, ceilingBaht: 7_000_000n },
    });
    const before = await writeState();
    const version = target.version + 1;
    const refused: [ClientSocket, string, unknown][] = [
      [presenter, 'ceilings:set', { projectId: target.id, toBaht: 1, expectedVersion: version }],
      [presenter, 'ceilings:decide', { proposalId: proposed.data.proposed!.id, decision: 'accept', expectedVersion: version }],
      [presenter, 'ceilings:revert', { projectId: target.id, expectedVersion: version }],
      [presenter, 'ceilings:undo', {}],
      [member, 'ceilings:propose', { projectId: target.id, proposedBaht: 1, baseVersion: version }],
    ];
    for (const [socket, event, payload] of refused) {
      const reply = await (socket.emitWithAck as (e: string, p: unknown) => Promise<unknown>)(event, payload);
      expect(reply).toMatchObject({ error: { code: 'project_resolved', messageTh: 'โครงการนี้มีมติแล้ว ต้องให้ประธานเปิดมติใหม่ก่อนแก้ไขวงเงิน' } });
    }
    expect(await writeState()).toEqual(before);
  });

  it("follows the plan's flags: above the request only when allowed, over the frame only without a hard cap", async () => {
    const presenter = await connect('presenter');
    const target = await project('DG67-050');
    const { plan } = await board.db.meeting.findUniqueOrThrow({ where: { id: board.meetingId }, include: { plan: true } });
    const beyondFrame = target.requestedBaht + bahtFromDb(plan.frameBaht);
    const set = (toBaht: number, expectedVersion: number) =>
      presenter.emitWithAck('ceilings:set', { projectId: target.id, toBaht, expectedVersion, reason: '' });
    try {
      // The sample's requests already add up to more than the frame: under a hard cap only cuts get through.
      await board.db.plan.update({ where: { id: plan.id }, data: { allowAboveRequest: true, hardCap: true } });
      expect(await set(beyondFrame, target.version)).toMatchObject({ error: { code: 'over_frame_cap', details: { frameBaht: bahtFromDb(plan.frameBaht) } } });
      expect(await set(target.requestedBaht - 1, target.version)).toMatchObject({ data: { totals: { overFrame: true } } });
      await board.db.plan.update({ where: { id: plan.id }, data: { hardCap: false } });
      expect(await set(target.requestedBaht + 1, target.version + 1)).toMatchObject({ data: { change: { toBaht: target.requestedBaht + 1 }, totals: { overFrame: true } } });
      await board.db.plan.update({ where: { id: plan.id }, data: { allowAboveRequest: false } });
      expect(await set(target.requestedBaht + 2, target.version + 2)).toMatchObject({ error: { code: 'above_request' } });
      expect(await set(target.requestedBaht, target.version + 2)).toMatchObject({ data: { change: { toBaht: target.requestedBaht } } });
    } finally {
      await board.db.plan.update({ where: { id: plan.id }, data: { allowAboveRequest: plan.allowAboveRequest, hardCap: plan.hardCap } });
    }
  });

  it('keeps totals exact through 1,000 random changes from several clients, and every client converges', async () => {
    const clients = await Promise.all([connect('presenter', 'ก'), connect('chair', 'ข'), connect('presenter', 'ค')]);
    const watcher = await connect('observer');
    const view = await snapshot(watcher);
    const byId = projectsById(view.projects);
    let lastSeq = view.seq;
    let outOfOrder = 0;
    let lastTotals: CeilingsUpdate['totals'];
    let lastTotalsSeq = 0;
    watcher.on('ceilings:updated', (update) => {
      if (update.seq !== lastSeq + 1) outOfOrder++;
      lastSeq = update.seq;
      applyCeilingsUpdate(view, byId, update);
    });

    // A fixed-seed generator: the same run every time.
    let state = 20_230_126;
    const random = () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const known = new Map(view.projects.map((p) => [p.id, { ...p }]));
    // Projects another test locked with a resolution would only answer project_resolved.
    const locked = new Set((await board.db.resolution.findMany({ select: { projectId: true } })).map((r) => r.projectId));
    const ids = [...known.keys()].filter((id) => !locked.has(id));
    let applied = 0;
    let conflicts = 0;
    for (let round = 0; round < 1_000 / clients.length; round++) {
      const replies = await Promise.all(
        clients.map((client) => {
          const p = known.get(ids[Math.floor(random() * ids.length)])!;
          const toBaht = Math.floor(random() * p.requestedBaht);
          return client.emitWithAck('ceilings:set', { projectId: p.id, toBaht, expectedVersion: p.version, reason: '' });
        }),
      );
      for (const reply of replies) {
        if ('data' in reply) {
          applied++;
          // Acknowledgements of concurrent changes come back in any order: the totals are those of the newest.
          if (reply.data.totals && reply.data.seq > lastTotalsSeq) [lastTotals, lastTotalsSeq] = [reply.data.totals, reply.data.seq];
          const change = reply.data.change!;
          const p = known.get(change.projectId)!;
          if (change.versionAfter > p.version) Object.assign(p, { ceilingBaht: change.toBaht, version: change.versionAfter });
        } else {
          expect(['version_conflict', 'ceiling_unchanged']).toContain(reply.error.code);
          conflicts++;
          if (reply.error.code === 'version_conflict') {
            const { projectId, ceilingBaht, version } = reply.error.details as { projectId: string; ceilingBaht: number; version: number };
            Object.assign(known.get(projectId)!, { ceilingBaht, version });
          }
        }
      }
    }
    expect(applied + conflicts).toBeGreaterThanOrEqual(999);
    const expected = await totalsFromDatabase();
    await expect.poll(() => lastSeq, { timeout: 10_000 }).toBe((await writeState()).seq);
    expect(outOfOrder).toBe(0);
    expect(lastTotals).toEqual(expected);
    expect(computeTotals(view.projects, view.meeting.plan.frameBaht)).toEqual(expected);
    expect(await board.db.ceilingChange.count({ where: { seq: { gt: 0 } } })).toBeGreaterThanOrEqual(applied);
  }, 180_000);

  it('brings a client that was offline while changes happened back to the same board', async () => {
    const presenter = await connect('presenter');
    const member = await connect('member');
    const before = await snapshot(member);
    member.disconnect();
    const targets = before.projects.slice(40, 45);
    for (const p of targets) {
      const current = await project(p.code);
      await presenter.emitWithAck('ceilings:set', { projectId: p.id, toBaht: Math.floor(current.requestedBaht / 2), expectedVersion: current.version, reason: '' });
    }
    member.connect();
    await new Promise((resolve) => member.once('session:ready', resolve));
    const after = await snapshot(member);
    expect(after.seq).toBe((await writeState()).seq);
    expect(after).toEqual(await snapshot(presenter));
    for (const p of targets) expect(after.projects.find((q) => q.id === p.id)!.ceilingBaht).toBe(Math.floor(p.requestedBaht / 2));
  });
});
