/**
 * Opens the database: the embedded PostgreSQL (default) or an external one (DATABASE_URL),
 * wraps it in Kysely, and runs the migrations forward.
 */
import {
  Kysely,
  type Migration,
  type MigrationProvider,
  Migrator,
  PostgresDialect,
  type Transaction,
} from 'kysely';
import pg from 'pg';
import {
  type EmbeddedServer,
  embeddedUrl,
  findRunningCluster,
  startEmbeddedPostgres,
} from './embedded-postgres.ts';
import { migrations } from './migrations/index.ts';
import type { DB } from './schema.ts';

// Calendar dates (date) stay 'YYYY-MM-DD' strings: a Date would shift them across time zones.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;
/** A database handle or an open transaction: repositories accept either. */
export type DbOrTx = Kysely<DB> | Transaction<DB>;

// int8 (bigint, count(*)) stays a string unless it is a safe integer, which it always is for us.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => {
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : v;
});

export interface DbOptions {
  readonly url: string;
  readonly poolSize?: number;
  readonly applicationName?: string;
}

/** A Kysely instance over a `pg` pool for one database URL. */
export function createDb(options: DbOptions): Db {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    application_name: options.applicationName ?? 'caseload',
  });
  // An idle client's error (server restart) must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}

class StaticMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}

/**
 * Runs every pending migration in order.
 * @throws Error naming the failed migration
 */
export async function migrateToLatest(db: Kysely<unknown> | Db): Promise<string[]> {
  const migrator = new Migrator({ db: db as Kysely<unknown>, provider: new StaticMigrationProvider() });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${reason}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export interface DatabaseHandle {
  readonly db: Db;
  /** Where the database came from, for the health endpoint and logs (no credentials). */
  readonly kind: 'embedded' | 'external';
  /** The connection URL (with its password: never log it). */
  readonly url: string;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  readonly poolSize: number;
  /**
   * 'own': start the embedded server and fail when another process holds it (the app server).
   * 'share': connect to the embedded server of a running app if there is one (CLI commands).
   */
  readonly embedded: 'own' | 'share';
  readonly onLog?: (line: string) => void;
}

/** Opens the configured database and migrates it; close() also stops an embedded server it started. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  let server: EmbeddedServer | undefined;
  let url = options.databaseUrl;
  if (!url) {
    const running = options.embedded === 'share' ? await findRunningCluster(options.dataDir) : undefined;
    if (running) {
      url = await embeddedUrl(options.dataDir, running.port);
    } else {
      server = await startEmbeddedPostgres({ dataDir: options.dataDir, onLog: options.onLog });
      url = server.url;
      await ensureDatabase(url, 'caseload');
    }
    url = withDatabase(url, 'caseload');
  }
  const db = createDb({ url, poolSize: options.poolSize });
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    await server?.stop();
    throw error;
  }
  return {
    db,
    kind: options.databaseUrl ? 'external' : 'embedded',
    url,
    close: async () => {
      await db.destroy();
      await server?.stop();
    },
  };
}

/** The same server URL with another database name. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Creates `database` on the server of `url` when it does not exist yet. */
export async function ensureDatabase(url: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}
