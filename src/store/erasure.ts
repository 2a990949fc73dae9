/**
 * Erasure in the database: removing a case (and, when it was the client's last, the client) with
 * every row that refers to it, leaving a tombstone. Call only from src/services/retention/erase.ts.
 *
 * How rows are found: the foreign keys. `eraseRows(tx, orgId, 'cases', 'id', [caseId])` first
 * erases every row of every table whose foreign key points at those rows (recursively: documents of
 * notes, answers of file reviews, links of rectification requests…), then the rows themselves. A new
 * table that refers to a case or a client by foreign key is therefore erased with it without
 * changing this file. Rows that refer to the case without a foreign key are handled explicitly
 * (field_changes by entity id). Rows that are kept but point at erased rows are un-linked first
 * (erasure_requests.client_id, cases.assessment_id).
 *
 * The immutable tables (filed notes, assessments, information-sharing records, completed caseload
 * reviews and their cases) let erasure through only while `caseload.erasure` is set to the id of a
 * tombstone of the same organisation in this transaction (migration 2026-11-24T0610-retention):
 * `beginErasure` writes the tombstone and sets it. audit_events is never touched.
 */
import { sql } from 'kysely';
import type { DbOrTx, Tx } from './db.ts';
import type { TombstoneFinancialTotal } from './schema.ts';

/** Tables never erased from: the hash-chained audit log and priority policy versions. */
const NEVER = new Set(['audit_events', 'priority_policies', 'tombstones']);

interface ForeignKeyIn {
  readonly child: string;
  readonly childColumn: string;
  readonly parentColumn: string;
}

/** Foreign keys pointing at `table`, as (child table, child column → parent column), org_id pairs left out. */
async function foreignKeysInto(tx: Tx, table: string): Promise<ForeignKeyIn[]> {
  const { rows } = await sql<{ child: string; child_cols: string[]; parent_cols: string[] }>`
    SELECT c.conrelid::regclass::text AS child,
           array_agg(ca.attname::text ORDER BY k.ord) AS child_cols,
           array_agg(pa.attname::text ORDER BY k.ord) AS parent_cols
      FROM pg_constraint c
     CROSS JOIN LATERAL unnest(c.conkey, c.confkey) WITH ORDINALITY AS k (ck, pk, ord)
      JOIN pg_attribute ca ON ca.attrelid = c.conrelid AND ca.attnum = k.ck
      JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = k.pk
     WHERE c.contype = 'f' AND c.confrelid = ${table}::regclass
     GROUP BY c.oid, c.conrelid`.execute(tx);
  const out: ForeignKeyIn[] = [];
  for (const r of rows) {
    const pairs = r.child_cols
      .map((col, i) => [col, r.parent_cols[i] ?? ''] as const)
      .filter(([c, p]) => !(c === 'org_id' && p === 'org_id'));
    const [pair] = pairs;
    if (pairs.length !== 1 || !pair)
      throw new Error(`erasure: cannot follow the foreign key ${r.child} → ${table}`);
    out.push({ child: r.child, childColumn: pair[0], parentColumn: pair[1] });
  }
  return out;
}

/**
 * Deletes the rows of `table` whose `column` is one of `values` in the organisation, after erasing
 * every row that refers to them. Returns the number of rows deleted per table.
 */
export async function eraseRows(
  tx: Tx,
  orgId: string,
  table: string,
  column: string,
  values: readonly string[],
  counts: Map<string, number> = new Map(),
): Promise<Map<string, number>> {
  if (values.length === 0) return counts;
  if (NEVER.has(table)) throw new Error(`erasure never deletes from ${table}`);
  const where = sql`org_id = ${orgId} AND ${sql.ref(column)}::text = ANY(${values as string[]}::text[])`;
  const { rows: present } = await sql<{ n: string }>`
    SELECT count(*) AS n FROM ${sql.table(table)} WHERE ${where}`.execute(tx);
  if (Number(present[0]?.n ?? 0) === 0) return counts;
  for (const fk of await foreignKeysInto(tx, table)) {
    if (fk.child === table) continue; // self-references (amendments, corrections) go in the same statement
    const { rows: keys } = await sql<{ k: string }>`
      SELECT DISTINCT ${sql.ref(fk.parentColumn)}::text AS k FROM ${sql.table(table)}
       WHERE ${where} AND ${sql.ref(fk.parentColumn)} IS NOT NULL`.execute(tx);
    await eraseRows(
      tx,
      orgId,
      fk.child,
      fk.childColumn,
      keys.map((k) => k.k),
      counts,
    );
  }
  const result = await sql`DELETE FROM ${sql.table(table)} WHERE ${where}`.execute(tx);
  counts.set(table, (counts.get(table) ?? 0) + Number(result.numAffectedRows ?? 0));
  return counts;
}

