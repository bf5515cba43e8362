// Formula injection through the exports, against the real server: OWASP's payloads typed as display names, ceiling
// reasons and project names come out of the ceiling history (CSV) and the recorded frame (CSV and XLSX) as text,
// and every money cell is exactly the figure it was.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bahtFromDb } from '../../server/db/client.ts';
import { plainMillionBaht } from '../../server/export/frame-documents.ts';
import { readCsv } from '../../server/import/read-table.ts';
import { participantActor } from '../../server/shared/actor.ts';
import { startTestBoard, type Connected, type TestBoard } from '../support/board.ts';
import { FORMULA_PAYLOADS } from '../support/formula-payloads.ts';
import { resolveRemainingWithinFrame } from '../support/resolutions.ts';

/** How a cell a spreadsheet would run as a formula begins. */
const LIVE = /^[=+\-@\t\r]/;
const isNumber = (text: string) => /^-?\d+(\.\d+)?$/.test(text);

describe('exports neutralise formulas', () => {
  let board: TestBoard;
  let chair: Connected;
  let secretary: Connected;
  const CHAIR_NAME = FORMULA_PAYLOADS[0];
  const SECRETARY_NAME = FORMULA_PAYLOADS[2];
  let projects: { id: string; code: string; requestedBaht: bigint; version: number }[];

  beforeAll(async () => {
    board = await startTestBoard();
    chair = await board.connect('chair', CHAIR_NAME);
    secretary = await board.connect('secretary', SECRETARY_NAME);
    projects = (await board.db.project.findMany({ where: { plan: { meetings: { some: { id: board.meetingId } } } }, orderBy: { position: 'asc' } })).slice(
      0,
      FORMULA_PAYLOADS.length,
    );
    // The project names as an import would have written them.
    for (const [i, project] of projects.entries()) await board.db.project.update({ where: { id: project.id }, data: { nameTh: FORMULA_PAYLOADS[i] } });
    for (const [i, project] of projects.entries()) {
      const set = await chair.socket.emitWithAck('ceilings:set', {
        projectId: project.id,
        toBaht: Number(project.requestedBaht) - 1_000 * (i + 1),
        expectedVersion: project.version,
        reason: FORMULA_PAYLOADS[i],
      });
      if (!('data' in set)) throw new Error(JSON.stringify(set));
    }
  });
  afterAll(() => board.stop());

  const get = (url: string) => fetch(`${board.url}${url}`, { headers: { cookie: secretary.cookie } });

  it('writes the ceiling history with names, reasons and project names as text, and the baht as they are', async () => {
    const response = await get(`/meetings/${board.meetingId}/export/ceiling-history.csv`);
    expect(response.status).toBe(200);
    const csv = readCsv(await response.text());
    expect(csv.problems).toEqual([]);
    const [, ...lines] = csv.rows.map((r) => r.cells);
    expect(lines).toHaveLength(projects.length);
    const changes = await board.db.ceilingChange.findMany({ where: { meetingId: board.meetingId }, orderBy: { id: 'asc' } });
    lines.forEach((cells, i) => {
      expect(cells[4]).toBe(`'${FORMULA_PAYLOADS[i]}`);
      expect(cells[5]).toBe(`'${CHAIR_NAME}`);
      expect(cells[10]).toBe(`'${FORMULA_PAYLOADS[i]}`);
      expect([cells[8], cells[9]]).toEqual([String(bahtFromDb(changes[i]!.fromBaht)), String(bahtFromDb(changes[i]!.toBaht))]);
      for (const cell of cells) expect(!LIVE.test(cell) || isNumber(cell), cell).toBe(true);
    });
  });

  describe('the recorded frame', () => {
    beforeAll(async () => {
      await resolveRemainingWithinFrame(board.db, board.meetingId, { recorderId: secretary.identity.participantId, confirmerId: chair.identity.participantId });
      const { draft } = await board.runCommand('frame:prepare', participantActor(secretary.identity), {});
      await board.runCommand('frame:confirm', participantActor(chair.identity), { draftHash: draft.draftHash });
    });

    it('as CSV: project names as text, every figure the database holds', async () => {
      const csv = readCsv(await (await get(`/meetings/${board.meetingId}/export/frame.csv`)).text());
      expect(csv.problems).toEqual([]);
      const byCode = new Map(csv.rows.map((r) => [r.cells[0], r.cells]));
      for (const [i, project] of projects.entries()) {
        const cells = byCode.get(project.code)!;
        expect(cells[1]!.startsWith("'")).toBe(true);
        expect(cells[1]!.slice(1).replaceAll('\r', '')).toBe(FORMULA_PAYLOADS[i]!.replaceAll('\r', ''));
        const stored = await board.db.project.findUniqueOrThrow({ where: { id: project.id } });
        expect([cells[5], cells[6]]).toEqual([plainMillionBaht(bahtFromDb(stored.requestedBaht)), plainMillionBaht(bahtFromDb(stored.ceilingBaht))]);
      }
      for (const row of csv.rows) for (const cell of row.cells) expect(!LIVE.test(cell) || isNumber(cell), cell).toBe(true);
    });

    it('as XLSX: project names are text cells, never formulas; the money cells are numbers', async () => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await (await get(`/meetings/${board.meetingId}/export/frame.xlsx`)).arrayBuffer());
      const sheet = workbook.worksheets[0]!;
      const rows = new Map<string, ExcelJS.Row>();
      sheet.eachRow((row) => {
        for (let c = 1; c <= row.cellCount; c++) {
          const cell = row.getCell(c);
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof cell.value === 'string') expect(LIVE.test(cell.value), cell.value).toBe(false);
        }
        if (typeof row.getCell(1).value === 'string') rows.set(row.getCell(1).value as string, row);
      });
      for (const [i, project] of projects.entries()) {
        const row = rows.get(project.code)!;
        expect(row.getCell(2).type).toBe(ExcelJS.ValueType.String);
        expect(String(row.getCell(2).value).slice(1).replaceAll('\n', '')).toBe(FORMULA_PAYLOADS[i]!.replace(/\r/g, ''));
        const stored = await board.db.project.findUniqueOrThrow({ where: { id: project.id } });
        expect(Math.round((row.getCell(7).value as number) * 1_000_000)).toBe(bahtFromDb(stored.ceilingBaht));
      }
    });
  });
});
