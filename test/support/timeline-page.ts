// The meeting timeline as a person works it in a browser test: the slider under the totals strip, moved with its keys,
// and the presenter's ก่อน/หลัง for the room screen.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** Opens the timeline and waits until it has `max` + 1 points to scrub through. */
export async function openTimeline(page: Page, max: number) {
  await page.getByRole('button', { name: 'ไทม์ไลน์การประชุม' }).click();
  const scrubber = page.getByRole('slider', { name: 'เลื่อนดูย้อนหลัง' });
  await expect.poll(() => scrubber.getAttribute('max')).toBe(String(max));
  return scrubber;
}

/** Scrubs with the slider's own key: Home to the start, End back to now, an arrow one step. */
export async function scrubWith(page: Page, key: 'Home' | 'End' | 'ArrowLeft' | 'ArrowRight') {
  await page.getByRole('slider', { name: 'เลื่อนดูย้อนหลัง' }).focus();
  await page.keyboard.press(key);
}

/** The moment scrubbed to becomes the before; now (the slider's end) the after; the pair goes on the screen. */
export async function showAgainstNowOnScreen(page: Page) {
  await page.getByTestId('choose-compare').click();
  await scrubWith(page, 'End');
  await expect.poll(() => page.getByTestId('past-board').count()).toBe(0);
  await page.getByTestId('show-before-after').click();
}
