/**
 * `caseload restore`: loads an archive into an empty database, all or nothing.
 *
 * 1. The manifest is decrypted first (a wrong passphrase stops here, before anything is written).
 * 2. The database must hold no rows in any of our tables, and must not be migrated beyond the
 *    backup's level. It is migrated to exactly the backup's level (same migrations, same columns).
 * 3. One transaction: foreign keys are dropped and re-created at the end (so load order and
 *    self-references do not matter, and every reference is still checked), user triggers
 *    (immutability and "frozen review" guards) are disabled per table while its rows are copied
 *    in, identity sequences are set past the highest value, and every table's row count and
 *    checksum (recomputed from the loaded rows) must equal the archive's. Then COMMIT.
 * 4. Migrations newer than the backup are applied.
 */
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import pg from 'pg';
import { type CopyStreamQuery, from as copyFrom } from 'pg-copy-streams';
import { createDb, migrateToLatest } from '../db.ts';
import { migrations } from '../migrations/index.ts';
import {
  ARCHIVE_FORMAT,
  type ArchiveRecord,
  BackupArchiveError,
  createDecryptStream,
  RecordType,
  readRecords,
} from './archive.ts';
import {
  appliedMigrations,
  checksumTable,
  copyInSql,
  listTables,
  MIGRATION_TABLE,
  setPortableSession,
  type TableInfo,
} from './tables.ts';
import type { BackupManifest, TableSummary } from './write-backup.ts';

/** The database cannot take this backup (not empty, newer schema…): nothing was written. */
export class RestoreRefusedError extends Error {
  override name = 'RestoreRefusedError';
}

export type RestoreProgress =
  | { readonly kind: 'manifest'; readonly manifest: BackupManifest }
  | { readonly kind: 'table'; readonly table: string; readonly rows: number }
  | { readonly kind: 'verified'; readonly tables: number };

export interface RestoreBackupOptions {
  readonly databaseUrl: string;
  readonly input: string;
  readonly passphrase: string;
  readonly onProgress?: (event: RestoreProgress) => void;
}

export interface RestoreResult {
  readonly manifest: BackupManifest;
  readonly tables: readonly TableSummary[];
  /** Migrations applied after the load (the backup was older than this version of Caseload). */
  readonly migratedAfter: readonly string[];
}

const parseJson = <T>(record: ArchiveRecord): T => JSON.parse(record.payload.toString('utf8')) as T;

class Provider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}

function checkManifest(manifest: BackupManifest): string {
  if (manifest.format !== ARCHIVE_FORMAT) {
    throw new BackupArchiveError(`Unsupported backup format ${manifest.format}.`);
  }
  const known = Object.keys(migrations);
  const unknown = manifest.migrations.find((m, i) => known[i] !== m);
  if (unknown !== undefined) {
    throw new RestoreRefusedError(
      `The backup was made by a newer or different version of Caseload (${manifest.app.version}; ` +
        `migration ${unknown} is not known here). Install that version or later, then restore.`,
    );
  }
  const last = manifest.migrations.at(-1);
  if (!last) throw new BackupArchiveError('The backup lists no migrations.');
  return last;
}

async function assertEmpty(client: pg.Client, backupMigrations: readonly string[]): Promise<void> {
  const applied = await appliedMigrations(client);
  const beyond = applied.find((m, i) => backupMigrations[i] !== m);
  if (beyond !== undefined) {
    throw new RestoreRefusedError(
      `The database is already migrated beyond the backup (migration ${beyond}). ` +
        'Restore into a new, empty database (for example: createdb caseload_restored).',
    );
  }
  for (const table of await listTables(client)) {
    if (table.name === MIGRATION_TABLE) continue;
    const { rows } = await client.query(
      `SELECT EXISTS (SELECT 1 FROM public.${client.escapeIdentifier(table.name)}) AS found`,
    );
    if (rows[0]?.found) {
      throw new RestoreRefusedError(
        `The database is not empty (table ${table.name} has rows): restore only into a new, empty ` +
          'database, so that nothing is overwritten. Nothing was changed.',
      );
    }
  }
}

