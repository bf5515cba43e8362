// npm run organiser -- [name]: prints a fresh single-use organiser link (for the first organiser, or another one).
import { createOrganisers } from '../server/auth/organisers.ts';
import { loadSessionSecret } from '../server/auth/secret.ts';
import { readConfig } from '../server/config.ts';
import { createDatabaseClient } from '../server/db/client.ts';
import { openDatabase } from '../server/db/database-url.ts';
import { applyMigrations } from '../server/db/schema-engine.ts';
import { withBootLock } from '../server/db/boot-lock.ts';
import { organiserLinkLines } from '../server/invite-links.ts';
import { createOriginPolicy } from '../server/net/origins.ts';

const name = process.argv.slice(2).join(' ').trim() || undefined;
const config = readConfig();
const database = await openDatabase(config.databaseUrl, config.dataDir);
const db = createDatabaseClient(database.url);
try {
  // Before the first `npm start` the tables may not be there yet; a board booting now migrates under the same lock.
  await withBootLock(database.url, () => applyMigrations(database.url));
  const organisers = createOrganisers(db, await loadSessionSecret(config.sessionSecret, config.dataDir));
  const links = createOriginPolicy(() => ({ publicUrl: config.publicUrl, host: config.host, port: config.port }));
  for (const line of await organiserLinkLines(organisers, links.linkBase(), name)) console.log(line);
} finally {
  await db.$disconnect();
  await database.stop();
}
