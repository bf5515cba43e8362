// A 5,000-project plan on a tablet: how big the board's page is, how soon it is interactive in Chromium at 4x CPU
// slowdown, how many rows it keeps in the DOM, and how much main-thread time one ceiling change costs it.
import { request } from 'node:http';
import { brotliCompressSync, gunzipSync, brotliDecompressSync, gzipSync, constants as zlib } from 'node:zlib';
import type { CDPSession, Page } from 'playwright-core';
import { launchChromium } from '../../server/pdf/chromium.ts';
import { sessionCookieName } from '../../server/shared/session-cookie.ts';
import { nowMs, sleep } from '../harness/clock.ts';
import type { Workload } from '../harness/context.ts';
import { readySocket } from '../harness/senders.ts';
import { median, round2 } from '../harness/stats.ts';
import type { BenchProject } from '../targets/board.ts';

/** DevTools' CPU throttling rate: a mid-range tablet against this machine. */
const CPU_SLOWDOWN = 4;
const TABLET = { width: 768, height: 1024 };
const LIVE_TEXT = 'เชื่อมต่อสด';

export const bigPlanWorkload: Workload = {
  name: 'big-plan',
  summary: 'a 5,000-project plan: page size, first view interactive at 4x CPU slowdown, rows in the DOM, main-thread time per ceiling change',
  async run(context) {
    const projects = context.tiny ? 200 : (context.overrides.clients ?? 5_000);
    const changes = context.tiny ? 3 : 20;
    const board = await context.board();
    context.log(`  writing a plan of ${projects} projects`);
    const meetingId = await board.request<string>('bigPlan', { projects });
    const [member] = await board.request<string[]>('participants', { meetingId, role: 'member', count: 1 });
    const [presenter] = await board.request<string[]>('participants', { meetingId, role: 'presenter', count: 1 });
    const pageUrl = `${board.info.url}/meetings/${meetingId}`;
    const cookie = { name: sessionCookieName(meetingId), value: member!, url: board.info.url };

    const loadBoardMs = (await board.request<number[]>('loadBoardMs', { meetingId, times: 5 })).map(round2);
    context.log(`  loading the board from the database: ${loadBoardMs.join(', ')} ms`);
    const html = await pageSize(pageUrl, `${cookie.name}=${cookie.value}`);
    context.log(`  page: ${html.htmlKb} KB of HTML, ${html.servedKb} KB served (${html.servedEncoding}), first byte at ${html.firstByteMs} ms, last at ${html.lastByteMs} ms`);

    const browser = await launchChromium();
    try {
      const loads = [];
      for (let round = 0; round < context.rounds; round++) {
        const page = await (await browser.newContext({ viewport: TABLET })).newPage();
        await page.context().addCookies([cookie]);
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
        loads.push(await firstView(page, pageUrl));
        context.log(`  round ${round + 1}/${context.rounds}: live at ${loads.at(-1)!.liveMs} ms, ${loads.at(-1)!.rowsInDom} rows in the DOM`);
        if (round === context.rounds - 1) {
          const ceilingChange = await ceilingChangeCost(cdp, board.info.url, meetingId, presenter!, await board.request<BenchProject[]>('projects', { meetingId }), changes);
          context.log(`  a ceiling change: ${ceilingChange.mainThreadMsPerChange} ms of main-thread time (script ${ceilingChange.scriptMsPerChange}, style ${ceilingChange.styleMsPerChange}, layout ${ceilingChange.layoutMsPerChange})`);
          await page.context().close();
          return {
            parameters: { projects, cpuSlowdown: CPU_SLOWDOWN, viewport: TABLET, changes },
            loadBoard: { medianMs: median(loadBoardMs), runsMs: loadBoardMs },
            page: html,
            firstView: { median: { liveMs: median(loads.map((l) => l.liveMs)), firstInputMs: median(loads.map((l) => l.firstInputMs)) }, rounds: loads },
            ceilingChange,
          };
        }
        await page.context().close();
      }
      throw new Error('no round ran');
    } finally {
      await browser.close();
    }
  },
};

/**
 * The board's HTML as the server sends it to a browser that accepts brotli and gzip, what each would weigh, and how
 * long the server took: to the first byte (loading the board and rendering the page) and to the last.
 */
