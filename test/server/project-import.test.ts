// Importing the project list over HTTP against a real Postgres: preview, all-or-nothing commit, encodings, XLSX.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionCookieName } from '../../server/shared/session-cookie.ts';
import { startTestBoard, type TestBoard } from '../support/board.ts';

const HEADER = 'รหัสโครงการ,หน่วยงาน,ชื่อโครงการ,แนวทาง,ลักษณะการบูรณาการ,วงเงินที่ขอ (บาท)';

function rows(count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const approach = ['1.1', '1.2', '2.1', '3.1'][i % 4];
    return `IMP${String(i + 1).padStart(4, '0')},กรมนำเข้าที่ ${(i % 40) + 1},โครงการนำเข้าที่ ${i + 1},${approach},${i % 3 ? 'ระบบ/ข้อมูล' : 'งบประมาณ'},${1_000_000 + i}`;
  });
}

/** Windows-874 (TIS-620 for Thai letters): U+0E01..U+0E5B are the bytes 0xA1..0xFB. */
function windows874(text: string): Uint8Array {
  return Uint8Array.from([...text].map((c) => {
    const code = c.codePointAt(0)!;
    if (code < 0x80) return code;
    if (code >= 0x0e01 && code <= 0x0e5b) return code - 0x0e01 + 0xa1;
    throw new Error(`not in Windows-874: ${c}`);
  }));
}

