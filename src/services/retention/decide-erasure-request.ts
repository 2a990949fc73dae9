import { handleErasureRequests } from '../../domain/access/retention.ts';
import { AppError } from '../../domain/errors.ts';
import type { Tx } from '../../store/db.ts';
import {
  type ErasureRequestRow,
  getErasureRequest,
  decideErasureRequest as storeDecision,
} from '../../store/retention.ts';
import {
  audit,
  inTransaction,
  recordDenial,
  requireAccess,
  requireActor,
  type ServiceContext,
} from '../context.ts';
import { eraseCaseIn, eraseClientIn } from './erase.ts';

export interface ErasureDecision {
  readonly request: ErasureRequestRow;
  /** The tombstones of the erased cases (approval only). */
  readonly tombstoneIds: readonly string[];
}

async function pendingRequest(ctx: ServiceContext, tx: Tx, id: string): Promise<ErasureRequestRow> {
  const actor = requireActor(ctx);
  const request = await getErasureRequest(tx, actor.orgId, id, { forUpdate: true });
  if (!request) throw new AppError('NOT_FOUND', 'There is no such erasure request in your organisation.');
  if (request.status !== 'pending') {
    throw new AppError('CONFLICT', `This erasure request has been ${request.status} already.`);
  }
  if (request.recordedBy === actor.id) {
    // Audited in a transaction of its own: this one rolls back.
    await recordDenial(ctx, 'erasure-requests.second-person', {
      entityType: 'erasure_request',
      entityId: id,
    });
    throw new AppError(
      'FORBIDDEN',
      'You recorded this request: a different admin or auditor must approve or refuse it.',
    );
  }
  return request;
}

/**
 * A second admin or auditor approves a right-to-erasure request: every case of the client is
 * erased (each leaves a tombstone), then the client. Refused while any of the client's cases is
 * open or on hold — close them first (deciding whether an exemption applies, e.g. a legal claim,
 * stays with the organisation). One transaction: all the client's data goes, or none.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN (recorded it yourself), NOT_FOUND, CONFLICT (decided
 *   already, or open cases)
 */
export async function approveErasureRequest(ctx: ServiceContext, id: string): Promise<ErasureDecision> {
  const actor = requireActor(ctx);
  await requireAccess(ctx, handleErasureRequests, undefined, { entityType: 'erasure_request', entityId: id });
  return inTransaction(ctx, async (tx) => {
    const request = await pendingRequest(ctx, tx, id);
    if (!request.clientId)
      throw new AppError('CONFLICT', 'The client of this request has been erased already.');
    const cases = await tx
      .selectFrom('cases')
      .select(['id', 'reference', 'status'])
      .where('org_id', '=', actor.orgId)
      .where('client_id', '=', request.clientId)
      .orderBy('reference')
      .forUpdate()
      .execute();
    const open = cases.filter((c) => c.status !== 'closed');
    if (open.length > 0) {
      throw new AppError(
        'CONFLICT',
        `Close the client’s open cases first (${open.map((c) => c.reference).join(', ')}): open cases are not erased.`,
      );
    }
    const now = ctx.clock.now();
    await storeDecision(tx, {
      orgId: actor.orgId,
      id,
      status: 'approved',
      by: actor.id,
      at: now,
      reason: null,
      caseCount: cases.length,
    });
    const tombstoneIds: string[] = [];
    for (const c of cases) {
      const erased = await eraseCaseIn(ctx, tx, {
        caseId: c.id,
        reason: 'erasure-request',
        erasureRequestId: id,
      });
      tombstoneIds.push(erased.tombstoneId);
    }
    if (cases.length === 0) await eraseClientIn(ctx, tx, request.clientId, { gateOpen: false });
    await audit(ctx, tx, {
      action: 'erasure_request.approved',
      entityType: 'erasure_request',
      entityId: id,
      details: { clientId: request.clientId, caseIds: cases.map((c) => c.id), tombstoneIds },
    });
    const decided = await getErasureRequest(tx, actor.orgId, id);
    if (!decided) throw new AppError('NOT_FOUND');
    return { request: decided, tombstoneIds };
  });
}

/**
 * A second admin or auditor refuses a right-to-erasure request, with the reason (e.g. an exemption
 * applies). Nothing is erased. Audited without the reason's text.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT (decided already)
 */
export async function refuseErasureRequest(
  ctx: ServiceContext,
  id: string,
  reason: string,
): Promise<ErasureDecision> {
  const actor = requireActor(ctx);
  await requireAccess(ctx, handleErasureRequests, undefined, { entityType: 'erasure_request', entityId: id });
  return inTransaction(ctx, async (tx) => {
    const request = await pendingRequest(ctx, tx, id);
    await storeDecision(tx, {
      orgId: actor.orgId,
      id,
      status: 'refused',
      by: actor.id,
      at: ctx.clock.now(),
      reason,
      caseCount: null,
    });
    await audit(ctx, tx, {
      action: 'erasure_request.refused',
      entityType: 'erasure_request',
      entityId: id,
      details: { clientId: request.clientId },
    });
    const decided = await getErasureRequest(tx, actor.orgId, id);
    if (!decided) throw new AppError('NOT_FOUND');
    return { request: decided, tombstoneIds: [] };
  });
}
