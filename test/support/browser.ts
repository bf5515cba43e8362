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
