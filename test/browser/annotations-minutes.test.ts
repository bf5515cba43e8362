// Members annotate a project live, private notes stay private, two secretaries write the minutes at once, and what is
// typed offline survives a reload.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import { describeInBrowser } from '../support/browser.ts';
import { useRoom } from '../support/room.ts';

describeInBrowser('annotations and minutes in Chromium', () => {
  const room = useRoom();


  async function openFirstProject(page: Page) {
    await page.locator('tr[data-project] button.open').first().click();
    await expect.poll(() => page.getByTestId('annotations').isVisible()).toBe(true);
  }

  it('shows a shared note live to another member, with the count, and keeps a private note to its author', async () => {
    const [alice, bob] = await Promise.all([room.joinAs('member', 'กรรมการ อลิส'), room.joinAs('member', 'กรรมการ บุญมี')]);
    await Promise.all([openFirstProject(alice), openFirstProject(bob)]);
    const firstCount = (page: Page) => page.getByTestId('notes-count').first().textContent();

    await alice.getByLabel('เขียนบันทึก').fill('ขอรายละเอียดค่าใช้จ่ายเพิ่มเติม');
    await alice.getByRole('button', { name: 'บันทึก', exact: true }).click();
    await expect.poll(() => bob.getByTestId('note').filter({ hasText: 'ขอรายละเอียดค่าใช้จ่ายเพิ่มเติม' }).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => bob.getByTestId('note').first().textContent()).toContain('กรรมการ อลิส');
    await expect.poll(() => firstCount(bob)).toBe('1');

    await alice.getByLabel('เขียนบันทึก').fill('โน้ตส่วนตัวของอลิส');
    await alice.getByLabel('เฉพาะฉัน').check();
    await alice.getByRole('button', { name: 'บันทึก', exact: true }).click();
    await expect.poll(() => alice.locator('[data-testid=note][data-scope=private]').textContent()).toContain('โน้ตส่วนตัวของอลิส');
    await expect.poll(() => firstCount(alice)).toBe('2');

    // Bob replies to the shared note; when Alice sees the reply, anything she sent earlier has reached Bob too.
    await bob.getByLabel('ตอบบันทึกนี้').fill('รับทราบ');
    await bob.getByRole('button', { name: 'ตอบ', exact: true }).click();
    await expect.poll(() => alice.getByTestId('note').first().textContent(), { timeout: 10_000 }).toContain('รับทราบ');
    expect(await bob.getByText('โน้ตส่วนตัวของอลิส').count()).toBe(0);
    expect(await firstCount(bob)).toBe('1');

    // Only its author edits or deletes a note, and a member resolves only their own.
    const sharedNote = (page: Page) => page.locator('[data-testid=note][data-scope=shared]').first();
    expect(await sharedNote(bob).getByRole('button', { name: 'แก้ไข', exact: true }).count()).toBe(0);
    expect(await sharedNote(bob).getByRole('button', { name: 'ลบ', exact: true }).count()).toBe(0);
    expect(await sharedNote(bob).getByRole('button', { name: 'ปิดประเด็น' }).count()).toBe(0);
    await sharedNote(alice).getByRole('button', { name: 'แก้ไข', exact: true }).click();
    await sharedNote(alice).getByLabel('แก้ไขบันทึกนี้').fill('ขอรายละเอียดค่าใช้จ่ายรายไตรมาส');
    await sharedNote(alice).getByRole('button', { name: 'บันทึกการแก้ไข' }).click();
    await expect.poll(() => sharedNote(bob).textContent(), { timeout: 10_000 }).toContain('ขอรายละเอียดค่าใช้จ่ายรายไตรมาส');
    expect(await sharedNote(bob).textContent()).toContain('(แก้ไขแล้ว)');
    await sharedNote(alice).getByRole('button', { name: 'ปิดประเด็น' }).click();
    await expect.poll(() => sharedNote(bob).textContent(), { timeout: 10_000 }).toContain('ปิดแล้ว');
    await sharedNote(alice).getByRole('button', { name: 'ลบ', exact: true }).click();
    await sharedNote(alice).getByRole('button', { name: 'ยืนยันการลบบันทึก' }).click();
    await expect.poll(() => bob.locator('[data-testid=note][data-scope=shared]').count(), { timeout: 10_000 }).toBe(0);
    expect(await alice.getByTestId('note-refused').count()).toBe(0);
  }, 90_000);

  it('lets two secretaries type in the minutes at once, each seeing both texts, and a member only read them', async () => {
    const [first, second, member] = await Promise.all([
      room.joinAs('secretary', 'เลขานุการ หนึ่ง'),
      room.joinAs('secretary', 'เลขานุการ สอง'),
      room.joinAs('member', 'กรรมการ สาม'),
    ]);
    const minutesUrl = `${room.board.url}/meetings/${room.board.meetingId}/minutes`;
    await Promise.all([first.goto(minutesUrl), second.goto(minutesUrl), member.goto(minutesUrl)]);
    const editor = (page: Page) => page.locator('.minutes-document');
    for (const page of [first, second, member]) {
      // The skeleton was written once by the server, so each agenda heading appears exactly once.
      await expect.poll(() => editor(page).textContent(), { timeout: 15_000 }).toContain('ครั้งที่ 1/2566');
      await expect.poll(() => editor(page).getByText('ผู้ไม่มาประชุม').count()).toBe(1);
    }
    await expect.poll(() => second.getByTestId('minutes-editors').textContent(), { timeout: 10_000 }).toContain('เลขานุการ หนึ่ง');

    await Promise.all([
      (async () => {
        await editor(first).locator('h1').click();
        await first.keyboard.press('End');
        await first.keyboard.type(' ฉบับร่างหนึ่ง');
      })(),
      (async () => {
        await editor(second).locator('p').last().click();
        await second.keyboard.press('End');
        await second.keyboard.type(' นางสาวสอง');
      })(),
    ]);
    for (const page of [first, second, member]) {
      await expect.poll(() => editor(page).textContent(), { timeout: 10_000 }).toContain('ฉบับร่างหนึ่ง');
      await expect.poll(() => editor(page).textContent(), { timeout: 10_000 }).toContain('นางสาวสอง');
    }

    expect(await member.getByTestId('minutes-status').textContent()).toContain('อ่านได้อย่างเดียว');
    expect(await editor(member).getAttribute('contenteditable')).toBe('false');

    // The member reads without a state in the document's awareness (with a thousand readers, each one's renewals
    // would go to every other): a client of the minutes sees the two secretaries' states and no one else's.
    const { sessionToken } = await room.board.join('member', 'กรรมการ (ตรวจ awareness)');
    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    awareness.setLocalState(null);
    const provider = new WebsocketProvider(`${room.board.url.replace('http', 'ws')}/yjs`, `meeting/${room.board.meetingId}/minutes`, doc, {
      WebSocketPolyfill: WebSocket as never,
      params: { token: sessionToken },
      disableBc: true,
      awareness,
    });
    try {
      await new Promise<void>((resolve) => (provider.synced ? resolve() : provider.once('sync', () => resolve())));
      const names = () => [...awareness.getStates().values()].map((state) => (state as { user?: { name?: string } }).user?.name).sort();
      await expect.poll(names, { timeout: 10_000 }).toEqual(['เลขานุการ สอง', 'เลขานุการ หนึ่ง']);
    } finally {
      provider.destroy();
      doc.destroy();
    }
  }, 90_000);

  it('keeps what a secretary typed without a connection through a reload, and merges it once the server is back', async () => {
    const [writer, other] = await Promise.all([room.joinAs('secretary', 'เลขานุการ ออฟไลน์'), room.joinAs('secretary', 'เลขานุการ ออนไลน์')]);
    const minutesUrl = `${room.board.url}/meetings/${room.board.meetingId}/minutes`;
    await Promise.all([writer.goto(minutesUrl), other.goto(minutesUrl)]);
    const editor = (page: Page) => page.locator('.minutes-document');
    await expect.poll(() => editor(writer).textContent(), { timeout: 15_000 }).toContain('ครั้งที่ 1/2566');
    await expect.poll(() => storedUpdates(writer), { timeout: 10_000 }).toBeGreaterThan(0);

    // The server is unreachable from here on: the page opens from this browser's copy and the typing stays on it.
    const context = writer.context();
    await writer.close();
    let serverReachable = false;
    await context.routeWebSocket(/\/yjs\//, (socket) => (serverReachable ? socket.connectToServer() : socket.close()));
    const offline = await context.newPage();
    await offline.goto(minutesUrl);
    await expect.poll(() => offline.getByTestId('minutes-status').textContent(), { timeout: 10_000 }).toContain('ออฟไลน์');
    await expect.poll(() => editor(offline).textContent(), { timeout: 10_000 }).toContain('ครั้งที่ 1/2566');
    const before = await storedUpdates(offline);
    await editor(offline).locator('h1').click();
    await offline.keyboard.press('End');
    await offline.keyboard.type(' พิมพ์ขณะออฟไลน์');
    await expect.poll(() => storedUpdates(offline)).toBeGreaterThan(before);
    await offline.close();
    expect(await editor(other).textContent()).not.toContain('พิมพ์ขณะออฟไลน์');

    // Back online, the page opens again: the offline text is there and reaches the other secretary, once.
    serverReachable = true;
    const back = await context.newPage();
    await back.goto(minutesUrl);
    await expect.poll(() => editor(back).textContent(), { timeout: 10_000 }).toContain('พิมพ์ขณะออฟไลน์');
    await expect.poll(() => editor(other).textContent(), { timeout: 10_000 }).toContain('พิมพ์ขณะออฟไลน์');
    expect(await editor(other).getByText('ผู้ไม่มาประชุม').count()).toBe(1);
  }, 90_000);
});

/** How many Yjs updates this browser keeps offline for the minutes (y-indexeddb's 'updates' store). */
function storedUpdates(page: Page): Promise<number> {
  return page.evaluate(async () => {
    let total = 0;
    for (const { name } of await indexedDB.databases()) {
      if (!name?.endsWith('/minutes')) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      total += await new Promise<number>((resolve, reject) => {
        const request = db.transaction('updates').objectStore('updates').count();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      db.close();
    }
    return total;
  });
}
