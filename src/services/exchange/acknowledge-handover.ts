import { AppError } from '../../domain/errors.ts';
import {
  getHandoverForUpdate,
  getHandoverWithNames,
  type HandoverWithNames,
  setHandoverAcknowledged,
} from '../../store/handovers.ts';
import { audit, inTransaction, recordDenial, requireActor, type ServiceContext } from '../context.ts';
import { loadCaseOfRecord } from './case-of-record.ts';

/**
 * The new owner marks a handover note read ("I have read the handover"): from then on the case
 * page no longer puts it first. Only the person the case was handed to may; marking it again
 * changes nothing.
 * @throws AppError UNAUTHENTICATED, HANDOVER_NOT_FOUND, FORBIDDEN (not the new owner)
 */
export async function acknowledgeHandover(
  ctx: ServiceContext,
  handoverId: string,
): Promise<HandoverWithNames> {
  const actor = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    const handover = await getHandoverForUpdate(tx, actor.orgId, handoverId);
    if (!handover) throw new AppError('HANDOVER_NOT_FOUND');
    await loadCaseOfRecord(ctx, handover.case_id, 'view', tx, 'HANDOVER_NOT_FOUND');
    if (handover.to_user_id !== actor.id) {
      await recordDenial(ctx, 'handover.acknowledge', { entityType: 'handover', entityId: handover.id });
      throw new AppError('FORBIDDEN', 'Only the person the case was handed to marks its handover note read.');
    }
    if (!handover.acknowledged_at) {
      await setHandoverAcknowledged(tx, actor.orgId, handover.id, ctx.clock.now());
      await audit(ctx, tx, {
        action: 'handover.acknowledged',
        entityType: 'handover',
        entityId: handover.id,
        details: { caseId: handover.case_id },
      });
    }
    const read = await getHandoverWithNames(tx, actor.orgId, handover.id);
    if (!read) throw new AppError('HANDOVER_NOT_FOUND');
    return read;
  });
}
