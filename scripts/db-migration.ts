// npm run db:migration -- <name>: writes prisma/migrations/<timestamp>_<name>/migration.sql, the SQL from the schema as
// of the newest migration to today's prisma/schema.prisma, and keeps a copy of today's schema beside it for the next one.
import { mkdir, readFile, writeFile, copyFile } from 'node:fs/promises';
import path from 'node:path';
import { readConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/database-url.ts';
import { MIGRATIONS_DIR, SCHEMA_PATH, SCHEMA_SNAPSHOT_FILE, diffSchemas, readMigrations } from '../server/db/schema-engine.ts';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('Usage: npm run db:migration -- <name>   (lower-case letters, digits and _)');
  process.exit(2);
}

const { migrationDirectories } = await readMigrations();
const newest = migrationDirectories.at(-1);
const fromSchema = newest ? await readFile(path.join(MIGRATIONS_DIR, newest.path, SCHEMA_SNAPSHOT_FILE), 'utf8') : null;
const toSchema = await readFile(SCHEMA_PATH, 'utf8');

const config = readConfig();
const database = await openDatabase(config.databaseUrl, config.dataDir);
let sql: string;
try {
  sql = await diffSchemas(database.url, fromSchema, toSchema);
} finally {
  await database.stop();
}
if (!sql.trim() || /^-- This is an empty migration\.?\s*$/.test(sql.trim())) {
  console.log('prisma/schema.prisma has not changed since the newest migration: nothing to write.');
  process.exit(0);
}

const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
await mkdir(dir, { recursive: true });
await writeFile(path.join(dir, 'migration.sql'), sql);
await copyFile(SCHEMA_PATH, path.join(dir, SCHEMA_SNAPSHOT_FILE));
await writeFile(path.join(MIGRATIONS_DIR, 'migration_lock.toml'), 'provider = "postgresql"\n');
console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
