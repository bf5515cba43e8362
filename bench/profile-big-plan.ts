// Where the big plan's time goes: a Chromium trace (and CPU profile) of the first view at 4x CPU slowdown and of a
// few ceiling changes, summed by trace event (layout, style, script, parse) and by the functions that cost most.
// tsx bench/profile-big-plan.ts [projects] [out dir]
import { writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { CDPSession } from 'playwright-core';
import { launchChromium } from '../server/pdf/chromium.ts';
import { sessionCookieName } from '../server/shared/session-cookie.ts';
import { benchDatabase, sharedTargets } from './harness/context.ts';
import { readySocket } from './harness/senders.ts';
import { sleep } from './harness/clock.ts';
import type { BenchProject } from './targets/board.ts';

const projects = Number(process.argv[2] ?? 5000);
const out = path.resolve(process.argv[3] ?? '/tmp/perf/profile');
await mkdir(out, { recursive: true });
const database = await benchDatabase();
const targets = sharedTargets(database);

async function traced<T>(cdp: CDPSession, name: string, body: () => Promise<T>): Promise<T> {
  const events: any[] = [];
  const onData = (e: { value: any[] }) => events.push(...e.value);
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['devtools.timeline', 'v8.execute', 'blink', 'disabled-by-default-devtools.timeline', 'disabled-by-default-v8.cpu_profiler'] },
    transferMode: 'ReportEvents',
  });
  const result = await body();
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.end');
  await done;
  cdp.off('Tracing.dataCollected', onData);
  await writeFile(path.join(out, `${name}.trace.json`), JSON.stringify({ traceEvents: events }));
  // Top-level main-thread tasks' children by name: what the time went to.
  const byName = new Map<string, number>();
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur) continue;
    if (!['Layout', 'UpdateLayoutTree', 'RecalculateStyles', 'ParseHTML', 'EvaluateScript', 'FunctionCall', 'v8.compile', 'Paint', 'PrePaint', 'Layerize', 'HitTest', 'v8.run', 'TimerFire', 'EventDispatch', 'ParseAuthorStyleSheet', 'IntersectionObserverController::computeIntersections', 'MajorGC', 'MinorGC', 'V8.GC_SCAVENGER', 'RunTask', 'ThreadControllerImpl::RunTask', 'v8.callFunction', 'ScheduleStyleRecalculation', 'UpdateLayerTree', 'Commit'].includes(e.name)) continue;
    byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur / 1000);
  }
  console.log(`${name}:`, Object.fromEntries([...byName].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, Math.round(v)])));
  return result;
}

async function profiled<T>(cdp: CDPSession, name: string, body: () => Promise<T>): Promise<T> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: Number(process.env.INTERVAL ?? 200) });
  await cdp.send('Profiler.start');
  const result = await body();
  const { profile } = await cdp.send('Profiler.stop');
  await writeFile(path.join(out, `${name}.cpuprofile`), JSON.stringify(profile));
  const self = new Map<string, number>();
  const dt = new Map<number, number>();
  profile.samples!.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas![i] ?? 0)));
  for (const node of profile.nodes) {
    const f = node.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (dt.get(node.id) ?? 0) / 1000);
  }
  console.log(`${name} self time (ms):`);
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${v.toFixed(0).padStart(6)} ${k}`);
  return result;
}

try {
  const board = await targets.board();
  const meetingId = await board.request<string>('bigPlan', { projects });
  const [member] = await board.request<string[]>('participants', { meetingId, role: 'member', count: 1 });
  const [presenter] = await board.request<string[]>('participants', { meetingId, role: 'presenter', count: 1 });
  const url = `${board.info.url}/meetings/${meetingId}`;
  const browser = await launchChromium();
  const page = await (await browser.newContext({ viewport: { width: 768, height: 1024 } })).newPage();
  await page.context().addCookies([{ name: sessionCookieName(meetingId), value: member!, url: board.info.url }]);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const mode = process.env.MODE ?? 'trace';
  const wrap = mode === 'trace' ? traced : profiled;
  await wrap(cdp, 'first-view', async () => {
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => document.querySelector('[data-testid=connection]')?.textContent?.trim() === 'เชื่อมต่อสด', null, { timeout: 120_000, polling: 50 });
    console.log('live at', await page.evaluate(() => performance.now()));
    console.log('dom', await page.evaluate(() => { const c: Record<string, number> = {}; for (const e of document.querySelectorAll('*')) c[e.tagName] = (c[e.tagName] ?? 0) + 1; return JSON.stringify(c); }));
    const res = await page.request.get(url); const html = await res.text();
    await writeFile(path.join(out, 'page.html'), html);
  });
  await page.locator('tbody[data-approach] button.toggle').first().click();
  await page.locator('[data-project]').first().waitFor({ timeout: 60_000 });
  const list = await board.request<BenchProject[]>('projects', { meetingId });
  const socket = await readySocket(board.info.url, { meetingId, token: presenter! });
  await sleep(1000);
  await wrap(cdp, 'ceilings', async () => {
    for (let i = 0; i < 10; i++) {
      const p = list[Math.floor((i * list.length) / 10)]!;
      await socket.emitWithAck('ceilings:set', { projectId: p.id, toBaht: p.ceilingBaht - 1000, expectedVersion: p.version, reason: '' });
      await sleep(400);
    }
  });
  socket.close();
  await browser.close();
} finally {
  await targets.stopAll();
  await database.stop();
}
