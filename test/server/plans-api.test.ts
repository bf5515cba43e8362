// The plans API against the real server: a plan created from DGA's template or its own value chain, read, listed and
// changed; every bad input refused with a typed error that names the field as the form labels it (Thai and English,
// no API key in the Thai), writing nothing; a changed frame on a plan with an open meeting is audited and heard live;
// and only organisers may do any of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_MESSAGES, type WireError } from '../../server/shared/errors.ts';
import { ORGANISER_COOKIE } from '../../server/shared/session-cookie.ts';
import type { PlanChanged, PlanDetail, PlanSummary } from '../../server/shared/setup/plans.ts';
import { dgaValueChain } from '../../server/seed/dga-value-chain.ts';
import { startTestBoard, type TestBoard } from '../support/board.ts';

/** An API key or any Latin word: none belongs in a Thai message. */
const LATIN_WORD = /[A-Za-z]{2,}/;

const newPlan = {
  titleTh: 'แผนงานบูรณาการพัฒนาพื้นที่ระดับภาค',
  titleEn: 'Regional development',
  fiscalYearBE: 2570,
  hostAgencyTh: 'สำนักงานสภาพัฒนาการเศรษฐกิจและสังคมแห่งชาติ',
  frameMillionBaht: '1,234.5678',
  hardCap: true,
};

