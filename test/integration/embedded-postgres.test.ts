import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { openDatabase } from '../../server/db/database-url.ts';
import { applyMigrations } from '../../server/db/schema-engine.ts';

describe('the embedded PostgreSQL that npm start uses without DATABASE_URL', () => {
  it('starts a real server, keeps its data across restarts, and is shared by a second command', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'cb-embedded-'));
    try {
      const first = await openDatabase(undefined, dataDir);
      expect(first.embedded).toBe(true);
      await applyMigrations(first.url);
      const second = await openDatabase(undefined, dataDir);
      expect(second.url).toBe(first.url);
      await second.stop();
      const client = new pg.Client({ connectionString: first.url });
      await client.connect();
      const { rows } = await client.query('SELECT count(*)::int AS n FROM _prisma_migrations');
      await client.end();
      expect(rows[0].n).toBeGreaterThan(0);
      await first.stop();

      const restarted = await openDatabase(undefined, dataDir);
      expect(await applyMigrations(restarted.url)).toEqual([]);
      await restarted.stop();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
