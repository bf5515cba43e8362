// English that is English: a member who switches the board to English reads the meeting, the agenda, the projects and
// the minutes page in English (the sample gives every English name), and the Thai name, marked as Thai, only where
// none was given. Screenshots in English at each width go to test/browser/artifacts/.
import { expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { describeInBrowser, horizontalOverflow, screenshot } from '../support/browser.ts';
import { useRoom } from '../support/room.ts';

const THAI = /[\u0E00-\u0E7F]/;

/**
 * Every Thai text inside a part of the page, shown or read out (aria-label, placeholder, title), but for the button
 * that switches back to Thai, which names the language in its own script.
 */
function thaiIn(part: Locator): Promise<string[]> {
  return part.evaluate((root, thai) => {
    const pattern = new RegExp(thai);
    const ownLanguage = 'form[action="/language"]';
    const found: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (pattern.test(node.textContent ?? '') && !node.parentElement?.closest(ownLanguage)) found.push(node.textContent!.trim());
    }
    for (const element of [root, ...root.querySelectorAll('[aria-label], [placeholder], [title]')]) {
      for (const attribute of ['aria-label', 'placeholder', 'title']) {
        const value = element.getAttribute(attribute);
        if (value && pattern.test(value)) found.push(`${attribute}=${value}`);
      }
    }
    return found;
  }, THAI.source);
}

async function switchToEnglish(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'English' }).click();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
  await expect.poll(() => page.getByTestId('connection').textContent(), { timeout: 10_000 }).toBe('Live');
}

