// The environment, read once. Everything else takes a Config, so tests can build their own.
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** Unset means: run an embedded PostgreSQL under dataDir. */
  databaseUrl: string | undefined;
  /** Unset means: a random secret generated once and kept under dataDir. */
  sessionSecret: string | undefined;
  dataDir: string;
  /** The address people type or scan to reach the board, used in invite links and the screen's QR code. */
  publicUrl: string | undefined;
}

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '..');

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = env.PORT === undefined || env.PORT === '' ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  return {
    port,
    host: env.HOST || '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    sessionSecret: env.SESSION_SECRET || undefined,
    dataDir: path.resolve(PROJECT_ROOT, env.DATA_DIR || '.data'),
    publicUrl: env.PUBLIC_URL?.replace(/\/+$/, '') || undefined,
  };
}
