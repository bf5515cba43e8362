// Someone scans the room screen's code: the chair's board says at once that a person waits, the chair's list shows
// the request without a reload, the chair admits, and the visitor is on the board. Nothing polls on the chair's side.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeInBrowser, horizontalOverflow } from '../support/browser.ts';
import { useRoom } from '../support/room.ts';

const SHOTS = '/tmp/live';
const WIDTHS = [
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
];

async function shootAtWidths(page: Page, name: string) {
  for (const viewport of WIDTHS) {
    await page.setViewportSize(viewport);
    expect(await horizontalOverflow(page), `${name} at ${viewport.width}`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SHOTS}/${name}-${viewport.width}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

describeInBrowser('requests to join arrive live', () => {
  const room = useRoom();

  it('shows the chair a waiting visitor on the board and the list without a reload, and seats the visitor once admitted', async () => {
    const chair = await room.joinAs('chair', 'ประธานกรรมการ');
    const screen = await room.joinAs('observer', 'จอห้องประชุม');
    await screen.goto(`${room.board.url}/meetings/${room.board.meetingId}/screen`);
    const joinLink = `http://${await screen.getByTestId('screen-join-link').textContent()}`;
    // The chair's list is open before anyone asks: what arrives, arrives on this very page.
    const list = await (await room.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await list.context().addCookies(await chair.context().cookies());
    await list.goto(`${room.board.url}/meetings/${room.board.meetingId}/join-requests`);
    await expect.poll(() => list.getByText('ไม่มีคำขอที่รอพิจารณา').isVisible()).toBe(true);
    expect(await list.locator('meta[http-equiv="refresh"]').count()).toBe(0);
    const loads: string[] = [];
    list.on('framenavigated', (frame) => loads.push(frame.url()));

    const visitor = await (await room.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    await visitor.goto(joinLink);
    await visitor.getByLabel('ชื่อ-นามสกุล').fill('นางสาวผู้มาเยือน ใจดี');
    await visitor.getByRole('button', { name: 'ส่งคำขอ' }).click();
    await expect.poll(() => visitor.getByTestId('join-wait').textContent()).toContain('กำลังรอประธานอนุญาต');

    // The board tells the chair, in the notice and on the list's link.
    await expect.poll(() => chair.getByTestId('join-waiting').textContent(), { timeout: 10_000 }).toContain('1');
    expect(await chair.getByRole('link', { name: /คำขอเข้าร่วมประชุม \(รอพิจารณา 1\)/ }).count()).toBe(1);
    const request = list.locator('li[data-request="นางสาวผู้มาเยือน ใจดี"]');
    await expect.poll(() => request.count(), { timeout: 10_000 }).toBe(1);
    expect(loads).toEqual([]);
    await shootAtWidths(chair, 'board-join-waiting');
    await shootAtWidths(list, 'join-requests-list');

    await list.getByRole('button', { name: 'อนุญาต: นางสาวผู้มาเยือน ใจดี', exact: true }).click();
    await expect.poll(() => list.getByTestId('join-decision').textContent()).toContain('นางสาวผู้มาเยือน ใจดี ได้รับอนุญาตให้เข้าร่วมแล้ว โดย ประธานกรรมการ');
    await expect.poll(() => request.count()).toBe(0);
    await expect.poll(() => chair.getByTestId('join-waiting').count(), { timeout: 10_000 }).toBe(0);
    await shootAtWidths(list, 'join-requests-decided');

    // The visitor's waiting page opens the board once admitted.
    await visitor.waitForURL(`**/meetings/${room.board.meetingId}`, { timeout: 15_000 });
    await expect.poll(() => visitor.getByTestId('connection').textContent(), { timeout: 10_000 }).toBe('เชื่อมต่อสด');
  }, 90_000);
});
