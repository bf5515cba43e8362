// The project list after the plan's first decision, over real Socket.io clients, the JSON API and Postgres: the
// secretary adds a project, withdraws one and corrects a request; each is one seq, one audit row and one
// projects:changed that every board applies to equal the database; a withdrawn project leaves every total and its
// pending proposals and sets close; every bad input is a typed refusal that writes and broadcasts nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyBoardEvent } from '../../server/domain/board-events.ts';
import { projectsById } from '../../server/domain/ceilings.ts';
import type { BoardSnapshot } from '../../server/shared/board.ts';
import type { Ack } from '../../server/shared/ack.ts';
import type { WireError } from '../../server/shared/errors.ts';
import type { ProjectsChanged } from '../../server/shared/events/project-list.ts';
import { ORGANISER_COOKIE } from '../../server/shared/session-cookie.ts';
import { computeTotals } from '../../server/domain/totals.ts';
import { BURST_LIMITS, startTestBoard, type ClientSocket, type Connected, type TestBoard } from '../support/board.ts';
import { comparable, data, record } from '../support/sequenced.ts';
import { foreignProject } from '../support/foreign-plan.ts';

type Reply = Ack<ProjectsChanged>;

/** The board's totals as the browser adds them up (web/lib/board/grouping.ts): withdrawn projects count for nothing. */
const totalsOf = (projects: BoardSnapshot['projects'], frameBaht: number) => computeTotals(projects.filter((p) => !p.withdrawn), frameBaht);
type ListEvent = 'projects:add' | 'projects:withdraw' | 'projects:correct-request';