async function migrateTo(url: string, target: string): Promise<void> {
  const db = createDb({ url, poolSize: 1, applicationName: 'caseload restore' });
  try {
    const migrator = new Migrator({ db: db as unknown as Kysely<unknown>, provider: new Provider() });
    const { error, results } = await migrator.migrateTo(target);
    if (error) {
      const failed = results?.find((r) => r.status === 'Error');
      throw new Error(
        `Migration ${failed?.migrationName ?? ''} failed: ${(error as Error).message ?? error}`,
      );
    }
  } finally {
    await db.destroy();
  }
}

/** Restores the archive `input` into the (empty) database at `databaseUrl`. */
export async function restoreBackup(options: RestoreBackupOptions): Promise<RestoreResult> {
  const client = new pg.Client({
    connectionString: options.databaseUrl,
    application_name: 'caseload restore',
  });
  let connected = false;
  let copying: CopyStreamQuery | undefined;
  let inTransaction = false;
  let result: RestoreResult | undefined;

  const load = async (source: AsyncIterable<Buffer>): Promise<void> => {
    const records = readRecords(source);
    const first = await records.next();
    if (first.done || first.value.type !== RecordType.manifest) {
      throw new BackupArchiveError('The backup archive does not start with a manifest.');
    }
    const manifest = parseJson<BackupManifest>(first.value);
    const level = checkManifest(manifest);
    options.onProgress?.({ kind: 'manifest', manifest });

    await client.connect();
    connected = true;
    await setPortableSession(client);
    await assertEmpty(client, manifest.migrations);
    await migrateTo(options.databaseUrl, level);

    await client.query('BEGIN ISOLATION LEVEL SERIALIZABLE');
    inTransaction = true;
    await assertEmpty(client, manifest.migrations);
    const target = new Map((await listTables(client)).map((t) => [t.name, t]));
    const plan = new Map<string, TableInfo>();
    for (const t of manifest.tables) {
      const here = target.get(t.name);
      const want = t.columns.map((c) => c.name);
      const have = here?.columns.map((c) => c.name) ?? [];
      if (!here || want.length !== have.length || want.some((c) => !have.includes(c))) {
        throw new RestoreRefusedError(
          `Table ${t.name} in the backup does not match this database's schema at migration ${level}.`,
        );
      }
      plan.set(t.name, { ...here, columns: t.columns });
    }

    const fks = await client.query<{ tbl: string; name: string; def: string }>(
      `SELECT conrelid::regclass::text AS tbl, conname AS name, pg_get_constraintdef(oid) AS def
         FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace`,
    );
    for (const fk of fks.rows) {
      await client.query(`ALTER TABLE ${fk.tbl} DROP CONSTRAINT ${client.escapeIdentifier(fk.name)}`);
    }

    const expected = new Map<string, TableSummary>();
    let current: TableInfo | undefined;
    let ended = false;
    for await (const record of records) {
      if (ended) throw new BackupArchiveError('The backup archive has records after its end.');
      if (record.type === RecordType.tableStart) {
        const { table } = parseJson<{ table: string }>(record);
        current = plan.get(table);
        if (!current || expected.has(table)) throw new BackupArchiveError(`Unexpected table ${table}.`);
        const name = `public.${client.escapeIdentifier(current.name)}`;
        await client.query(`ALTER TABLE ${name} DISABLE TRIGGER USER`);
        // Migrating created the migrator's rows; the backup's (with their original times) replace them.
        if (current.name === MIGRATION_TABLE) await client.query(`DELETE FROM ${name}`);
        const copy = client.query(copyFrom(copyInSql(client, current)));
        copying = copy;
        copy.on('error', () => undefined); // reported by the awaited finish below
      } else if (record.type === RecordType.data) {
        if (!copying) throw new BackupArchiveError('Rows outside a table in the backup archive.');
        if (!copying.write(record.payload)) {
          const stream = copying;
          const table = current?.name ?? '?';
          await new Promise<void>((resolve, reject) => {
            stream.once('drain', resolve);
            stream.once('error', (error) => reject(loadFailed(table, error)));
          });
        }
      } else if (record.type === RecordType.tableEnd) {
        const summary = parseJson<TableSummary>(record);
        if (!copying || !current || summary.table !== current.name) {
          throw new BackupArchiveError('The backup archive contents are out of order.');
        }
        const stream = copying;
        const table = current.name;
        await new Promise<void>((resolve, reject) => {
          stream.once('finish', resolve);
          stream.once('error', (error) => reject(loadFailed(table, error)));
          stream.end();
        });
        copying = undefined;
        await client.query(`ALTER TABLE public.${client.escapeIdentifier(current.name)} ENABLE TRIGGER USER`);
        expected.set(current.name, summary);
        options.onProgress?.({ kind: 'table', table: current.name, rows: summary.rows });
        current = undefined;
      } else if (record.type === RecordType.end) {
        ended = true;
      } else {
        throw new BackupArchiveError('The backup archive contents are out of order.');
      }
    }
    if (!ended || expected.size !== manifest.tables.length) {
      throw new BackupArchiveError('The backup archive is incomplete: some tables are missing.');
    }

    for (const fk of fks.rows) {
      await client.query(
        `ALTER TABLE ${fk.tbl} ADD CONSTRAINT ${client.escapeIdentifier(fk.name)} ${fk.def}`,
      );
    }
    await resetSequences(client);

    const mismatches: string[] = [];
    for (const [name, table] of plan) {
      const want = expected.get(name);
      const got = await checksumTable(client, table);
      if (!want || want.rows !== got.rows || want.sha256 !== got.sha256) {
        mismatches.push(`${name} (archive ${want?.rows ?? '?'} rows, loaded ${got.rows})`);
      }
    }
    if (mismatches.length > 0) {
      throw new BackupArchiveError(
        `The restored data does not match the backup's checksums: ${mismatches.join(', ')}. Nothing was restored.`,
      );
    }
    options.onProgress?.({ kind: 'verified', tables: plan.size });
    await client.query('COMMIT');
    inTransaction = false;
    result = { manifest, tables: [...expected.values()], migratedAfter: [] };
  };

  // The first error wins: when load() fails, unwinding its loop aborts the streams before the
  // pipeline sees load()'s own error, so keep that one.
  let loadError: unknown;
  try {
    await pipeline(
      fs.createReadStream(options.input),
      createDecryptStream(options.passphrase),
      zlib.createGunzip(),
      (source: AsyncIterable<Buffer>) =>
        load(source).catch((error: unknown) => {
          loadError ??= error;
          throw error;
        }),
    );
  } catch (caught) {
    const error = loadError ?? caught;
    if (copying && !copying.destroyed) {
      // Abort the COPY in progress (CopyFail), so the connection can roll back.
      const stream = copying;
      await new Promise<void>((resolve) => {
        stream.once('error', () => resolve());
        stream.once('close', () => resolve());
        stream.destroy(error as Error);
      });
    }
    if (inTransaction) await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    if (connected) await client.end().catch(() => undefined);
  }
  if (!result) throw new BackupArchiveError('The backup archive is empty.');
  const db = createDb({ url: options.databaseUrl, poolSize: 1, applicationName: 'caseload restore' });
  try {
    return { ...result, migratedAfter: await migrateToLatest(db) };
  } finally {
    await db.destroy();
  }
}

/**
 * A row the server would not take. PostgreSQL's message can quote the value (invalid input
 * syntax…), which is personal data: report the table, the error code and the constraint only.
 */
function loadFailed(table: string, error: unknown): BackupArchiveError {
  const e = error as { code?: string; constraint?: string };
  const constraint = e.constraint ? `, constraint ${e.constraint}` : '';
  return new BackupArchiveError(
    `Loading table ${table} failed (PostgreSQL error ${e.code ?? 'unknown'}${constraint}). Nothing was restored.`,
  );
}

/** Sets every identity/serial sequence of our tables just past the highest value loaded. */
async function resetSequences(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ seq: string; tbl: string; col: string }>(`
    SELECT pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) AS seq,
           format('%I.%I', n.nspname, c.relname) AS tbl, quote_ident(a.attname) AS col
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
       AND pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) IS NOT NULL`);
  for (const r of rows) {
    await client.query(`SELECT setval($1::regclass, coalesce(max(${r.col}), 0) + 1, false) FROM ${r.tbl}`, [
      r.seq,
    ]);
  }
}
