// A database made by the previous release upgrades with nothing lost. The fixture is that release's own database:
// in a checkout of 785a2f5, its board started on an empty database (migrated, sample seeded), a presenter changed one
// ceiling, every other project was resolved (test/support/resolutions.ts) and the secretary prepared and the chair
// confirmed the frame through its commands; then `pg_dump --inserts --no-owner --no-privileges` (psql's \restrict lines
// removed). Here it is loaded into an empty database and today's migrations are applied to it.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import pg from 'pg';
import { applyMigrations, readMigrations } from '../../server/db/schema-engine.ts';
import { createDatabaseClient, type Database } from '../../server/db/client.ts';
import { generateKeyPairSync } from 'node:crypto';
import { createFrameService } from '../../server/db/frame-repository.ts';
import { recordSigner } from '../../server/domain/record-signing.ts';
import { loadBoard } from '../../server/db/board-repository.ts';
import { SAMPLE_MEETING_ID, seedSampleMeeting } from '../../server/seed/seed-sample.ts';
import { createDatabase, type TestDatabase } from '../support/database.ts';

const FIXTURE = new URL('../fixtures/release-785a2f5.sql', import.meta.url);
const PREVIOUS_RELEASE_NEWEST_MIGRATION = '20261201225554_frame_preparation';
const TABLES = ['Plan', 'Goal', 'Approach', 'Agency', 'Project', 'ProjectPartner', 'Meeting', 'AgendaItem', 'Participant', 'CeilingChange', 'Resolution', 'FrameRecord', 'MeetingEvent'];

async function query<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

/** Every row of every table the previous release wrote, as text, in a stable order. */
async function contents(url: string): Promise<Record<string, string[]>> {
  const all: Record<string, string[]> = {};
  for (const table of TABLES) {
    const rows = await query<{ row: string }>(url, `SELECT row_to_json(t)::text AS row FROM "${table}" t`);
    all[table] = rows.map((r) => r.row).sort();
  }
  return all;
}

/** Only the columns the previous release had: what was there must read back the same. */
function withoutNewColumns(rows: string[], columns: readonly string[]): string[] {
  return rows
    .map((row) => {
      const value = JSON.parse(row) as Record<string, unknown>;
      for (const column of columns) delete value[column];
      return JSON.stringify(value);
    })
    .sort();
}

describe("upgrading the previous release's database", () => {
  let database: TestDatabase;
  let db: Database;
  let before: Record<string, string[]>;

  beforeAll(async () => {
    database = await createDatabase(inject('databaseServerUrl'), { prefix: 'cb_upgrade' });
    await query(database.url, await readFile(FIXTURE, 'utf8'));
    before = await contents(database.url);
    db = createDatabaseClient(database.url);
  });
  afterAll(async () => {
    await db.$disconnect();
    await database.drop();
  });

  it('applies exactly the migrations made since, once', async () => {
    const { migrationDirectories } = await readMigrations();
    const newer = migrationDirectories.map((m) => m.path).filter((name) => name > PREVIOUS_RELEASE_NEWEST_MIGRATION);
    expect(newer.length).toBeGreaterThan(0);
    expect(await applyMigrations(database.url)).toEqual(newer);
    expect(await applyMigrations(database.url)).toEqual([]);
  });

  it('keeps every row and every value it had', async () => {
    const after = await contents(database.url);
    expect(before.Project).toHaveLength(78);
    expect(before.Resolution).toHaveLength(78);
    expect(before.FrameRecord).toHaveLength(1);
    for (const table of TABLES) {
      const previousColumns = Object.keys(JSON.parse(before[table]![0] ?? '{}'));
      const added = Object.keys(JSON.parse(after[table]![0] ?? '{}')).filter((column) => !previousColumns.includes(column));
      // endedAt is closedAt now: the same fact under its new name.
      const renamed = table === 'Meeting' ? ['closedAt', 'endedAt'] : [];
      expect(withoutNewColumns(after[table]!, [...added, ...renamed]), table).toEqual(withoutNewColumns(before[table]!, renamed));
    }
  });

  it('takes the meeting it was running as in session since it was called for', async () => {
    const meeting = await db.meeting.findUniqueOrThrow({ where: { id: SAMPLE_MEETING_ID } });
    expect(meeting).toMatchObject({ status: 'in_session', openedAt: meeting.startsAt, closedAt: null });
  });

  it('still verifies the recorded frame (unsigned: made before records were signed), shows the board, and does not seed the sample again', async () => {
    const verification = await createFrameService(db, recordSigner(generateKeyPairSync('ed25519').privateKey)).verify(SAMPLE_MEETING_ID);
    expect(verification).toMatchObject({ ok: true, records: [{ version: 1, ok: true, signature: 'unsigned' }] });
    expect(await seedSampleMeeting(db)).toEqual({ meetingId: SAMPLE_MEETING_ID, created: false });
    const board = await loadBoard(db, SAMPLE_MEETING_ID);
    expect(board.meeting).toMatchObject({ status: 'in_session', plan: { frameBaht: 5_523_911_000, isSample: true } });
    expect(board.projects).toHaveLength(78);
    expect(board.resolutions.filter((r) => r.status === 'confirmed')).toHaveLength(78);
  });
});
