// A plain pg pool for the hot paths (the commands' short path, Yjs appends). Measured on the 2-core machine, a raw query
// through Prisma's driver adapter costs about 10 ms at the median against about 1 ms for the same query through pg.
import pg from 'pg';

export function createPgPool(connectionString: string, options: { max: number; log?: (message: string) => void }): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max: options.max,
    // A Postgres that stops answering (a network partition drops no connection) must surface as an error, so that
    // the Yjs endpoint drops its unstored state and clients reconnect and resend, instead of waiting forever.
    connectionTimeoutMillis: 10_000,
    query_timeout: 30_000,
    keepAlive: true,
  });
  // An idle client's connection can drop (Postgres restarted, a network blip); pg reports that on the pool, where an
  // 'error' event nobody listens to would end the process. The next query simply opens a new connection.
  pool.on('error', (error) => options.log?.(`postgres pool: idle connection lost: ${error.message}`));
  return pool;
}
