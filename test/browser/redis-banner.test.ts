// The chair is told when the instance they are on has lost Redis (it serves on, alone), and the notice goes once Redis
// is back; a member is not troubled with it. Two instances on a redis-server of the test's own, in real Chromium.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestCluster, type TestCluster } from '../support/cluster.ts';
import { describeInBrowser, launchChromium, screenshot } from '../support/browser.ts';
import { describeWithRedis } from '../support/processes.ts';
import type { TestBoard } from '../support/board.ts';
import type { Role } from '../../server/shared/roles.ts';

/** Needs both Chromium and redis-server; each helper says so when its part is missing. */
const describeBoth = describeInBrowser === describe && describeWithRedis === describe ? describe : describe.skip;

describeBoth('the chair\'s notice that Redis is away', () => {
  let cluster: TestCluster;
  let browser: Browser;

  beforeAll(async () => {
    [cluster, browser] = await Promise.all([startTestCluster(2), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await cluster?.stop();
  });

  async function joined(board: TestBoard, role: Role, name: string, width: number): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(await board.inviteUrl(role, name));
    await page.getByRole('button', { name: 'เข้าร่วมประชุม' }).click();
    await page.waitForURL(`**/meetings/${board.meetingId}`);
    await expect.poll(() => page.getByTestId('connection').textContent(), { timeout: 10_000 }).toBe('เชื่อมต่อสด');
    return page;
  }

  it('appears for the chair while Redis is down, not for a member, and goes when it is back', async () => {
    const [a, b] = cluster.boards as [TestBoard, TestBoard];
    const chair = await joined(a, 'chair', 'ประธาน', 1440);
    const phoneChair = await joined(b, 'chair', 'ประธาน (มือถือ)', 390);
    const member = await joined(a, 'member', 'กรรมการ', 768);
    const notice = (page: Page) => page.getByTestId('shared-parts-down');
    expect(await notice(chair).isVisible()).toBe(false);

    await cluster.redis.kill();
    await expect.poll(() => notice(chair).isVisible(), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => notice(phoneChair).isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await notice(chair).textContent()).toContain('การประชุมดำเนินต่อได้');
    expect(await notice(member).isVisible()).toBe(false);
    await screenshot(chair, 'redis-down-chair-1440');
    await screenshot(phoneChair, 'redis-down-chair-390');
    // The board itself goes on: still live.
    expect(await chair.getByTestId('connection').textContent()).toBe('เชื่อมต่อสด');

    await cluster.redis.start();
    await expect.poll(() => notice(chair).isVisible(), { timeout: 10_000 }).toBe(false);
    await expect.poll(() => notice(phoneChair).isVisible(), { timeout: 10_000 }).toBe(false);
    for (const page of [chair, phoneChair, member]) await page.close();
  });
});
