// The SvelteKit app, built by Vite into build/ and served through adapter-node's handler. `npm start` builds it when
// the sources are newer than the last build, so a fresh clone needs nothing but `npm install`.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RequestHandler } from 'express';
import { PROJECT_ROOT } from '../config.ts';

const BUILD_DIR = path.join(PROJECT_ROOT, 'build');
const STAMP = path.join(BUILD_DIR, '.built-at');
const SOURCES = ['web', 'server/shared', 'server/domain', 'server/app-services.ts', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'];

function newestChange(target: string): number {
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestChange(path.join(target, entry)));
  return newest;
}

export function webBuildIsCurrent(): boolean {
  if (!existsSync(STAMP)) return false;
  const builtAt = statSync(STAMP).mtimeMs;
  return SOURCES.every((source) => {
    const full = path.join(PROJECT_ROOT, source);
    return !existsSync(full) || newestChange(full) <= builtAt;
  });
}

export async function ensureWebBuild(log: (line: string) => void = console.log): Promise<void> {
  if (webBuildIsCurrent()) return;
  log('Building the web app (first start, or its sources changed)…');
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
