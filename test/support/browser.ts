// Headless Chromium from Debian, driven by playwright-core: the browser tests do what a person does.
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
