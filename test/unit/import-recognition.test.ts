// The recogniser on its own: headers as Thai budget documents spell them, units, where the table starts, amounts.
import { describe, expect, it } from 'vitest';
import { parseImportAmount, unitFromFigures } from '../../server/domain/import/amounts.ts';
import { readApproach, readCode, readGoal, readHeading, readIntegrationType, readPartners, type ValueChain } from '../../server/domain/import/cells.ts';
import type { ImportField } from '../../server/domain/import/fields.ts';
import { locateTable, type SheetRow } from '../../server/domain/import/locate-table.ts';
import { guessColumns, recogniseHeader, statedUnit, titleUnit } from '../../server/domain/import/recognise-columns.ts';

export const CHAIN: ValueChain = {
  goals: [
    { number: 1, stream: 'upstream', nameTh: 'ต้นน้ำ: ยกระดับการเปลี่ยนผ่านดิจิทัลภาครัฐ' },
    { number: 2, stream: 'midstream', nameTh: 'กลางน้ำ: แพลตฟอร์มกลางภาครัฐ' },
    { number: 3, stream: 'downstream', nameTh: 'ปลายน้ำ: บูรณาการข้อมูลและบริการ' },
  ],
  approaches: [
    { code: '1.1', goalNumber: 1, nameTh: 'การเตรียมความพร้อมพื้นฐานที่จำเป็น' },
    { code: '1.2', goalNumber: 1, nameTh: 'การจัดทำโครงสร้างพื้นฐาน' },
    { code: '2.1', goalNumber: 2, nameTh: 'การพัฒนาเครื่องมือหรือแพลตฟอร์มกลางภาครัฐ' },
    { code: '3.1', goalNumber: 3, nameTh: 'การบูรณาการข้อมูลและบริการภาครัฐ' },
  ],
};

/** Headers as they are written in real sheets, and the field each must be read as. */
const SPELLINGS: [string, ImportField | null][] = [
  ['ลำดับ', 'number'],
  ['ลำดับที่', 'number'],
  ['ที่', 'number'],
  ['No.', 'number'],
  ['รหัส', 'code'],
  ['รหัสโครงการ', 'code'],
  ['Project code', 'code'],
  ['รหัสหน่วยงาน', 'agencyCode'],
  ['หน่วยงาน', 'agency'],
  ['หน่วยงานเจ้าภาพ', 'agency'],
  ['ส่วนราชการ', 'agency'],
  ['หน่วยงานรับผิดชอบ', 'agency'],
  ['กระทรวง/หน่วยงาน', 'agency'],
  ['Lead agency', 'agency'],
  ['กระทรวง', 'ministry'],
  ['ชื่อโครงการ', 'project'],
  ['โครงการ', 'project'],
  ['ชื่อโครงการ/กิจกรรม', 'project'],
  ['Project name', 'project'],
  ['ชื่อโครงการ (ภาษาอังกฤษ)', 'projectEn'],
  ['สาระสำคัญของโครงการ', 'summary'],
  ['เป้าหมาย', 'goal'],
  ['ยุทธศาสตร์', 'goal'],
  ['เป้าหมาย/ยุทธศาสตร์', 'goal'],
  ['กลุ่มเป้าหมาย', null],
  ['แนวทาง', 'approach'],
  ['แนวทางที่', 'approach'],
  ['แนวทางการพัฒนา', 'approach'],
  ['รูปแบบ', 'integrationType'],
  ['ลักษณะ', 'integrationType'],
  ['ประเภทการบูรณาการ', 'integrationType'],
  ['ลักษณะการบูรณาการ (ระบบ/ข้อมูล หรือ งบประมาณ)', 'integrationType'],
  ['รูปแบบการบูรณาการ', 'integrationType'],
  ['งบประมาณ', 'requested'],
  ['วงเงิน', 'requested'],
  ['คำขอ', 'requested'],
  ['ที่เสนอขอ', 'requested'],
  ['ที่ขอ', 'requested'],
  ['งบประมาณที่เสนอขอ (ล้านบาท)', 'requested'],
  ['วงเงินที่ขอ (บาท)', 'requested'],
  ['คำของบประมาณ ปี ๒๕๖๗', 'requested'],
  ['Requested (million baht)', 'requested'],
  ['หน่วยงานที่บูรณาการร่วม', 'partners'],
  ['หน่วยงานร่วมดำเนินการ', 'partners'],
  ['หน่วยงานที่เกี่ยวข้อง', 'partners'],
  ['Partner agencies', 'partners'],
  ['ระยะเวลาดำเนินการ', null],
  ['ตัวชี้วัด', null],
  ['', null],
];

