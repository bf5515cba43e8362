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

/** The top-level paragraphs after agenda item 1's heading: the skeleton's empty one first, then those made by Enter. */
const paragraph = (page: Page, index = 0) => page.locator('.minutes-document h2:has-text("ระเบียบวาระที่ 1") ~ p').nth(index);

/** A paragraph's text without the other editor's caret label, which sits inside it. */
const typed = (page: Page, index = 0) =>
  paragraph(page, index).evaluate((p) => {
    const copy = p.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
    return copy.textContent ?? '';
  });

const sorted = (text: string) => [...text].sort().join('');

type View = {
  posAtDOM(node: Node, offset: number): number;
  state: { doc: { resolve(pos: number): { end(): number; parent: { textContent: string } } }; selection: { empty: boolean; head: number } };
};

/**
 * What the editor itself (not only the page) holds of paragraph `index`: its text, and whether its own selection is a
 * caret at the paragraph's end. ProseMirror reads the browser's typing and selection when it hears of them, which a
 * key pressed at once may come before; what the editor holds, the binding has written to Yjs and sent.
 */
const editorHolds = (page: Page, index: number) =>
  paragraph(page, index).evaluate((p) => {
    const view = (p.closest('.ProseMirror') as unknown as { editor: { view: View } }).editor.view;
    const { selection, doc } = view.state;
    const at = doc.resolve(view.posAtDOM(p, 0));
    return { text: at.parent.textContent, caretAtEnd: selection.empty && selection.head === at.end() };
  });

/** How many paragraphs agenda item 1 has before its decision section (the paragraphs of later items left out). */
const agendaOneParagraphs = (page: Page) =>
  page.locator('.minutes-document h2:has-text("ระเบียบวาระที่ 1")').evaluate((heading) => {
    let count = 0;
    for (let next = heading.nextElementSibling; next?.tagName === 'P'; next = next.nextElementSibling) count++;
    return count;
  });

describeInBrowser('typing into one empty paragraph of the minutes at once', () => {
  const room = useRoom();

  /** Two secretaries on the minutes page, each behind a gate on what their browser sends to the Yjs endpoint. */
  async function twoSecretaries(names: [string, string]) {
    const [first, second] = await Promise.all(names.map((name) => room.joinAs('secretary', name)));
    const gates = await Promise.all([holdYjsMessages(first!.context()), holdYjsMessages(second!.context())]);
    const flushBoth = () => gates.forEach((gate) => gate.flush());
    let flushing: ReturnType<typeof setInterval> | null = null;
    const editors = {
      first: first!,
      second: second!,
      flushBoth,
      /** Lets every message through as it is sent (as without the gates), until `hold`. */
      flow() {
        flushing ??= setInterval(flushBoth, 50);
      },
      hold() {
        if (flushing) clearInterval(flushing);
        flushing = null;
        flushBoth();
      },
    };
    const minutesUrl = `${room.board.url}/meetings/${room.board.meetingId}/minutes`;
    await Promise.all([first!.goto(minutesUrl), second!.goto(minutesUrl)]);
    // The handshake goes through the gates too.
    editors.flow();
    for (const page of [first!, second!]) await expect.poll(() => paragraph(page).count(), { timeout: 15_000 }).toBe(1);
    editors.hold();
    return editors;
  }

  /**
   * Both type one character into paragraph `index` before seeing the other's, then (once both see both) one more each
   * before seeing what the other's editor did on receiving the first: every character must be there exactly once,
   * and both editors must read the same.
   */
  async function typeAtOnce(editors: Awaited<ReturnType<typeof twoSecretaries>>, index: number, [a, b, x, y]: string) {
    const { first, second } = editors;
    /** Until each editor holds the character it typed, which is when its update waits at the gate. */
    const sent = (...typing: [Page, string][]) =>
      Promise.all(typing.map(([page, character]) => expect.poll(async () => (await editorHolds(page, index)).text, { timeout: 10_000 }).toContain(character)));
    editors.hold();
    await paragraph(first, index).click();
    await first.keyboard.press('End');
    await first.keyboard.type(a!);
    await paragraph(second, index).click();
    await second.keyboard.press('End');
    await second.keyboard.type(x!);
    await sent([first, a!], [second, x!]);
    editors.flushBoth();
    for (const page of [first, second]) {
      await expect.poll(async () => sorted(await typed(page, index)), { timeout: 10_000 }).toBe(sorted(a! + x!));
    }
    await first.keyboard.press('End');
    await first.keyboard.type(b!);
    await second.keyboard.press('End');
    await second.keyboard.type(y!);
    await sent([first, b!], [second, y!]);
    editors.flushBoth();
    editors.flow();
    await expect
      .poll(async () => (await typed(first, index)) === (await typed(second, index)) && (await typed(first, index)).length >= 4, { timeout: 10_000 })
      .toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const texts = await Promise.all([first, second].map((page) => typed(page, index)));
    expect(texts[0]).toBe(texts[1]);
    expect(sorted(texts[0]!)).toBe(sorted(a! + b! + x! + y!));
  }

  it('keeps every character once', async () => {
    const editors = await twoSecretaries(['เลขานุการ ก', 'เลขานุการ ข']);
    try {
      await typeAtOnce(editors, 0, 'abxy');
    } finally {
      editors.hold();
    }
  }, 90_000);

  it('keeps every character once in a paragraph made by pressing Enter, time after time', async () => {
    const editors = await twoSecretaries(['เลขานุการ ค', 'เลขานุการ ง']);
    const { first, second } = editors;
    const rounds = ['abxy', 'cdvw', 'efst', 'ghqr', 'ijop'];
    // The first test typed into the skeleton's paragraph of the same document: the new paragraphs come after it.
    const before = await agendaOneParagraphs(first);
    try {
      for (let round = 0; round < rounds.length; round++) {
        // One of them (in turn) ends the last paragraph with Enter; both see the new empty paragraph, then type into it.
        const presser = round % 2 === 0 ? first : second;
        const index = before + round;
        editors.flow();
        await paragraph(presser, index - 1).click();
        await presser.keyboard.press('End');
        await expect.poll(async () => (await editorHolds(presser, index - 1)).caretAtEnd).toBe(true);
        await presser.keyboard.press('Enter');
        for (const page of [first, second]) {
          await expect.poll(() => agendaOneParagraphs(page), { timeout: 10_000 }).toBe(index + 1);
          expect(await typed(page, index)).toBe('');
        }
        await typeAtOnce(editors, index, rounds[round]!);
      }
      const texts = await Promise.all([first, second].map((page) => Promise.all(rounds.map((_, round) => typed(page, before + round)))));
      expect(texts[0]).toEqual(texts[1]);
      expect(texts[0]!.map(sorted)).toEqual(rounds.map(sorted));
    } finally {
      editors.hold();
    }
  }, 180_000);
});
