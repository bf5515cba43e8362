// The meeting room of a browser test: one board, one Chromium, and people each in their own browser context (own
// cookies), all closed when the file's tests end. Call useRoom() at the top of a describeInBrowser block.
import { afterAll, beforeAll, expect } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import type { Role } from '../../server/shared/roles.ts';
import type { InviteFor } from '../../server/auth/sessions.ts';
import { startTestBoard, type TestBoard } from './board.ts';
import { launchChromium, recordSocketEvents, type HeardEvent } from './browser.ts';

export interface Room {
  readonly board: TestBoard;
  readonly browser: Browser;
  /** A fresh browser context, closed with the room. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** Opens a personal invite (for a roster member, an attendee's organisation or a device, if given), joins, and waits until the board is live. */
  joinAs(role: Role, name: string, viewport?: { width: number; height: number }, invite?: Pick<InviteFor, 'rosterMemberId' | 'organisationTh' | 'kind'>): Promise<Page>;
  /** Every Socket.io event a page opened by joinAs has received since it opened. */
  heard(page: Page): HeardEvent[];
}

export function useRoom(): Room {
  let board: TestBoard;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const heard = new WeakMap<Page, HeardEvent[]>();

  beforeAll(async () => {
    [board, browser] = await Promise.all([startTestBoard(), launchChromium()]);
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await board?.stop();
  });

  const room: Room = {
    get board() {
      return board;
    },
    get browser() {
      return browser;
    },
    async newContext(options) {
      const context = await browser.newContext(options);
      contexts.push(context);
      return context;
    },
    async joinAs(role, name, viewport = { width: 1280, height: 900 }, invite = {}) {
      const page = await (await room.newContext({ viewport })).newPage();
      heard.set(page, recordSocketEvents(page));
      await page.goto(`${board.url}/join/${await board.sessions.createInvite({ meetingId: board.meetingId, role, name, ...invite })}`);
      await page.getByRole('button', { name: 'เข้าร่วมประชุม' }).click();
      await page.waitForURL(`**/meetings/${board.meetingId}`);
      await expect.poll(() => page.getByTestId('connection').textContent(), { timeout: 10_000 }).toBe('เชื่อมต่อสด');
      return page;
    },
    heard(page) {
      const events = heard.get(page);
      if (!events) throw new Error('heard(): the page was not opened by joinAs');
      return events;
    },
  };
  return room;
}
