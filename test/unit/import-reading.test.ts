// Reading whole project lists: the file's numbering kept, every row error, real-looking sheets with title, heading
// and total rows, saved mappings, and the reader's refusals of files that are not lists at all.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { analyseSheet, suggestedMapping } from '../../server/domain/import/analyse.ts';
import type { Sheet } from '../../server/domain/import/locate-table.ts';
import { applySavedColumns, mappingGaps, saveColumns, type ColumnMapping } from '../../server/domain/import/mapping.ts';
import type { ImportReason } from '../../server/domain/import/reasons.ts';
import { readProjects, type ImportReference } from '../../server/domain/import/read-projects.ts';
import { decodeText, detectDelimiter, readCsv, readSpreadsheet } from '../../server/import/read-table.ts';
import { CHAIN } from './import-recognition.test.ts';

const reference: ImportReference = {
  ...CHAIN,
  fiscalYearBE: 2567,
  frameBaht: 5_523_911_000,
  agencies: [{ code: 'DGA', nameTh: 'สำนักงานพัฒนารัฐบาลดิจิทัล', abbreviationTh: 'สพร.' }],
};

/** Reads a file the way the board does when the secretary accepts the recognised mapping (changed by `adjust`). */
function read(sheets: Sheet[], adjust: (mapping: ColumnMapping) => void = () => {}) {
  const analysis = analyseSheet(sheets, reference)!;
  const mapping = suggestedMapping(analysis);
  adjust(mapping);
  return { analysis, mapping, ...readProjects(analysis.table, mapping, reference, sheets[mapping.sheet]!.problems) };
}
const csv = (...lines: string[]) => [readCsv(lines.join('\r\n'))];

const HEADER = 'รหัสโครงการ,หน่วยงาน,รหัสหน่วยงาน,ชื่อโครงการ,เป้าหมาย,แนวทาง,ลักษณะการบูรณาการ,วงเงินที่ขอ (บาท)';
const good = (n: number) => `P${n},กรมทดสอบ,,โครงการทดสอบที่ ${n},1,1.1,บูรณาการระบบ/ข้อมูล,"1,000,000"`;

/** Each line breaks exactly one rule; the second item is the reason it must produce. */
const BAD: [string, ImportReason][] = [
  ['B01,,,โครงการไม่มีหน่วยงาน,1,1.1,ระบบ/ข้อมูล,1000000', 'missing_field'],
  ['B02,กรมทดสอบ,,โครงการแนวทางผิด,1,9.9,ระบบ/ข้อมูล,1000000', 'unknown_approach'],
  ['B03,กรมทดสอบ,,โครงการเป้าหมายผิด,2,1.1,ระบบ/ข้อมูล,1000000', 'goal_mismatch'],
  ['B04,กรมทดสอบ,,โครงการประเภทผิด,1,1.1,อื่น ๆ,1000000', 'unknown_integration_type'],
  ['B05,กรมทดสอบ,,โครงการเงินไม่ใช่ตัวเลข,1,1.1,งบประมาณ,หนึ่งล้าน', 'amount_not_a_number'],
  ['B06,กรมทดสอบ,,โครงการเงินติดลบ,1,1.1,งบประมาณ,-5000', 'amount_negative'],
  ['B07,กรมทดสอบ,,โครงการเงินศูนย์,1,1.1,งบประมาณ,0', 'amount_zero'],
  ['B08,กรมทดสอบ,,โครงการเงินมีสตางค์,1,1.1,งบประมาณ,1000.50', 'amount_fractional_baht'],
  ['B09,กรมทดสอบ,,โครงการเงินมากเกิน,1,1.1,งบประมาณ,99999999999999999', 'amount_too_large'],
  ['B10,กรมทดสอบ,,โครงการเกินกรอบ,1,1.1,งบประมาณ,6000000000', 'amount_above_frame'],
  ['B11,กรมทดสอบ,,โครงการทดสอบที่ 1,1,1.1,งบประมาณ,1000000', 'duplicate_project'],
  ['P2,กรมทดสอบ,,โครงการรหัสซ้ำ,1,1.1,งบประมาณ,1000000', 'duplicate_code'],
  ['รหัส ผิด!,กรมทดสอบ,,โครงการรหัสผิดรูป,1,1.1,งบประมาณ,1000000', 'invalid_code'],
  [`B14,กรมทดสอบ,,โครงการ${'ยาว'.repeat(200)},1,1.1,งบประมาณ,1000000`, 'text_too_long'],
  ['B15,กรมทดสอบ\u0007,,โครงการอักขระควบคุม,1,1.1,งบประมาณ,1000000', 'control_character'],
  ['B16,กรมทดสอบ,,โครงการ\uFFFD\uFFFD,1,1.1,งบประมาณ,1000000', 'replacement_character'],
  ['B17,กรมทดสอบ,,Â¡ÒÃ·´ÊÍº,1,1.1,งบประมาณ,1000000', 'not_thai'],
  ['B18,กรมทดสอบ,,=โครงการสูตร()+1,1,1.1,งบประมาณ,1000000', 'formula_injection'],
  ['B19,กรมทดสอบ,,โครงการช่องขาด,1,1.1', 'wrong_column_count'],
  ['B20,กรมทดสอบ,,"โครงการ"คำพูดผิด,1,1.1,งบประมาณ,1000000', 'malformed_row'],
  ['B21,กรมทดสอบ,DGA,โครงการรหัสหน่วยงานไม่ตรง,1,1.1,งบประมาณ,1000000', 'agency_code_conflict'],
  ['B22,กรมทดสอบ,,โครงการเป้าหมายไม่มี,9,1.1,งบประมาณ,1000000', 'unknown_goal'],
  [',กรมทดสอบ,,โครงการไม่มีรหัส,1,1.1,งบประมาณ,1000000', 'missing_field'],
];

