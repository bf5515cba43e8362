import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import pg from 'pg';
import { applyMigrations, readMigrations } from '../../server/db/schema-engine.ts';
import { createDatabaseClient, type Database } from '../../server/db/client.ts';
import { SAMPLE_MEETING_ID, seedSampleMeeting } from '../../server/seed/seed-sample.ts';
import { loadBoard } from '../../server/db/board-repository.ts';
import { createDatabase, type TestDatabase } from '../support/database.ts';

describe('migrations and the sample meeting, on an empty database', () => {
  let database: TestDatabase;
  let db: Database;

  beforeAll(async () => {
    database = await createDatabase(inject('databaseServerUrl'));
    db = createDatabaseClient(database.url);
  });
  afterAll(async () => {
    await db.$disconnect();
    await database.drop();
  });

  it('applies every migration once, and records them as prisma migrate deploy does', async () => {
    const { migrationDirectories } = await readMigrations();
    expect(await applyMigrations(database.url)).toEqual(migrationDirectories.map((m) => m.path));
    expect(await applyMigrations(database.url)).toEqual([]);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query('SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name');
    await client.end();
    expect(rows.map((r) => r.migration_name)).toEqual(migrationDirectories.map((m) => m.path));
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
  });

  it('stores money as BIGINT', async () => {
    const rows = await db.$queryRaw<{ table_name: string; column_name: string; data_type: string }[]>`
      SELECT table_name, column_name, data_type FROM information_schema.columns
      WHERE column_name LIKE '%Baht' AND table_schema = 'public'`;
    expect(rows.length).toBeGreaterThanOrEqual(6);
    for (const row of rows) expect(row.data_type, `${row.table_name}.${row.column_name}`).toBe('bigint');
  });

  it('seeds the FY2567 sample meeting once: 78 projects, 51 agencies, frame 5,523.9110 million baht', async () => {
    expect(await seedSampleMeeting(db)).toEqual({ meetingId: SAMPLE_MEETING_ID, created: true });
    expect(await seedSampleMeeting(db)).toEqual({ meetingId: SAMPLE_MEETING_ID, created: false });

    const board = await loadBoard(db, SAMPLE_MEETING_ID);
    expect(board.meeting.plan).toMatchObject({ fiscalYearBE: 2567, frameBaht: 5_523_911_000, isSample: true });
    expect(board.projects).toHaveLength(78);
    expect(new Set(board.projects.map((p) => p.agency.code)).size).toBe(51);
    expect(await db.agency.count()).toBe(51);
    expect(board.goals.flatMap((g) => g.approaches.map((a) => a.code))).toEqual(['1.1', '1.2', '2.1', '3.1']);
    expect(board.agenda.map((a) => a.titleTh)).toEqual([
      'เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ',
      'เรื่องรับรองรายงานการประชุม',
      'เรื่องสืบเนื่อง',
      'เรื่องเพื่อพิจารณา',
      'เรื่องอื่น ๆ',
    ]);
    const requested = board.projects.reduce((sum, p) => sum + p.requestedBaht, 0);
    expect(requested).toBeGreaterThan(board.meeting.plan.frameBaht);
    expect(board.projects.every((p) => p.ceilingBaht === p.requestedBaht && p.version === 1)).toBe(true);
  });
});
