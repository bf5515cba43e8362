// The SvelteKit app, built by Vite into build/ and served through adapter-node's handler. `npm run build` makes it;
// `npm start` makes it only when there is none (a fresh clone), so instances starting from one checkout never
// rebuild under each other's feet. Builds take a lock, so two processes starting at once build once.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RequestHandler } from 'express';
import lockfile from 'proper-lockfile';
import { PROJECT_ROOT } from '../config.ts';

const BUILD_DIR = path.join(PROJECT_ROOT, 'build');
/** Written last, so a build that was cut short counts as none. */
const STAMP = path.join(BUILD_DIR, '.built-at');
const LOCK = path.join(PROJECT_ROOT, '.build.lock');
const SOURCES = ['web', 'server/shared', 'server/domain', 'server/app-services.ts', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'];

function newestChange(target: string): number {
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestChange(path.join(target, entry)));
  return newest;
}

export function webBuildExists(): boolean {
  return existsSync(STAMP);
}

export function webBuildIsCurrent(): boolean {
  if (!webBuildExists()) return false;
  const builtAt = statSync(STAMP).mtimeMs;
  return SOURCES.every((source) => {
    const full = path.join(PROJECT_ROOT, source);
    return !existsSync(full) || newestChange(full) <= builtAt;
  });
}

/**
 * `missing`: build only when there is no build (npm start). `stale`: also when the sources are newer (the tests,
 * which must run what is checked out). `always`: npm run build.
 */
export type BuildWhen = 'missing' | 'stale' | 'always';

function needsBuild(when: BuildWhen): boolean {
  if (when === 'always') return true;
  return when === 'missing' ? !webBuildExists() : !webBuildIsCurrent();
}

export async function ensureWebBuild(when: BuildWhen, log: (line: string) => void = console.log): Promise<void> {
  if (!needsBuild(when)) return;
  const release = await lockfile.lock(BUILD_DIR, {
    lockfilePath: LOCK,
    realpath: false,
    // A build takes a minute on a busy machine; the holder refreshes the lock while it works, and a lock whose holder
    // died goes stale after 20 s.
    stale: 20_000,
    update: 5_000,
    retries: { retries: 600, factor: 1, minTimeout: 500, maxTimeout: 500 },
    onCompromised: (error) => log(`web build lock lost: ${error.message}`),
  });
  try {
    // Another process may have built while we waited for the lock.
    if (!needsBuild(when)) return;
    log('Building the web app…');
    const startedAt = Date.now();
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
        cwd: PROJECT_ROOT,
        stdio: 'inherit',
      });
      child.once('error', reject);
      child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build exited with ${code}`))));
    });
    writeFileSync(STAMP, new Date(startedAt).toISOString());
    log(`Built the web app in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  } finally {
    await release();
  }
}

/**
 * adapter-node takes the request's scheme from a header it is told to trust, and assumes https without one, which
 * would make SvelteKit refuse every form posted over plain http as cross-site. The board sets this header itself,
 * overwriting whatever a client sent.
 */
export const PROTOCOL_HEADER = 'x-committee-board-protocol';

export async function loadPagesHandler(): Promise<RequestHandler> {
  process.env.PROTOCOL_HEADER = PROTOCOL_HEADER;
  const { handler } = (await import(pathToFileURL(path.join(BUILD_DIR, 'handler.js')).href)) as { handler: RequestHandler };
  return handler;
}
