import { AppError } from '../../domain/errors.ts';
import { revokeCaseShare } from '../../store/case-shares.ts';
import { getCaseSpecialist, markSpecialistRemoved } from '../../store/case-specialists.ts';
import { lockCase } from '../../store/cases.ts';
import { loadCase } from '../cases/load-case.ts';
import { audit, inTransaction, requireActor, type ServiceContext } from '../context.ts';
import type { SpecialistView } from './resources-view.ts';

/**
 * Removes a specialist from a case (the owner or a supervisor of the team may) and revokes the
 * share that adding them granted, so they no longer see the case unless something else lets them.
 * The specialist stays on record with who removed them and when. Removing them again changes nothing.
 * @throws AppError UNAUTHENTICATED, CASE_NOT_FOUND, FORBIDDEN, SPECIALIST_NOT_FOUND
 */
export async function removeCaseSpecialist(
  ctx: ServiceContext,
  caseId: string,
  specialistId: string,
): Promise<SpecialistView> {
  const actor = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    await lockCase(tx, actor.orgId, caseId);
    const { row } = await loadCase(ctx, caseId, 'manage', tx);
    const specialist = await getCaseSpecialist(tx, row.org_id, row.id, specialistId);
    if (!specialist) throw new AppError('SPECIALIST_NOT_FOUND');
    if (specialist.removed_at !== null) return { row: specialist, canSeeCase: false };
    const now = ctx.clock.now();
    await markSpecialistRemoved(tx, {
      orgId: row.org_id,
      caseId: row.id,
      id: specialist.id,
      removedBy: actor.id,
      now,
    });
    const revoked = specialist.share_id
      ? await revokeCaseShare(tx, { orgId: row.org_id, caseId: row.id, shareId: specialist.share_id, now })
      : false;
    await audit(ctx, tx, {
      action: 'case.specialist_removed',
      entityType: 'case',
      entityId: row.id,
      details: {
        specialistId: specialist.id,
        userId: specialist.user_id,
        shareId: specialist.share_id,
        shareRevoked: revoked,
      },
    });
    const removed = await getCaseSpecialist(tx, row.org_id, row.id, specialist.id);
    if (!removed) throw new AppError('SPECIALIST_NOT_FOUND');
    return { row: removed, canSeeCase: false };
  });
}
