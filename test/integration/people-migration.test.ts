// The people migration on a database of the previous release: participants who joined by the old stateless invites
// keep them, as invites already used (one row per invite, however many people one role link seated), and the room's
// screen becomes a device.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { MIGRATIONS_DIR, readMigrations } from '../../server/db/schema-engine.ts';
import { createDatabase, type TestDatabase } from '../support/database.ts';

describe('the people migration', () => {
  let database: TestDatabase;
  let client: pg.Client;
  const run = async (name: string) => client.query(await readFile(path.join(MIGRATIONS_DIR, name, 'migration.sql'), 'utf8'));

  beforeAll(async () => {
    database = await createDatabase(inject('databaseServerUrl'));
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await database.drop();
  });

  it('turns the old invites into used rows and the screen into a device, losing nobody', async () => {
    const names = (await readMigrations()).migrationDirectories.map((m) => m.path);
    const people = names.findIndex((name) => name.endsWith('_people'));
    for (const name of names.slice(0, people)) await run(name);
    await client.query(`INSERT INTO "Plan" ("id", "fiscalYearBE", "titleTh", "titleEn", "frameBaht") VALUES ('p', 2567, 'แผน', 'Plan', 1000)`);
    await client.query(`INSERT INTO "Meeting" ("id", "planId", "number", "yearBE", "titleTh", "venueTh", "startsAt") VALUES ('m', 'p', 1, 2566, 'ประชุม', 'ห้อง', now())`);
    await client.query(`INSERT INTO "Participant" ("id", "meetingId", "displayName", "role", "inviteId", "joinedAt") VALUES
      ('a', 'm', 'กรรมการ ก', 'member', 'role-link', '2023-01-26 09:00'),
      ('b', 'm', 'กรรมการ ข', 'member', 'role-link', '2023-01-26 09:05'),
      ('c', 'm', 'จอห้องประชุม', 'observer', 'screen-link', '2023-01-26 08:55'),
      ('d', 'm', 'ผู้สังเกตการณ์', 'observer', 'observer-link', '2023-01-26 09:10'),
      ('e', 'm', 'ไม่มีลิงก์', 'secretary', NULL, '2023-01-26 09:00')`);

    for (const name of names.slice(people)) await run(name);

    const invites = await client.query(`SELECT "id", "meetingId", "role"::text, "redeemedAt" IS NOT NULL AS used FROM "Invite" ORDER BY "id"`);
    expect(invites.rows).toEqual([
      { id: 'observer-link', meetingId: 'm', role: 'observer', used: true },
      { id: 'role-link', meetingId: 'm', role: 'member', used: true },
      { id: 'screen-link', meetingId: 'm', role: 'observer', used: true },
    ]);
    const participants = await client.query(`SELECT "id", "inviteId", "kind"::text FROM "Participant" ORDER BY "id"`);
    expect(participants.rows).toEqual([
      { id: 'a', inviteId: 'role-link', kind: 'member' },
      { id: 'b', inviteId: 'role-link', kind: 'member' },
      { id: 'c', inviteId: 'screen-link', kind: 'device' },
      { id: 'd', inviteId: 'observer-link', kind: 'attendee' },
      { id: 'e', inviteId: null, kind: 'member' },
    ]);
  });
});
