// A person opens an invite link, types a name, joins, and reads the board.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestBoard, type TestBoard } from '../support/board.ts';
import { describeInBrowser, launchChromium } from '../support/browser.ts';

describeInBrowser('joining and reading the board in Chromium', () => {
  let board: TestBoard;
  let browser: Browser;

  beforeAll(async () => {
    [board, browser] = await Promise.all([startTestBoard(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await board?.stop();
  });

  it('opens an invite link, joins with a name, and sees the 78 projects against the frame', async () => {
    const page = await browser.newPage();
    await page.goto(await board.inviteUrl('member'));
    await expect.poll(() => page.getByRole('heading', { name: 'เข้าร่วมการประชุม' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('กรรมการ', { exact: true }).isVisible()).toBe(true);

    await page.getByLabel('ชื่อ-นามสกุล').fill('นางสาวกมลา ทดสอบ');
    await page.getByRole('button', { name: 'เข้าร่วมประชุม' }).click();
    await page.waitForURL(`**/meetings/${board.meetingId}`);

    await expect.poll(() => page.locator('tr[data-project]').count()).toBe(78);
    await expect.poll(() => page.getByTestId('frame').textContent()).toBe('5,523.9110');
    await expect.poll(() => page.getByText('นางสาวกมลา ทดสอบ').isVisible()).toBe(true);
    // Hydrated and connected: the board is live.
    await expect.poll(() => page.getByTestId('connection').textContent(), { timeout: 10_000 }).toBe('เชื่อมต่อสด');
    await page.close();
  });

  it('collapses an approach with the keyboard and shows it again', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(await board.inviteUrl('observer', 'ผู้สังเกตการณ์'));
    await page.getByRole('button', { name: 'เข้าร่วมประชุม' }).click();
    await page.waitForURL(`**/meetings/${board.meetingId}`);
    await expect.poll(() => page.getByTestId('connection').textContent(), { timeout: 10_000 }).toBe('เชื่อมต่อสด');

    const firstProject = page.locator('tbody[data-approach="1.1"] tr[data-project]').first();
    await expect.poll(() => firstProject.isVisible()).toBe(true);
    const toggle = page.locator('tbody[data-approach="1.1"] button[aria-expanded]');
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => firstProject.isVisible()).toBe(false);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Enter');
    await expect.poll(() => firstProject.isVisible()).toBe(true);
    await context.close();
  });

  it('opens a project\'s details with its partners and its summary, and closes them', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(await board.inviteUrl('member', 'กรรมการ ก'));
    await page.getByRole('button', { name: 'เข้าร่วมประชุม' }).click();
    await page.waitForURL(`**/meetings/${board.meetingId}`);
    await expect.poll(() => page.getByTestId('connection').textContent(), { timeout: 10_000 }).toBe('เชื่อมต่อสด');

    const row = page.locator('tr[data-project="DG67-001"]');
    const name = (await row.locator('th button').textContent())!.trim();
    await row.locator('th button').click();
    const panel = page.getByTestId('project-panel');
    await expect.poll(() => panel.getByRole('heading', { name }).isVisible()).toBe(true);
    await expect.poll(() => panel.getByText('หน่วยงานที่บูรณาการร่วม').isVisible()).toBe(true);
    // The summary is not in the board's snapshot: the panel asks for it.
    const { summaryTh } = await board.db.project.findFirstOrThrow({ where: { code: 'DG67-001', plan: { meetings: { some: { id: board.meetingId } } } } });
    await expect.poll(() => panel.getByTestId('project-summary').textContent()).toBe(summaryTh);
    await page.getByRole('button', { name: 'ปิดรายละเอียดโครงการ' }).click();
    await expect.poll(() => panel.count()).toBe(0);
    await context.close();
  });

  it('tells a visitor without an invite what to do, in Thai', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const response = await page.goto(`${board.url}/meetings/${board.meetingId}`);
    expect(response?.status()).toBe(401);
    await expect.poll(() => page.getByRole('heading', { name: /กรุณาเปิดลิงก์เชิญ/ }).isVisible()).toBe(true);
    await context.close();
  });
});
