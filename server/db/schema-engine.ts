// Prisma's schema engine, as WebAssembly: the native engine is a download these machines cannot make, and the wasm build
// applies and diffs migrations in Prisma's own format, recorded in `_prisma_migrations` as `prisma migrate deploy` would.
import { readFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';

const require = createRequire(import.meta.url);

type WasmBindings = typeof import('@prisma/schema-engine-wasm/schema_engine_bg');
type SchemaEngine = import('@prisma/schema-engine-wasm').SchemaEngine;
type MigrationList = import('@prisma/schema-engine-wasm').MigrationList;

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../prisma/migrations');
export const SCHEMA_PATH = path.resolve(import.meta.dirname, '../../prisma/schema.prisma');
/** The schema as of the newest migration, kept beside it: the engine cannot diff from migrations without a shadow database. */
export const SCHEMA_SNAPSHOT_FILE = 'schema.prisma';
const NO_FILTERS = { externalTables: [], externalEnums: [] };

let bindings: Promise<WasmBindings> | undefined;

function loadBindings(): Promise<WasmBindings> {
  bindings ??= (async () => {
    const glue = (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as WasmBindings & {
      __wbg_set_wasm(exports: WebAssembly.Exports): void;
    };
    const wasmPath = path.join(path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')), 'schema_engine_bg.wasm');
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
      './schema_engine_bg.js': glue as unknown as WebAssembly.ModuleImports,
    });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  return bindings;
}

async function withEngine<T>(connectionString: string, run: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const { SchemaEngine } = await loadBindings();
  const schema = await readFile(SCHEMA_PATH, 'utf8');
  // Freeing the engine leaves its connection pool open, which would keep the database busy (and block a
  // CREATE DATABASE ... TEMPLATE of it); so the connections it opens are kept here and disposed of by us.
  const factory = new PrismaPg({ connectionString });
  const opened: { dispose(): Promise<void> }[] = [];
  const tracked = Object.assign(Object.create(Object.getPrototypeOf(factory)), factory, {
    connect: async () => {
      const adapter = await factory.connect();
      opened.push(adapter);
      return wholeScripts(adapter);
    },
  });
  const engineLog = () => {};
  const engine = await SchemaEngine.new({ datamodels: [[SCHEMA_PATH, schema]] }, engineLog, bindMigrationAwareSqlAdapterFactory(tracked));
  try {
    return await run(engine);
  } finally {
    engine.free();
    await Promise.all(opened.map((adapter) => adapter.dispose()));
  }
}

/**
 * The pg adapter splits a migration script on every ';', which cuts a function body in dollar quotes (a trigger) in
 * pieces. Postgres splits a script itself when it arrives as one simple query, so the script is sent whole.
 */
function wholeScripts<T extends object>(adapter: T): T {
  const internals = adapter as unknown as { client: { query(sql: string): Promise<unknown> }; onError(error: unknown): never };
  return Object.assign(adapter, {
    async executeScript(script: string) {
      try {
        await internals.client.query(script);
      } catch (error) {
        internals.onError(error);
      }
    },
  });
}

export async function readMigrations(): Promise<MigrationList> {
  const entries = existsSync(MIGRATIONS_DIR) ? await readdir(MIGRATIONS_DIR, { withFileTypes: true }) : [];
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const lockPath = path.join(MIGRATIONS_DIR, 'migration_lock.toml');
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: 'migration_lock.toml', content: existsSync(lockPath) ? await readFile(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: await Promise.all(
      names.map(async (name) => ({
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: { tag: 'ok' as const, value: await readFile(path.join(MIGRATIONS_DIR, name, 'migration.sql'), 'utf8') },
        },
      })),
    ),
  };
}

/** Applies every pending migration; returns the names applied (none when the database is current). */
export async function applyMigrations(connectionString: string): Promise<string[]> {
  const migrationsList = await readMigrations();
  return withEngine(connectionString, async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
    return appliedMigrationNames;
  });
}

/** The SQL that takes the database from `fromSchema` (a schema text, or nothing) to `toSchema`. */
export async function diffSchemas(connectionString: string, fromSchema: string | null, toSchema: string): Promise<string> {
  const target = (content: string) => ({ tag: 'schemaDatamodel' as const, files: [{ path: SCHEMA_PATH, content }] });
  return withEngine(connectionString, async (engine) => {
    const result = await engine.diff({
      from: fromSchema === null ? { tag: 'empty' } : target(fromSchema),
      to: target(toSchema),
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    return result.stdout ?? '';
  });
}