describe('recogniseHeader', () => {
  it.each(SPELLINGS)('reads %j as %s', (header, field) => {
    expect(recogniseHeader(header)?.field ?? null).toBe(field);
  });

  it('ignores spacing, line breaks and zero-width marks inside a header', () => {
    expect(recogniseHeader('ชื่อ\nโครงการ')?.field).toBe('project');
    expect(recogniseHeader('  หน่วยงาน\u200bเจ้าภาพ  ')?.field).toBe('agency');
  });

  it('prefers the amount for the plan\'s own fiscal year', () => {
    const columns = guessColumns(['ชื่อโครงการ', 'งบประมาณปี 2566', 'งบประมาณปี 2567'], { fiscalYearBE: 2567 });
    expect(columns.map((c) => c.field)).toEqual(['project', null, 'requested']);
    expect(columns[1]!.alsoLike).toBe('requested');
  });

  it('prefers a request over an allocation', () => {
    const columns = guessColumns(['โครงการ', 'งบประมาณที่ได้รับจัดสรร', 'วงเงินที่ขอ']);
    expect(columns.map((c) => c.field)).toEqual(['project', null, 'requested']);
  });

  it('gives each field to one column and leaves the rest for the secretary', () => {
    const columns = guessColumns(['ลำดับ', 'ชื่อโครงการ', 'โครงการ', 'หมายเหตุ']);
    expect(columns.map((c) => [c.field, c.alsoLike])).toEqual([['number', null], ['project', null], [null, 'project'], [null, null]]);
  });

  it('recognises a column by its values when its header says nothing', () => {
    const values: Record<number, ImportField | null> = { 1: 'integrationType' };
    const columns = guessColumns(['โครงการ', 'col2', 'col3'], { valueGuess: (index) => values[index] ?? null });
    expect(columns.map((c) => [c.field, c.confidence])).toEqual([['project', 3], ['integrationType', 1], [null, null]]);
  });
});

describe('units', () => {
  it.each([
    ['งบประมาณที่เสนอขอ (ล้านบาท)', 'million'],
    ['วงเงิน(ล้านบาท)', 'million'],
    ['Requested (million baht)', 'million'],
    ['วงเงินที่ขอ (บาท)', 'baht'],
    ['Budget (THB)', 'baht'],
    ['งบประมาณ', null],
  ] as const)('%j states %s', (header, unit) => {
    expect(statedUnit(header)).toBe(unit);
  });

  it('reads a title row\'s unit only when it says it is the unit', () => {
    expect(titleUnit('หน่วย : ล้านบาท')).toBe('million');
    expect(titleUnit('(หน่วย: บาท)')).toBe('baht');
    expect(titleUnit('กรอบวงเงิน 5,523.9110 ล้านบาท')).toBeNull();
  });

  it('assumes a unit from the figures when nothing states it', () => {
    expect(unitFromFigures(['12.5', '3'])).toEqual({ unit: 'million', because: 'decimals' });
    expect(unitFromFigures(['12', '300', '45'])).toEqual({ unit: 'million', because: 'small_figures' });
    expect(unitFromFigures(['12,500,000', '3,000,000'])).toEqual({ unit: 'baht', because: 'large_figures' });
  });
});

