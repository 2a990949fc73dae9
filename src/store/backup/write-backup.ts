/**
 * `caseload backup`: one consistent snapshot (REPEATABLE READ, READ ONLY) of every table, read with
 * COPY and streamed — never a whole table in memory — through gzip and AES-256-GCM into a file.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import pg from 'pg';
import { projectRoot } from '../../config.ts';
import { ARCHIVE_FORMAT, createEncryptStream, encodeRecord, RecordType } from './archive.ts';
import { appliedMigrations, listTables, setPortableSession, tableChunks } from './tables.ts';

export interface BackupManifest {
  readonly format: number;
  readonly app: { readonly name: 'caseload'; readonly version: string };
  readonly createdAt: string;
  readonly server: { readonly version: string; readonly versionNum: number };
  readonly migrations: readonly string[];
  readonly tables: readonly {
    readonly name: string;
    readonly columns: readonly { readonly name: string; readonly type: string }[];
  }[];
}

export interface TableSummary {
  readonly table: string;
  readonly rows: number;
  readonly sha256: string;
}

export type BackupProgress =
  | { readonly kind: 'start'; readonly tables: number; readonly rows: number }
  | { readonly kind: 'table'; readonly table: string; readonly rows: number };

export interface WriteBackupOptions {
  readonly databaseUrl: string;
  readonly out: string;
  readonly passphrase: string;
  readonly onProgress?: (event: BackupProgress) => void;
}

export async function appVersion(): Promise<string> {
  const pkg = JSON.parse(await fsp.readFile(path.join(projectRoot, 'package.json'), 'utf8'));
  return String(pkg.version);
}

/**
 * Writes the archive to `out` (through `out.partial`, renamed at the end; mode 0600).
 * @returns the manifest and the per-table row counts and checksums written
 */
export async function writeBackup(
  options: WriteBackupOptions,
): Promise<{ manifest: BackupManifest; tables: TableSummary[] }> {
  const partial = `${options.out}.partial`;
  const client = new pg.Client({
    connectionString: options.databaseUrl,
    application_name: 'caseload backup',
  });
  await client.connect();
  try {
    await setPortableSession(client);
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const tables = await listTables(client);
    const migrations = await appliedMigrations(client);
    if (migrations.length === 0) throw new Error('This database has no Caseload tables to back up.');
    const server = await client.query<{ server_version: string; num: string }>(
      `SELECT current_setting('server_version') AS server_version,
              current_setting('server_version_num') AS num`,
    );
    // Estimates for the progress bar only; the real counts come from COPY.
    const estimates = await client.query<{ relname: string; n: string }>(
      `SELECT relname, greatest(reltuples, 0)::bigint AS n FROM pg_class
        WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p')`,
    );
    const totalRows = estimates.rows.reduce((s, r) => s + Number(r.n), 0);
    const manifest: BackupManifest = {
      format: ARCHIVE_FORMAT,
      app: { name: 'caseload', version: await appVersion() },
      createdAt: new Date().toISOString(),
      server: {
        version: server.rows[0]?.server_version ?? 'unknown',
        versionNum: Number(server.rows[0]?.num ?? 0),
      },
      migrations,
      tables: tables.map((t) => ({ name: t.name, columns: t.columns })),
    };
    options.onProgress?.({ kind: 'start', tables: tables.length, rows: totalRows });
    const summaries: TableSummary[] = [];

    async function* records(): AsyncGenerator<Buffer> {
      yield encodeRecord(RecordType.manifest, JSON.stringify(manifest));
      for (const table of tables) {
        yield encodeRecord(RecordType.tableStart, JSON.stringify({ table: table.name }));
        for await (const item of tableChunks(client, table)) {
          if (!Buffer.isBuffer(item)) {
            summaries.push({ table: table.name, rows: item.rows, sha256: item.sha256 });
            options.onProgress?.({ kind: 'table', table: table.name, rows: item.rows });
            yield encodeRecord(
              RecordType.tableEnd,
              JSON.stringify({ table: table.name, rows: item.rows, sha256: item.sha256 }),
            );
          } else {
            yield encodeRecord(RecordType.data, item);
          }
        }
      }
      yield encodeRecord(RecordType.end, JSON.stringify({ tables: tables.length }));
    }

    const encrypt = await createEncryptStream(options.passphrase);
    await fsp.rm(partial, { force: true });
    await pipeline(
      records(),
      zlib.createGzip({ level: 6 }),
      encrypt,
      fs.createWriteStream(partial, { flags: 'wx', mode: 0o600 }),
    );
    await client.query('COMMIT');
    await fsp.rename(partial, options.out);
    return { manifest, tables: summaries };
  } catch (error) {
    await fsp.rm(partial, { force: true });
    throw error;
  } finally {
    await client.end();
  }
}
