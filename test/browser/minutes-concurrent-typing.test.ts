// Two secretaries start typing into the same empty paragraph of the minutes at the same moment, and go on typing:
// each character is kept once. The browser's messages to the Yjs endpoint are held and let through at chosen
// moments, so the edits are concurrent every time rather than when the timing happens to allow it.
import { expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { describeInBrowser } from '../support/browser.ts';
import { useRoom } from '../support/room.ts';

/** Holds what the page sends to the Yjs endpoint: `flush` lets what is held through and keeps holding. */
async function holdYjsMessages(context: BrowserContext) {
  const held: (() => void)[] = [];
  await context.routeWebSocket(/\/yjs\//, (socket) => {
    const server = socket.connectToServer();
    socket.onMessage((message) => held.push(() => server.send(message)));
    server.onMessage((message) => socket.send(message));
  });
  return {
    flush() {
      for (const send of held.splice(0)) send();
    },
  };
}

describeInBrowser('typing into one empty paragraph of the minutes at once', () => {
  const room = useRoom();

  it('keeps every character once', async () => {
    const [first, second] = await Promise.all([room.joinAs('secretary', 'เลขานุการ ก'), room.joinAs('secretary', 'เลขานุการ ข')]);
    const gates = await Promise.all([holdYjsMessages(first.context()), holdYjsMessages(second.context())]);
    const flushBoth = () => gates.forEach((gate) => gate.flush());
    const minutesUrl = `${room.board.url}/meetings/${room.board.meetingId}/minutes`;
    await Promise.all([first.goto(minutesUrl), second.goto(minutesUrl)]);
    const paragraph = (page: Page) => page.locator('.minutes-document h2:has-text("ระเบียบวาระที่ 1") + p');
    // The paragraph's text without the other editor's caret label, which sits inside it.
    const typed = (page: Page) =>
      paragraph(page).evaluate((p) => {
        const copy = p.cloneNode(true) as HTMLElement;
        for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
        return copy.textContent ?? '';
      });
    // The handshake goes through the gates too.
    const flushing = setInterval(flushBoth, 50);
    for (const page of [first, second]) await expect.poll(() => paragraph(page).count(), { timeout: 15_000 }).toBe(1);
    clearInterval(flushing);
    flushBoth();

    await paragraph(first).click();
    await first.keyboard.type('a');
    await paragraph(second).click();
    await second.keyboard.type('x');
    flushBoth();
    for (const page of [first, second]) {
      await expect.poll(async () => [...(await typed(page))].sort().join(''), { timeout: 10_000 }).toBe('ax');
    }
    // Each now types again before seeing whatever the other's editor did on receiving the first characters.
    await first.keyboard.press('End');
    await first.keyboard.type('b');
    await second.keyboard.press('End');
    await second.keyboard.type('y');
    flushBoth();
    const flushingAfter = setInterval(flushBoth, 50);
    try {
      await expect.poll(async () => (await typed(first)) === (await typed(second)) && (await typed(first)).length >= 4, { timeout: 10_000 }).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const texts = await Promise.all([first, second].map(typed));
      expect(texts[0]).toBe(texts[1]);
      expect([...texts[0]].sort().join('')).toBe('abxy');
    } finally {
      clearInterval(flushingAfter);
    }
  }, 90_000);
});
