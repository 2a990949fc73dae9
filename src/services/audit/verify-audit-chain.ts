import { chainHash, chainOrgIds, GENESIS_HASH, readChain, rowToEvent } from '../../store/audit.ts';
import type { DbOrTx } from '../../store/db.ts';
import type { AuditCheckpoint } from './audit-checkpoint.ts';

export interface BrokenEvent {
  readonly orgId: string;
  readonly seq: number;
  readonly reason: string;
}

export interface ChainReport {
  readonly ok: boolean;
  readonly chains: { orgId: string; events: number; headSeq: number; headHash: string }[];
  /** The first broken event found (chains are checked in org id order, events in seq order). */
  readonly broken?: BrokenEvent;
}

/**
 * Recomputes every organisation's hash chain: each event's hash must equal
 * SHA-256(previous hash ‖ canonical JSON of the event), sequences must run 1, 2, 3… without gaps,
 * and, given a checkpoint, every checkpointed head must still be there with the same hash
 * (which catches the deletion of the newest events, or of a whole chain).
 */
export async function verifyAuditChain(db: DbOrTx, checkpoint?: AuditCheckpoint): Promise<ChainReport> {
  const chains: ChainReport['chains'] = [];
  const orgIds = new Set(await chainOrgIds(db));
  for (const head of checkpoint?.chains ?? []) orgIds.add(head.orgId);
  for (const orgId of [...orgIds].sort()) {
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    let events = 0;
    for await (const row of readChain(db, orgId)) {
      const event = rowToEvent(row);
      const fail = (reason: string): ChainReport => ({
        ok: false,
        chains,
        broken: { orgId, seq: event.seq, reason },
      });
      if (event.seq !== expectedSeq)
        return fail(`expected sequence ${expectedSeq}, found ${event.seq} (events missing)`);
      if (row.prev_hash !== prevHash) return fail('its previous-hash does not match the event before it');
      if (chainHash(prevHash, event) !== row.hash)
        return fail('its content does not match its hash (altered)');
      prevHash = row.hash;
      expectedSeq += 1;
      events += 1;
    }
    const headSeq = expectedSeq - 1;
    const mark = checkpoint?.chains.find((c) => c.orgId === orgId);
    if (mark && mark.seq > headSeq) {
      return {
        ok: false,
        chains,
        broken: {
          orgId,
          seq: headSeq + 1,
          reason: `the checkpoint has events up to ${mark.seq}; they end at ${headSeq} (truncated)`,
        },
      };
    }
    chains.push({ orgId, events, headSeq, headHash: prevHash });
    if (mark) {
      const atMark = await db
        .selectFrom('audit_events')
        .select('hash')
        .where('org_id', '=', orgId)
        .where('seq', '=', mark.seq)
        .executeTakeFirst();
      if (atMark?.hash !== mark.hash) {
        return {
          ok: false,
          chains,
          broken: { orgId, seq: mark.seq, reason: 'it differs from the checkpoint (chain rewritten)' },
        };
      }
    }
  }
  return { ok: true, chains };
}
