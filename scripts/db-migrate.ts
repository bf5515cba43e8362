// npm run db:migrate: applies pending migrations to DATABASE_URL (or the embedded database).
import { readConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/database-url.ts';
import { applyMigrations } from '../server/db/schema-engine.ts';

const config = readConfig();
const database = await openDatabase(config.databaseUrl, config.dataDir);
try {
  const applied = await applyMigrations(database.url);
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
} finally {
  await database.stop();
}