describeInBrowser('the board in English', () => {
  const room = useRoom();

  it('shows the top bar, the agenda, the project cards and the minutes page with no Thai where English names were given', async () => {
    const page = await room.joinAs('member', 'Somchai (committee)', { width: 390, height: 900 });
    await switchToEnglish(page);

    const meeting = await room.board.db.meeting.findUniqueOrThrow({ where: { id: room.board.meetingId } });
    expect(await page.title()).toContain(meeting.titleEn);
    const topBar = page.locator('header.top');
    expect(await topBar.textContent()).toContain('Meeting 1/2023 · 26 January 2023 (B.E. 2566)');
    expect(await thaiIn(topBar)).toEqual([]);
    expect(await thaiIn(page.getByTestId('current-agenda'))).toEqual([]);
    const agenda = page.getByTestId('agenda-item-section');
    await agenda.locator('summary').click();
    expect(await thaiIn(agenda)).toEqual([]);

    const card = page.locator('tr[data-project]').first();
    const project = await room.board.db.project.findFirstOrThrow({ where: { code: (await card.getAttribute('data-project'))! }, include: { agency: true } });
    expect(await card.textContent()).toContain(project.nameEn);
    expect(await card.textContent()).toContain(project.agency.nameEn);
    expect(await thaiIn(card)).toEqual([]);
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'board-en-390');

    await page.goto(`${room.board.url}/meetings/${room.board.meetingId}/minutes`);
    await expect.poll(() => page.getByTestId('minutes-status').textContent()).not.toBe('');
    expect(await page.title()).toContain(meeting.titleEn);
    expect(await page.locator('header.bar h1').textContent()).toContain('Meeting 1/2023 (B.E. 2566)');
    expect(await thaiIn(page.locator('header.bar'))).toEqual([]);
    // The record itself is the Thai official document.
    expect(await page.getByTestId('minutes-page').getAttribute('lang')).toBe('th');
    await page.context().close();
  }, 60_000);

  it('falls back to the Thai name, marked as Thai, where no English name was given', async () => {
    const { planId } = await room.board.db.meeting.findUniqueOrThrow({ where: { id: room.board.meetingId } });
    const project = await room.board.db.project.findFirstOrThrow({ where: { planId }, orderBy: { position: 'asc' } });
    const item = await room.board.db.agendaItem.findFirstOrThrow({ where: { meetingId: room.board.meetingId }, orderBy: { position: 'asc' } });
    await room.board.db.project.update({ where: { id: project.id }, data: { nameEn: '' } });
    await room.board.db.agendaItem.update({ where: { id: item.id }, data: { titleEn: '' } });
    try {
      const page = await room.joinAs('member', 'Malee (committee)', { width: 1440, height: 900 });
      await switchToEnglish(page);
      const name = page.locator(`tr[data-project="${project.code}"] button.open`);
      await expect.poll(() => name.textContent()).toBe(project.nameTh);
      expect(await name.getAttribute('lang')).toBe('th');
      // An agenda item added without an English title: its number in English, its title in Thai, marked so.
      const agenda = page.getByTestId('current-agenda');
      expect(await agenda.textContent()).toBe(`Item ${item.number} ${item.titleTh}`);
      expect(await agenda.locator('[lang="th"]').textContent()).toBe(item.titleTh);
      await page.context().close();
    } finally {
      await room.board.db.agendaItem.update({ where: { id: item.id }, data: { titleEn: item.titleEn } });
      await room.board.db.project.update({ where: { id: project.id }, data: { nameEn: project.nameEn } });
    }
  }, 60_000);

  it('keeps its shape in English at 768, 1024 (a landscape tablet) and 1440 px, with the project panel open', async () => {
    for (const [width, height] of [[768, 900], [1024, 768], [1440, 900]] as const) {
      const page = await room.joinAs('member', `Member ${width}`, { width, height });
      await switchToEnglish(page);
      expect(await horizontalOverflow(page)).toBe(0);
      await screenshot(page, `board-en-${width}`);
      const row = page.locator('tr[data-project]').nth(2);
      await row.locator('button.open').click();
      const panel = page.getByTestId('project-panel');
      await expect.poll(() => panel.isVisible()).toBe(true);
      expect(await thaiIn(panel)).toEqual([]);
      expect(await horizontalOverflow(page)).toBe(0);
      if (width >= 900) {
        // Every column of the table, the resolution last, stays clear of the panel.
        const panelBox = (await panel.boundingBox())!;
        const lastHeader = (await page.locator('[data-testid="project-table"] thead th').last().boundingBox())!;
        expect(lastHeader.x + lastHeader.width).toBeLessThanOrEqual(panelBox.x);
        // Browsing on one's own: the banner that leads back to the presenter floats over the list, not the panel.
        const banner = (await page.getByTestId('follow-banner').boundingBox())!;
        expect(banner.x + banner.width).toBeLessThanOrEqual(panelBox.x);
      }
      await screenshot(page, `panel-en-${width}`);
      await page.context().close();
    }
  }, 60_000);

  it('titles the join pages in English: an invite and the room screen code, the meeting named in English', async () => {
    const meeting = await room.board.db.meeting.findUniqueOrThrow({ where: { id: room.board.meetingId } });
    const context = await room.newContext({ viewport: { width: 390, height: 844 } });
    await context.addCookies([{ name: 'cb_lang', value: 'en', url: room.board.url }]);
    const page = await context.newPage();

    await page.goto(await room.board.inviteUrl('member'));
    expect(await page.title()).toBe(`Join the meeting · ${meeting.titleEn}`);
    expect(await thaiIn(page.locator('main'))).toEqual([]);
    // A name that is no name is refused in English.
    await page.getByLabel('Your name').fill(' ');
    await page.getByRole('button', { name: 'Join', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/name/i);
    expect(await thaiIn(page.locator('main'))).toEqual([]);
    await screenshot(page, 'join-en-390');

    await page.goto(`${room.board.url}/j/${room.board.services.joinCode(room.board.meetingId)}`);
    expect(await page.title()).toContain(meeting.titleEn);
    expect(await page.locator('.meeting').textContent()).toBe(meeting.titleEn);
    expect(await thaiIn(page.locator('h1'))).toEqual([]);
    await screenshot(page, 'ask-to-join-en-390');
  }, 60_000);

  it('names the meeting and the roster in English on the join request pages and the import page', async () => {
    const { db, meetingId } = room.board;
    const meeting = await db.meeting.findUniqueOrThrow({ where: { id: meetingId }, include: { plan: true } });
    const person = await db.rosterMember.create({
      data: { planId: meeting.planId, nameTh: 'นางสาวรายชื่อ ภาษาไทย', nameEn: 'Ms Roster English', position: 'member', agencyTh: 'สำนักงบประมาณ', agencyEn: 'Bureau of the Budget', meetingRole: 'member', order: 99 },
    });
    try {
      const asker = await (await room.newContext({ viewport: { width: 390, height: 844 } })).newPage();
      await asker.context().addCookies([{ name: 'cb_lang', value: 'en', url: room.board.url }]);
      await asker.goto(`${room.board.url}/j/${room.board.services.joinCode(meetingId)}`);
      await asker.getByLabel('Your name').fill('Guest who forgot the link');
      await asker.getByLabel('Are you on the committee?').selectOption({ label: 'Ms Roster English' });
      expect(await thaiIn(asker.locator('main'))).toEqual([]);
      await asker.getByRole('button', { name: /request/i }).click();

      const chair = await room.joinAs('chair', 'Chair in English', { width: 768, height: 1024 });
      await switchToEnglish(chair);
      await chair.goto(`${room.board.url}/meetings/${meetingId}/join-requests`);
      expect(await chair.title()).toContain(meeting.titleEn);
      expect(await chair.locator('main .meeting').textContent()).toBe(meeting.titleEn);
      await expect.poll(() => chair.locator('main').textContent()).toContain('Ms Roster English');
      expect(await thaiIn(chair.locator('main'))).toEqual([]);
      await screenshot(chair, 'join-requests-en-768');

      await chair.goto(`${room.board.url}/meetings/${meetingId}/import`);
      expect(await chair.title()).toContain(meeting.titleEn);
      await expect.poll(() => chair.locator('main').textContent()).toContain(meeting.plan.titleEn);
      await screenshot(chair, 'import-en-768');
    } finally {
      await db.joinRequest.deleteMany({ where: { rosterMemberId: person.id } });
      await db.rosterMember.delete({ where: { id: person.id } });
    }
  }, 90_000);
});
