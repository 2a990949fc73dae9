import { chainHash, chainOrgIds, eventHash, GENESIS_HASH, readChain, rowToEvent } from '../../store/audit.ts';
import type { DbOrTx } from '../../store/db.ts';
import { auditRedactionAttestations, auditRedactionsOf } from '../../store/erasure.ts';
import type { AuditCheckpoint } from './audit-checkpoint.ts';

export interface BrokenEvent {
  readonly orgId: string;
  readonly seq: number;
  readonly reason: string;
}

export interface ChainResult {
  readonly orgId: string;
  /** Events checked (up to the first break). */
  readonly events: number;
  readonly headSeq: number;
  readonly headHash: string;
  readonly broken?: BrokenEvent;
  /** Events whose free text was redacted by an erasure, accounted for (present only when some were). */
  readonly redacted?: number;
}

export interface ChainReport {
  readonly ok: boolean;
  readonly chains: ChainResult[];
  /** The first broken event (chains in organisation id order, events in sequence order). */
  readonly broken?: BrokenEvent;
}

/**
 * Recomputes every organisation's hash chain: each event's hash must equal
 * SHA-256(previous hash ‖ canonical JSON of the event), sequences must run 1, 2, 3… without gaps,
 * and, given a checkpoint, every checkpointed head must still be there with the same hash
 * (which catches the deletion of the newest events, or of a whole chain).
 */
export async function verifyAuditChain(db: DbOrTx, checkpoint?: AuditCheckpoint): Promise<ChainReport> {
  const orgIds = new Set(await chainOrgIds(db));
  for (const head of checkpoint?.chains ?? []) orgIds.add(head.orgId);
  const chains: ChainResult[] = [];
  for (const orgId of [...orgIds].sort()) {
    chains.push(
      await verifyChain(
        db,
        orgId,
        checkpoint?.chains.find((c) => c.orgId === orgId),
      ),
    );
  }
  const broken = chains.find((c) => c.broken)?.broken;
  return broken ? { ok: false, chains, broken } : { ok: true, chains };
}

async function verifyChain(
  db: DbOrTx,
  orgId: string,
  mark: { seq: number; hash: string } | undefined,
): Promise<ChainResult> {
  let prevHash = GENESIS_HASH;
  let events = 0;
  let redacted = 0;
  // Erasure may have replaced an event's free text (migration 2026-11-24T0610-retention): such an
  // event no longer matches its hash, and is accepted only when a redaction record names it and a
  // later `case.erased` event of the same tombstone — itself in the chain — attests its hash.
  const redactions = await auditRedactionsOf(db, orgId);
  const attestations = redactions.size > 0 ? await auditRedactionAttestations(db, orgId) : new Map();
  const accountedFor = (seq: number, hash: string, details: Record<string, unknown>): boolean => {
    const r = redactions.get(seq);
    const a = attestations.get(seq);
    if (!r || !a || a.hash !== hash || a.tombstoneId !== r.tombstoneId || a.bySeq <= seq) return false;
    return r.paths.every((p) => {
      const v = details[p] as { erased?: unknown } | undefined;
      return typeof v === 'object' && v !== null && v.erased === r.tombstoneId && Object.keys(v).length === 1;
    });
  };
  const result = (broken?: Omit<BrokenEvent, 'orgId'>): ChainResult => ({
    orgId,
    events,
    headSeq: events,
    headHash: prevHash,
    ...(broken ? { broken: { orgId, ...broken } } : {}),
    ...(redacted > 0 ? { redacted } : {}),
  });
  for await (const row of readChain(db, orgId)) {
    const event = rowToEvent(row);
    const expected = events + 1;
    if (event.seq !== expected) {
      return result({
        seq: event.seq,
        reason: `expected sequence ${expected}, found ${event.seq} (events missing)`,
      });
    }
    if (row.prev_hash !== prevHash)
      return result({ seq: event.seq, reason: 'its previous-hash does not match the event before it' });
    if (chainHash(prevHash, event) !== row.hash) {
      if (!accountedFor(event.seq, row.hash, event.details))
        return result({ seq: event.seq, reason: 'its content does not match its hash (altered)' });
      redacted += 1;
    }
    prevHash = row.hash;
    events += 1;
  }
  if (mark && mark.seq > events) {
    return result({
      seq: events + 1,
      reason: `the checkpoint has events up to ${mark.seq}; they end at ${events} (truncated)`,
    });
  }
  if (mark) {
    if ((await eventHash(db, orgId, mark.seq)) !== mark.hash)
      return result({ seq: mark.seq, reason: 'it differs from the checkpoint (chain rewritten)' });
  }
  return result();
}
