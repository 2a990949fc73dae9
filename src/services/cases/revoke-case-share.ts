import { AppError } from '../../domain/errors.ts';
import { getCaseShare, revokeCaseShare as revokeShareRow } from '../../store/case-shares.ts';
import { audit, inTransaction, type ServiceContext } from '../context.ts';
import { loadCase } from './load-case.ts';

/**
 * Ends a share or a break-glass read at once (the owner or a supervisor of the team may). The
 * share stays on record with the time it was revoked. Revoking it again changes nothing.
 * @throws AppError UNAUTHENTICATED, CASE_NOT_FOUND, FORBIDDEN, SHARE_NOT_FOUND
 */
export async function revokeCaseShare(ctx: ServiceContext, caseId: string, shareId: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const { row } = await loadCase(ctx, caseId, 'manage', tx);
    const share = await getCaseShare(tx, row.org_id, row.id, shareId);
    if (!share) throw new AppError('SHARE_NOT_FOUND');
    const revoked = await revokeShareRow(tx, {
      orgId: row.org_id,
      caseId: row.id,
      shareId,
      now: ctx.clock.now(),
    });
    if (!revoked) return;
    await audit(ctx, tx, {
      action: 'case.share_revoked',
      entityType: 'case',
      entityId: row.id,
      details: { shareId, userId: share.user_id, kind: share.kind },
    });
  });
}