function pageSize(url: string, cookie: string) {
  return new Promise<{ htmlKb: number; servedKb: number; servedEncoding: string; gzipKb: number; brotliKb: number; firstByteMs: number; lastByteMs: number }>((resolve, reject) => {
    const started = nowMs();
    const req = request(url, { headers: { cookie, 'accept-encoding': 'br, gzip' } }, (res) => {
      const firstByteMs = round2(nowMs() - started);
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const lastByteMs = round2(nowMs() - started);
        if (res.statusCode !== 200) return reject(new Error(`${url}: HTTP ${res.statusCode}`));
        const served = Buffer.concat(chunks);
        const encoding = String(res.headers['content-encoding'] ?? 'identity');
        const html = encoding === 'br' ? brotliDecompressSync(served) : encoding === 'gzip' ? gunzipSync(served) : served;
        const kb = (bytes: number) => round2(bytes / 1024);
        resolve({
          htmlKb: kb(html.length),
          servedKb: kb(served.length),
          servedEncoding: encoding,
          gzipKb: kb(gzipSync(html, { level: 6 }).length),
          brotliKb: kb(brotliCompressSync(html, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } }).length),
          firstByteMs,
          lastByteMs,
        });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * Opens the board and waits until it is live (rendered, hydrated, its socket connected), then opens the first group
 * as a person would and times how long the page takes to answer.
 */
async function firstView(page: Page, url: string) {
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction((live) => document.querySelector('[data-testid=connection]')?.textContent?.trim() === live, LIVE_TEXT, { timeout: 120_000, polling: 50 });
  const liveMs = round2(await page.evaluate(() => performance.now()));
  const longTasks = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) total += entry.duration;
        }).observe({ type: 'longtask', buffered: true });
        setTimeout(() => resolve(total), 0);
      }),
  );
  const rowsInDom = await page.locator('[data-project]').count();
  // What a person does first on a big plan: open a group and see its projects.
  const started = nowMs();
  await page.locator('tbody[data-approach] button.toggle').first().click();
  await page.locator('[data-project]').first().waitFor({ timeout: 60_000 });
  const firstInputMs = round2(nowMs() - started);
  return { liveMs, longTasksMs: round2(longTasks), firstInputMs, rowsInDom, rowsInDomAfterOpeningAGroup: await page.locator('[data-project]').count() };
}

/**
 * Main-thread time of one ceiling change on the open board: DevTools' TaskDuration over a window of `count` changes
 * sent by the presenter, less the same window's length with none (the page's idle work: timers, the socket's pings);
 * and the script, style and layout parts of it the same way.
 */
async function ceilingChangeCost(cdp: CDPSession, url: string, meetingId: string, presenterToken: string, projects: BenchProject[], count: number) {
  const intervalMs = 400;
  await cdp.send('Performance.enable');
  // TaskDuration is all of the main thread's work; script, style and layout say where it went (paint is the rest).
  const PARTS = ['TaskDuration', 'ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration'] as const;
  const seconds = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return PARTS.map((name) => metrics.find((m) => m.name === name)!.value);
  };
  const socket = await readySocket(url, { meetingId, token: presenterToken });
  try {
    await sleep(1_000);
    const idleStart = await seconds();
    await sleep(count * intervalMs);
    const idleEnd = await seconds();
    const busyStart = await seconds();
    const refused: string[] = [];
    for (let i = 0; i < count; i++) {
      const started = nowMs();
      // Spread over the whole list, as a presenter working through it would: most changes are to rows out of view.
      const project = projects[Math.floor((i * projects.length) / count)]!;
      const reply = (await socket.emitWithAck('ceilings:set', { projectId: project.id, toBaht: project.ceilingBaht - 1_000, expectedVersion: project.version, reason: '' })) as { error?: { code: string } };
      if (reply.error) refused.push(reply.error.code);
      await sleep(intervalMs - (nowMs() - started));
    }
    const busyEnd = await seconds();
    if (refused.length) throw new Error(`ceiling changes refused: ${refused.join(', ')}`);
    const perChange = PARTS.map((_, i) => round2((((busyEnd[i]! - busyStart[i]!) - (idleEnd[i]! - idleStart[i]!)) * 1000) / count));
    return {
      mainThreadMsPerChange: perChange[0]!,
      scriptMsPerChange: perChange[1]!,
      styleMsPerChange: perChange[2]!,
      layoutMsPerChange: perChange[3]!,
      idleMainThreadMsPerWindow: round2((idleEnd[0]! - idleStart[0]!) * 1000),
      cpuSlowdown: CPU_SLOWDOWN,
    };
  } finally {
    socket.close();
  }
}
