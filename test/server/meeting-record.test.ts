// The meeting's record through the real server: a meeting run through real commands (sets, a revert, an undo, an
// accepted proposal, a resolution confirmed and reopened, a frame change, agenda moves), the database's state taken
// after every one of them, and the board computed from GET /meetings/:id/record at each seq compared with it. Then the
// replay as CSV and XLSX, read back.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrganiserActor } from '../../server/shared/actor.ts';
import { bahtFromDb } from '../../server/db/client.ts';
import { replayRows, stateAt, type MeetingRecord } from '../../server/domain/meeting-record.ts';
import { computeTotals } from '../../server/domain/totals.ts';
import { plainMillionBaht } from '../../server/export/frame-documents.ts';
import { readCsv } from '../../server/import/read-table.ts';
import type { Role } from '../../server/shared/roles.ts';
import { startTestBoard, type Connected, type TestBoard } from '../support/board.ts';

describe('the meeting record', () => {
  let board: TestBoard;
  let organiser: OrganiserActor;
  const people = {} as Record<'chair' | 'presenter' | 'secretary' | 'member', Connected>;
  /** The database after each command: the state the record must give at that seq. */
  const states: { seq: number; frameBaht: number; ceilings: Map<string, number>; totals: ReturnType<typeof computeTotals> }[] = [];

  async function takeState() {
    const meeting = await board.db.meeting.findUniqueOrThrow({ where: { id: board.meetingId }, include: { plan: true } });
    const projects = await board.db.project.findMany({ where: { planId: meeting.planId }, include: { approach: { include: { goal: true } } } });
    const lines = projects.map((p) => ({
      goalNumber: p.approach.goal.number,
      approachCode: p.approach.code,
      requestedBaht: bahtFromDb(p.requestedBaht),
      ceilingBaht: bahtFromDb(p.ceilingBaht),
    }));
    const frameBaht = bahtFromDb(meeting.plan.frameBaht);
    states.push({ seq: meeting.seq, frameBaht, ceilings: new Map(projects.map((p) => [p.id, bahtFromDb(p.ceilingBaht)])), totals: computeTotals(lines, frameBaht) });
  }

  async function project(index: number) {
    const rows = await board.db.project.findMany({ where: { plan: { meetings: { some: { id: board.meetingId } } } }, orderBy: { position: 'asc' } });
    const row = rows[index]!;
    return { id: row.id, ceilingBaht: bahtFromDb(row.ceilingBaht), requestedBaht: bahtFromDb(row.requestedBaht), version: row.version };
  }

  async function call<T>(role: keyof typeof people, event: string, payload: unknown): Promise<T> {
    const reply = (await (people[role].socket.emitWithAck as (e: string, p: unknown) => Promise<{ data?: T; error?: unknown }>)(event, payload)) as { data?: T; error?: unknown };
    if (!('data' in reply)) throw new Error(`${event}: ${JSON.stringify(reply.error)}`);
    await takeState();
    return reply.data as T;
  }

  const get = (path: string, role: Role & keyof typeof people = 'member') => fetch(`${board.url}${path}`, { headers: { cookie: people[role].cookie } });
  const base = () => `/meetings/${board.meetingId}`;

  beforeAll(async () => {
    board = await startTestBoard();
    for (const role of ['chair', 'presenter', 'secretary', 'member'] as const) people[role] = await board.connect(role, `ทดสอบ ${role}`);
    const session = await board.organisers.redeemLink(await board.organisers.createLink(), 'ผู้จัดการประชุม ทดสอบ');
    organiser = await board.organisers.identify(session.sessionToken);
    await takeState();

    const agenda = await board.db.agendaItem.findMany({ where: { meetingId: board.meetingId }, orderBy: { position: 'asc' } });
    await call('presenter', 'agenda:move', { agendaItemId: agenda[1]!.id });
    const a = await project(0);
    await call('presenter', 'ceilings:set', { projectId: a.id, toBaht: a.ceilingBaht - 2_500_000, expectedVersion: a.version, reason: '=HYPERLINK("http://x")' });
    const b = await project(1);
    await call('presenter', 'ceilings:set', { projectId: b.id, toBaht: b.ceilingBaht - 1_000_001, expectedVersion: b.version, reason: 'ตัดค่าจ้างที่ปรึกษา' });
    await call('presenter', 'ceilings:revert', { projectId: a.id, expectedVersion: a.version + 1, reason: 'คืนตามคำขอ' });
    await call('presenter', 'ceilings:undo', {});
    const c = await project(2);
    const proposed = await call<{ proposed: { id: string } }>('member', 'ceilings:propose', { projectId: c.id, proposedBaht: c.ceilingBaht - 750_000, baseVersion: c.version, reason: 'เสนอลด' });
    await call('chair', 'ceilings:decide', { proposalId: proposed.proposed.id, decision: 'accept', expectedVersion: c.version });
    await call('presenter', 'agenda:move', { agendaItemId: agenda[2]!.id });
    const d = await project(3);
    const draft = await call<{ id: string }>('secretary', 'resolution:record', { projectId: d.id, outcome: 'approved_adjusted', ceilingBaht: d.ceilingBaht - 333_333, textTh: 'ปรับลด' });
    await call('chair', 'resolution:confirm', { resolutionId: draft.id });
    await call('chair', 'resolution:reopen', { resolutionId: draft.id, reason: 'ทบทวน' });
    const plan = await board.db.plan.findFirstOrThrow({ where: { meetings: { some: { id: board.meetingId } } } });
    await board.runCommand(
      'plan:update',
      organiser,
      {
        planId: plan.id,
        titleTh: plan.titleTh,
        titleEn: plan.titleEn,
        fiscalYearBE: plan.fiscalYearBE,
        hostAgencyTh: plan.hostAgencyTh,
        hostAgencyEn: plan.hostAgencyEn,
        frameMillionBaht: ((Number(plan.frameBaht) - 5_000_000) / 1_000_000).toFixed(4),
        hardCap: plan.hardCap,
        allowAboveRequest: plan.allowAboveRequest,
        reason: 'สำนักงบประมาณแจ้งปรับกรอบ',
      },
      board.meetingId,
    );
    await takeState();
    const d2 = await project(3);
    await call('presenter', 'ceilings:set', { projectId: d.id, toBaht: d2.ceilingBaht - 1, expectedVersion: d2.version, reason: 'หลังเปิดมติใหม่' });
  });
  afterAll(() => board?.stop());

  async function record(): Promise<MeetingRecord> {
    const response = await get(`${base()}/record`);
    expect(response.status).toBe(200);
    return ((await response.json()) as { data: MeetingRecord }).data;
  }

  it('gives the board as the database had it at every seq of the meeting', async () => {
    const rec = await record();
    expect(rec.seq).toBe(states.at(-1)!.seq);
    expect(rec.changes.map((c) => c.cause)).toEqual(['set', 'set', 'revert', 'undo', 'proposal_accepted', 'set', 'reopen', 'frame', 'set']);
    expect(states.length).toBe(14);
    for (const state of states) {
      const computed = stateAt(rec, state.seq);
      expect(computed.frameBaht, `frame at seq ${state.seq}`).toBe(state.frameBaht);
      expect(new Map([...computed.lines].map(([id, line]) => [id, line.ceilingBaht])), `ceilings at seq ${state.seq}`).toEqual(state.ceilings);
      expect(computed.totals, `totals at seq ${state.seq}`).toEqual(state.totals);
    }
  });

  it('marks the agenda moves, the accepted proposal and the confirmed resolution, and groups the replay by agenda item', async () => {
    const rec = await record();
    expect(rec.marks.map((m) => m.kind)).toEqual(['agenda', 'proposal_accepted', 'agenda', 'resolution_confirmed']);
    const groups = replayRows(rec);
    expect(groups.map((g) => [g.agendaItemId, g.rows.length])).toEqual([
      [rec.agenda[1]!.id, 5],
      [rec.agenda[2]!.id, 4],
    ]);
    const last = groups.at(-1)!.rows.at(-1)!;
    expect(last.ceilingsBaht).toBe(states.at(-1)!.totals.overall.ceilingBaht);
    expect(last.remainingBaht).toBe(states.at(-1)!.totals.remainingBaht);
  });

  it('exports the replay as CSV and XLSX: every change with its running total and remainder, text never a formula', async () => {
    const final = states.at(-1)!;
    const csvResponse = await get(`${base()}/export/record.csv`);
    expect(csvResponse.headers.get('content-type')).toContain('text/csv');
    const rows = readCsv(await csvResponse.text()).rows.map((row) => row.cells);
    expect(rows[0]).toContain('คงเหลือในกรอบ (ล้านบาท)');
    expect(rows.filter((r) => r[0]?.startsWith('ระเบียบวาระที่'))).toHaveLength(2);
    const changeRows = rows.filter((r) => /^\d+$/.test(r[0] ?? ''));
    expect(changeRows).toHaveLength(9);
    expect(changeRows.at(-1)!.slice(-2)).toEqual([plainMillionBaht(final.totals.overall.ceilingBaht), plainMillionBaht(final.totals.remainingBaht)]);
    expect(changeRows[0]![10]).toBe(`'=HYPERLINK("http://x")`);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await (await get(`${base()}/export/record.xlsx`, 'chair')).arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const values = sheet.getSheetValues().filter(Boolean) as unknown[][];
    const lastRow = values.at(-1)!;
    expect(lastRow[13]).toBeCloseTo(final.totals.remainingBaht / 1_000_000, 6);
    expect(values.some((row) => row.includes(`'=HYPERLINK("http://x")`))).toBe(true);
  });

  it('is read with a session of the meeting only', async () => {
    expect((await fetch(`${board.url}${base()}/record`)).status).toBe(401);
    expect((await fetch(`${board.url}${base()}/export/record.csv`)).status).toBe(401);
  });
});
