// Resolutions in bulk over real Socket.io and a real Postgres: the secretary records one outcome for many projects,
// the chair confirms the list; one transaction and one seq each, every project's resolution its own row, all or none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Identity } from '../../server/auth/identity.ts';
import { applyBoardEvent } from '../../server/domain/board-events.ts';
import { projectsById } from '../../server/domain/ceilings.ts';
import { BULK_RESOLUTION_MAX } from '../../server/domain/resolution-bulk.ts';
import type { ResolutionsChanged, ResolutionView } from '../../server/shared/events/resolution.ts';
import { startTestBoard, type ClientSocket, type TestBoard } from '../support/board.ts';
import { comparable, data, record } from '../support/sequenced.ts';

describe('resolutions in bulk', () => {
  let board: TestBoard;
  const people = {} as Record<'secretary' | 'chair' | 'member', { identity: Identity; socket: ClientSocket }>;
  let projects: { id: string; requestedBaht: bigint; ceilingBaht: bigint }[];

  beforeAll(async () => {
    board = await startTestBoard();
    for (const role of ['secretary', 'chair', 'member'] as const) people[role] = await board.connect(role, `ทดสอบ ${role}`);
    projects = await board.db.project.findMany({ where: { plan: { meetings: { some: { id: board.meetingId } } } }, orderBy: { position: 'asc' } });
  });
  afterAll(() => board.stop());

  const seq = async () => (await board.db.meeting.findUniqueOrThrow({ where: { id: board.meetingId } })).seq;
  const standing = () => board.db.resolution.findMany({ where: { meetingId: board.meetingId, status: { not: 'reopened' } } });
  const heard = () => new Promise<ResolutionsChanged>((resolve) => people.member.socket.once('resolutions:changed', resolve));
  const recordBulk = (payload: object, who: keyof typeof people = 'secretary') => people[who].socket.emitWithAck('resolution:record-bulk', payload as never);
  const confirmBulk = (resolutionIds: string[], who: keyof typeof people = 'chair') => people[who].socket.emitWithAck('resolution:confirm-bulk', { resolutionIds });

  it('records not_approved for three projects and confirms them: three rows, three audited ceilings, one seq each', async () => {
    const three = projects.slice(0, 3);
    const before = await seq();
    const told = heard();
    const drafts = data(await recordBulk({ projectIds: three.map((p) => p.id), outcome: 'not_approved', textTh: 'ไม่สอดคล้องกับแนวทาง' }));
    expect(drafts.map((d) => d.projectId)).toEqual(three.map((p) => p.id));
    expect(drafts.every((d) => d.status === 'draft' && d.ceilingBaht === 0 && d.textTh === 'ไม่สอดคล้องกับแนวทาง')).toBe(true);
    expect((await told).seq).toBe(before + 1);
    expect(await seq()).toBe(before + 1);
    expect(new Set(drafts.map((d) => d.id)).size).toBe(3);

    const confirmedTold = heard();
    const list = (await standing()).filter((r) => r.status === 'draft').map((r) => r.id);
    const confirmed = data(await confirmBulk(list));
    const event = await confirmedTold;
    expect(event.seq).toBe(before + 2);
    expect(confirmed.map((r) => r.status)).toEqual(['confirmed', 'confirmed', 'confirmed']);
    expect(event.changes.map((c) => c.project)).toEqual(three.map((p) => ({ id: p.id, ceilingBaht: 0, version: expect.any(Number) })));
    const audit = await board.db.ceilingChange.findMany({ where: { meetingId: board.meetingId, projectId: { in: three.map((p) => p.id) } } });
    expect(audit).toHaveLength(3);
    expect(audit.every((a) => a.seq === before + 2 && a.toBaht === 0n && a.reason?.startsWith('มติที่ประชุม: ไม่อนุมัติ'))).toBe(true);
    expect((await board.db.project.findMany({ where: { id: { in: three.map((p) => p.id) } } })).map((p) => p.ceilingBaht)).toEqual([0n, 0n, 0n]);
  });

  it('refuses, writing nothing: an empty selection, too many, an unknown project, a confirmed one, a member', async () => {
    const before = { seq: await seq(), rows: (await standing()).length };
    expect(await recordBulk({ projectIds: [], outcome: 'deferred' })).toMatchObject({ error: { code: 'resolution_selection_empty' } });
    const tooMany = Array.from({ length: BULK_RESOLUTION_MAX + 1 }, (_, i) => `p${i}`);
    expect(await recordBulk({ projectIds: tooMany, outcome: 'deferred' })).toMatchObject({ error: { code: 'resolution_selection_too_large' } });
    expect(await recordBulk({ projectIds: [projects[5].id, 'nope'], outcome: 'deferred' })).toMatchObject({ error: { code: 'resolution_target_not_found' } });
    expect(await recordBulk({ projectIds: [projects[5].id, projects[0].id], outcome: 'deferred' })).toMatchObject({
      error: { code: 'resolution_selection_confirmed', details: { projectIds: [projects[0].id] } },
    });
    expect(await recordBulk({ projectIds: [projects[5].id], outcome: 'noted' })).toMatchObject({ error: { code: 'invalid_payload' } });
    expect(await recordBulk({ projectIds: [projects[5].id], remaining: true, outcome: 'deferred' })).toMatchObject({ error: { code: 'invalid_payload' } });
    expect(await recordBulk({ projectIds: [projects[5].id], outcome: 'deferred' }, 'member')).toMatchObject({ error: { code: 'forbidden' } });
    expect(await confirmBulk([])).toMatchObject({ error: { code: 'resolution_selection_empty' } });
    expect(await seq()).toBe(before.seq);
    expect((await standing()).length).toBe(before.rows);
  });

  it('confirms all or none: one confirmed resolution in the list leaves every draft a draft', async () => {
    const drafts = data(await recordBulk({ projectIds: [projects[3].id, projects[4].id], outcome: 'deferred' }));
    const confirmedAlready = (await standing()).find((r) => r.projectId === projects[0].id)!;
    const before = await seq();
    expect(await confirmBulk([...drafts.map((d) => d.id), confirmedAlready.id])).toMatchObject({ error: { code: 'resolution_not_draft' } });
    expect(await confirmBulk(drafts.map((d) => d.id), 'secretary')).toMatchObject({ error: { code: 'forbidden' } });
    expect(await seq()).toBe(before);
    expect((await board.db.resolution.findMany({ where: { id: { in: drafts.map((d) => d.id) } } })).map((r) => r.status)).toEqual(['draft', 'draft']);
  });

  it('records all remaining projects with their current ceilings and the chair confirms the list: the board follows', async () => {
    const board0 = data(await people.member.socket.emitWithAck('meeting:sync', {}));
    const byId = projectsById(board0.projects);
    const events = record(people.member.socket);
    const undecided = (await board.db.project.findMany({ where: { id: { in: projects.map((p) => p.id) }, resolutions: { none: { status: 'confirmed' } } } })).length;

    const started = performance.now();
    const drafts: ResolutionView[] = data(await recordBulk({ remaining: true, outcome: 'approved_adjusted', textTh: 'เห็นชอบตามกรอบวงเงินที่ปรับ' }));
    const recordMs = performance.now() - started;
    // Projects 4 and 5 already have drafts (deferred, exceptions recorded one by one): "remaining" leaves them be.
    expect(drafts).toHaveLength(projects.length - 5);
    expect(drafts.map((d) => d.projectId)).not.toContain(projects[3].id);
    expect(new Set(drafts.map((d) => d.projectId)).size).toBe(drafts.length);
    const ceilings = new Map(projects.map((p) => [p.id, Number(p.ceilingBaht)]));
    expect(drafts.every((d) => d.outcome === 'approved_adjusted' && d.ceilingBaht === ceilings.get(d.projectId!))).toBe(true);
    expect(await recordBulk({ remaining: true, outcome: 'deferred' })).toMatchObject({ error: { code: 'resolution_selection_empty' } });

    const confirmStarted = performance.now();
    const list = (await standing()).filter((r) => r.status === 'draft').map((r) => r.id);
    const confirmed = data(await confirmBulk(list));
    const confirmMs = performance.now() - confirmStarted;
    expect(confirmed).toHaveLength(undecided);
    console.log(`bulk: recorded ${drafts.length} in ${recordMs.toFixed(0)} ms, confirmed ${confirmed.length} in ${confirmMs.toFixed(0)} ms`);
    expect((await board.db.resolution.count({ where: { meetingId: board.meetingId, status: 'confirmed' } }))).toBe(projects.length);

    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(events.map((e) => e.type)).toEqual(['resolutions:changed', 'resolutions:changed']);
    for (const event of events) {
      expect(applyBoardEvent(board0, byId, event)).toBe('applied');
      board0.seq = event.payload.seq;
    }
    expect(comparable(board0)).toEqual(comparable(data(await people.member.socket.emitWithAck('meeting:sync', {}))));
  });
});