describe('readProjects', () => {
  it('accepts good rows with Thai headers, in file order, with the file\'s own codes and whole baht', () => {
    const { projects, problems, codeSource } = read(csv(HEADER, good(1), good(2)));
    expect(problems).toEqual([]);
    expect(codeSource).toBe('code');
    expect(projects.map((p) => [p.line, p.code, p.requestedBaht, p.integrationType, p.approachCode])).toEqual([
      [2, 'P1', 1_000_000, 'system_data', '1.1'],
      [3, 'P2', 1_000_000, 'system_data', '1.1'],
    ]);
  });

  it(`reports each of ${BAD.length} kinds of bad row with its line and the column as the file names it, and accepts nothing`, () => {
    const { projects, problems } = read(csv(HEADER, good(1), good(2), ...BAD.map(([line]) => line)));
    expect(projects).toEqual([]);
    BAD.forEach(([, reason], i) => {
      const line = i + 4;
      expect(problems.filter((p) => p.line === line).map((p) => p.reason), `line ${line}`).toEqual([reason]);
    });
    expect(problems.find((p) => p.reason === 'unknown_approach')?.column).toBe('แนวทาง');
    expect(problems.find((p) => p.reason === 'missing_field')?.column).toBe('หน่วยงาน');
    expect(problems.find((p) => p.reason === 'amount_zero')).toMatchObject({ column: 'วงเงินที่ขอ (บาท)', value: '0' });
    expect(problems.at(-1)).toMatchObject({ column: 'รหัสโครงการ', reason: 'missing_field' });
  });

  it('keeps the file\'s own numbers when it has no codes, and numbers the list in order when it has neither', () => {
    const numbered = read(csv('ลำดับที่,หน่วยงาน,โครงการ,แนวทาง,รูปแบบ,งบประมาณ (บาท)', '๑,กรมหนึ่ง,โครงการหนึ่ง,1.1,งบประมาณ,5000000', '2.,กรมสอง,โครงการสอง,2.1,ระบบ/ข้อมูล,6000000'));
    expect(numbered.codeSource).toBe('number');
    expect(numbered.projects.map((p) => p.code)).toEqual(['1', '2']);

    const bare = read(csv('หน่วยงาน,โครงการ,แนวทาง,รูปแบบ,งบประมาณ (บาท)', 'กรมหนึ่ง,โครงการหนึ่ง,1.1,งบประมาณ,5000000', 'กรมสอง,โครงการสอง,2.1,ระบบ/ข้อมูล,6000000'));
    expect(bare.codeSource).toBe('position');
    expect(bare.projects.map((p) => p.code)).toEqual(['1', '2']);

    const both = read(csv('ลำดับ,รหัสโครงการ,หน่วยงาน,โครงการ,แนวทาง,รูปแบบ,วงเงิน (บาท)', '1,DG-001,กรมหนึ่ง,โครงการหนึ่ง,1.1,งบประมาณ,5000000', '2,,กรมสอง,โครงการสอง,2.1,งบประมาณ,6000000'));
    expect(both.projects.map((p) => p.code)).toEqual(['DG-001', '2']);
  });

  it('reads a real-looking sheet: title rows, the unit in a title, heading rows for goals and approaches, partners, subtotals, the grand total and a note', () => {
    const result = read(
      csv(
        'แผนงานบูรณาการรัฐบาลดิจิทัล ประจำปีงบประมาณ พ.ศ. ๒๕๖๗,,,,,',
        'สรุปคำของบประมาณรายโครงการ,,,,,',
        ',,,,,หน่วย : ล้านบาท',
        'ที่,หน่วยงานเจ้าภาพ,ชื่อโครงการ,รูปแบบการบูรณาการ,หน่วยงานที่บูรณาการร่วม,วงเงิน',
        'เป้าหมายที่ 1 ต้นน้ำ,,,,,',
        'แนวทางที่ 1.1 การเตรียมความพร้อมพื้นฐานที่จำเป็น,,,,,',
        '1,สำนักงานพัฒนารัฐบาลดิจิทัล,โครงการพัฒนาทักษะดิจิทัลบุคลากรภาครัฐ,ระบบ/ข้อมูล,"1. กรมบัญชีกลาง\n2. สพร.\n3. สำนักงาน ก.พ.","120.5000"',
        '2,กรมการปกครอง,โครงการศูนย์ข้อมูลประชากร,บูรณาการงบประมาณ,,"๑,๐๒๐.๒๕"',
        ',รวมแนวทางที่ 1.1,,,,"1,140.7500"',
        'แนวทางที่ 2 การจัดทำโครงสร้างพื้นฐาน,,,,,',
        '3,สพร.,โครงการคลาวด์กลางภาครัฐ,งบประมาณ,"กรมสรรพากร, กรมการปกครอง",300',
        'เป้าหมายที่ 3 ปลายน้ำ,,,,,',
        'แนวทางที่ 1,,,,,',
        '4,กรมสรรพากร,โครงการยื่นภาษีออนไลน์,ระบบ/ข้อมูล,,52.25',
        'รวมทั้งสิ้น,,,,,"1,493.0000"',
        'หมายเหตุ: ข้อมูลจากระบบ DGI-Budget,,,,,',
      ),
    );
    expect(result.analysis.table.headerLines).toEqual([4]);
    expect(result.analysis.unitSource).toEqual({ from: 'title', text: 'หน่วย : ล้านบาท' });
    expect(result.mapping.columns).toEqual(['number', 'agency', 'project', 'integrationType', 'partners', 'requested']);
    expect(result.problems).toEqual([]);
    expect(result.projects.map((p) => [p.code, p.approachCode, p.requestedBaht, p.integrationType])).toEqual([
      ['1', '1.1', 120_500_000, 'system_data'],
      ['2', '1.1', 1_020_250_000, 'budget'],
      ['3', '1.2', 300_000_000, 'budget'],
      ['4', '3.1', 52_250_000, 'system_data'],
    ]);
    expect(result.projects[0]!.partners).toEqual(['กรมบัญชีกลาง', 'สพร.', 'สำนักงาน ก.พ.']);
    expect(result.projects[2]!.partners).toEqual(['กรมสรรพากร', 'กรมการปกครอง']);
    expect(result.skipped.map((row) => [row.line, row.kind])).toEqual([
      [5, 'heading'], [6, 'heading'], [11, 'total'], [12, 'heading'], [14, 'heading'], [15, 'heading'], [17, 'total'], [18, 'note'],
    ]);
    expect(result.fileTotal).toEqual({ line: 17, baht: 1_493_000_000, matches: true });
    expect(result.newAgencies).toEqual(['กรมบัญชีกลาง', 'สำนักงาน ก.พ.', 'กรมการปกครอง', 'กรมสรรพากร']);
  });

  it('says when the file\'s own total does not match what was read', () => {
    const { fileTotal } = read(csv('หน่วยงาน,โครงการ,แนวทาง,รูปแบบ,วงเงิน (บาท)', 'กรมหนึ่ง,โครงการหนึ่ง,1.1,งบประมาณ,5000000', 'รวม,,,,6000000'));
    expect(fileTotal).toEqual({ line: 3, baht: 6_000_000, matches: false });
  });

  it('reads amounts in the unit the secretary chooses', () => {
    const lines = csv('หน่วยงาน,โครงการ,แนวทาง,รูปแบบ,วงเงินที่ขอ', 'กรมหนึ่ง,โครงการหนึ่ง,1.1,งบประมาณ,"12,500,000"');
    const assumed = read(lines);
    expect(assumed.analysis.unitSource).toEqual({ from: 'figures', because: 'large_figures' });
    expect(assumed.projects[0]!.requestedBaht).toBe(12_500_000);
    const millions = read(lines, (mapping) => (mapping.amountUnit = 'million'));
    expect(millions.problems.map((p) => p.reason)).toEqual(['amount_above_frame']);
  });

  it('takes a column the secretary maps by hand, and reads a row under no approach as missing one', () => {
    const sheet = csv('หน่วยงาน,โครงการ,Kind,วงเงิน (ล้านบาท)', 'แนวทางที่ 2.1,,,', 'กรมหนึ่ง,โครงการหนึ่ง,budget,5');
    const unmapped = read(sheet);
    expect(unmapped.analysis.columns.map((c) => c.field)).toEqual(['agency', 'project', null, 'requested']);
    expect(unmapped.analysis.approachFromHeadings).toBe(true);
    expect(mappingGaps(unmapped.mapping.columns, { approachFromHeadings: true })).toEqual({ missing: ['integrationType'], twice: [] });
    const mapped = read(sheet, (mapping) => (mapping.columns[2] = 'integrationType'));
    expect(mapped.projects).toMatchObject([{ approachCode: '2.1', integrationType: 'budget', requestedBaht: 5_000_000 }]);
    const orphan = read(csv('หน่วยงาน,โครงการ,รูปแบบ,วงเงิน (ล้านบาท)', 'กรมหนึ่ง,โครงการหนึ่ง,budget,5'));
    expect(orphan.problems).toEqual([{ line: 2, column: null, reason: 'no_approach' }]);
  });
});