describe('the plans API', () => {
  let board: TestBoard;
  let organiser: string;
  let samplePlanId: string;

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
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as { plan?: PlanDetail; plans?: PlanSummary[]; error?: WireError } };
  };
  const asOrganiser = (method: string, path: string, json?: unknown) => call(method, path, { cookie: organiser, json });
  /** Everything a refused call must leave as it was. */
  const state = async () =>
    Promise.all([
      board.db.plan.count(),
      board.db.goal.count(),
      board.db.approach.count(),
      board.db.frameChange.count(),
      board.db.plan.findMany({ orderBy: { id: 'asc' }, select: { titleTh: true, frameBaht: true, fiscalYearBE: true, hardCap: true } }),
    ]);

  beforeAll(async () => {
    board = await startTestBoard();
    const session = await board.organisers.redeemLink(await board.organisers.createLink(), 'ฝ่ายเลขานุการ สพร.');
    organiser = `${ORGANISER_COOKIE}=${session.sessionToken}`;
    samplePlanId = (await board.db.meeting.findUniqueOrThrow({ where: { id: board.meetingId } })).planId;
  });
  afterAll(async () => {
    await board.stop();
  });

  let planId: string;

  it("creates a plan from DGA's template: the frame stored as whole baht, never marked sample", async () => {
    const created = await asOrganiser('POST', '/api/plans', newPlan);
    expect(created.status).toBe(201);
    const plan = created.body.plan!;
    planId = plan.id;
    const { frameMillionBaht: _typed, ...fields } = newPlan;
    expect(plan).toMatchObject({ ...fields, frameBaht: 1_234_567_800, hostAgencyEn: '', allowAboveRequest: false, isSample: false, projectCount: 0, meetings: [] });
    expect(plan.valueChain).toEqual(dgaValueChain());
    const listed = await asOrganiser('GET', '/api/plans');
    expect(listed.body.plans!.map((p) => [p.id, p.isSample])).toEqual(expect.arrayContaining([[planId, false], [samplePlanId, true]]));
    expect((await asOrganiser('GET', `/api/plans/${planId}`)).body.plan).toEqual(plan);
  });

  it('creates a plan with its own value chain', async () => {
    const valueChain = [{ number: 1, stream: 'upstream', nameTh: 'เป้าหมายเดียว', approaches: [{ code: 'A', nameTh: 'แนวทางเดียว' }] }];
    const created = await asOrganiser('POST', '/api/plans', { ...newPlan, titleTh: 'แผนที่สอง', valueChain });
    expect(created.status).toBe(201);
    expect(created.body.plan!.valueChain).toEqual([{ number: 1, stream: 'upstream', nameTh: 'เป้าหมายเดียว', nameEn: '', approaches: [{ code: 'A', nameTh: 'แนวทางเดียว', nameEn: '' }] }]);
  });

  const chain = dgaValueChain();
  const duplicateApproach = chain.map((goal, g) => (g === 1 ? { ...goal, approaches: [{ ...goal.approaches[0]!, code: '1.1' }] } : goal));
  const duplicateGoal = chain.map((goal, g) => (g === 2 ? { ...goal, number: 1 } : goal));
  it.each([
    ['a frame of zero', { frameMillionBaht: '0.0000' }, 'frame_zero', 'frameMillionBaht', 'กรอบวงเงิน (ล้านบาท)'],
    ['a frame of more than 15 digits in baht', { frameMillionBaht: '1000000000' }, 'frame_too_large', 'frameMillionBaht', 'กรอบวงเงิน (ล้านบาท)'],
    ['a frame with 5 decimals', { frameMillionBaht: '1.23456' }, 'frame_invalid', 'frameMillionBaht', 'กรอบวงเงิน (ล้านบาท)'],
    ['a frame in words', { frameMillionBaht: 'ห้าพันล้าน' }, 'frame_invalid', 'frameMillionBaht', 'กรอบวงเงิน (ล้านบาท)'],
    ['a fiscal year before 2500', { fiscalYearBE: 2499 }, 'fiscal_year_invalid', 'fiscalYearBE', 'ปีงบประมาณ (พ.ศ.)'],
    ['a fiscal year after 2700', { fiscalYearBE: 2701 }, 'fiscal_year_invalid', 'fiscalYearBE', 'ปีงบประมาณ (พ.ศ.)'],
    ['a fiscal year that is not a number', { fiscalYearBE: '2570' }, 'invalid_field', 'fiscalYearBE', 'ปีงบประมาณ (พ.ศ.)'],
    ['no Thai title', { titleTh: '   ' }, 'plan_title_required', 'titleTh', 'ชื่อแผนงาน (ภาษาไทย)'],
    ['a title too long', { titleTh: 'ก'.repeat(301) }, 'invalid_field', 'titleTh', 'ยาวเกินไป'],
    ['a flag that is not true or false', { hardCap: 'yes' }, 'invalid_field', 'hardCap', 'ห้ามรวมวงเงินที่กำหนดเกินกรอบวงเงิน'],
    ['an empty value chain', { valueChain: [] }, 'value_chain_empty', 'valueChain', 'ห่วงโซ่คุณค่า'],
    ['a duplicate approach code', { valueChain: duplicateApproach }, 'approach_code_duplicate', 'valueChain.1.approaches.0.code', 'เป้าหมายลำดับที่ 2 แนวทางลำดับที่ 1 รหัสแนวทาง'],
    ['a duplicate goal number', { valueChain: duplicateGoal }, 'goal_number_duplicate', 'valueChain.2.number', 'เป้าหมายลำดับที่ 3 เป้าหมายที่'],
    ['a goal without approaches', { valueChain: [{ ...chain[0]!, approaches: [] }] }, 'goal_without_approach', 'valueChain.0.approaches', 'เป้าหมายลำดับที่ 1 แนวทาง'],
    ['an unknown stream', { valueChain: [{ ...chain[0]!, stream: 'sideways' }] }, 'invalid_field', 'valueChain.0.stream', 'เป้าหมายลำดับที่ 1 ต้นน้ำ/กลางน้ำ/ปลายน้ำ'],
  ])('refuses %s, naming the field as the form shows it, writing nothing', async (_label, change, code, field, thai) => {
    const before = await state();
    for (const [method, path, json] of [
      ['POST', '/api/plans', { ...newPlan, ...change }],
      ['PATCH', `/api/plans/${planId}`, change],
    ] as const) {
      const refused = await asOrganiser(method, path, json);
      expect(refused.status, method).toBe(400);
      expect(refused.body.error, method).toMatchObject({ code, details: { field } });
      const { messageTh, messageEn } = refused.body.error!;
      expect(messageTh, method).toContain(code === 'invalid_field' ? thai : ERROR_MESSAGES[code as keyof typeof ERROR_MESSAGES].th);
      if (field.includes('.') || code === 'invalid_field') expect(messageTh, method).toContain(thai);
      else expect(messageTh, method).toContain(thai.split(' (')[0]);
      expect(messageTh.replace(/https?:\/\/\S+/g, ''), method).not.toMatch(LATIN_WORD);
      expect(messageEn, method).toMatch(/[A-Za-z]/);
    }
    expect(await state()).toEqual(before);
  });

  it('refuses unknown fields, a body that is not JSON, a plan that does not exist', async () => {
    const before = await state();
    expect((await asOrganiser('POST', '/api/plans', { ...newPlan, frameBaht: 5 })).body.error).toMatchObject({ code: 'invalid_payload' });
    expect((await asOrganiser('PATCH', `/api/plans/${planId}`, { isSample: true })).body.error).toMatchObject({ code: 'invalid_payload' });
    expect((await asOrganiser('PATCH', `/api/plans/${planId}`, [1, 2])).body.error).toMatchObject({ code: 'invalid_payload' });
    expect((await call('POST', '/api/plans', { cookie: organiser, headers: { 'content-type': 'text/plain' } })).status).toBe(415);
    expect((await asOrganiser('PATCH', '/api/plans/no-such-plan', { titleTh: 'ก' })).status).toBe(404);
    expect((await asOrganiser('GET', '/api/plans/no-such-plan')).body.error).toMatchObject({ code: 'plan_not_found' });
    expect(await state()).toEqual(before);
  });

  it('changes only the fields given, keeps the rest, and audits a changed frame', async () => {
    const changed = await asOrganiser('PATCH', `/api/plans/${planId}`, { titleEn: 'Regional development plan', frameMillionBaht: '2000' });
    expect(changed.status).toBe(200);
    expect(changed.body.plan).toMatchObject({ titleTh: newPlan.titleTh, titleEn: 'Regional development plan', frameBaht: 2_000_000_000, hardCap: true });
    expect(changed.body.plan!.valueChain).toEqual(dgaValueChain());
    expect(changed.body.plan!.frameChanges).toMatchObject([{ fromBaht: 1_234_567_800, toBaht: 2_000_000_000, actorName: 'ฝ่ายเลขานุการ สพร.', meetingId: null }]);
    const renamed = chain.map((goal, g) => (g === 0 ? { ...goal, nameTh: 'ต้นน้ำ (แก้ไข)' } : goal));
    const edited = await asOrganiser('PATCH', `/api/plans/${planId}`, { valueChain: renamed });
    expect(edited.body.plan!.valueChain[0]!.nameTh).toBe('ต้นน้ำ (แก้ไข)');
    expect(edited.body.plan!.frameChanges).toHaveLength(1);
  });

  it("tells an open meeting's boards of a changed frame, in their sequence", async () => {
    const member = await board.connect('member');
    const heard = new Promise<PlanChanged>((resolve) => member.socket.once('plan:changed', resolve));
    const sample = (await asOrganiser('GET', `/api/plans/${samplePlanId}`)).body.plan!;
    const changed = await asOrganiser('PATCH', `/api/plans/${samplePlanId}`, { frameMillionBaht: '6000', reason: 'ครม. อนุมัติกรอบเพิ่ม' });
    expect(changed.status, JSON.stringify(changed.body.error)).toBe(200);
    const event = await heard;
    expect(event).toMatchObject({ plan: { frameBaht: 6_000_000_000 }, frameChange: { fromBaht: sample.frameBaht, toBaht: 6_000_000_000, reason: 'ครม. อนุมัติกรอบเพิ่ม', meetingId: board.meetingId } });
    expect(changed.body.plan!.frameChanges.at(-1)).toMatchObject({ seq: event.seq, meetingId: board.meetingId });
  });

  it('lets nobody but an organiser create, read or change a plan', async () => {
    const before = await state();
    const chair = await board.connect('chair');
    for (const cookie of [chair.cookie, undefined]) {
      expect([401, 403]).toContain((await call('POST', '/api/plans', { cookie, json: newPlan })).status);
      expect([401, 403]).toContain((await call('PATCH', `/api/plans/${planId}`, { cookie, json: { titleTh: 'ของประธาน' } })).status);
      expect([401, 403]).toContain((await call('GET', `/api/plans/${planId}`, { cookie })).status);
      expect([401, 403]).toContain((await call('GET', '/api/plans', { cookie })).status);
    }
    expect(await state()).toEqual(before);
  });
});