describe('parseImportAmount', () => {
  it.each([
    ['1,234,567', 'baht', 1_234_567],
    ['5,523.911', 'million', 5_523_911_000],
    ['1,234.5678', 'million', 1_234_567_800],
    ['๑,๒๓๔.๕', 'million', 1_234_500_000],
    ['12.5 ล้านบาท', 'baht', 12_500_000],
    ['1,000,000 บาท', 'baht', 1_000_000],
    ['1,000.00', 'baht', 1_000],
    [' 7 ', 'million', 7_000_000],
  ] as const)('%j in %s is %d baht', (text, unit, baht) => {
    expect(parseImportAmount(text, unit)).toEqual({ baht });
  });

  it.each([
    ['หนึ่งล้าน', 'amount_not_a_number'],
    ['-5000', 'amount_negative'],
    ['(5,000)', 'amount_negative'],
    ['0', 'amount_zero'],
    ['-', 'amount_zero'],
    ['1000.50', 'amount_fractional_baht'],
    ['99999999999999999', 'amount_too_large'],
  ] as const)('refuses %j: %s', (text, reason) => {
    expect(parseImportAmount(text, 'baht')).toEqual({ reason });
  });

  it('reads millions to the baht and no further', () => {
    expect(parseImportAmount('1.000001', 'million')).toEqual({ baht: 1_000_001 });
    expect(parseImportAmount('1.0000001', 'million')).toEqual({ reason: 'amount_fractional_baht' });
  });
});

describe('cells', () => {
  it('reads goals and approaches from numbers, codes, names and headings', () => {
    expect(readGoal('2', CHAIN)).toBe(2);
    expect(readGoal('เป้าหมายที่ ๓', CHAIN)).toBe(3);
    expect(readGoal('กลางน้ำ', CHAIN)).toBe(2);
    expect(readGoal('9', CHAIN)).toBeNull();
    expect(readApproach('1.2', CHAIN, null)?.code).toBe('1.2');
    expect(readApproach('แนวทางที่ 3.1 การบูรณาการข้อมูล…', CHAIN, null)?.code).toBe('3.1');
    expect(readApproach('1', CHAIN, 2)?.code).toBe('2.1');
    expect(readApproach('การจัดทำโครงสร้างพื้นฐาน', CHAIN, null)?.code).toBe('1.2');
    expect(readApproach('9.9', CHAIN, null)).toBeNull();
    expect(readHeading('เป้าหมายที่ 1 ต้นน้ำ', CHAIN, null)).toEqual({ goal: 1, approach: null });
    expect(readHeading('แนวทางที่ 1 การพัฒนาเครื่องมือ', CHAIN, 2)?.approach?.code).toBe('2.1');
    expect(readHeading('โครงการพัฒนาระบบ', CHAIN, null)).toBeNull();
  });

  it('reads the integration type as people write it', () => {
    for (const text of ['ระบบ/ข้อมูล', 'บูรณาการระบบ/ข้อมูล', 'บูรณาการระบบและข้อมูล', 'ข้อมูล', 'System/Data']) expect(readIntegrationType(text)).toBe('system_data');
    for (const text of ['งบประมาณ', 'บูรณาการงบประมาณ', 'Budget']) expect(readIntegrationType(text)).toBe('budget');
    for (const text of ['อื่น ๆ', 'ระบบ/ข้อมูล และงบประมาณ']) expect(readIntegrationType(text)).toBeNull();
  });

  it('reads partner lists one a line, comma-separated, numbered or bulleted', () => {
    expect(readPartners('1. กรมการปกครอง\n2. กรมสรรพากร\n3. กรมการปกครอง')).toEqual(['กรมการปกครอง', 'กรมสรรพากร']);
    expect(readPartners('สพร., กรมบัญชีกลาง; สำนักงบประมาณ')).toEqual(['สพร.', 'กรมบัญชีกลาง', 'สำนักงบประมาณ']);
    expect(readPartners('- กระทรวงการอุดมศึกษา วิทยาศาสตร์ วิจัยและนวัตกรรม\n• กรมสรรพากร')).toEqual(['กระทรวงการอุดมศึกษา วิทยาศาสตร์ วิจัยและนวัตกรรม', 'กรมสรรพากร']);
    expect(readPartners('')).toEqual([]);
  });

  it('keeps the file\'s own codes and numbers', () => {
    expect(readCode('DG-67-001')).toBe('DG-67-001');
    expect(readCode('๑๒')).toBe('12');
    expect(readCode('3.')).toBe('3');
    expect(readCode('สพร.01')).toBe('สพร.01');
    expect(readCode('รหัส ผิด!')).toBeNull();
  });
});