describe('mappings', () => {
  it('finds what is missing or mapped twice', () => {
    expect(mappingGaps(['project', 'project', null], { approachFromHeadings: false })).toEqual({ missing: ['agency', 'approach', 'integrationType', 'requested'], twice: ['project'] });
  });

  it('is saved by header and reused for a file with the same headers in another order, and not for other headers', () => {
    const header = ['ลำดับ', 'ส่วนราชการ', 'ชื่อ', 'Kind', 'Amt'];
    const saved = JSON.parse(JSON.stringify(saveColumns(header, { columns: ['number', 'agency', 'project', 'integrationType', 'requested'], amountUnit: 'million' })));
    expect(applySavedColumns(['Amt', 'ชื่อ', 'ลำดับ', 'Kind', 'ส่วนราชการ'], saved)).toEqual(['requested', 'project', 'number', 'integrationType', 'agency']);
    expect(applySavedColumns([' amt ', 'ชื่อ', 'ลำดับ', 'kind', 'ส่วน ราชการ'], saved)).not.toBeNull();
    expect(applySavedColumns(['Amt', 'ชื่อ', 'ลำดับ', 'Kind'], saved)).toBeNull();
    expect(saved.amountUnit).toBe('million');
  });
});

describe('reading files', () => {
  const thai = 'หน่วยงาน,โครงการ';
  it('reads UTF-8 with and without a BOM, UTF-16 and legacy Windows-874', () => {
    const plain = new TextEncoder().encode(thai);
    expect(decodeText(plain)).toEqual({ text: thai, encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...plain]))).toEqual({ text: thai, encoding: 'utf-8' });
    // TIS-620 puts Thai at U+0E01..U+0E5B -> 0xA1..0xFB.
    const tis = Uint8Array.from([...thai].map((c) => (c === ',' ? 0x2c : c.codePointAt(0)! - 0x0e01 + 0xa1)));
    expect(decodeText(tis)).toEqual({ text: thai, encoding: 'windows-874' });
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...thai].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    expect(decodeText(utf16)).toEqual({ text: thai, encoding: 'utf-16le' });
  });

  it('finds the separator and keeps line numbers across quoted line breaks', () => {
    expect(detectDelimiter('a\tb\tc\n1\t2\t3')).toBe('\t');
    expect(detectDelimiter('a;b;c\n"1,5";2;3')).toBe(';');
    expect(detectDelimiter('a,b\n1,2')).toBe(',');
    expect(readCsv('a,b\r\n"x\ny",1\r\n\r\nz,2').rows).toEqual([{ line: 1, cells: ['a', 'b'] }, { line: 2, cells: ['x\ny', '1'] }, { line: 5, cells: ['z', '2'] }]);
  });

  it.each([
    ['an empty file', new Uint8Array(), 'import_empty'],
    ['blank lines only', new TextEncoder().encode(',,\r\n\r\n'), 'import_empty'],
    ['an old .xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'import_legacy_xls'],
    ['a PDF', new TextEncoder().encode('%PDF-1.7\n...'), 'import_not_spreadsheet'],
    ['binary bytes', new Uint8Array([0x41, 0x00, 0x42, 0x00, 0x01, 0x02]), 'import_not_spreadsheet'],
    ['a broken zip', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'import_not_spreadsheet'],
    ['Thai mangled through Windows-874', new TextEncoder().encode('เธซเธ™เนˆเธงเธขเธ‡เธฒเธ™,เน‚เธ„เธฃเธ‡เธเธฒเธฃ\n'), 'import_encoding'],
    ['Thai mangled through Latin-1', new TextEncoder().encode('à¸«à¸™à¹ˆà¸§à¸¢à¸‡à¸²à¸™,x\n'), 'import_encoding'],
  ])('refuses %s', async (_name, bytes, code) => {
    await expect(readSpreadsheet(bytes)).rejects.toMatchObject({ name: 'BoardError', code });
  });

  it('reads an XLSX as people make them: a cover sheet, a merged title, a two-row header, an agency merged down, a formula total', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('ปก').addRow(['รายงานคำของบประมาณ']);
    const sheet = workbook.addWorksheet('รายโครงการ');
    sheet.addRow(['แผนงานบูรณาการรัฐบาลดิจิทัล ประจำปีงบประมาณ พ.ศ. 2567']);
    sheet.mergeCells('A1:G1');
    sheet.addRow(['ลำดับ', 'ส่วนราชการ', 'ชื่อโครงการ', 'แนวทาง', 'ประเภทการบูรณาการ', 'งบประมาณ (ล้านบาท)', null]);
    sheet.addRow([null, null, null, null, null, 'ปี 2566', 'ปี 2567']);
    sheet.mergeCells('F2:G2');
    for (const column of ['A', 'B', 'C', 'D', 'E']) sheet.mergeCells(`${column}2:${column}3`);
    sheet.addRow([1, 'กรมการปกครอง', 'โครงการบัตรประชาชนดิจิทัล', '3.1', 'ระบบ/ข้อมูล', 10, 0.1 + 0.2]);
    sheet.addRow([2, null, 'โครงการทะเบียนราษฎร์ออนไลน์', '3.1', 'งบประมาณ', 5, 12.3456]);
    sheet.mergeCells('B4:B5');
    sheet.addRow(['รวม', null, null, null, null, { formula: 'SUM(F4:F5)', result: 15 }, { formula: 'SUM(G4:G5)', result: 12.6456 }]);
    sheet.mergeCells('A6:E6');
    const file = await readSpreadsheet(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(file.sheets.map((s) => s.name)).toEqual(['ปก', 'รายโครงการ']);

    const result = read(file.sheets);
    expect(result.mapping.sheet).toBe(1);
    expect(result.analysis.table.header).toEqual(['ลำดับ', 'ส่วนราชการ', 'ชื่อโครงการ', 'แนวทาง', 'ประเภทการบูรณาการ', 'งบประมาณ (ล้านบาท) ปี 2566', 'งบประมาณ (ล้านบาท) ปี 2567']);
    expect(result.mapping.columns).toEqual(['number', 'agency', 'project', 'approach', 'integrationType', null, 'requested']);
    expect(result.problems).toEqual([]);
    expect(result.projects.map((p) => [p.code, p.agencyNameTh, p.requestedBaht])).toEqual([
      ['1', 'กรมการปกครอง', 300_000],
      ['2', 'กรมการปกครอง', 12_345_600],
    ]);
    expect(result.fileTotal).toEqual({ line: 6, baht: 12_645_600, matches: true });
  });

  it('reports a spreadsheet error in a column it imports, and not in one it leaves out', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('list');
    sheet.addRow(['หน่วยงาน', 'ชื่อโครงการ', 'แนวทาง', 'ลักษณะการบูรณาการ', 'วงเงินที่ขอ (ล้านบาท)', 'หมายเหตุ']);
    sheet.addRow(['กรมตัวอย่าง', 'โครงการจากสเปรดชีต', '2.1', 'บูรณาการงบประมาณ', 12.3456, { error: '#REF!' }]);
    sheet.addRow(['กรมตัวอย่าง', 'โครงการช่องผิดพลาด', '2.1', 'บูรณาการงบประมาณ', { error: '#N/A' }, null]);
    const result = read((await readSpreadsheet(new Uint8Array(await workbook.xlsx.writeBuffer()))).sheets);
    expect(result.problems).toEqual([
      { line: 3, column: 'วงเงินที่ขอ (ล้านบาท)', reason: 'cell_error', value: '#N/A' },
      { line: 3, column: 'วงเงินที่ขอ (ล้านบาท)', reason: 'missing_field' },
    ]);
  });
});
