/**
 * The append-only, hash-chained audit log. One chain per organisation:
 *   hash = SHA-256(prev_hash ‖ canonical JSON (RFC 8785) of the event)
 * Appends take a transaction-scoped advisory lock on the organisation's chain (in `audit_chain_head`,
 * with the read of the head), so concurrent writers in one organisation queue for a moment while
 * organisations never wait on each other.
 * Details hold ids, codes and field names — never personal data — so the chain survives erasure.
 */
import { createHash } from 'node:crypto';
import canonicalizeCjs from 'canonicalize';
import { sql } from 'kysely';
import type { DbOrTx } from './db.ts';
import type { AuditEventRow } from './schema.ts';

/** The chain of events that belong to no organisation (e.g. a sign-in attempt for an unknown email). */
// The package is CommonJS whose types claim an ES default export; at run time the import is the function.
const canonicalize = canonicalizeCjs as unknown as (input: unknown) => string | undefined;

export const SYSTEM_ORG_ID = '00000000-0000-0000-0000-000000000000';
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEventInput {
  readonly orgId: string;
  readonly actorId: string | null;
  readonly action: string;
  readonly entityType?: string | null;
  readonly entityId?: string | null;
  readonly requestId?: string | null;
  readonly details?: Record<string, unknown>;
  readonly occurredAt?: Date;
}

export interface ChainedEvent {
  readonly orgId: string;
  readonly seq: number;
  readonly occurredAt: Date;
  readonly actorId: string | null;
  readonly action: string;
  readonly entityType: string | null;
  readonly entityId: string | null;
  readonly requestId: string | null;
  readonly details: Record<string, unknown>;
}

/** The exact bytes that are hashed for an event. */
export function canonicalEvent(e: ChainedEvent): string {
  const text = canonicalize({
    seq: e.seq,
    orgId: e.orgId,
    occurredAt: e.occurredAt.toISOString(),
    actorId: e.actorId,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    requestId: e.requestId,
    details: e.details,
  });
  if (text === undefined) throw new Error('audit event cannot be canonicalised');
  return text;
}

export function chainHash(prevHash: string, e: ChainedEvent): string {
  return createHash('sha256').update(prevHash).update(canonicalEvent(e)).digest('hex');
}

/** An event chained onto the one before it: what is stored. */
export interface LinkedEvent extends ChainedEvent {
  readonly prevHash: string;
  readonly hash: string;
}

/**
 * Chains events of one organisation after its head (undefined for a new chain), in the order
 * given: the one place where sequence numbers and hashes are made. Pure, so a bulk load can chain
 * millions of events and COPY them, and appends chain the same way.
 */
export function chainEvents(
  orgId: string,
  head: { readonly seq: number; readonly hash: string } | undefined,
  inputs: readonly Omit<AuditEventInput, 'orgId'>[],
): LinkedEvent[] {
  let seq = head?.seq ?? 0;
  let prevHash = head?.hash ?? GENESIS_HASH;
  return inputs.map((input) => {
    const event: ChainedEvent = {
      orgId,
      seq: ++seq,
      occurredAt: input.occurredAt ?? new Date(),
      actorId: input.actorId,
      action: input.action,
      entityType: input.entityType ?? null,
      entityId: input.entityId ?? null,
      requestId: input.requestId ?? null,
      // Through JSON once, so what is hashed is exactly what jsonb gives back.
      details: JSON.parse(JSON.stringify(input.details ?? {})) as Record<string, unknown>,
    };
    const linked = { ...event, prevHash, hash: chainHash(prevHash, event) };
    prevHash = linked.hash;
    return linked;
  });
}

/** The audit_events row of a chained event (org_id aside). */
export function auditEventRow(e: LinkedEvent) {
  return {
    seq: e.seq,
    occurred_at: e.occurredAt,
    actor_id: e.actorId,
    action: e.action,
    entity_type: e.entityType,
    entity_id: e.entityId,
    request_id: e.requestId,
    details: JSON.stringify(e.details),
    prev_hash: e.prevHash,
    hash: e.hash,
  };
}

/**
 * Appends one event to its organisation's chain. Call it inside the transaction of the change it
 * records, so both commit or neither does.
 */
export async function appendAuditEvent(db: DbOrTx, input: AuditEventInput): Promise<LinkedEvent> {
  const [event] = await appendAuditEvents(db, input.orgId, [input]);
  if (!event) throw new Error('audit event not appended');
  return event;
}

/**
 * Appends several events of one organisation's chain at once, in the order given: one lock with
 * the read of the head (`audit_chain_head`, one round trip) and one INSERT (a re-assessment of
 * thousands of cases records thousands of events). The lock is the organisation's
 * transaction-scoped advisory lock, held until commit: call it as late in the transaction as the
 * change allows.
 */
export async function appendAuditEvents(
  db: DbOrTx,
  orgId: string,
  inputs: readonly Omit<AuditEventInput, 'orgId'>[],
): Promise<LinkedEvent[]> {
  if (inputs.length === 0) return [];
  const { rows } = await sql<{ seq: number; hash: string }>`
    SELECT seq, hash FROM audit_chain_head(${orgId})`.execute(db);
  const last = rows[0];
  const events = chainEvents(orgId, last ? { seq: Number(last.seq), hash: last.hash } : undefined, inputs);
  // Within PostgreSQL's bind-parameter limit (11 per row).
  for (let i = 0; i < events.length; i += 2_000) {
    await db
      .insertInto('audit_events')
      .values(events.slice(i, i + 2_000).map((e) => ({ org_id: orgId, ...auditEventRow(e) })))
      .execute();
  }
  return events;
}

export function rowToEvent(row: AuditEventRow): ChainedEvent {
  return {
    orgId: row.org_id,
    seq: Number(row.seq),
    occurredAt: row.occurred_at,
    actorId: row.actor_id,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    requestId: row.request_id,
    details: row.details,
  };
}

/** The organisations that have a chain, with their head (latest seq and hash). */
export async function chainHeads(db: DbOrTx): Promise<{ orgId: string; seq: number; hash: string }[]> {
  const rows = await db
    .selectFrom('audit_events')
    .distinctOn('org_id')
    .select(['org_id', 'seq', 'hash'])
    .orderBy('org_id')
    .orderBy('seq', 'desc')
    .execute();
  return rows.map((r) => ({ orgId: r.org_id, seq: Number(r.seq), hash: r.hash }));
}

/** Reads one chain in seq order, a page at a time (keyset pagination). */
export async function* readChain(db: DbOrTx, orgId: string, pageSize = 5000): AsyncGenerator<AuditEventRow> {
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const row of rows) yield row;
    if (rows.length < pageSize) return;
    after = Number(rows.at(-1)?.seq);
  }
}

/** Every organisation id that has audit events. */
export async function chainOrgIds(db: DbOrTx): Promise<string[]> {
  const rows = await db.selectFrom('audit_events').select('org_id').distinct().orderBy('org_id').execute();
  return rows.map((r) => r.org_id);
}

/** The stored hash of one event, or undefined when there is no such event. */
export async function eventHash(db: DbOrTx, orgId: string, seq: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('audit_events')
    .select('hash')
    .where('org_id', '=', orgId)
    .where('seq', '=', seq)
    .executeTakeFirst();
  return row?.hash;
}
