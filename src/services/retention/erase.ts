/**
 * Erasure: the one path that removes personal data, used by the retention review (approve) and by
 * right-to-erasure requests. Runs inside the caller's transaction.
 *
 * For a case: writes a pseudonymous tombstone (reference, type, opened/closed dates, outcome key,
 * financial-outcome totals, when, by whom, why), then deletes the case and every row that refers to
 * it (src/store/erasure.ts follows the foreign keys) — documents with their content, notes with
 * their amendments and search vectors, assessments, sharing records, field history… When it was the
 * client's last case, the client goes too (consents, field history, requests about them), and the
 * client's identifiers are replaced by '[erased]' in the free text of records that are kept
 * (caseload-review summaries, reflections, notifications, external factors, erasure requests).
 *
 * audit_events is never changed: its details hold ids, counts and field names only, so the chain
 * still verifies. The erasure itself is audited (`case.erased` with the tombstone id, `client.erased`).
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../domain/errors.ts';
import { AUDIT_FREE_TEXT_FIELDS, ERASED_TEXT, identifierPatterns } from '../../domain/retention/retention.ts';
import { calendarDateIn } from '../../domain/time/calendar.ts';
import type { Tx } from '../../store/db.ts';
import {
  beginErasure,
  eraseCaseRows,
  eraseClientRows,
  financialTotalsOf,
  REDACTED_TABLES,
  redactAuditEvents,
  redactIdentifiers,
} from '../../store/erasure.ts';
import { audit, requireActor, type ServiceContext } from '../context.ts';
import { organisationCalendar } from '../organisation-calendar.ts';

export interface CaseErasure {
  readonly tombstoneId: string;
  readonly caseId: string;
  readonly reference: string;
  readonly clientId: string;
  readonly clientErased: boolean;
}

const toObject = (m: Map<string, number>) =>
  Object.fromEntries([...m.entries()].filter(([, n]) => n > 0).sort(([a], [b]) => a.localeCompare(b)));

/**
 * Erases a closed case (and its client when it was their last case). The caller has checked access.
 * @throws AppError CASE_NOT_FOUND, CONFLICT (the case is not closed)
 */
export async function eraseCaseIn(
  ctx: ServiceContext,
  tx: Tx,
  target: {
    readonly caseId: string;
    readonly reason: 'retention' | 'erasure-request';
    readonly erasureRequestId?: string | null;
  },
): Promise<CaseErasure> {
  const actor = requireActor(ctx);
  const orgId = actor.orgId;
  const row = await tx
    .selectFrom('cases as c')
    .innerJoin('case_types as t', (j) =>
      j.onRef('t.org_id', '=', 'c.org_id').onRef('t.id', '=', 'c.case_type_id'),
    )
    .select([
      'c.id',
      'c.reference',
      'c.client_id',
      'c.status',
      'c.opened_at',
      'c.closed_at',
      'c.outcome_key',
      't.key as type_key',
      't.name as type_name',
    ])
    .where('c.org_id', '=', orgId)
    .where('c.id', '=', target.caseId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new AppError('CASE_NOT_FOUND');
  if (row.status !== 'closed') {
    throw new AppError(
      'CONFLICT',
      `Case ${row.reference} is not closed: close it before its data is erased.`,
    );
  }
  const now = ctx.clock.now();
  const { timeZone } = await organisationCalendar(tx, orgId, now);
  const tombstoneId = randomUUID();
  await beginErasure(tx, {
    id: tombstoneId,
    orgId,
    caseReference: row.reference,
    caseTypeKey: row.type_key,
    caseTypeName: row.type_name,
    openedOn: calendarDateIn(row.opened_at, timeZone),
    closedOn: row.closed_at ? calendarDateIn(row.closed_at, timeZone) : null,
    outcomeKey: row.outcome_key,
    financialOutcomes: await financialTotalsOf(tx, orgId, row.id),
    reason: target.reason,
    erasureRequestId: target.erasureRequestId ?? null,
    erasedBy: actor.id,
    erasedAt: now,
  });
  const counts = await eraseCaseRows(tx, orgId, row.id);
  const redactedAuditEvents = await redactAuditEvents(tx, {
    orgId,
    tombstoneId,
    entityType: 'case',
    entityId: row.id,
    fields: AUDIT_FREE_TEXT_FIELDS,
    at: now,
  });
  const others = await tx
    .selectFrom('cases')
    .select('id')
    .where('org_id', '=', orgId)
    .where('client_id', '=', row.client_id)
    .limit(1)
    .executeTakeFirst();
  const clientErased = !others;
  await audit(ctx, tx, {
    action: 'case.erased',
    entityType: 'case',
    entityId: row.id,
    details: {
      tombstoneId,
      reason: target.reason,
      ...(target.erasureRequestId ? { erasureRequestId: target.erasureRequestId } : {}),
      clientErased,
      rowsErased: toObject(counts),
      // Attests the audit events whose free text this erasure replaced (verify-audit-chain.ts).
      redactedAuditEvents,
    },
  });
  if (clientErased) await eraseClientIn(ctx, tx, row.client_id, { tombstoneId, gateOpen: true });
  return { tombstoneId, caseId: row.id, reference: row.reference, clientId: row.client_id, clientErased };
}

/**
 * Erases a client who has no case left, and redacts their identifiers from kept free text.
 * `gateOpen`: a tombstone was begun in this transaction (completed caseload reviews may be redacted).
 */
export async function eraseClientIn(
  ctx: ServiceContext,
  tx: Tx,
  clientId: string,
  opts: { readonly tombstoneId?: string; readonly gateOpen: boolean },
): Promise<void> {
  const actor = requireActor(ctx);
  const orgId = actor.orgId;
  const client = await tx
    .selectFrom('clients')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', clientId)
    .executeTakeFirst();
  if (!client) throw new AppError('CLIENT_NOT_FOUND');
  const patterns = identifierPatterns({
    legalName: client.legal_name,
    preferredName: client.preferred_name,
    dateOfBirth: client.date_of_birth,
    email: client.email,
    phone: client.phone,
    address: client.address,
  });
  const counts = await eraseClientRows(tx, orgId, clientId);
  const tables = opts.gateOpen ? REDACTED_TABLES : REDACTED_TABLES.filter((t) => t !== 'caseload_reviews');
  const redacted = await redactIdentifiers(tx, orgId, patterns, ERASED_TEXT, tables);
  await audit(ctx, tx, {
    action: 'client.erased',
    entityType: 'client',
    entityId: clientId,
    details: {
      ...(opts.tombstoneId ? { tombstoneId: opts.tombstoneId } : {}),
      rowsErased: toObject(counts),
      textsRedacted: redacted,
    },
  });
}