export interface TombstoneInput {
  readonly id: string;
  readonly orgId: string;
  readonly caseReference: string;
  readonly caseTypeKey: string;
  readonly caseTypeName: string;
  readonly openedOn: string;
  readonly closedOn: string | null;
  readonly outcomeKey: string | null;
  readonly financialOutcomes: readonly TombstoneFinancialTotal[];
  readonly reason: 'retention' | 'erasure-request';
  readonly erasureRequestId: string | null;
  readonly erasedBy: string;
  readonly erasedAt: Date;
}

/** Writes the tombstone and opens the gate of the immutable tables for this transaction. */
export async function beginErasure(tx: Tx, t: TombstoneInput): Promise<void> {
  await tx
    .insertInto('tombstones')
    .values({
      id: t.id,
      org_id: t.orgId,
      case_reference: t.caseReference,
      case_type_key: t.caseTypeKey,
      case_type_name: t.caseTypeName,
      opened_on: t.openedOn,
      closed_on: t.closedOn,
      outcome_key: t.outcomeKey,
      financial_outcomes: JSON.stringify(t.financialOutcomes),
      reason: t.reason,
      erasure_request_id: t.erasureRequestId,
      erased_by: t.erasedBy,
      erased_at: t.erasedAt,
    })
    .execute();
  await sql`SELECT set_config('caseload.erasure', ${t.id}, true)`.execute(tx);
}

/** Financial-outcome totals of a case by kind and frequency (for the tombstone). */
export async function financialTotalsOf(
  tx: Tx,
  orgId: string,
  caseId: string,
): Promise<TombstoneFinancialTotal[]> {
  const rows = await tx
    .selectFrom('financial_outcomes')
    .select([
      'kind',
      'frequency',
      sql<string>`count(*)`.as('count'),
      sql<string>`sum(amount_pence)`.as('total'),
    ])
    .where('org_id', '=', orgId)
    .where('case_id', '=', caseId)
    .groupBy(['kind', 'frequency'])
    .orderBy('kind')
    .orderBy('frequency')
    .execute();
  return rows.map((r) => ({
    kind: r.kind,
    frequency: r.frequency,
    count: Number(r.count),
    totalPence: String(r.total),
  }));
}

/** Erases one case and everything that refers to it. The tombstone must have been begun. */
export async function eraseCaseRows(tx: Tx, orgId: string, caseId: string): Promise<Map<string, number>> {
  await tx
    .updateTable('cases')
    .set({ assessment_id: null })
    .where('org_id', '=', orgId)
    .where('id', '=', caseId)
    .execute();
  const counts = new Map<string, number>();
  const changes = await tx
    .deleteFrom('field_changes')
    .where('org_id', '=', orgId)
    .where('entity_type', '=', 'case')
    .where('entity_id', '=', caseId)
    .executeTakeFirst();
  counts.set('field_changes', Number(changes.numDeletedRows));
  return eraseRows(tx, orgId, 'cases', 'id', [caseId], counts);
}

/** Erases a client (who has no case left) and everything that refers to them; requests keep a NULL. */
export async function eraseClientRows(tx: Tx, orgId: string, clientId: string): Promise<Map<string, number>> {
  await tx
    .updateTable('erasure_requests')
    .set({ client_id: null })
    .where('org_id', '=', orgId)
    .where('client_id', '=', clientId)
    .execute();
  const counts = new Map<string, number>();
  const changes = await tx
    .deleteFrom('field_changes')
    .where('org_id', '=', orgId)
    .where('entity_type', '=', 'client')
    .where('entity_id', '=', clientId)
    .executeTakeFirst();
  counts.set('field_changes', Number(changes.numDeletedRows));
  return eraseRows(tx, orgId, 'clients', 'id', [clientId], counts);
}

/**
 * Records kept after the client is erased that may still name them in free text: every text column
 * of these tables (where the table exists) has the client's identifiers replaced by '[erased]'.
 * Other clients' case records are not touched (see README, "Retention and erasure").
 */
export const REDACTED_TABLES = [
  'caseload_reviews',
  'reflections',
  'notifications',
  'external_factors',
  'erasure_requests',
  'breaches',
] as const;

