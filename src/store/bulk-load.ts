/**
 * Bulk loading for the synthetic caseload: rows streamed into a table with COPY … FROM STDIN (text
 * format), and a Kysely instance over one connection, so that the COPYs and the real repositories
 * and services (audit, re-assessment) all run inside one transaction on that connection.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DB } from './schema.ts';

/** One value in COPY's text format. */
export function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (Array.isArray(value)) return escapeCopy(`{${value.map((v) => arrayElement(v)).join(',')}}`);
  if (typeof value === 'object') return escapeCopy(JSON.stringify(value));
  return escapeCopy(String(value));
}

function arrayElement(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  const s = String(v);
  return /^[A-Za-z0-9._:-]+$/.test(s) ? s : `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function escapeCopy(s: string): string {
  return s.replace(/[\\\n\r\t]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t',
  );
}

/**
 * COPYs `rows` into `table` (only the named columns; the others take their defaults and generated
 * columns compute themselves). `orgId` is written into every row's org_id.
 */
export async function copyRows<Row extends object>(
  client: pg.Client,
  table: string,
  orgId: string | null,
  columns: readonly (keyof Row & string)[],
  rows: readonly Row[],
): Promise<void> {
  if (rows.length === 0) return;
  const allColumns = orgId === null ? columns : ['org_id', ...columns];
  const sql = `COPY ${client.escapeIdentifier(table)} (${allColumns.map((c) => client.escapeIdentifier(c)).join(', ')}) FROM STDIN`;
  const prefix = orgId === null ? '' : `${orgId}\t`;
  function* lines() {
    let chunk = '';
    for (const row of rows) {
      const r = row as Record<string, unknown>;
      chunk += `${prefix}${columns.map((c) => copyValue(r[c])).join('\t')}\n`;
      if (chunk.length > 65_536) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
  await pipeline(Readable.from(lines()), client.query(copyFrom(sql)));
}

/**
 * A Kysely instance whose every query runs on `client` (which stays open: the caller owns it and
 * its transaction). Do not call `.transaction()` on it: BEGIN/COMMIT are the caller's.
 */
export function kyselyOnClient(client: pg.Client): Kysely<DB> {
  // One query at a time on the connection, in call order (Promise.all in a service must not
  // interleave on one client: pg deprecates that).
  let last: Promise<unknown> = Promise.resolve();
  const serialised = {
    query: (...args: Parameters<pg.Client['query']>) => {
      const run = last.then(() => (client.query as (...a: unknown[]) => Promise<unknown>)(...args));
      last = run.catch(() => undefined);
      return run;
    },
    release: () => undefined,
  };
  const pool = { connect: async () => serialised, end: async () => undefined };
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool: pool as unknown as pg.Pool }) });
}
