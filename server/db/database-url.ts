// Where the board's PostgreSQL is: the one DATABASE_URL names, or an embedded one started for this process.
import { startEmbeddedPostgres } from './embedded-postgres.ts';

export interface DatabaseHandle {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export async function openDatabase(
  databaseUrl: string | undefined,
  dataDir: string,
  log?: (line: string) => void,
): Promise<DatabaseHandle> {
  if (databaseUrl) return { url: databaseUrl, embedded: false, stop: async () => {} };
  const embedded = await startEmbeddedPostgres(dataDir, log);
  return { url: embedded.url, embedded: true, stop: embedded.stop };
}
