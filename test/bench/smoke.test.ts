// The benchmark harness runs: every workload at a tiny size (a few clients, half a second), one round, on this run's
// PostgreSQL. It asserts that each workload produced figures, never what they are: timings on a shared machine are
// measured by `npm run bench`, not tested.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, inject, test } from 'vitest';
import { PROJECT_ROOT } from '../../server/config.ts';

const run = promisify(execFile);
let outDir: string | undefined;
afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

test('npm run bench -- --tiny runs every workload and writes one JSON file', { timeout: 600_000 }, async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'cb-bench-smoke-'));
  await run(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--tiny', '--out', outDir], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, BENCH_DATABASE_URL: inject('databaseServerUrl') },
    maxBuffer: 16 * 1024 * 1024,
  });
  const files = await readdir(outDir);
  expect(files).toHaveLength(1);
  const report = JSON.parse(await readFile(path.join(outDir, files[0]!), 'utf8'));
  expect(report.machine.loadBefore['1m']).toBeTypeOf('number');
  expect(report.machine.loadAfter['1m']).toBeTypeOf('number');
  const { WORKLOADS } = await import('../../bench/workloads/index.ts');
  expect(Object.keys(report.workloads)).toEqual(WORKLOADS.map((w) => w.name));
  for (const [name, workload] of Object.entries<{ figures?: Record<string, { median: { latencyToLastMs: { count: number } } }> }>(report.workloads)) {
    for (const [system, figures] of Object.entries(workload.figures ?? {})) {
      expect(figures.median.latencyToLastMs.count, `${name}/${system}`).toBeGreaterThan(0);
    }
  }
});
