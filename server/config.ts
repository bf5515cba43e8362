// The environment, read once. Everything else takes a Config, so tests can build their own.
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** Unset means: run an embedded PostgreSQL under dataDir. */
  databaseUrl: string | undefined;
  /** Unset means: a random secret generated once and kept under dataDir. */
  sessionSecret: string | undefined;
  /** The Ed25519 private key (PEM) that signs records; unset means: generated once and kept under dataDir. */
  recordSigningKey?: string | undefined;
  dataDir: string;
  /** The address people type or scan to reach the board, used in invite links and the screen's QR code. */
  publicUrl: string | undefined;
  /** Set: this is one of several instances serving the same meetings, sharing state through this Redis. */
  redisUrl?: string | undefined;
}

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '..');

/** A setting the board cannot start with; main prints the message alone, without a stack trace. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = env.PORT === undefined || env.PORT === '' ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number, got "${env.PORT}"`);
  const config: Config = {
    port,
    host: env.HOST || '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    sessionSecret: env.SESSION_SECRET || undefined,
    recordSigningKey: env.RECORD_SIGNING_KEY || undefined,
    dataDir: path.resolve(PROJECT_ROOT, env.DATA_DIR || '.data'),
    publicUrl: env.PUBLIC_URL?.replace(/\/+$/, '') || undefined,
    redisUrl: env.REDIS_URL || undefined,
  };
  assertClusterReady(config);
  return config;
}

/**
 * Several instances must share what one instance would otherwise make up for itself: the key that signs sessions (or
 * each would reject the others' cookies) and the database (an embedded one is private to its instance).
 */
export function assertClusterReady(config: Config): void {
  if (!config.redisUrl) return;
  if (!config.sessionSecret) {
    throw new ConfigError(
      'REDIS_URL is set, so several instances may serve the same meetings: set SESSION_SECRET (32+ characters, the same on every instance), ' +
        'or they would reject each other\'s sessions. For example: SESSION_SECRET=$(openssl rand -base64 32)',
    );
  }
  if (!config.recordSigningKey) {
    throw new ConfigError(
      'REDIS_URL is set, so several instances may record the agreed frame: set RECORD_SIGNING_KEY (an Ed25519 private key in PEM, the same on every instance), ' +
        'or each would sign with a key of its own and the others\' records would fail verification. For example: RECORD_SIGNING_KEY="$(openssl genpkey -algorithm ed25519)"',
    );
  }
  if (!config.databaseUrl) {
    throw new ConfigError(
      'REDIS_URL is set, so several instances share one database: set DATABASE_URL (the same on every instance). ' +
        'On one machine, `npm run db:serve` runs the embedded PostgreSQL on its own and prints its DATABASE_URL.',
    );
  }
}
