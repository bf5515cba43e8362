import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { addInertRow, inertText, toCsv } from '../../server/export/spreadsheet-cells.ts';
import { FORMULA_PAYLOADS } from '../support/formula-payloads.ts';

describe('spreadsheet cells', () => {
  it.each(FORMULA_PAYLOADS)('writes %j as text: a single quote first', (payload) => {
    expect(inertText(payload)).toBe(`'${payload}`);
  });

  it('leaves ordinary text and money figures as they are', () => {
    for (const text of ['โครงการพัฒนาระบบ', 'Project = plan', '5523.9110', '-12.5000', '0', '', "'already text", '1+1']) expect(inertText(text)).toBe(text);
  });

  it('quotes CSV fields after neutralising them, and keeps numbers as numbers', () => {
    expect(toCsv([['=1+1', 'a,b', -5, null, '-12.5000']])).toBe(`\uFEFF'=1+1,"a,b",-5,,-12.5000\r\n`);
    expect(toCsv([['=HYPERLINK("x")']])).toBe(`\uFEFF"'=HYPERLINK(""x"")"\r\n`);
  });

  it('writes XLSX text cells as strings that start with the quote, numbers as numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    addInertRow(workbook.addWorksheet('t'), [...FORMULA_PAYLOADS, -12.5]);
    const read = new ExcelJS.Workbook();
    await read.xlsx.load(await workbook.xlsx.writeBuffer());
    const row = read.worksheets[0]!.getRow(1);
    FORMULA_PAYLOADS.forEach((payload, i) => {
      expect(row.getCell(i + 1).type).toBe(ExcelJS.ValueType.String);
      // XML keeps no bare carriage return: the file reads it back as a line feed.
      expect(row.getCell(i + 1).value).toBe(`'${payload.replaceAll('\r', '\n')}`);
    });
    expect(row.getCell(FORMULA_PAYLOADS.length + 1).value).toBe(-12.5);
  });
});
