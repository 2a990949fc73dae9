/**
 * What a backup covers and how a table is read in a deterministic, portable form: the COPY text
 * format under fixed session settings (UTC, ISO dates, hex bytea), rows ordered by primary key with
 * text compared byte-wise (COLLATE "C"), so that PostgreSQL 15 and 18 produce the same bytes.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';

/** Tables never backed up: the migrator's lock row (transient). pg-boss's `pgboss` schema is not read. */
const SKIPPED_TABLES = new Set(['kysely_migration_lock']);
/** The migrator's own table: restore re-creates it by migrating, then replaces its rows. */
export const MIGRATION_TABLE = 'kysely_migration';

export interface TableColumn {
  readonly name: string;
  readonly type: string;
}

export interface TableInfo {
  readonly name: string;
  /** Stored (non-generated) columns, in table order: what COPY reads and writes. */
  readonly columns: readonly TableColumn[];
  /** ORDER BY list that makes the row order deterministic on every server. */
  readonly orderBy: string;
}

/** Fixed settings so that text output is the same on every server and version. */
export async function setPortableSession(client: pg.Client): Promise<void> {
  await client.query(
    `SET TIME ZONE 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'postgres';
     SET bytea_output = 'hex'; SET extra_float_digits = 1; SET client_encoding = 'UTF8'`,
  );
}

const q = (client: pg.Client, name: string) => client.escapeIdentifier(name);

/** Every base table of the public schema (ours, by the migrations), with columns and row order. */
export async function listTables(client: pg.Client): Promise<TableInfo[]> {
  const { rows } = await client.query<{
    table: string;
    column: string;
    type: string;
    collatable: boolean;
    pk_pos: number | null;
  }>(`
    SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
           a.attcollation <> 0 AS collatable,
           array_position(i.indkey::int2[], a.attnum) AS pk_pos
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      LEFT JOIN pg_index i ON i.indrelid = c.oid AND i.indisprimary
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attgenerated = ''
     ORDER BY c.relname COLLATE "C", a.attnum`);
  const byTable = new Map<string, typeof rows>();
  for (const row of rows) {
    if (SKIPPED_TABLES.has(row.table)) continue;
    const list = byTable.get(row.table) ?? [];
    list.push(row);
    byTable.set(row.table, list);
  }
  return [...byTable].map(([name, cols]) => {
    const pk = cols.filter((c) => c.pk_pos !== null).sort((a, b) => (a.pk_pos ?? 0) - (b.pk_pos ?? 0));
    // No primary key: order by every column (then equal rows are identical anyway).
    const keys = pk.length > 0 ? pk : cols;
    const orderBy = keys
      .map((c) => (c.collatable ? `${q(client, c.column)} COLLATE "C"` : q(client, c.column)))
      .join(', ');
    return { name, columns: cols.map((c) => ({ name: c.column, type: c.type })), orderBy };
  });
}

/** `COPY (SELECT cols FROM t ORDER BY …) TO STDOUT` for one table. */
export function copyOutSql(client: pg.Client, table: TableInfo): string {
  const cols = table.columns.map((c) => q(client, c.name)).join(', ');
  return `COPY (SELECT ${cols} FROM public.${q(client, table.name)} ORDER BY ${table.orderBy}) TO STDOUT`;
}

/** `COPY t (cols) FROM STDIN` for one table. */
export function copyInSql(client: pg.Client, table: TableInfo): string {
  const cols = table.columns.map((c) => q(client, c.name)).join(', ');
  return `COPY public.${q(client, table.name)} (${cols}) FROM STDIN`;
}

/** Counts the rows of COPY text output (one row per line; newlines inside values are escaped). */
export function countLines(chunk: Buffer): number {
  let n = 0;
  let at = chunk.indexOf(10);
  while (at !== -1) {
    n++;
    at = chunk.indexOf(10, at + 1);
  }
  return n;
}

/**
 * One table's rows in backup form, chunk by chunk as COPY delivers them (never the whole table),
 * then its summary: the row count and the SHA-256 of the bytes (the checksum in the archive).
 */
export async function* tableChunks(
  client: pg.Client,
  table: TableInfo,
): AsyncGenerator<Buffer | TableChecksum> {
  const hash = createHash('sha256');
  let rows = 0;
  const stream = client.query(copyTo(copyOutSql(client, table)));
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk);
    rows += countLines(chunk);
    yield chunk;
  }
  yield { rows, sha256: hash.digest('hex') };
}

export interface TableChecksum {
  readonly rows: number;
  readonly sha256: string;
}

/** Row count and checksum of one table as it is now (restore checks the loaded copy with it). */
export async function checksumTable(client: pg.Client, table: TableInfo): Promise<TableChecksum> {
  for await (const item of tableChunks(client, table)) {
    if (!Buffer.isBuffer(item)) return item;
  }
  throw new Error('unreachable: tableChunks always ends with a checksum');
}

/** The applied migrations, in order (empty when the database has never been migrated). */
export async function appliedMigrations(client: pg.Client): Promise<string[]> {
  const exists = await client.query(`SELECT to_regclass('public.${MIGRATION_TABLE}') IS NOT NULL AS ok`);
  if (!exists.rows[0]?.ok) return [];
  const { rows } = await client.query<{ name: string }>(
    `SELECT name FROM public.${MIGRATION_TABLE} ORDER BY name COLLATE "C"`,
  );
  return rows.map((r) => r.name);
}
