import { handleErasureRequests } from '../../domain/access/retention.ts';
import { type ErasureRequestRow, listErasureRequests as listRows } from '../../store/retention.ts';
import type { ErasureRequestStatus } from '../../store/schema.ts';
import { audit, inTransaction, requireAccess, requireActor, type ServiceContext } from '../context.ts';

/**
 * The organisation's right-to-erasure requests, newest first (the client's name while they are not
 * yet erased). Audited with the request ids.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN
 */
export async function listErasureRequests(
  ctx: ServiceContext,
  status?: ErasureRequestStatus,
): Promise<ErasureRequestRow[]> {
  const actor = requireActor(ctx);
  await requireAccess(ctx, handleErasureRequests, undefined);
  return inTransaction(ctx, async (tx) => {
    const rows = await listRows(tx, actor.orgId, status);
    await audit(ctx, tx, {
      action: 'erasure_requests.listed',
      entityType: 'organisation',
      entityId: actor.orgId,
      details: { requestIds: rows.map((r) => r.id) },
    });
    return rows;
  });
}