describe('project import', () => {
  let board: TestBoard;
  let cookie: string;

  beforeAll(async () => {
    board = await startTestBoard();
    const { sessionToken } = await board.join('secretary', 'เลขานุการ');
    cookie = `${sessionCookieName(board.meetingId)}=${sessionToken}`;
  });
  afterAll(() => board.stop());

  const post = (step: 'preview' | 'commit', name: string, body: Uint8Array | string, as = cookie) =>
    fetch(`${board.url}/meetings/${board.meetingId}/import/${step}?name=${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { cookie: as, 'content-type': 'application/octet-stream' },
      body: typeof body === 'string' ? body : Buffer.from(body),
    });
  const projectCount = () => board.db.project.count({ where: { plan: { meetings: { some: { id: board.meetingId } } } } });

  it('refuses a file with bad rows, reporting each with its line, and writes nothing', async () => {
    const csv = [HEADER, ...rows(3), 'X1,,โครงการไม่มีหน่วยงาน,1.1,งบประมาณ,5', 'X2,กรม,โครงการแนวทางผิด,7.7,งบประมาณ,5', 'X3,กรม,โครงการเงินผิด,1.1,งบประมาณ,ห้าล้าน'].join('\n');
    const before = await projectCount();
    const response = await post('commit', 'bad.csv', csv);
    expect(response.status).toBe(422);
    const { error } = await response.json();
    expect(error.code).toBe('import_invalid');
    expect(error.details.map((p: { line: number; reason: string; column: string }) => [p.line, p.column, p.reason])).toEqual([
      [5, 'หน่วยงาน', 'missing_field'],
      [6, 'แนวทาง', 'unknown_approach'],
      [7, 'วงเงินที่ขอ (บาท)', 'amount_not_a_number'],
    ]);
    expect(await projectCount()).toBe(before);
  });

  it('previews Windows-874 and XLSX files with their Thai intact', async () => {
    const legacy = await (await post('preview', 'legacy.csv', windows874([HEADER, ...rows(2)].join('\r\n')))).json();
    expect(legacy.data).toMatchObject({ encoding: 'windows-874', problems: [], projects: [{ nameTh: 'โครงการนำเข้าที่ 1', agencyNameTh: 'กรมนำเข้าที่ 1' }, {}] });

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('โครงการ');
    sheet.addRow(['หน่วยงาน', 'ชื่อโครงการ', 'แนวทาง', 'ลักษณะการบูรณาการ', 'วงเงินที่ขอ (ล้านบาท)']);
    sheet.addRow(['กรมตัวอย่าง', 'โครงการจากสเปรดชีต', '2.1', 'บูรณาการงบประมาณ', 12.3456]);
    sheet.addRow(['กรมตัวอย่าง', 'โครงการช่องผิดพลาด', '2.1', 'บูรณาการงบประมาณ', { error: '#N/A' }]);
    const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer());
    const preview = await (await post('preview', 'list.xlsx', xlsx)).json();
    expect(preview.data.problems).toEqual([expect.objectContaining({ line: 3, column: 'วงเงินที่ขอ (ล้านบาท)', reason: 'cell_error' }), expect.objectContaining({ line: 3, reason: 'missing_field' })]);
  });

  it('reads a real sheet\'s own spelling: title rows, the unit from the title, the file\'s numbers as codes, partners', async () => {
    const csv = [
      'สรุปคำของบประมาณแผนงานบูรณาการ ประจำปีงบประมาณ พ.ศ. ๒๕๖๗,,,,,,',
      ',,,,,,(หน่วย : ล้านบาท)',
      'ลำดับ,ส่วนราชการ,โครงการ,แนวทางที่,รูปแบบ,หน่วยงานร่วมดำเนินการ,คำขอ',
      '๑,กรมจริงหนึ่ง,โครงการจากแผ่นงานจริงหนึ่ง,1.1,ระบบ/ข้อมูล,"กรมร่วมหนึ่ง, กรมร่วมสอง","120.5000"',
      '๒,กรมจริงสอง,โครงการจากแผ่นงานจริงสอง,2.1,บูรณาการงบประมาณ,,"1,020.25"',
      'รวมทั้งสิ้น,,,,,,"1,140.75"',
    ].join('\n');
    const preview = (await (await post('preview', 'real.csv', csv)).json()).data;
    expect(preview.columns.map((c: { field: string | null }) => c.field)).toEqual(['number', 'agency', 'project', 'approach', 'integrationType', 'partners', 'requested']);
    expect(preview).toMatchObject({ amountUnit: 'million', unitSource: { from: 'title', text: '(หน่วย : ล้านบาท)' }, codeSource: 'number', problems: [], skippedRows: 1 });
    expect(preview.fileTotal).toEqual({ line: 6, baht: 1_140_750_000, matches: true });

    const response = await post('commit', 'real.csv', csv);
    expect(response.status).toBe(200);
    const projects = await board.db.project.findMany({ where: { plan: { meetings: { some: { id: board.meetingId } } } }, include: { partners: { include: { agency: true } } }, orderBy: { position: 'asc' } });
    expect(projects.map((p) => [p.code, p.nameTh, p.requestedBaht])).toEqual([
      ['1', 'โครงการจากแผ่นงานจริงหนึ่ง', 120_500_000n],
      ['2', 'โครงการจากแผ่นงานจริงสอง', 1_020_250_000n],
    ]);
    expect(projects[0]!.partners.map((p) => p.agency.nameTh).sort()).toEqual(['กรมร่วมสอง', 'กรมร่วมหนึ่ง']);
  });

  it('says which required columns it could not find, by the names the page shows, and no internal key', async () => {
    const response = await post('preview', 'partial.csv', ['ชื่อโครงการ,หมายเหตุ', 'โครงการหนึ่ง,ข้อความ'].join('\n'));
    expect(response.status).toBe(422);
    const { error } = await response.json();
    expect(error.code).toBe('import_mapping_incomplete');
    expect(error.messageTh).toBe('ยังไม่ได้เลือกคอลัมน์ที่จำเป็น: หน่วยงานเจ้าภาพ, แนวทาง, ลักษณะการบูรณาการ, วงเงินที่ขอ');
    expect(error.messageEn).toBe('A required column is not mapped: Lead agency, Approach, Integration type, Amount requested');
    expect(error.details.fields).toEqual(['agency', 'approach', 'integrationType', 'requested']);
  });

  it('refuses an observer', async () => {
    const { sessionToken } = await board.join('observer');
    const response = await post('preview', 'x.csv', [HEADER, ...rows(1)].join('\n'), `${sessionCookieName(board.meetingId)}=${sessionToken}`);
    expect(response.status).toBe(403);
  });

  it('imports 2,000 good rows (UTF-8 with a BOM) in one transaction, then refuses once a decision exists', async () => {
    const csv = `\uFEFF${[HEADER, ...rows(2000)].join('\r\n')}\r\n`;
    const before = (await board.db.meeting.findUniqueOrThrow({ where: { id: board.meetingId } })).seq;
    const response = await post('commit', 'big.csv', csv);
    expect(response.status).toBe(200);
    expect((await response.json()).data).toEqual({ seq: before + 1, imported: 2000 });
    expect(await projectCount()).toBe(2000);
    const audit = await board.db.ceilingChange.groupBy({ by: ['seq', 'kind'], _count: true });
    expect(audit).toEqual([{ seq: before + 1, kind: 'import', _count: 2000 }]);
    const project = await board.db.project.findFirstOrThrow({ where: { code: 'IMP2000' }, include: { agency: true, approach: true } });
    expect(project).toMatchObject({ nameTh: 'โครงการนำเข้าที่ 2000', requestedBaht: 1_001_999n, ceilingBaht: 1_001_999n, approach: { code: '3.1' }, agency: { nameTh: 'กรมนำเข้าที่ 40' } });

    const { identity } = await board.join('chair');
    await board.db.resolution.create({ data: { meetingId: board.meetingId, projectId: project.id, outcome: 'deferred', recordedById: identity.participantId } });
    const locked = await post('commit', 'again.csv', [HEADER, ...rows(2)].join('\n'));
    expect(locked.status).toBe(409);
    expect((await locked.json()).error.code).toBe('import_locked');
    expect(await projectCount()).toBe(2000);
  });
});
