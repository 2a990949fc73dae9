import { handleErasureRequests } from '../../domain/access/retention.ts';
import { AppError } from '../../domain/errors.ts';
import { type ErasureRequestRow, getErasureRequest, insertErasureRequest } from '../../store/retention.ts';
import { audit, inTransaction, requireAccess, requireActor, type ServiceContext } from '../context.ts';
import { organisationCalendar } from '../organisation-calendar.ts';

/**
 * An admin or auditor records a client's request to have their data erased (pending until a
 * different admin or auditor decides it). Audited with the client id.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, CLIENT_NOT_FOUND, VALIDATION_FAILED (receivedOn)
 */
export async function recordErasureRequest(
  ctx: ServiceContext,
  input: { readonly clientId: string; readonly receivedOn: string; readonly reason: string },
): Promise<ErasureRequestRow> {
  const actor = requireActor(ctx);
  await requireAccess(ctx, handleErasureRequests, undefined);
  return inTransaction(ctx, async (tx) => {
    const client = await tx
      .selectFrom('clients')
      .select('id')
      .where('org_id', '=', actor.orgId)
      .where('id', '=', input.clientId)
      .executeTakeFirst();
    if (!client) throw new AppError('CLIENT_NOT_FOUND');
    const now = ctx.clock.now();
    const { today } = await organisationCalendar(tx, actor.orgId, now);
    if (input.receivedOn > today)
      throw AppError.field('receivedOn', 'The date received cannot be in the future.');
    const id = await insertErasureRequest(tx, {
      orgId: actor.orgId,
      clientId: input.clientId,
      receivedOn: input.receivedOn,
      reason: input.reason,
      by: actor.id,
      at: now,
    });
    await audit(ctx, tx, {
      action: 'erasure_request.recorded',
      entityType: 'erasure_request',
      entityId: id,
      details: { clientId: input.clientId },
    });
    const row = await getErasureRequest(tx, actor.orgId, id);
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  });
}
