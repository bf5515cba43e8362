// The presenter drives the room: the screen and the members who follow move with the presenter; a member who
// scrolled away stays put, sees the banner and comes back with one click. The screen fits 16:9 without scrolling.
import { afterAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../server/shared/contract.ts';
import type { FocusView } from '../../server/shared/events/presenter.ts';
import { meetingRoom } from '../../server/realtime/socket-server.ts';
import { describeInBrowser } from '../support/browser.ts';
import { useRoom } from '../support/room.ts';

describeInBrowser('the presenter-driven meeting in Chromium', () => {
  const room = useRoom();
  let driver: Socket<ServerToClientEvents, ClientToServerEvents> | undefined;

  afterAll(() => driver?.close());

  /** The screen view, opened by someone signed in as an observer. */
  async function openScreen(name: string, viewport: { width: number; height: number }): Promise<Page> {
    const page = await room.joinAs('observer', name, viewport);
    await page.goto(`${room.board.url}/meetings/${room.board.meetingId}/screen`);
    await expect.poll(() => page.getByTestId('screen').getAttribute('data-connection'), { timeout: 10_000 }).toBe('live');
    return page;
  }

  const codeOf = async (index: number) => (await room.board.db.project.findMany({ orderBy: { position: 'asc' }, select: { code: true } }))[index].code;
  const panelCode = (page: Page) => page.getByTestId('project-panel').locator('.code').textContent();

  it('moves the screen and the followers with the presenter; a member who scrolled away stays, then returns', async () => {
    const presenter = await room.joinAs('presenter', 'ผู้นำเสนอ สพร.');
    const follower = await room.joinAs('member', 'กรรมการ ผู้ติดตาม');
    const wanderer = await room.joinAs('member', 'กรรมการ ดูอิสระ');

    // The presenter makes a screen link; the screen opens it with no name to type.
    await presenter.getByRole('button', { name: 'สร้างลิงก์สำหรับจอห้องประชุม' }).click();
    const screenUrl = await expect.poll(() => presenter.getByTestId('screen-url').inputValue()).toContain('/screen?invite=').then(() =>
      presenter.getByTestId('screen-url').inputValue(),
    );
    const screenContext = await room.newContext({ viewport: { width: 1280, height: 720 } });
    const screen = await screenContext.newPage();
    await screen.goto(screenUrl);
    await screen.waitForURL(`**/meetings/${room.board.meetingId}/screen`);
    await expect.poll(() => screen.getByTestId('screen').getAttribute('data-connection'), { timeout: 10_000 }).toBe('live');
    await expect.poll(() => screen.getByTestId('screen-overview').isVisible()).toBe(true);
    await expect.poll(() => presenter.getByTestId('followers').textContent()).toContain('2/2');

    const first = await codeOf(0);
    await presenter.getByRole('button', { name: 'โครงการถัดไป ▶' }).click();
    await expect.poll(() => screen.getByTestId('screen-project').getAttribute('data-project')).toBe(first);
    await expect.poll(() => panelCode(follower)).toBe(first);
    await expect.poll(() => panelCode(wanderer)).toBe(first);

    // The wanderer scrolls the list: detached, with the banner.
    await wanderer.mouse.move(400, 500);
    await wanderer.mouse.wheel(0, 1500);
    await expect.poll(() => wanderer.getByTestId('follow-banner').textContent()).toContain('ไม่ได้ติดตามผู้นำเสนอ');
    await expect.poll(() => presenter.getByTestId('drifted').textContent()).toBe('กรรมการ ดูอิสระ');

    // The presenter steps on with the keyboard.
    const second = await codeOf(1);
    await presenter.locator('body').click({ position: { x: 5, y: 5 } });
    await presenter.keyboard.press('ArrowRight');
    await expect.poll(() => presenter.getByTestId('now-showing').textContent()).toContain(second);
    await expect.poll(() => screen.getByTestId('screen-project').getAttribute('data-project')).toBe(second);
    await expect.poll(() => panelCode(follower)).toBe(second);
    expect(await panelCode(wanderer)).toBe(first);
    expect(await follower.getByTestId('follow-banner').count()).toBe(0);

    await wanderer.getByRole('button', { name: 'กลับไปที่ผู้นำเสนอ' }).click();
    await expect.poll(() => panelCode(wanderer)).toBe(second);
    await expect.poll(() => wanderer.getByTestId('follow-banner').count()).toBe(0);
    await expect.poll(() => wanderer.locator(`tr[data-project="${second}"]`).evaluate((row) => {
      const box = row.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    })).toBe(true);
    await expect.poll(() => presenter.getByTestId('followers').textContent()).toContain('2/2');

    // The agenda moves everywhere.
    await presenter.getByRole('button', { name: 'วาระถัดไป' }).click();
    await expect.poll(() => screen.getByTestId('screen-agenda').textContent()).toContain('เรื่องรับรองรายงานการประชุม');
    await expect.poll(() => follower.getByTestId('current-agenda').textContent()).toContain('เรื่องรับรองรายงานการประชุม');
  });

  it('lets the chair hand the presenter role to a member and take it back, then revoke them: their open pages say so', async () => {
    const chair = await room.joinAs('chair', 'ประธานกรรมการ');
    const agency = await room.joinAs('member', 'ผู้แทนกรมทดสอบ');
    const minutes = await agency.context().newPage();
    await minutes.goto(`${room.board.url}/meetings/${room.board.meetingId}/minutes`);
    await expect.poll(() => minutes.getByTestId('minutes-status').textContent(), { timeout: 10_000 }).toBeTruthy();
    expect(await agency.getByTestId('presenter-controls').count()).toBe(0);
    await chair.getByTestId('presence').locator('summary').click();
    const row = chair.locator('[data-participant="ผู้แทนกรมทดสอบ"]');
    await row.getByRole('button', { name: 'มอบบทบาทผู้นำเสนอ' }).click();
    await expect.poll(() => agency.getByTestId('presenter-controls').isVisible()).toBe(true);
    await chair.getByRole('button', { name: 'รับบทบาทผู้นำเสนอคืน' }).click();
    await expect.poll(() => agency.getByTestId('presenter-controls').count()).toBe(0);

    // The chair revokes: a second click confirms, and every page the member has open says so in Thai and English.
    await row.getByRole('button', { name: 'ยกเลิกสิทธิ์: ผู้แทนกรมทดสอบ' }).click();
    await chair.getByTestId('presence').screenshot({ path: 'test/browser/artifacts/revoke-confirm.png' });
    await chair.getByRole('group', { name: 'ยกเลิกสิทธิ์' }).getByRole('button', { name: 'ยกเลิกสิทธิ์', exact: true }).click();
    for (const page of [agency, minutes]) {
      await expect.poll(() => page.getByTestId('revoked-notice').textContent(), { timeout: 10_000 }).toContain('สิทธิ์เข้าร่วมประชุมนี้ถูกยกเลิกแล้ว');
      expect(await page.getByTestId('revoked-notice').textContent()).toContain('Your access to this meeting was withdrawn');
    }
    await expect.poll(() => row.count()).toBe(0);
    for (const width of [390, 768, 1440]) {
      await agency.setViewportSize({ width, height: 900 });
      await agency.screenshot({ path: `test/browser/artifacts/revoked-${width}.png` });
    }
    await minutes.close();
    // Opening the board again is refused with the same words.
    await agency.reload();
    await expect.poll(() => agency.textContent('body')).toContain('สิทธิ์เข้าร่วมประชุมนี้ถูกยกเลิกแล้ว');
  });

  it('finds and jumps with the keyboard, and adds an agenda item that everyone sees', async () => {
    const presenter = await room.joinAs('presenter', 'ผู้นำเสนอ คนที่สอง');
    const member = await room.joinAs('member', 'กรรมการ ดูวาระ');
    const target = await codeOf(40);
    await presenter.locator('body').click({ position: { x: 5, y: 5 } });
    await presenter.keyboard.press('/');
    await expect.poll(() => presenter.evaluate(() => document.activeElement?.id)).toBe('focus-search');
    await presenter.keyboard.type(target);
    await presenter.keyboard.press('Enter');
    await expect.poll(() => presenter.getByTestId('now-showing').textContent()).toContain(target);
    await expect.poll(() => panelCode(member)).toBe(target);

    await presenter.locator('body').click({ position: { x: 5, y: 5 } });
    await presenter.keyboard.press('End');
    const last = await room.board.db.project.count();
    await expect.poll(() => presenter.getByTestId('now-showing').textContent()).toContain(await codeOf(last - 1));

    await presenter.getByText('เพิ่มระเบียบวาระย่อย').click();
    await presenter.getByLabel('ชื่อเรื่อง').fill('ร่างกรอบวงเงินงบประมาณบูรณาการ');
    await presenter.getByRole('button', { name: 'เพิ่ม', exact: true }).click();
    const option = 'ระเบียบวาระที่ 4.1 ร่างกรอบวงเงินงบประมาณบูรณาการ';
    await expect.poll(() => presenter.getByRole('option', { name: option }).count()).toBe(1);
    await presenter.getByRole('combobox', { name: 'ระเบียบวาระปัจจุบัน' }).selectOption({ label: option });
    await expect.poll(() => member.getByTestId('current-agenda').textContent()).toBe(option);
  });

  async function moveFocus(view: FocusView) {
    if (!driver) {
      const { sessionToken } = await room.board.join('presenter', 'ผู้ขับจอ');
      driver = io(room.board.url, { auth: { meetingId: room.board.meetingId, token: sessionToken }, transports: ['websocket'], forceNew: true });
      await new Promise<void>((resolve) => driver!.once('session:ready', () => resolve()));
    }
    expect(await driver.emitWithAck('focus:move', { view })).toHaveProperty('data');
  }

  for (const viewport of [
    { width: 1280, height: 720 },
    { width: 1920, height: 1080 },
  ]) {
    it(`fits the screen at ${viewport.width}x${viewport.height} without scrolling, for a project, a group and the overview`, async () => {
      const page = await openScreen(`จอ ${viewport.width}`, viewport);

      const longest = await room.board.db.project.findMany({ select: { id: true, nameTh: true } });
      longest.sort((a, b) => b.nameTh.length - a.nameTh.length);
      const views: [FocusView, string][] = [
        [{ kind: 'project', projectId: longest[0].id }, 'screen-project'],
        [{ kind: 'goal', goalNumber: 1 }, 'screen-group'],
        [{ kind: 'overview' }, 'screen-overview'],
      ];
      for (const [view, testId] of views) {
        await moveFocus(view);
        await expect.poll(() => page.getByTestId(testId).isVisible()).toBe(true);
        const layout = await page.evaluate(() => {
          const box = (id: string) => document.querySelector(`[data-testid="${id}"]`)!.getBoundingClientRect().toJSON();
          const main = document.querySelector('main')!;
          return {
            scrollWidth: document.documentElement.scrollWidth,
            scrollHeight: document.documentElement.scrollHeight,
            mainOverflows: main.scrollHeight > main.clientHeight + 1 && getComputedStyle(main).overflow === 'visible',
            bodyFontPx: parseFloat(getComputedStyle(document.querySelector('[data-testid="screen"]')!).fontSize),
            boxes: ['screen-agenda', 'screen-join', 'screen-totals', 'screen-join-link'].map(box),
            content: document.querySelector('main > article')!.getBoundingClientRect().toJSON(),
            heading: document.querySelector('main h1')!.getBoundingClientRect().toJSON(),
          };
        });
        expect(layout.scrollWidth).toBeLessThanOrEqual(viewport.width);
        expect(layout.scrollHeight).toBeLessThanOrEqual(viewport.height);
        expect(layout.bodyFontPx).toBeGreaterThanOrEqual(viewport.height * 0.03);
        for (const rect of [...layout.boxes, layout.heading]) {
          expect(rect.top).toBeGreaterThanOrEqual(0);
          expect(rect.left).toBeGreaterThanOrEqual(0);
          expect(rect.bottom).toBeLessThanOrEqual(viewport.height);
          expect(rect.right).toBeLessThanOrEqual(viewport.width);
          expect(rect.height).toBeGreaterThan(0);
        }
        // The focused item's box does not run under the totals at the bottom.
        expect(layout.content.bottom).toBeLessThanOrEqual(layout.boxes[2].top);
      }
      expect(await page.locator('[data-testid="screen-join"] svg').count()).toBe(1);
    });
  }

  it('says plainly on the screen when it is disconnected', async () => {
    const page = await openScreen('จอขาดการเชื่อมต่อ', { width: 1280, height: 720 });
    expect(await page.getByTestId('screen-disconnected').count()).toBe(0);
    for (const socket of await room.board.io.in(meetingRoom(room.board.meetingId)).fetchSockets()) {
      if (socket.data.identity.displayName === 'จอขาดการเชื่อมต่อ') socket.disconnect(true);
    }
    await expect.poll(() => page.getByTestId('screen-disconnected').textContent()).toContain('ขาดการเชื่อมต่อ');
    await expect.poll(() => page.getByTestId('screen').getAttribute('class')).toContain('stale');
  });
});
