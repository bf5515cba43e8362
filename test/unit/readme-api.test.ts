// The set-up API is documented in README for secretariats to script against; a route added without its line there
// would be a route nobody knows of. Finds every route under /api/ that the server's Express routers declare, and the
// web app's own endpoints under /api (none today), and checks README's Set-up API tables name each one.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

async function sourcesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(path.join(ROOT, dir), { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && /\.ts$/.test(entry.name) && !entry.parentPath.includes(`${path.sep}generated`))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** `router.post('/api/…'` (the path may be on the next line), as `POST /api/…`. */
const ROUTE = /\.(get|post|put|patch|delete)\(\s*['"`](\/api\/[^'"`]*)['"`]/g;
/** Any '/api/…' literal: a route declared some other way (a constant, app.route) must be found by ROUTE too. */
const API_LITERAL = /['"`](\/api\/[^'"`$]*)['"`]/g;

async function serverRoutes(): Promise<{ routes: string[]; literals: string[] }> {
  const routes: string[] = [];
  const literals: string[] = [];
  for (const file of await sourcesUnder('server')) {
    const text = await readFile(file, 'utf8');
    for (const match of text.matchAll(ROUTE)) routes.push(`${match[1]!.toUpperCase()} ${match[2]}`);
    for (const match of text.matchAll(API_LITERAL)) literals.push(match[1]!);
  }
  return { routes, literals };
}

async function readmeApiTable(): Promise<string> {
  const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('### Set-up API');
  expect(start, 'README has a "Set-up API" section').toBeGreaterThan(-1);
  const end = readme.indexOf('\n## ', start);
  return readme.slice(start, end === -1 ? undefined : end);
}

describe("README's Set-up API", () => {
  it('documents every route under /api/ the server declares', async () => {
    const { routes, literals } = await serverRoutes();
    // The routers as they stand have at least these many; a finder that finds none would pass anything.
    expect(routes.length).toBeGreaterThanOrEqual(20);
    expect(routes).toContain('POST /api/plans/:planId/meetings');
    const routePaths = new Set(routes.map((route) => route.split(' ')[1]));
    expect(literals.filter((literal) => !routePaths.has(literal)), 'every /api/ path is declared as router.<method>(path, …)').toEqual([]);
    const docs = await readmeApiTable();
    // Each route is written in the table as `METHOD /api/path` (a query string may follow).
    const undocumented = routes.filter((route) => !docs.includes(`\`${route}\``) && !docs.includes(`\`${route}?`));
    expect(undocumented).toEqual([]);
  });

  it('documents no route the server does not have', async () => {
    const { routes } = await serverRoutes();
    const documented = [...(await readmeApiTable()).matchAll(/`(GET|POST|PUT|PATCH|DELETE) (\/api\/[^`?\s]*)/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(documented.filter((route) => !routes.includes(route))).toEqual([]);
  });

  it('the web app declares no endpoints of its own under /api', async () => {
    const entries = await readdir(path.join(ROOT, 'web/routes'), { withFileTypes: true, recursive: true });
    const apiDirs = entries.filter((entry) => entry.isDirectory() && path.relative(path.join(ROOT, 'web/routes'), path.join(entry.parentPath, entry.name)).split(path.sep)[0] === 'api');
    expect(apiDirs.map((entry) => entry.name)).toEqual([]);
  });
});