describe('the project list after the first decision', () => {
  let board: TestBoard;
  let secretary: Connected;
  let chair: Connected;
  let member: Connected;
  let listener: Connected;
  let organiser: string;
  let model: { agencyCode: string; approachCode: string };
  let turn = 0;

  const send = (who: Connected, event: ListEvent | 'ceilings:set' | 'ceilings:propose', payload: unknown): Promise<Reply> =>
    (who.socket.emitWithAck as unknown as (e: string, p: unknown) => Promise<Reply>)(event, payload);
  const sync = async (socket: ClientSocket) => data(await socket.emitWithAck('meeting:sync', {})) as BoardSnapshot;
  const refusal = (reply: Reply) => ('error' in reply ? reply.error.code : 'accepted');
  /** Everything a list command could write. */
  async function writeState() {
    const [sums] = await board.db.$queryRaw<{ requests: bigint; ceilings: bigint; versions: bigint }[]>`
      SELECT sum("requestedBaht") AS requests, sum("ceilingBaht") AS ceilings, sum("version") AS versions FROM "Project"`;
    return {
      sums,
      projects: await board.db.project.count(),
      withdrawn: await board.db.project.count({ where: { withdrawnAt: { not: null } } }),
      seq: (await board.db.meeting.findUniqueOrThrow({ where: { id: board.meetingId } })).seq,
      audit: await board.db.projectChange.count(),
      ceilingChanges: await board.db.ceilingChange.count(),
      proposals: await board.db.proposal.count({ where: { status: 'pending' } }),
      events: await board.db.meetingEvent.count(),
    };
  }
  async function openProject() {
    const rows = await board.db.project.findMany({ where: { plan: { meetings: { some: { id: board.meetingId } } }, withdrawnAt: null }, orderBy: { position: 'asc' } });
    const p = rows[turn++]!;
    return { id: p.id, ceilingBaht: Number(p.ceilingBaht), requestedBaht: Number(p.requestedBaht), version: p.version };
  }
  const newProject = (over: Record<string, unknown> = {}) => ({
    code: `NEW-${++turn}`,
    nameTh: `โครงการเพิ่มใหม่ ที่ ${turn}`,
    nameEn: `Added project ${turn}`,
    ...model,
    integrationType: 'system_data',
    requestedBaht: 12_345_678,
    reason: 'ครม. มอบหมายเพิ่มเติม',
    ...over,
  });
  const api = async (path: string, json: unknown, cookie = organiser) => {
    const response = await fetch(`${board.url}${path}`, {
      method: 'POST',
      headers: { origin: board.url, 'content-type': 'application/json', cookie },
      body: JSON.stringify(json),
    });
    const text = await response.text();
    if (!text.startsWith('{')) throw new Error(`${response.status} ${path}: ${text.slice(0, 300)}`);
    return { status: response.status, body: JSON.parse(text) as ProjectsChanged & { error?: WireError } };
  };

  beforeAll(async () => {
    board = await startTestBoard({ limitRules: BURST_LIMITS });
    [secretary, chair, member, listener] = await Promise.all([
      board.connect('secretary', 'เลขานุการ ทดสอบ'),
      board.connect('chair', 'ประธาน ทดสอบ'),
      board.connect('member', 'กรรมการ ทดสอบ'),
      board.connect('observer', 'ผู้สังเกตการณ์ ฟัง'),
    ]);
    const session = await board.organisers.redeemLink(await board.organisers.createLink(), 'ฝ่ายเลขานุการ สพร.');
    organiser = `${ORGANISER_COOKIE}=${session.sessionToken}`;
    const first = await board.db.project.findFirstOrThrow({ where: { plan: { meetings: { some: { id: board.meetingId } } } }, include: { agency: true, approach: true } });
    model = { agencyCode: first.agency.code, approachCode: first.approach.code };
  });
  afterAll(() => board.stop());

  it('is replaced by an import until the plan decides something', async () => {
    const before = await writeState();
    expect(refusal(await send(secretary, 'projects:add', newProject()))).toBe('project_list_open');
    expect(await writeState()).toEqual(before);
    // The first decision.
    const cut = await openProject();
    data(await send(chair, 'ceilings:set', { projectId: cut.id, toBaht: cut.ceilingBaht - 1_000_000, expectedVersion: cut.version, reason: 'ตัดลด' }));
  });

  it('adds, withdraws and corrects, each one seq and one audit row, every board following it to equal the database', async () => {
    const start = await sync(listener.socket);
    const followed = structuredClone(start);
    const byId = projectsById(followed.projects);
    const heard = record(listener.socket);
    const startTotal = totalsOf(start.projects, start.meeting.plan.frameBaht).overall.ceilingBaht;

    const seqBefore = (await writeState()).seq;
    const added = data(await send(secretary, 'projects:add', newProject({ requestedBaht: 20_000_000 })));
    expect(added).toMatchObject({ seq: seqBefore + 1, kind: 'added', actorName: 'เลขานุการ ทดสอบ', reason: 'ครม. มอบหมายเพิ่มเติม' });
    expect(added.project).toMatchObject({ requestedBaht: 20_000_000, ceilingBaht: 20_000_000, withdrawn: null, approachCode: model.approachCode });

    const target = await openProject();
    const proposal = data(await send(member, 'ceilings:propose', { projectId: target.id, proposedBaht: target.ceilingBaht - 1, baseVersion: target.version, reason: 'เสนอลด' }));
    const withdrawn = data(await send(secretary, 'projects:withdraw', { projectId: target.id, reason: 'หน่วยงานขอถอนโครงการ' }));
    expect(withdrawn.project.withdrawn).toEqual({ at: expect.any(String), reason: 'หน่วยงานขอถอนโครงการ' });
    expect(withdrawn.closedProposals).toEqual([expect.objectContaining({ id: (proposal as unknown as { proposed: { id: string } }).proposed.id, status: 'superseded', reason: 'หน่วยงานขอถอนโครงการ' })]);

    const uncut = await openProject();
    const corrected = data(await send(secretary, 'projects:correct-request', { projectId: uncut.id, requestedBaht: uncut.requestedBaht + 500_000, reason: 'แก้ไขตามหนังสือ' }));
    expect(corrected.project).toMatchObject({ requestedBaht: uncut.requestedBaht + 500_000, ceilingBaht: uncut.ceilingBaht + 500_000, version: uncut.version + 1 });

    const audit = await board.db.projectChange.findMany({ where: { meetingId: board.meetingId }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.kind, a.seq, a.actorName, a.role])).toEqual([
      ['added', added.seq, 'เลขานุการ ทดสอบ', 'secretary'],
      ['withdrawn', withdrawn.seq, 'เลขานุการ ทดสอบ', 'secretary'],
      ['request_corrected', corrected.seq, 'เลขานุการ ทดสอบ', 'secretary'],
    ]);

    for (let waited = 0; heard.filter((e) => e.type === 'projects:changed').length < 3 && waited < 5_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    for (const event of heard) {
      expect(applyBoardEvent(followed, byId, event)).toBe('applied');
      followed.seq = event.payload.seq;
    }
    const now = await sync(listener.socket);
    expect(comparable(followed)).toEqual(comparable(now));
    expect(followed.projects.find((p) => p.id === target.id)!.withdrawn?.reason).toBe('หน่วยงานขอถอนโครงการ');
    const total = totalsOf(now.projects, now.meeting.plan.frameBaht).overall.ceilingBaht;
    expect(total).toBe(startTotal + 20_000_000 - target.ceilingBaht + 500_000);
    expect(totalsOf(followed.projects, followed.meeting.plan.frameBaht)).toEqual(totalsOf(now.projects, now.meeting.plan.frameBaht));
  });

  it('leaves a withdrawn project out of the ceilings, the sandbox and the resolutions', async () => {
    const target = await openProject();
    data(await send(secretary, 'projects:withdraw', { projectId: target.id, reason: 'ซ้ำซ้อนกับโครงการอื่น' }));
    const before = await writeState();
    expect(refusal(await send(chair, 'ceilings:set', { projectId: target.id, toBaht: 1, expectedVersion: target.version + 1, reason: '' }))).toBe('project_withdrawn');
    expect(refusal(await send(member, 'ceilings:propose', { projectId: target.id, proposedBaht: 1, baseVersion: target.version + 1, reason: '' }))).toBe('project_withdrawn');
    const draft = (await (secretary.socket.emitWithAck as unknown as (e: string, p: unknown) => Promise<Ack<unknown>>)('resolution:record', { projectId: target.id, outcome: 'deferred' })) as Ack<unknown>;
    expect('error' in draft && draft.error.code).toBe('project_withdrawn');
    const sandbox = await member.socket.emitWithAck('sandbox:change', { operation: { kind: 'percent', projectIds: [target.id], percent: -10 } });
    expect('error' in sandbox && sandbox.error.code).toBe('project_not_found');
    expect(await writeState()).toEqual(before);
  });

  it('refuses every bad input in words, writing and broadcasting nothing', async () => {
    const listened = record(listener.socket);
    const before = await writeState();
    const taken = await openProject();
    const foreign = await foreignProject(board.db);
    const cases: [ListEvent, unknown, string][] = [
      ['projects:add', newProject({ code: taken.id === '' ? '' : (await board.db.project.findUniqueOrThrow({ where: { id: taken.id } })).code }), 'project_code_taken'],
      ['projects:add', newProject({ nameTh: (await board.db.project.findUniqueOrThrow({ where: { id: taken.id } })).nameTh }), 'project_name_taken'],
      ['projects:add', newProject({ requestedBaht: 0 }), 'request_invalid'],
      ['projects:add', newProject({ requestedBaht: 1.5 }), 'request_invalid'],
      ['projects:add', newProject({ requestedBaht: 1e16 }), 'request_invalid'],
      ['projects:add', newProject({ agencyCode: 'NO-SUCH' }), 'agency_not_found'],
      ['projects:add', newProject({ approachCode: '9.9' }), 'approach_not_found'],
      ['projects:add', newProject({ integrationType: 'other' }), 'invalid_payload'],
      ['projects:add', newProject({ code: '   ' }), 'invalid_payload'],
      ['projects:add', { ...newProject(), extra: 1 }, 'invalid_payload'],
      ['projects:withdraw', { projectId: taken.id, reason: '  ' }, 'reason_required'],
      ['projects:withdraw', { projectId: foreign, reason: 'ต่างแผน' }, 'project_not_found'],
      ['projects:withdraw', { projectId: 'nope', reason: 'ไม่มี' }, 'project_not_found'],
      ['projects:correct-request', { projectId: taken.id, requestedBaht: taken.requestedBaht, reason: 'เท่าเดิม' }, 'request_unchanged'],
      ['projects:correct-request', { projectId: taken.id, requestedBaht: -5, reason: 'ติดลบ' }, 'request_invalid'],
      ['projects:correct-request', { projectId: taken.id, requestedBaht: taken.requestedBaht + 1 }, 'reason_required'],
      ['projects:correct-request', { projectId: taken.id, requestedBaht: '1000', reason: 'ข้อความ' }, 'invalid_payload'],
    ];
    for (const [event, payload, code] of cases) {
      const reply = await send(secretary, event, payload);
      expect(refusal(reply), `${event} ${JSON.stringify(payload)}`).toBe(code);
      if ('error' in reply) expect(reply.error.messageTh && reply.error.messageEn).toBeTruthy();
    }
    // A cut project's request cannot go below its ceiling where the plan forbids ceilings above requests.
    data(await send(chair, 'ceilings:set', { projectId: taken.id, toBaht: taken.ceilingBaht - 2_000_000, expectedVersion: taken.version, reason: 'ตัด' }));
    const cutState = await writeState();
    expect(refusal(await send(secretary, 'projects:correct-request', { projectId: taken.id, requestedBaht: taken.ceilingBaht - 2_000_001, reason: 'ต่ำกว่า' }))).toBe('request_below_ceiling');
    expect(refusal(await send(member, 'projects:add', newProject()))).toBe('forbidden');
    expect(await writeState()).toEqual(cutState);
    expect(before.seq + 1).toBe(cutState.seq);
    expect(listened.filter((e) => e.type === 'projects:changed')).toEqual([]);
  });

  it('answers the JSON API as the socket does, for an organiser and for the meeting\'s secretary', async () => {
    const base = `/api/meetings/${board.meetingId}/projects`;
    const added = await api(base, newProject({ requestedBaht: 3_000_000 }));
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ kind: 'added', actorName: 'ฝ่ายเลขานุการ สพร.' });
    const corrected = await api(`${base}/${added.body.project.id}/correct-request`, { requestedBaht: 3_500_000, reason: 'แก้ไข' }, secretary.cookie);
    expect(corrected.status).toBe(200);
    expect(corrected.body.project).toMatchObject({ requestedBaht: 3_500_000, ceilingBaht: 3_500_000 });
    const before = await writeState();
    const refused = await api(`${base}/${added.body.project.id}/withdraw`, { reason: '' });
    expect([refused.status, refused.body.error?.code]).toEqual([400, 'reason_required']);
    const forbidden = await api(`${base}/${added.body.project.id}/withdraw`, { reason: 'กรรมการถอน' }, member.cookie);
    expect([forbidden.status, forbidden.body.error?.code]).toEqual([403, 'forbidden']);
    expect((await api(`${base}/${added.body.project.id}/withdraw`, 'ข้อความ')).status).toBe(400);
    expect((await api(base, [1, 2])).status).toBe(400);
    expect(await writeState()).toEqual(before);
    const withdrawn = await api(`${base}/${added.body.project.id}/withdraw`, { reason: 'หน่วยงานขอถอน' });
    expect([withdrawn.status, withdrawn.body.kind]).toEqual([200, 'withdrawn']);
    expect((await api(`${base}/${added.body.project.id}/withdraw`, { reason: 'อีกครั้ง' })).body.error?.code).toBe('project_withdrawn');
  });
});
