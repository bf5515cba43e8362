// The database probe: `SELECT 1` on a connection of its own, so that a pool busy with (or stuck on) real work cannot
// make the board look healthy or sick, and a connection that stopped answering is thrown away, not reused.
import pg from 'pg';
import type { Probe } from './part-monitor.ts';

export function databaseProbe(connectionString: string): Probe & { close(): Promise<void> } {
  let client: pg.Client | null = null;
  let connecting: Promise<pg.Client> | null = null;

  function drop(target: pg.Client | null) {
    if (!target) return;
    if (client === target) client = null;
    // end() waits for the server to say goodbye, which a frozen server never does: cut the socket.
    (target as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
    void target.end().catch(() => {});
  }

  async function connected(): Promise<pg.Client> {
    if (client) return client;
    connecting ??= (async () => {
      const fresh = new pg.Client({ connectionString, connectionTimeoutMillis: 1000, keepAlive: true });
      fresh.on('error', () => drop(fresh));
      try {
        await fresh.connect();
      } catch (error) {
        drop(fresh);
        throw error;
      }
      client = fresh;
      return fresh;
    })().finally(() => {
      connecting = null;
    });
    return connecting;
  }

  return {
    async run() {
      const target = await connected();
      try {
        await target.query('SELECT 1');
      } catch (error) {
        drop(target);
        throw error;
      }
    },
    abandon() {
      drop(client);
    },
    async close() {
      drop(client);
    },
  };
}
