// npm run db:serve: the embedded PostgreSQL on its own, for several board instances on one machine to share
// (each instance would otherwise start a private one). Prints the DATABASE_URL to give them; Ctrl-C stops it.
import { readConfig } from '../server/config.ts';
import { startEmbeddedPostgres } from '../server/db/embedded-postgres.ts';

const { dataDir } = readConfig({ ...process.env, REDIS_URL: '' });
const database = await startEmbeddedPostgres(dataDir, () => {});
console.log(`PostgreSQL is running. Give every instance:\n  DATABASE_URL=${database.url}\nPress Ctrl-C to stop it.`);
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void database.stop().then(() => process.exit(0));
  });
}
