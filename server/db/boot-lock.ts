// Instances booting together on one database take turns for what must happen once: the migrations and the sample
// seed. A Postgres advisory lock, because the database is the one thing every instance shares; it is held by one
// session and released when that session ends, so an instance that dies while holding it frees it at once.
import pg from 'pg';

/** Any fixed 64-bit number: it names this lock among the database's advisory locks. */
const BOOT_LOCK_KEY = 0x436f6d6d42_6f6f74n; // "CommBoot"

export async function withBootLock<T>(connectionString: string, run: () => Promise<T>, log: (line: string) => void = () => {}): Promise<T> {
  const client = new pg.Client({ connectionString });
  client.on('error', () => {}); // a lost connection ends the lock; the query that follows reports it
  await client.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [BOOT_LOCK_KEY.toString()]);
    if (!rows[0]!.locked) {
      log('Another instance is migrating the database; waiting for it…');
      await client.query('SELECT pg_advisory_lock($1)', [BOOT_LOCK_KEY.toString()]);
    }
    return await run();
  } finally {
    // Ending the session releases the lock, also when the unlock itself could not be sent.
    await client.query('SELECT pg_advisory_unlock($1)', [BOOT_LOCK_KEY.toString()]).catch(() => {});
    await client.end().catch(() => {});
  }
}
