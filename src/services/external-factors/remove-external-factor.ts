import { manageExternalFactor } from '../../domain/dashboard/external-factor-access.ts';
import { AppError } from '../../domain/errors.ts';
import { deleteExternalFactor, getExternalFactor } from '../../store/external-factors.ts';
import { audit, inTransaction, requireAccess, requireActor, type ServiceContext } from '../context.ts';
import { factorScopeOf } from './external-factor-checks.ts';

/**
 * Removes an external factor (it disappears from the charts; reviews that froze it keep their
 * copy). Audited (`external_factor.removed`: kind, dates, team and person ids).
 * @throws AppError UNAUTHENTICATED, NOT_FOUND, FORBIDDEN
 */
export async function removeExternalFactor(ctx: ServiceContext, id: string): Promise<void> {
  const actor = requireActor(ctx);
  await inTransaction(ctx, async (tx) => {
    const row = await getExternalFactor(tx, actor.orgId, id, { forUpdate: true });
    if (!row) throw new AppError('NOT_FOUND', 'There is no such external factor in your organisation.');
    await requireAccess(ctx, manageExternalFactor, await factorScopeOf(tx, actor.orgId, row), {
      entityType: 'external_factor',
      entityId: id,
    });
    await deleteExternalFactor(tx, actor.orgId, id);
    await audit(ctx, tx, {
      action: 'external_factor.removed',
      entityType: 'external_factor',
      entityId: id,
      details: {
        kind: row.kind,
        startsOn: row.startsOn,
        endsOn: row.endsOn,
        teamId: row.teamId,
        userId: row.userId,
      },
    });
  });
}