/** Replaces every match of the patterns (PostgreSQL regular expressions, case-insensitive). */
export async function redactIdentifiers(
  tx: Tx,
  orgId: string,
  patterns: readonly string[],
  replacement: string,
  tables: readonly string[] = REDACTED_TABLES,
): Promise<number> {
  if (patterns.length === 0) return 0;
  const pattern = patterns.map((p) => `(${p})`).join('|');
  const { rows: columns } = await sql<{ table_name: string; column_name: string }>`
    SELECT c.table_name::text, c.column_name::text FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
       AND c.table_name = ANY(${[...tables]}::text[])
       AND c.data_type IN ('text', 'character varying') AND c.is_generated = 'NEVER'`.execute(tx);
  let changed = 0;
  for (const c of columns) {
    const col = sql.ref(c.column_name);
    const result = await sql`
      UPDATE ${sql.table(c.table_name)} SET ${col} = regexp_replace(${col}, ${pattern}, ${replacement}, 'gi')
       WHERE org_id = ${orgId} AND ${col} ~* ${pattern}`.execute(tx);
    changed += Number(result.numAffectedRows ?? 0);
  }
  return changed;
}

/**
 * Redacts the free-text fields of the audit events about a case (`fields` per action): each value
 * becomes `{ erased: <tombstone id> }` and an audit_redactions row records it. The events keep
 * their hash and prev_hash. Returns `{ seq, hash }` of each redacted event, for the `case.erased`
 * event to attest (the verifier checks it).
 */
export async function redactAuditEvents(
  tx: Tx,
  v: {
    orgId: string;
    tombstoneId: string;
    entityType: string;
    entityId: string;
    fields: Readonly<Record<string, readonly string[]>>;
    at: Date;
  },
): Promise<{ seq: number; hash: string }[]> {
  const out: { seq: number; hash: string }[] = [];
  for (const [action, paths] of Object.entries(v.fields)) {
    const events = await tx
      .selectFrom('audit_events')
      .select(['seq', 'hash', 'details'])
      .where('org_id', '=', v.orgId)
      .where('action', '=', action)
      .where('entity_type', '=', v.entityType)
      .where('entity_id', '=', v.entityId)
      .orderBy('seq')
      .execute();
    for (const e of events) {
      const present = paths.filter((p) => p in (e.details ?? {}));
      if (present.length === 0) continue;
      await tx
        .insertInto('audit_redactions')
        .values({
          org_id: v.orgId,
          seq: Number(e.seq),
          tombstone_id: v.tombstoneId,
          paths: [...present],
          redacted_at: v.at,
        })
        .execute();
      const patch = Object.fromEntries(present.map((p) => [p, { erased: v.tombstoneId }]));
      await sql`
        UPDATE audit_events SET details = details || ${JSON.stringify(patch)}::jsonb
         WHERE org_id = ${v.orgId} AND seq = ${e.seq}`.execute(tx);
      out.push({ seq: Number(e.seq), hash: e.hash });
    }
  }
  return out;
}

/** The redactions of an organisation's audit events, by seq. */
export async function auditRedactionsOf(
  db: DbOrTx,
  orgId: string,
): Promise<Map<number, { tombstoneId: string; paths: string[] }>> {
  const rows = await db
    .selectFrom('audit_redactions')
    .select(['seq', 'tombstone_id', 'paths'])
    .where('org_id', '=', orgId)
    .execute();
  return new Map(rows.map((r) => [Number(r.seq), { tombstoneId: r.tombstone_id, paths: r.paths }]));
}

/**
 * What the `case.erased` events of an organisation attest: seq → { hash, tombstoneId } of each
 * audit event they redacted.
 */
export async function auditRedactionAttestations(
  db: DbOrTx,
  orgId: string,
): Promise<Map<number, { hash: string; tombstoneId: string; bySeq: number }>> {
  const rows = await db
    .selectFrom('audit_events')
    .select(['seq', 'details'])
    .where('org_id', '=', orgId)
    .where('action', '=', 'case.erased')
    .where(sql<boolean>`details ? 'redactedAuditEvents'`)
    .execute();
  const out = new Map<number, { hash: string; tombstoneId: string; bySeq: number }>();
  for (const r of rows) {
    const d = r.details as { tombstoneId?: unknown; redactedAuditEvents?: unknown };
    if (typeof d.tombstoneId !== 'string' || !Array.isArray(d.redactedAuditEvents)) continue;
    for (const e of d.redactedAuditEvents as { seq?: unknown; hash?: unknown }[]) {
      if (typeof e.seq === 'number' && typeof e.hash === 'string') {
        out.set(e.seq, { hash: e.hash, tombstoneId: d.tombstoneId, bySeq: Number(r.seq) });
      }
    }
  }
  return out;
}
