// Imports a project list through the organiser's import page, as a person does: choose the file, check it, map by
// hand the columns the board did not recognise, read it again, import. For any browser test that needs a plan's
// own list (the end-to-end test among them). The page must already be signed in as an organiser.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export interface PageImport {
  fileName: string;
  bytes: Uint8Array | string;
  /** Columns to map by hand: the file's header → the field's label as the page shows it (e.g. 'ชื่อโครงการ'). */
  map?: Record<string, string>;
  /** The unit to choose instead of the one the board found. */
  unit?: 'ล้านบาท' | 'บาท';
}

/** Resolves to the number of projects imported. */
export async function importThroughPage(page: Page, boardUrl: string, planId: string, file: PageImport): Promise<number> {
  await page.goto(`${boardUrl}/setup/plans/${planId}/import`);
  const type = /\.xlsx$/i.test(file.fileName) ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv';
  await page.getByLabel('เลือกไฟล์').setInputFiles({ name: file.fileName, mimeType: type, buffer: Buffer.from(file.bytes) });
  await page.getByRole('button', { name: 'ตรวจสอบไฟล์' }).click();
  await page.getByTestId('import-mapping').waitFor();
  const byHand = Object.entries(file.map ?? {});
  for (const [header, label] of byHand) await page.getByLabel(`อ่านเป็น: ${header}`).selectOption({ label });
  if (file.unit) await page.getByLabel('หน่วยของวงเงิน').selectOption({ label: file.unit });
  if (byHand.length || file.unit) await page.getByRole('button', { name: 'อ่านไฟล์อีกครั้ง' }).click();
  await page.getByRole('button', { name: 'นำเข้าทั้งหมด' }).click();
  await expect.poll(() => page.getByTestId('imported').textContent(), { timeout: 30_000 }).toMatch(/\d/);
  return Number(/(\d+)/.exec((await page.getByTestId('imported').textContent()) ?? '')![1]);
}
