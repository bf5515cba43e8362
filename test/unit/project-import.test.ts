import { describe, expect, it } from 'vitest';
import { parseImportAmount, validateImport, type ImportReason, type ImportReference } from '../../server/domain/project-import.ts';
import { decodeText, readCsv } from '../../server/import/read-table.ts';

const reference: ImportReference = {
  frameBaht: 5_523_911_000,
  approaches: [
    { code: '1.1', goalNumber: 1, nameTh: 'พัฒนาปัจจัยพื้นฐาน' },
    { code: '1.2', goalNumber: 1, nameTh: 'โครงสร้างพื้นฐาน' },
    { code: '2.1', goalNumber: 2, nameTh: 'แพลตฟอร์มกลาง' },
    { code: '3.1', goalNumber: 3, nameTh: 'บูรณาการข้อมูลและบริการ' },
  ],
  agencies: [{ code: 'DGA', nameTh: 'สำนักงานพัฒนารัฐบาลดิจิทัล' }],
};

const HEADER = 'รหัสโครงการ,หน่วยงาน,รหัสหน่วยงาน,ชื่อโครงการ,เป้าหมาย,แนวทาง,ลักษณะการบูรณาการ,วงเงินที่ขอ (บาท)';
const good = (n: number) => `P${n},กรมทดสอบ,,โครงการทดสอบที่ ${n},1,1.1,บูรณาการระบบ/ข้อมูล,"1,000,000"`;

/** Each line breaks exactly one rule; the comment is the reason it must produce. */
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
];

function table(lines: string[]) {
  return readCsv([HEADER, ...lines].join('\r\n'));
}

describe('validateImport', () => {
  it('accepts good rows with Thai headers, in file order, amounts in whole baht', () => {
    const { projects, problems } = validateImport(table([good(1), good(2)]), reference);
    expect(problems).toEqual([]);
    expect(projects.map((p) => [p.line, p.code, p.requestedBaht, p.integrationType, p.approachCode])).toEqual([
      [2, 'P1', 1_000_000, 'system_data', '1.1'],
      [3, 'P2', 1_000_000, 'system_data', '1.1'],
    ]);
  });

  it(`reports each of ${BAD.length} kinds of bad row with its line and column, and accepts nothing`, () => {
    const { projects, problems } = validateImport(table([good(1), good(2), ...BAD.map(([line]) => line)]), reference);
    expect(projects).toEqual([]);
    expect(new Set(BAD.map(([, reason]) => reason)).size).toBeGreaterThanOrEqual(20);
    BAD.forEach(([, reason], i) => {
      const line = i + 4;
      expect(problems.filter((p) => p.line === line).map((p) => p.reason), `line ${line}`).toEqual([reason]);
    });
    expect(problems.find((p) => p.reason === 'unknown_approach')?.column).toBe('แนวทาง');
    expect(problems.find((p) => p.reason === 'missing_field')?.column).toBe('หน่วยงาน');
  });

  it('reports missing and duplicate columns and an empty list on the header line', () => {
    const missing = validateImport(readCsv('หน่วยงาน,ชื่อโครงการ\r\nกรม,โครงการ\r\n'), reference).problems;
    expect(missing.map((p) => [p.line, p.reason, p.column])).toEqual([
      [1, 'missing_column', 'approach'],
      [1, 'missing_column', 'integrationType'],
      [1, 'missing_column', 'requested'],
    ]);
    expect(validateImport(readCsv(`${HEADER},แนวทาง\r\n`), reference).problems.map((p) => p.reason)).toEqual(['duplicate_column', 'no_rows']);
  });

  it('reads million-baht columns and English headers', () => {
    const csv = 'agency,project,approach,integration type,requested (million baht)\nกรมทดสอบ,โครงการหนึ่ง,2.1,budget,"1,234.5678"\n';
    expect(validateImport(readCsv(csv), reference).projects[0]).toMatchObject({ requestedBaht: 1_234_567_800, integrationType: 'budget', code: 'L00002' });
  });
});

describe('parseImportAmount', () => {
  it('reads baht and millions exactly', () => {
    expect(parseImportAmount('1,234,567', 'baht')).toEqual({ baht: 1_234_567 });
    expect(parseImportAmount('5,523.911', 'million')).toEqual({ baht: 5_523_911_000 });
    expect(parseImportAmount('1.0000001', 'million')).toEqual({ reason: 'amount_fractional_baht' });
  });
});

describe('decodeText', () => {
  const thai = 'หน่วยงาน,โครงการ';
  it('reads UTF-8 with and without a BOM', () => {
    const plain = new TextEncoder().encode(thai);
    expect(decodeText(plain)).toEqual({ text: thai, encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...plain]))).toEqual({ text: thai, encoding: 'utf-8' });
  });
  it('reads legacy Windows-874 Thai', () => {
    // TIS-620 puts Thai at U+0E01..U+0E5B -> 0xA1..0xFB.
    const bytes = Uint8Array.from([...thai].map((c) => (c === ',' ? 0x2c : c.codePointAt(0)! - 0x0e01 + 0xa1)));
    expect(decodeText(bytes)).toEqual({ text: thai, encoding: 'windows-874' });
  });
});
