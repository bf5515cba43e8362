import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, SCHEMA_PATH, SCHEMA_SNAPSHOT_FILE, readMigrations } from '../../server/db/schema-engine.ts';

// `npm run db:migration` diffs from the newest migration's copy of the schema: a copy that lags behind
// prisma/schema.prisma would make the next migration re-create tables that already exist.
describe('the newest migration keeps a whole copy of the schema', () => {
  it('equals prisma/schema.prisma', async () => {
    const { migrationDirectories } = await readMigrations();
    const newest = migrationDirectories.at(-1);
    expect(newest).toBeDefined();
    const snapshot = await readFile(path.join(MIGRATIONS_DIR, newest!.path, SCHEMA_SNAPSHOT_FILE), 'utf8');
    expect(snapshot).toBe(await readFile(SCHEMA_PATH, 'utf8'));
  });
});
