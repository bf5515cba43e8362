// Each test file gets a database of its own on the one PostgreSQL server of the run, cloned from a template that was
// migrated and seeded once, so files run side by side without seeing each other's writes.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function onServer<T>(serverUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createDatabase(serverUrl: string, options: { template?: string; prefix?: string } = {}): Promise<TestDatabase> {
  const name = `${options.prefix ?? 'cb_test'}_${randomBytes(5).toString('hex')}`;
  const template = options.template ? ` TEMPLATE "${options.template}"` : '';
  await onServer(serverUrl, async (client) => {
    // Two files cloning the template at the same moment collide (55006: source database is being accessed).
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE "${name}"${template}`);
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== '55006' || attempt >= 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 150));
      }
    }
  });
  return {
    url: databaseUrl(serverUrl, name),
    drop: () => onServer(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}),
  };
}
