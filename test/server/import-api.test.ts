// The import's JSON API against the real server: a file kept while the secretary maps it, a column mapped by hand,
// the unit changed, the mapping saved for the plan and offered for the next file with the same headers, the commit
// through the pipeline (or, for a plan with no meeting yet, in one transaction), and every refusal typed.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireError } from '../../server/shared/errors.ts';
import type { StagedImport } from '../../server/shared/import.ts';
import { ORGANISER_COOKIE, sessionCookieName } from '../../server/shared/session-cookie.ts';
import { startTestBoard, type TestBoard } from '../support/board.ts';

/** Headers the recogniser cannot all place: "เรื่อง" for the project name is left for the secretary to map. */
const CSV = ['ลำดับ,ส่วนราชการ,เรื่อง,แนวทางที่,รูปแบบ,วงเงิน', '1,กรมทดสอบนำเข้า,โครงการนำเข้าผ่าน API หนึ่ง,1.1,ระบบ/ข้อมูล,12.5', '2,กรมทดสอบนำเข้า,โครงการนำเข้าผ่าน API สอง,2.1,งบประมาณ,30'].join('\n');

describe('the import API', () => {
  let board: TestBoard;
  let organiser: string;
  let planId: string;

  beforeAll(async () => {
    board = await startTestBoard();
    const session = await board.organisers.redeemLink(await board.organisers.createLink(), 'ฝ่ายเลขานุการ นำเข้า');
    organiser = `${ORGANISER_COOKIE}=${session.sessionToken}`;
    planId = (await board.db.meeting.findUniqueOrThrow({ where: { id: board.meetingId } })).planId;
  });
  afterAll(() => board.stop());

  async function call(path: string, body: { json?: unknown; bytes?: Uint8Array | string; type?: string }, cookie = organiser) {
    const response = await fetch(`${board.url}${path}`, {
      method: 'POST',
      headers: { origin: board.url, cookie, 'content-type': body.type ?? (body.json !== undefined ? 'application/json' : 'text/csv') },
      body: body.json !== undefined ? JSON.stringify(body.json) : typeof body.bytes === 'string' ? body.bytes : Buffer.from(body.bytes!),
    });
    return { status: response.status, body: (await response.json()) as StagedImport & { error?: WireError; imported?: number; seq?: number | null } };
  }
  const stage = (csv: string | Uint8Array, plan = planId, type?: string) => call(`/api/plans/${plan}/import?name=list.csv`, { bytes: csv, type });
  const projectNames = (plan = planId) => board.db.project.findMany({ where: { planId: plan }, orderBy: { position: 'asc' } }).then((rows) => rows.map((p) => [p.code, p.nameTh, p.requestedBaht]));

  it('keeps a file whose project column it could not place, says so, and reads it once the secretary maps it', async () => {
    const before = await projectNames();
    const staged = await stage(CSV);
    expect(staged.status).toBe(201);
    // "เรื่อง" was not recognised: the rows are not read (they would all lack a name) until it is mapped.
    expect(staged.body).toMatchObject({ missing: ['project'], preview: null, mapping: { columns: ['number', 'agency', null, 'approach', 'integrationType', 'requested'] } });
    expect(staged.body.samples.map((row) => row[2])).toEqual(['โครงการนำเข้าผ่าน API หนึ่ง', 'โครงการนำเข้าผ่าน API สอง']);
    const { uploadId, mapping } = staged.body;

    // A commit that still leaves it out is refused by the column's label, and writes nothing.
    const incomplete = await call(`/api/plans/${planId}/import/${uploadId}/commit`, { json: { mapping } });
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.error).toMatchObject({ code: 'import_mapping_incomplete', messageTh: 'ยังไม่ได้เลือกคอลัมน์ที่จำเป็น: ชื่อโครงการ', messageEn: 'A required column is not mapped: Project name' });
    expect(await projectNames()).toEqual(before);

    const columns = mapping.columns.map((field, i) => (i === 2 ? 'project' : field));
    const looked = await call(`/api/plans/${planId}/import/${uploadId}/look`, { json: { mapping: { ...mapping, columns } } });
    expect(looked.body).toMatchObject({ missing: [], preview: { problems: [], codeSource: 'number' } });
    expect(looked.body.preview!.projects.map((p) => p.nameTh)).toEqual(['โครงการนำเข้าผ่าน API หนึ่ง', 'โครงการนำเข้าผ่าน API สอง']);
  });

  it('maps a column by hand, changes the unit, commits, and offers the saved mapping for the next file', async () => {
    const withName = CSV.replace('เรื่อง', 'ชื่อโครงการ');
    const staged = await stage(withName);
    expect(staged.status).toBe(201);
    expect(staged.body).toMatchObject({ mappingFrom: 'recognised', sheets: [''], mapping: { columns: ['number', 'agency', 'project', 'approach', 'integrationType', 'requested'], amountUnit: 'million' } });
    expect(staged.body.samples[0]).toEqual(['1', 'กรมทดสอบนำเข้า', 'โครงการนำเข้าผ่าน API หนึ่ง', '1.1', 'ระบบ/ข้อมูล', '12.5']);
    expect(staged.body.preview!.unitSource).toEqual({ from: 'figures', because: 'decimals' });
    const { uploadId, mapping } = staged.body;

    // The number column not imported (codes by position), the unit kept: a look, nothing written.
    const looked = await call(`/api/plans/${planId}/import/${uploadId}/look`, { json: { mapping: { ...mapping, columns: [null, ...mapping.columns.slice(1)] } } });
    expect(looked.status).toBe(200);
    expect(looked.body).toMatchObject({ mappingFrom: 'chosen', preview: { codeSource: 'position', problems: [] } });

    const twice = await call(`/api/plans/${planId}/import/${uploadId}/look`, { json: { mapping: { ...mapping, columns: ['agency', ...mapping.columns.slice(1)] } } });
    expect(twice.status).toBe(422);
    expect(twice.body.error).toMatchObject({ code: 'import_mapping_duplicate', messageEn: 'The same field is mapped to more than one column: Lead agency' });
    const wrongWidth = await call(`/api/plans/${planId}/import/${uploadId}/look`, { json: { mapping: { ...mapping, columns: mapping.columns.slice(1) } } });
    expect(wrongWidth.body.error?.code).toBe('import_mapping_invalid');

    const committed = await call(`/api/plans/${planId}/import/${uploadId}/commit`, { json: { mapping: { ...mapping, amountUnit: 'million' } } });
    expect(committed.status).toBe(200);
    expect(committed.body.imported).toBe(2);
    expect(await projectNames()).toEqual([['1', 'โครงการนำเข้าผ่าน API หนึ่ง', 12_500_000n], ['2', 'โครงการนำเข้าผ่าน API สอง', 30_000_000n]]);
    const audit = await board.db.ceilingChange.findFirstOrThrow({ where: { project: { planId }, kind: 'import' } });
    expect(audit).toMatchObject({ meetingId: board.meetingId, seq: committed.body.seq, actorName: 'ฝ่ายเลขานุการ นำเข้า' });
    // The upload is gone once committed.
    expect((await call(`/api/plans/${planId}/import/${uploadId}/commit`, { json: {} })).body.error?.code).toBe('import_upload_not_found');

    // The same headers in another order: the saved mapping is offered.
    const reordered = withName.split('\n').map((line) => { const cells = line.split(','); return [cells[5], ...cells.slice(0, 5)].join(','); }).join('\n');
    const next = await stage(reordered);
    expect(next.body).toMatchObject({ mappingFrom: 'saved', mapping: { columns: ['requested', 'number', 'agency', 'project', 'approach', 'integrationType'], amountUnit: 'million' } });
  });

  it('reads the sheet the secretary chooses in a workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('ปก').addRow(['แผนงานบูรณาการ']);
    const list = workbook.addWorksheet('รายการ');
    list.addRow(['หน่วยงาน', 'ชื่อโครงการ', 'แนวทาง', 'ลักษณะการบูรณาการ', 'วงเงินที่ขอ (บาท)']);
    list.addRow(['กรมแผ่นงาน', 'โครงการจากแผ่นงานที่สอง', '2.1', 'งบประมาณ', 5_000_000]);
    const other = workbook.addWorksheet('ปีก่อน');
    other.addRow(['หน่วยงาน', 'ชื่อโครงการ', 'แนวทาง', 'ลักษณะการบูรณาการ', 'วงเงินที่ขอ (บาท)']);
    other.addRow(['กรมปีก่อน', 'โครงการปีก่อน', '1.1', 'งบประมาณ', 7_000_000]);
    const staged = await stage(new Uint8Array(await workbook.xlsx.writeBuffer()), planId, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(staged.body).toMatchObject({ sheets: ['ปก', 'รายการ', 'ปีก่อน'], mapping: { sheet: 1 }, preview: { sheetName: 'รายการ', unitSource: { from: 'header', text: 'วงเงินที่ขอ (บาท)' } } });
    const third = await call(`/api/plans/${planId}/import/${staged.body.uploadId}/look`, { json: { sheet: 2 } });
    expect(third.body.preview!.projects.map((p) => p.nameTh)).toEqual(['โครงการปีก่อน']);
    expect((await call(`/api/plans/${planId}/import/${staged.body.uploadId}/look`, { json: { sheet: 9 } })).body.error?.code).toBe('import_mapping_invalid');
  });

  it('writes the list of a plan with no meeting yet in one transaction', async () => {
    const plan = await board.db.plan.create({
      data: {
        fiscalYearBE: 2568,
        titleTh: 'แผนทดสอบไม่มีการประชุม',
        titleEn: 'A plan with no meeting',
        frameBaht: 1_000_000_000n,
        goals: { create: [{ number: 1, stream: 'upstream', nameTh: 'เป้าหมายหนึ่ง', nameEn: 'Goal one', approaches: { create: [{ code: '1.1', position: 0, nameTh: 'แนวทางหนึ่ง', nameEn: 'One' }] } }] },
      },
    });
    const staged = await stage('หน่วยงาน,ชื่อโครงการ,แนวทาง,รูปแบบ,วงเงินที่ขอ (ล้านบาท)\nกรมไร้ประชุม,โครงการของแผนใหม่,1.1,ระบบ/ข้อมูล,1.5', plan.id);
    expect(staged.status).toBe(201);
    const committed = await call(`/api/plans/${plan.id}/import/${staged.body.uploadId}/commit`, { json: {} });
    expect(committed.body).toEqual({ seq: null, imported: 1 });
    expect(await projectNames(plan.id)).toEqual([['1', 'โครงการของแผนใหม่', 1_500_000n]]);
  });

  it('refuses what it cannot take, typed, and writes nothing', async () => {
    const before = await projectNames();
    expect((await stage(CSV, planId, 'text/plain')).status).toBe(415);
    const tooBig = await stage('x'.repeat(21 * 1024 * 1024));
    expect([tooBig.status, tooBig.body.error?.code]).toEqual([413, 'payload_too_large']);
    const header = 'หน่วยงาน,ชื่อโครงการ,แนวทาง,รูปแบบ,วงเงินที่ขอ (บาท)';
    const many = [header, ...Array.from({ length: 10_001 }, (_, i) => `กรม,โครงการ ${i},1.1,งบประมาณ,1000000`)].join('\n');
    const tooMany = await stage(many);
    expect([tooMany.status, tooMany.body.error?.code]).toEqual([413, 'import_too_many_rows']);
    expect((await stage(CSV, 'no-such-plan')).status).toBe(404);
    const { sessionToken } = await board.join('member', 'กรรมการ ลองนำเข้า');
    const member = await call(`/api/plans/${planId}/import?name=x.csv`, { bytes: CSV }, `${sessionCookieName(board.meetingId)}=${sessionToken}`);
    expect(member.status).toBe(401);
    expect(await projectNames()).toEqual(before);
  });
});