const rows = (...lines: string[][]): SheetRow[] => lines.map((cells, i) => ({ line: i + 1, cells }));

describe('locateTable', () => {
  it('finds the header under merged title rows, with the unit a title states', () => {
    const table = locateTable(
      rows(
        ['แผนงานบูรณาการรัฐบาลดิจิทัล ประจำปีงบประมาณ พ.ศ. 2567', '', ''],
        ['หน่วย : ล้านบาท', '', ''],
        ['ลำดับ', 'ชื่อโครงการ', 'หน่วยงาน', 'วงเงิน'],
        ['1', 'โครงการหนึ่ง', 'กรมหนึ่ง', '12.5'],
      ),
    )!;
    expect(table.headerLines).toEqual([3]);
    expect(table.titles).toEqual(['แผนงานบูรณาการรัฐบาลดิจิทัล ประจำปีงบประมาณ พ.ศ. 2567', 'หน่วย : ล้านบาท']);
    expect(table.titleUnit).toBe('million');
    expect(table.body.map((row) => row.line)).toEqual([4]);
  });

  it('joins a two-row header and skips the row that numbers the columns', () => {
    const table = locateTable(
      rows(
        ['ลำดับ', 'ชื่อโครงการ', 'หน่วยงาน', 'งบประมาณ (ล้านบาท)', ''],
        ['ลำดับ', '', '', 'ปี 2566', 'ปี 2567'],
        ['(1)', '(2)', '(3)', '(4)', '(5)'],
        ['1', 'โครงการหนึ่ง', 'กรมหนึ่ง', '10', '12.5'],
      ),
    )!;
    expect(table.headerLines).toEqual([1, 2]);
    expect(table.header).toEqual(['ลำดับ', 'ชื่อโครงการ', 'หน่วยงาน', 'งบประมาณ (ล้านบาท) ปี 2566', 'งบประมาณ (ล้านบาท) ปี 2567']);
    expect(table.body.map((row) => row.line)).toEqual([4]);
  });

  it('does not take the first project row for a second header row', () => {
    const table = locateTable(rows(['ลำดับ', 'ชื่อโครงการ', 'หน่วยงาน'], ['1', 'โครงการหนึ่ง', 'กรมหนึ่ง']))!;
    expect(table.headerLines).toEqual([1]);
    expect(table.body).toHaveLength(1);
  });

  it('takes the first row of text names when no header is recognised, and nothing from figures alone', () => {
    expect(locateTable(rows(['PRJ_NM', 'ORG', 'AMT'], ['โครงการ', 'กรม', '5']))?.header).toEqual(['PRJ_NM', 'ORG', 'AMT']);
    expect(locateTable(rows(['1', '2', '3'], ['4', '5', '6']))).toBeNull();
  });

  it('uses the header line the caller chooses', () => {
    const table = locateTable(rows(['ลำดับ', 'ชื่อโครงการ'], ['A', 'B'], ['1', 'x']), { headerLine: 2 })!;
    expect(table.header).toEqual(['A', 'B']);
  });
});
