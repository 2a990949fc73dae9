/**
 * Searches the whole database for text: every column of every table (text, json, arrays, dates and
 * tsvectors cast to text, case-insensitively; bytea by its bytes). Used to prove that erasure leaves
 * no trace:   expect(await searchDatabase(db, ['Quillfeather'])).toEqual([]);
 */
import { sql } from 'kysely';
import type { Db } from '../../src/store/db.ts';

export interface Trace {
  readonly table: string;
  readonly column: string;
  readonly needle: string;
  readonly rows: number;
}

export async function searchDatabase(db: Db, needles: readonly string[]): Promise<Trace[]> {
  const { rows: columns } = await sql<{ table_name: string; column_name: string; data_type: string }>`
    SELECT c.table_name::text, c.column_name::text, c.data_type::text
      FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
     ORDER BY c.table_name, c.ordinal_position`.execute(db);
  const traces: Trace[] = [];
  for (const c of columns) {
    const col = sql.ref(c.column_name);
    for (const needle of needles) {
      const where =
        c.data_type === 'bytea'
          ? sql`position(convert_to(${needle}, 'UTF8') IN ${col}) > 0
                OR position(convert_to(lower(${needle}), 'UTF8') IN ${col}) > 0`
          : sql`${col}::text ILIKE ${`%${needle.replace(/[\\%_]/g, '\\$&')}%`}`;
      const { rows } = await sql<{ n: string }>`
        SELECT count(*) AS n FROM ${sql.table(c.table_name)} WHERE ${where}`.execute(db);
      const n = Number(rows[0]?.n ?? 0);
      if (n > 0) traces.push({ table: c.table_name, column: c.column_name, needle, rows: n });
    }
  }
  return traces;
}
