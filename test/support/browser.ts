// Headless Chromium from Debian, driven by playwright-core: the browser tests do what a person does.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe } from 'vitest';
import { chromiumPath } from '../../server/pdf/chromium.ts';

export { chromiumPath, launchChromium } from '../../server/pdf/chromium.ts';

if (!chromiumPath) {
  // CI installs Chromium, so there a missing browser is a broken set-up, never a reason to skip.
  if (process.env.CI) throw new Error('Chromium is not installed: the browser tests cannot run (apt-get install chromium)');
  console.warn('Chromium not found (apt-get install chromium): browser tests are skipped.');
}

/** `describe` for browser tests: skipped, and says so, where Chromium is absent. */
export const describeInBrowser = chromiumPath ? describe : describe.skip;

const ARTIFACTS = fileURLToPath(new URL('../browser/artifacts/', import.meta.url));

/** Saves what the page looks like now for a person to look at (git-ignored): test/browser/artifacts/<name>.png. */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: options.fullPage ?? false });
}

/** The page scrolls sideways: the document is wider than the viewport. */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** A Socket.io event a page heard from the server: its name, its payload, and which of the page's sockets heard it. */
export interface HeardEvent {
  event: string;
  payload: { seq?: number } & Record<string, unknown>;
  /** The page's n-th WebSocket, from 1: a board with the screen's preview (an iframe) has two Socket.io connections. */
  socket: number;
}

/**
 * Records every Socket.io event the page's sockets receive, from sockets opened after this call: what a board was
 * sent, to count that one change reached each connection once.
 */
export function recordSocketEvents(page: Page): HeardEvent[] {
  const heard: HeardEvent[] = [];
  let sockets = 0;
  page.on('websocket', (ws) => {
    const socket = ++sockets;
    ws.on('framereceived', ({ payload }) => {
      // An event packet of the default namespace: 42["name",{...}] (an ack is 43<id>[...]; Yjs frames are binary).
      if (typeof payload !== 'string' || !payload.startsWith('42[')) return;
      const [event, body] = JSON.parse(payload.slice(2)) as [string, HeardEvent['payload']];
      heard.push({ event, payload: body, socket });
    });
  });
  return heard;
}
