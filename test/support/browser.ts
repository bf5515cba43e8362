// Headless Chromium from Debian, driven by playwright-core: the browser tests do what a person does.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { describe } from 'vitest';

function findChromium(): string | undefined {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      const found = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
      if (found) return found;
    } catch {
      // not on PATH under this name
    }
  }
  return undefined;
}

export const chromiumPath = findChromium();
if (!chromiumPath) {
  // CI installs Chromium, so there a missing browser is a broken set-up, never a reason to skip.
  if (process.env.CI) throw new Error('Chromium is not installed: the browser tests cannot run (apt-get install chromium)');
  console.warn('Chromium not found (apt-get install chromium): browser tests are skipped.');
}

/** `describe` for browser tests: skipped, and says so, where Chromium is absent. */
export const describeInBrowser = chromiumPath ? describe : describe.skip;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
